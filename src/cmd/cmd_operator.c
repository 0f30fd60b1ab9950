/* cmd_operator.c -- what an operator runs at a shell to set a kiosk up:
   --hash-pin (the staff PIN, hashed into the settings) and --self-test
   (the start-up checks). */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>
#include <wchar.h>
#include "commands.h"
#include "pin.h"
#include "selftest.h"
#include "settings.h"
#include "system.h"
#include "wrap.h"

/* Reads a line into BUF (SIZE bytes) from standard input, without echo
   when it is a terminal, after PROMPT there. Returns false at the end. */
static bool
read_secret (const char *prompt, char *buf, size_t size)
{
  struct termios saved, quiet;
  bool terminal = isatty (STDIN_FILENO) && tcgetattr (STDIN_FILENO, &saved) == 0;
  bool read_ok;

  if (terminal)
    {
      /* Echo off before the prompt: what is typed after it is never
         shown, nor thrown away by the flush. */
      quiet = saved;
      quiet.c_lflag &= (tcflag_t) ~ECHO;
      tcsetattr (STDIN_FILENO, TCSAFLUSH, &quiet);
      fputs (prompt, stderr);
    }
  read_ok = fgets (buf, (int) size, stdin) != NULL;
  if (terminal)
    {
      tcsetattr (STDIN_FILENO, TCSAFLUSH, &saved);
      fputc ('\n', stderr);
    }
  buf[read_ok ? strcspn (buf, "\r\n") : 0] = '\0';
  return read_ok;
}

/* Reads a staff PIN from standard input and stores its hash: in the
   settings file CONFIG, replacing the line there, or, with CONFIG NULL,
   printed as the settings line. On a terminal the PIN is asked twice. */
int
command_hash_pin (const char *config)
{
  char pin[64], again[64], hash[256], err[512], prompt[128];
  int status = EXIT_FAILURE;

  snprintf (prompt, sizeof prompt, _("Staff PIN (%d to %d digits): "), PIN_NEW_MIN_DIGITS,
            PIN_MAX_DIGITS);
  read_secret (prompt, pin, sizeof pin);
  if (!pin_valid_new (pin))
    {
      fprintf (stderr, _("%s: a staff PIN has %d to %d digits\n"), PACKAGE, PIN_NEW_MIN_DIGITS,
               PIN_MAX_DIGITS);
      goto out;
    }
  if (isatty (STDIN_FILENO))
    {
      read_secret (_("The same PIN again: "), again, sizeof again);
      if (strcmp (pin, again) != 0)
        {
          fprintf (stderr, _("%s: the two PINs differ; nothing was changed\n"), PACKAGE);
          goto out;
        }
    }
  if (pin_hash (pin, hash, sizeof hash, err, sizeof err) != 0)
    {
      fprintf (stderr, "%s: %s\n", PACKAGE, err);
      goto out;
    }
  if (!config)
    {
      printf ("staff-pin = %s\n", hash);
      status = EXIT_SUCCESS;
    }
  else if (settings_write_value (config, "staff-pin", hash, err, sizeof err) != 0)
    fprintf (stderr, _("%s: cannot set the staff PIN: %s\n"), PACKAGE, err);
  else
    {
      fprintf (stderr, _("%s: the staff PIN is set\n"), config);
      status = EXIT_SUCCESS;
    }
out:
  explicit_bzero (pin, sizeof pin);
  explicit_bzero (again, sizeof again);
  return status;
}

/* safejob --self-test: the start-up checks, for operators at a shell. The
   usage figures are not opened here: run as root, SQLite would make files
   beside them that the kiosk's user could not write. */
int
command_self_test (const struct selftest_paths *paths, bool json)
{
  struct selftest_paths shell = *paths;
  struct selftest result;
  const char *stats = paths->stats_db;

  shell.stats_db = NULL;
  selftest_run (&shell, &result);
  struct selftest_check *c = &result.checks[SELFTEST_STATS];
  if (stats)
    {
      bool exists = access (stats, F_OK) == 0;
      char dir[1024];
      snprintf (dir, sizeof dir, "%s", stats);
      char *slash = strrchr (dir, '/');
      if (slash)
        *slash = '\0';
      c->ok = exists || access (slash ? (dir[0] ? dir : "/") : ".", W_OK) == 0;
      snprintf (c->detail, sizeof c->detail, "%s: %s", stats,
                exists ? _("present (opened by the kiosk and the staff menu's self-test)")
                : c->ok ? _("not made yet; the kiosk makes it")
                : _("its directory cannot be written"));
    }
  if (json)
    selftest_json (&result, stdout);
  else
    for (int i = 0; i < SELFTEST_COUNT; i++)
      {
        /* printf pads by bytes: the word is padded to six columns here, so
           that the checks line up in every script. */
        const char *word = result.checks[i].ok ? _("ok") : _("FAILED");
        wchar_t *wide = wrap_decode (word);
        int pad = wide ? 6 - wrap_width (wide, wcslen (wide)) : 0;
        free (wide);
        char *status = NULL;
        if (asprintf (&status, "%s%*s", word, pad > 0 ? pad : 0, "") < 0)
          status = NULL;
        /* TRANSLATORS: %1$s is "ok" or "FAILED", %2$s a check, %3$s what was found. */
        printf (_("%1$-6s %2$s: %3$s\n"), status ? status : word, _(result.checks[i].name),
                result.checks[i].detail);
        free (status);
      }
  return selftest_passed (&result) ? EXIT_SUCCESS : EXIT_FAILURE;
}
