/* settings.c -- reading and checking the kiosk's settings file.
   The format is the one operators know from /etc: "name = value" lines,
   blank lines, and "#" comment lines. */
#include <config.h>
#include "settings.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "keyfile.h"
#include "languages.h"
#include "system.h"

#ifndef SETTINGS_FILE
# define SETTINGS_FILE "/etc/safejob/kiosk.conf"
#endif

void
settings_init (struct settings *settings)
{
  memset (settings, 0, sizeof *settings);
  settings->idle_seconds = SETTINGS_UNSET;
  settings->input_guard_ms = SETTINGS_UNSET;
  settings->theme = SETTINGS_UNSET;
  settings->terminal_bidi = SETTINGS_UNSET;
  settings->kiosk_mode = SETTINGS_UNSET;
  settings->stats_keep_days = SETTINGS_UNSET;
  settings->office_keep_days = SETTINGS_UNSET;
  settings->speech = SETTINGS_UNSET;
  settings->speech_rate = SETTINGS_UNSET;
  settings->speech_volume = SETTINGS_UNSET;
}

const char *
settings_default_path (void)
{
  const char *env = getenv ("SAFEJOB_CONFIG");
  return env && *env ? env : SETTINGS_FILE;
}

int
settings_theme_find (const char *name)
{
  static const char *const names[] = { "default", "contrast", "mono" };
  for (size_t i = 0; i < ARRAY_SIZE (names); i++)
    if (strcmp (names[i], name) == 0)
      return (int) i;
  return -1;
}

/* --- Values -------------------------------------------------------------- */

/* A whole number from MIN to MAX into *OUT, or WHY it is not one. */
static const char *
parse_number (const char *value, int min, int max, int *out, const char *why)
{
  char *end;
  errno = 0;
  long n = strtol (value, &end, 10);
  if (end == value || *end || errno || n < min || n > max)
    return why;
  *out = (int) n;
  return NULL;
}

static const char *
parse_yes_no (const char *value, int *out)
{
  if (strcmp (value, "yes") == 0 || strcmp (value, "no") == 0)
    {
      *out = strcmp (value, "yes") == 0;
      return NULL;
    }
  return "takes yes or no";
}

static const char *
parse_country (const char *value, char out[3])
{
  if (strlen (value) != 2 || !isupper ((unsigned char) value[0])
      || !isupper ((unsigned char) value[1]))
    return "takes a two-letter country code in capitals, such as NP";
  memcpy (out, value, 3);
  return NULL;
}

static const char *
parse_path (const char *value, char *out, size_t size)
{
  if (strlen (value) >= size)
    return "is too long";
  memcpy (out, value, strlen (value) + 1);
  return NULL;
}

/* The kiosk writes its figures to a file of its own, offline first: a
   server is where they are pushed, stats-server. */
static const char *
parse_stats_db (const char *value, char *out, size_t size)
{
  if (strncmp (value, "postgresql://", 13) == 0 || strncmp (value, "postgres://", 11) == 0
      || (value[0] != '/' && value[0] != '.' && strchr (value, '=')))
    return "takes a file; the fleet's server, to which the figures are pushed, is stats-server";
  return parse_path (value, out, size);
}

/* Whether the connection string VALUE holds a password: the word
   password= (key=value words, or a URI's parameters), or a URI's
   user:password@. */
static bool
holds_password (const char *value)
{
  for (const char *at = strstr (value, "password"); at; at = strstr (at + 1, "password"))
    {
      const char *after = at + 8;
      while (*after == ' ' || *after == '\t')
        after++;
      if (*after == '=' && (at == value || strchr (" \t?&", at[-1])))
        return true;
    }
  const char *rest = strstr (value, "://");
  if (rest)
    {
      rest += 3;
      size_t authority = strcspn (rest, "/?");
      const char *userinfo_end = memchr (rest, '@', authority);
      if (userinfo_end && memchr (rest, ':', (size_t) (userinfo_end - rest)))
        return true;
    }
  return false;
}

/* A PostgreSQL connection string: a URI, or key=value words. The password
   is never here, in a file other users of the machine may read, but in
   the kiosk user's own ~/.pgpass (libpq's password file). */
static const char *
parse_server (const char *value, char *out, size_t size)
{
  if (strncmp (value, "postgresql://", 13) != 0 && strncmp (value, "postgres://", 11) != 0
      && !strchr (value, '='))
    return "takes a PostgreSQL connection string (postgresql://kiosk@host/fleet, or "
           "'host=... dbname=... user=...')";
  if (holds_password (value))
    return "holds a password; keep it in the kiosk user's ~/.pgpass (libpq's password file, "
           "mode 0600) instead";
  return parse_path (value, out, size);
}

static const char *
parse_languages (const char *value, struct settings *settings)
{
  static char why[160];
  char copy[SETTINGS_MAX_LANGUAGES * 16];
  char *save = NULL;
  int count = 0;

  if (strlen (value) >= sizeof copy)
    return "lists too many languages";
  strcpy (copy, value);
  for (char *code = strtok_r (copy, " \t,", &save); code; code = strtok_r (NULL, " \t,", &save))
    {
      if (!languages_known (code))
        {
          snprintf (why, sizeof why, "names '%.40s', which is not a shipped language", code);
          return why;
        }
      for (int i = 0; i < count; i++)
        if (strcmp (settings->languages[i], code) == 0)
          {
            snprintf (why, sizeof why, "names '%.40s' twice", code);
            return why;
          }
      if (count == SETTINGS_MAX_LANGUAGES)
        return "lists too many languages";
      strcpy (settings->languages[count++], code);
    }
  if (count == 0)
    return "needs at least one language";
  settings->language_count = count;
  return NULL;
}

static const char *
parse_kiosk_id (const char *value, char *out)
{
  size_t n = strlen (value);
  if (n == 0 || n > SETTINGS_ID_MAX)
    return "takes 1 to 32 letters, digits, '.', '_' or '-'";
  for (size_t i = 0; i < n; i++)
    if (!isalnum ((unsigned char) value[i]) && !strchr ("._-", value[i]))
      return "takes 1 to 32 letters, digits, '.', '_' or '-'";
  memcpy (out, value, n + 1);
  return NULL;
}

/* A crypt(3) hash: "$id$...", made of its alphabet. A PIN written in the
   clear is refused, so that it is never left readable in the file. */
static const char *
parse_pin_hash (const char *value, char *out, size_t size)
{
  size_t n = strlen (value);
  if (strspn (value, "0123456789") == n)
    return "holds a PIN in the clear; store its hash, as 'safejob --hash-pin' prints it";
  if (value[0] != '$' || n < 20 || n >= size
      || strspn (value, "$./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz") != n)
    return "is not a PIN hash as 'safejob --hash-pin' prints it";
  memcpy (out, value, n + 1);
  return NULL;
}

const char *
settings_set (struct settings *s, const char *name, const char *value)
{
  if (strcmp (name, "languages") == 0)
    return parse_languages (value, s);
  if (strcmp (name, "nationality") == 0)
    return parse_country (value, s->nationality);
  if (strcmp (name, "destination") == 0)
    return parse_country (value, s->destination);
  if (strcmp (name, "idle") == 0)
    return parse_number (value, 0, 86400, &s->idle_seconds,
                         "takes a number of seconds from 0 to 86400");
  if (strcmp (name, "input-guard") == 0)
    return parse_number (value, 0, 2000, &s->input_guard_ms,
                         "takes a number of milliseconds from 0 to 2000");
  if (strcmp (name, "theme") == 0)
    {
      int theme = settings_theme_find (value);
      if (theme < 0)
        return "takes default, contrast or mono";
      s->theme = theme;
      return NULL;
    }
  if (strcmp (name, "bidi") == 0)
    {
      if (strcmp (value, "program") != 0 && strcmp (value, "terminal") != 0)
        return "takes program or terminal";
      s->terminal_bidi = strcmp (value, "terminal") == 0;
      return NULL;
    }
  if (strcmp (name, "kiosk-mode") == 0)
    return parse_yes_no (value, &s->kiosk_mode);
  if (strcmp (name, "printer") == 0)
    return parse_path (value, s->printer, sizeof s->printer);
  if (strcmp (name, "content-db") == 0)
    return parse_path (value, s->content_db, sizeof s->content_db);
  if (strcmp (name, "stats-db") == 0)
    return parse_stats_db (value, s->stats_db, sizeof s->stats_db);
  if (strcmp (name, "stats-server") == 0)
    return parse_server (value, s->stats_server, sizeof s->stats_server);
  if (strcmp (name, "stats-keep-days") == 0)
    return parse_number (value, 1, 3650, &s->stats_keep_days,
                         "takes a number of days from 1 to 3650");
  if (strcmp (name, "speech") == 0)
    {
      /* In the order of enum speech_mode (ui/speech.h). */
      static const char *const modes[] = { "off", "on", "request" };
      for (size_t i = 0; i < ARRAY_SIZE (modes); i++)
        if (strcmp (value, modes[i]) == 0)
          {
            s->speech = (int) i;
            return NULL;
          }
      return "takes off, on or request";
    }
  if (strcmp (name, "speech-device") == 0)
    return parse_path (value, s->speech_device, sizeof s->speech_device);
  if (strcmp (name, "speech-rate") == 0)
    return parse_number (value, 80, 450, &s->speech_rate,
                         "takes a number of words a minute from 80 to 450");
  if (strcmp (name, "speech-volume") == 0)
    return parse_number (value, 1, 200, &s->speech_volume,
                         "takes a volume from 1 to 200 (100 is the voice's own)");
  if (strcmp (name, "office-keep-days") == 0)
    return parse_number (value, 1, 3650, &s->office_keep_days,
                         "takes a number of days from 1 to 3650");
  if (strcmp (name, "office-db") == 0)
    return parse_path (value, s->office_db, sizeof s->office_db);
  if (strcmp (name, "office-outbox") == 0)
    return parse_path (value, s->office_outbox, sizeof s->office_outbox);
  if (strcmp (name, "kiosk-id") == 0)
    return parse_kiosk_id (value, s->kiosk_id);
  if (strcmp (name, "staff-pin") == 0)
    return parse_pin_hash (value, s->staff_pin_hash, sizeof s->staff_pin_hash);
  return "is not a setting";
}

/* --- The file ------------------------------------------------------------ */

int
settings_read (const char *path, bool required, struct settings *settings, struct diag *diag)
{
  FILE *f = fopen (path, "r");
  if (!f)
    {
      if (required || errno != ENOENT)
        {
          diag_error (diag, path, 0, "cannot read the settings: %s", strerror (errno));
          return 1;
        }
      return 0;
    }
  int errors = settings_read_stream (f, path, settings, diag);
  fclose (f);
  return errors;
}

int
settings_read_stream (FILE *f, const char *path, struct settings *settings, struct diag *diag)
{
  enum { NAMES = 32 };     /* more than there are settings */
  char names[NAMES][32];
  int name_lines[NAMES];
  int name_count = 0;
  int errors_before = diag->errors;
  struct keyfile file;
  char *name, *value;

  keyfile_open (&file, f, path, "expected 'name = value'", diag);
  while (keyfile_next (&file, &name, &value))
    {
      int seen = -1;
      for (int i = 0; i < name_count; i++)
        if (strcmp (names[i], name) == 0)
          seen = i;
      if (seen >= 0)
        {
          diag_error (diag, path, file.line, "'%s' is set twice (first on line %d)", name,
                      name_lines[seen]);
          continue;
        }
      const char *why = settings_set (settings, name, value);
      if (why)
        {
          diag_error (diag, path, file.line, "'%.60s' %s", name, why);
          continue;
        }
      if (name_count < NAMES && strlen (name) < sizeof names[0])
        {
          strcpy (names[name_count], name);
          name_lines[name_count++] = file.line;
        }
    }
  keyfile_close (&file);
  return diag->errors - errors_before;
}

void
settings_override (struct settings *dst, const struct settings *src)
{
  if (src->language_count > 0)
    {
      memcpy (dst->languages, src->languages, sizeof dst->languages);
      dst->language_count = src->language_count;
    }
#define TAKE_STRING(field) if (src->field[0]) memcpy (dst->field, src->field, sizeof dst->field)
#define TAKE_INT(field) if (src->field != SETTINGS_UNSET) dst->field = src->field
  TAKE_STRING (nationality);
  TAKE_STRING (destination);
  TAKE_INT (idle_seconds);
  TAKE_INT (input_guard_ms);
  TAKE_INT (theme);
  TAKE_INT (terminal_bidi);
  TAKE_INT (kiosk_mode);
  TAKE_STRING (printer);
  TAKE_STRING (content_db);
  TAKE_STRING (stats_db);
  TAKE_INT (stats_keep_days);
  TAKE_INT (office_keep_days);
  TAKE_STRING (office_db);
  TAKE_STRING (office_outbox);
  TAKE_STRING (stats_server);
  TAKE_INT (speech);
  TAKE_STRING (speech_device);
  TAKE_INT (speech_rate);
  TAKE_INT (speech_volume);
  TAKE_STRING (kiosk_id);
  TAKE_STRING (staff_pin_hash);
#undef TAKE_STRING
#undef TAKE_INT
}

/* Whether LINE sets NAME ("NAME = ...", spaces allowed around). */
static bool
line_sets (const char *line, const char *name)
{
  size_t n = strlen (name);
  while (isspace ((unsigned char) *line))
    line++;
  if (strncmp (line, name, n) != 0)
    return false;
  line += n;
  while (*line == ' ' || *line == '\t')
    line++;
  return *line == '=';
}

int
settings_write_value (const char *path, const char *name, const char *value, char *err,
                      size_t size)
{
  char tmp[SETTINGS_PATH_MAX + 16];
  struct stat st;
  char *line = NULL;
  size_t cap = 0;
  bool written = false, ends_with_newline = true, created = false;
  int fd = -1;
  FILE *in = NULL, *out = NULL;

  if (snprintf (tmp, sizeof tmp, "%s.XXXXXX", path) >= (int) sizeof tmp)
    return diag_format (err, size, "%s: %s", path, strerror (ENAMETOOLONG));
  in = fopen (path, "r");
  if (!in || fstat (fileno (in), &st) != 0)
    {
      diag_format (err, size, "%s: %s", path, strerror (errno));
      goto fail;
    }
  fd = mkstemp (tmp);
  created = fd >= 0;
  if (fd < 0 || !(out = fdopen (fd, "w")))
    {
      diag_format (err, size, "%s: %s", tmp, strerror (errno));
      goto fail;
    }
  fd = -1;
  while (getline (&line, &cap, in) > 0)
    {
      ends_with_newline = strchr (line, '\n') != NULL;
      if (!line_sets (line, name))
        fputs (line, out);
      else if (!written)
        {
          fprintf (out, "%s = %s\n", name, value);
          written = true;
        }
    }
  if (ferror (in))
    {
      diag_format (err, size, "%s: %s", path, strerror (errno));
      goto fail;
    }
  if (!written)
    fprintf (out, "%s%s = %s\n", ends_with_newline ? "" : "\n", name, value);
  if (fchmod (fileno (out), st.st_mode & 07777) != 0
      || (fchown (fileno (out), st.st_uid, st.st_gid) != 0 && errno != EPERM)
      || fflush (out) != 0 || fsync (fileno (out)) != 0)
    {
      diag_format (err, size, "%s: %s", tmp, strerror (errno));
      goto fail;
    }
  if (fclose (out) != 0)
    {
      out = NULL;
      diag_format (err, size, "%s: %s", tmp, strerror (errno));
      goto fail;
    }
  out = NULL;
  if (rename (tmp, path) != 0)
    {
      diag_format (err, size, "%s: %s", path, strerror (errno));
      goto fail;
    }
  fclose (in);
  free (line);
  return 0;

fail:
  if (out)
    fclose (out);
  if (fd >= 0)
    close (fd);
  if (created)
    unlink (tmp);
  if (in)
    fclose (in);
  free (line);
  return -1;
}
