/* selftest.c -- checking the settings, the content, the printer and the
   usage figures, each with a message staff can act on. */
#include <config.h>
#include "selftest.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "content.h"
#include "content_db.h"
#include "diag.h"
#include "session.h"
#include "settings.h"
#include "stats.h"
#include "system.h"

static void
check_settings (const struct selftest_paths *paths, struct selftest_check *check)
{
  struct settings settings;
  char *text = NULL;
  size_t size = 0;
  FILE *out;

  check->needed = true;
  if (!paths->settings)
    {
      check->ok = true;
      snprintf (check->detail, sizeof check->detail, "%s", _("none; the defaults are used"));
      return;
    }
  out = open_memstream (&text, &size);
  if (!out)
    {
      snprintf (check->detail, sizeof check->detail, "%s", strerror (errno));
      return;
    }
  struct diag diag = { out, 0 };
  settings_init (&settings);
  settings_read (paths->settings, paths->settings_required, &settings, &diag);
  fclose (out);
  check->ok = diag.errors == 0;
  if (check->ok)
    snprintf (check->detail, sizeof check->detail, "%s", paths->settings);
  else
    {
      /* The first problem; --check-config lists them all. */
      char *newline = strchr (text, '\n');
      if (newline)
        *newline = '\0';
      snprintf (check->detail, sizeof check->detail, "%s", text);
    }
  free (text);
  explicit_bzero (&settings, sizeof settings);
}

static void
check_content (const struct selftest_paths *paths, struct selftest_check *check)
{
  struct content content;
  char err[400];

  check->needed = true;
  if (content_db_load (paths->content_db, &content, err, sizeof err) == 0)
    {
      check->ok = true;
      /* TRANSLATORS: %1$s is a file, %2$s the content's version (a digest),
         %3$s the day its newest contact was copied from its source (not a
         day anyone checked that the numbers work). */
      snprintf (check->detail, sizeof check->detail,
                _("%1$s, version %2$s, contact sources copied up to %3$s"),
                paths->content_db, content.version ? content.version : "?",
                content.newest_check ? content.newest_check : "?");
    }
  else
    snprintf (check->detail, sizeof check->detail, "%s", err);
  content_free (&content);
}

void
selftest_printer (const struct selftest_paths *paths, struct selftest_check *check)
{
  if (!paths->printer)
    {
      check->ok = true;
      snprintf (check->detail, sizeof check->detail, "%s", _("none set"));
      return;
    }
  /* Opened, never created: an unplugged printer must not look ready. */
  int fd = open (paths->printer, O_WRONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
  check->ok = fd >= 0;
  snprintf (check->detail, sizeof check->detail, "%s: %s", paths->printer,
            fd >= 0 ? _("ready") : strerror (errno));
  if (fd >= 0)
    close (fd);
}

static void
check_stats (const struct selftest_paths *paths, struct selftest_check *check)
{
  char err[400];
  if (!paths->stats_db)
    {
      check->ok = true;
      snprintf (check->detail, sizeof check->detail, "%s", _("none kept"));
      return;
    }
  struct stats *stats = stats_open (paths->stats_db, err, sizeof err);
  check->ok = stats != NULL;
  snprintf (check->detail, sizeof check->detail, "%s", stats ? paths->stats_db : err);
  stats_close (stats);
}

void
selftest_run (const struct selftest_paths *paths, struct selftest *result)
{
  static const char *const names[SELFTEST_COUNT] = {
    /* TRANSLATORS: the checks of the staff self-test. */
    N_("Settings"), N_("Content database"), N_("Printer"), N_("Usage figures"),
  };
  memset (result, 0, sizeof *result);
  for (int i = 0; i < SELFTEST_COUNT; i++)
    result->checks[i].name = names[i];
  check_settings (paths, &result->checks[SELFTEST_SETTINGS]);
  check_content (paths, &result->checks[SELFTEST_CONTENT]);
  selftest_printer (paths, &result->checks[SELFTEST_PRINTER]);
  check_stats (paths, &result->checks[SELFTEST_STATS]);
}

bool
selftest_passed (const struct selftest *result)
{
  for (int i = 0; i < SELFTEST_COUNT; i++)
    if (result->checks[i].needed && !result->checks[i].ok)
      return false;
  return true;
}

int
selftest_config (const struct settings *settings, const struct selftest_paths *paths,
                 struct diag *diag)
{
  const char *file = paths->settings;
  struct content content;
  char err[400];
  int before = diag->errors;

  memset (&content, 0, sizeof content);
  if (content_db_load (paths->content_db, &content, err, sizeof err) != 0)
    diag_error (diag, file, 0, _("the kiosk would be out of service: %s"), err);
  else
    {
      static const struct { const char *setting; unsigned role; } wanted[] = {
        { "nationality", COUNTRY_ORIGIN }, { "destination", COUNTRY_DESTINATION },
      };
      const char *codes[] = { settings->nationality, settings->destination };
      for (size_t i = 0; i < ARRAY_SIZE (wanted); i++)
        {
          if (!codes[i][0])
            continue;
          const struct country *country = content_country (&content, codes[i]);
          if (!country)
            /* TRANSLATORS: %1$s is a setting's name, %2$s a country code, %3$s a file. */
            diag_error (diag, file, 0, _("'%1$s' %2$s is not a country of %3$s"),
                        wanted[i].setting, codes[i], paths->content_db);
          else if (!(country->roles & wanted[i].role))
            diag_error (diag, file, 0, _("'%1$s' %2$s is a country of %3$s, but not one "
                                         "offered as a %1$s"),
                        wanted[i].setting, codes[i], paths->content_db);
        }
    }
  content_free (&content);

  struct selftest_check printer = { 0 };
  selftest_printer (paths, &printer);
  if (!printer.ok)
    diag_error (diag, file, 0, _("the printer cannot be written to: %s"), printer.detail);

  /* What a person answered is said aloud: only into headphones, never to
     whatever the system's default device is (a loudspeaker, often). */
  if (settings->speech > 0 && !settings->speech_device[0])
    diag_error (diag, file, 0, _("'speech' is on but no 'speech-device' is set: name the "
                                 "headphones' audio device (aplay -L lists them); the "
                                 "default device may be a loudspeaker"));
  if (settings->kiosk_mode == 1 && !settings->staff_pin_hash[0])
    diag_error (diag, file, 0, _("kiosk mode is on but there is no 'staff-pin': nobody could "
                                 "open the staff menu (safejob --hash-pin --config=%s)"),
                file);
  return diag->errors - before;
}

/* S as a JSON string. */
static void
json_string (FILE *out, const char *s)
{
  putc ('"', out);
  for (const unsigned char *p = (const unsigned char *) s; *p; p++)
    if (*p == '"' || *p == '\\')
      fprintf (out, "\\%c", *p);
    else if (*p < 0x20)
      fprintf (out, "\\u%04x", *p);
    else
      putc (*p, out);
  putc ('"', out);
}

void
selftest_json (const struct selftest *result, FILE *out)
{
  static const char *const keys[SELFTEST_COUNT] = {
    "settings", "content", "printer", "stats",
  };
  fprintf (out, "{\"passed\":%s,\"checks\":[", selftest_passed (result) ? "true" : "false");
  for (int i = 0; i < SELFTEST_COUNT; i++)
    {
      const struct selftest_check *c = &result->checks[i];
      fprintf (out, "%s{\"name\":\"%s\",\"ok\":%s,\"needed\":%s,\"detail\":", i ? "," : "",
               keys[i], c->ok ? "true" : "false", c->needed ? "true" : "false");
      json_string (out, c->detail);
      putc ('}', out);
    }
  fputs ("]}\n", out);
}
