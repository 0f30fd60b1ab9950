/* test-settings.c -- the kiosk's settings file, the staff PIN and its
   lock-out, and the offered languages. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "languages.h"
#include "pin.h"
#include "pin_lock.h"
#include "settings.h"
#include "tap.h"

/* Reads TEXT as a settings file; returns the number of errors and leaves
   the messages in MESSAGES. */
static int
read_text (const char *text, struct settings *settings, char *messages, size_t size)
{
  char path[] = "/tmp/safejob-settings-XXXXXX";
  int fd = mkstemp (path);
  FILE *f = fdopen (fd, "w");
  fputs (text, f);
  fclose (f);
  memset (messages, 0, size);
  FILE *out = fmemopen (messages, size, "w");
  struct diag diag = { out, 0 };
  settings_init (settings);
  settings_read (path, true, settings, &diag);
  fclose (out);
  messages[strcspn (messages, "\n")] = '\0';
  remove (path);
  /* Messages name the temporary file: keep only what follows it. */
  char *colon = strchr (messages, ':');
  if (colon)
    memmove (messages, colon, strlen (colon) + 1);
  return diag.errors;
}

int
main (void)
{
  static struct settings s, cli;
  char messages[2048];

  /* A good file. */
  ok (read_text ("# a comment\n\nlanguages = ne en th\nnationality = NP\ndestination = TH\n"
                 "idle = 90\ntheme = contrast\nbidi = terminal\nkiosk-mode = yes\n"
                 "printer = /dev/usb/lp0\nstats-keep-days = 365\nkiosk-id = ktm-airport.1\n"
                 "office-keep-days = 90\n"
                 "input-guard = 250\n"
                 "  stats-db   =   /var/lib/safejob/stats.db  \n", &s, messages, sizeof messages) == 0,
      "a valid file has no errors (%s)", messages);
  ok (s.language_count == 3 && strcmp (s.languages[0], "ne") == 0
      && strcmp (s.languages[2], "th") == 0, "languages keep their order");
  ok (strcmp (s.nationality, "NP") == 0 && strcmp (s.destination, "TH") == 0,
      "nationality and destination are read");
  ok (s.idle_seconds == 90 && s.theme == 1 && s.terminal_bidi == 1 && s.kiosk_mode == 1
      && s.input_guard_ms == 250,
      "numbers, themes and yes/no values are read");
  ok (strcmp (s.stats_db, "/var/lib/safejob/stats.db") == 0,
      "blanks around names and values are trimmed");
  ok (strcmp (s.kiosk_id, "ktm-airport.1") == 0 && s.stats_keep_days == 365
      && s.office_keep_days == 90,
      "the kiosk id and the retention are read");

  /* Each kind of mistake, with its line. */
  static const struct { const char *text, *message; } bad[] = {
    { "idle = 5\nidle = 6\n", ":2: 'idle' is set twice (first on line 1)" },
    { "colour = blue\n", ":1: 'colour' is not a setting" },
    { "\nidle\n", ":2: expected 'name = value'" },
    { "idle =\n", ":1: 'idle' has no value" },
    { "idle = soon\n", ":1: 'idle' takes a number of seconds from 0 to 86400" },
    { "idle = 90000\n", ":1: 'idle' takes a number of seconds from 0 to 86400" },
    { "theme = purple\n", ":1: 'theme' takes default, contrast or mono" },
    { "bidi = both\n", ":1: 'bidi' takes program or terminal" },
    { "kiosk-mode = sure\n", ":1: 'kiosk-mode' takes yes or no" },
    { "nationality = Nepal\n", ":1: 'nationality' takes a two-letter country code" },
    { "languages = ne xx\n", ":1: 'languages' names 'xx', which is not a shipped language" },
    { "languages = ne ne\n", ":1: 'languages' names 'ne' twice" },
    { "staff-pin = 2468\n", ":1: 'staff-pin' holds a PIN in the clear" },
    { "staff-pin = secret\n", ":1: 'staff-pin' is not a PIN hash" },
    { "kiosk-id = my kiosk\n", ":1: 'kiosk-id' takes 1 to 32 letters" },
    { "stats-keep-days = 0\n", ":1: 'stats-keep-days' takes a number of days from 1 to 3650" },
    { "office-keep-days = 3651\n", ":1: 'office-keep-days' takes a number of days from 1 to 3650" },
    { "input-guard = 5000\n", ":1: 'input-guard' takes a number of milliseconds from 0 to 2000" },
  };
  for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
    {
      int errors = read_text (bad[i].text, &s, messages, sizeof messages);
      ok (errors == 1 && strncmp (messages, bad[i].message, strlen (bad[i].message)) == 0,
          "error \"%s\" (got %d: %s)", bad[i].message, errors, messages);
    }
  ok (read_text ("idle = soon\ntheme = purple\nkiosk-id = a b\n", &s, messages, sizeof messages) == 3,
      "every error is reported, not only the first");

  /* Every setting once, then one of them again: the last is caught too
     (only the first 16 names were remembered, fewer than the settings). */
  read_text ("languages = en\nnationality = NP\ndestination = TH\nidle = 5\ninput-guard = 0\n"
             "theme = mono\nbidi = program\nkiosk-mode = no\nprinter = /dev/null\n"
             "content-db = /c.db\nstats-db = /s.db\nstats-keep-days = 9\nspeech = off\n"
             "speech-device = x\nspeech-rate = 100\nspeech-volume = 100\n"
             "office-keep-days = 9\nkiosk-id = k\nkiosk-id = j\n", &s, messages,
             sizeof messages);
  ok (strncmp (messages, ":19: 'kiosk-id' is set twice (first on line 18)", 48) == 0,
      "a setting set twice is caught after seventeen others (%s)", messages);
  read_text ("office-db = host=db dbname=office\noffice-outbox = /o.db\n", &s, messages,
             sizeof messages);
  ok (strcmp (s.office_db, "host=db dbname=office") == 0 && strcmp (s.office_outbox, "/o.db") == 0,
      "office-db takes a connection string, office-outbox a file");
  read_text ("stats-server = postgresql://kiosk@db/fleet\n", &s, messages, sizeof messages);
  ok (strcmp (s.stats_server, "postgresql://kiosk@db/fleet") == 0,
      "stats-server takes a connection string");
  static const char *const with_password[] = {
    "stats-server = host=db user=kiosk password=x\n",
    "stats-server = host=db user=kiosk password = x\n",
    "stats-server = postgresql://kiosk:x@db/fleet\n",
    "stats-server = postgresql://kiosk@db/fleet?password=x\n",
  };
  for (size_t i = 0; i < sizeof with_password / sizeof *with_password; i++)
    {
      int errors = read_text (with_password[i], &s, messages, sizeof messages);
      ok (errors == 1 && strstr (messages, "'stats-server' holds a password") && !s.stats_server[0],
          "stats-server refuses a password: %.*s", (int) strcspn (with_password[i], "\n"),
          with_password[i]);
    }
  ok (read_text ("stats-server = host=db passfile=/etc/pw\n", &s, messages, sizeof messages) == 0,
      "but takes passfile= (a password's file is no password)");
  ok (read_text ("stats-server = /var/lib/x\n", &s, messages, sizeof messages) == 1,
      "stats-server refuses a file");
  ok (read_text ("stats-db = host=db dbname=fleet\n", &s, messages, sizeof messages) == 1
      && strstr (messages, "is stats-server"), "stats-db refuses a server, naming stats-server");
  ok (read_text ("stats-db = postgres-figures.db\n", &s, messages, sizeof messages) == 0,
      "but takes a file whose name starts with postgres");

  /* A missing file: an error only when it was named. */
  FILE *out = fmemopen (messages, sizeof messages, "w");
  struct diag diag = { out, 0 };
  settings_init (&s);
  ok (settings_read ("/nonexistent/kiosk.conf", false, &s, &diag) == 0,
      "a missing default settings file is no error");
  ok (settings_read ("/nonexistent/kiosk.conf", true, &s, &diag) == 1,
      "a missing settings file named on the command line is an error");
  fclose (out);

  /* The command line overrides the file, field by field. */
  read_text ("idle = 90\ntheme = mono\nprinter = /dev/usb/lp0\n", &s, messages, sizeof messages);
  settings_init (&cli);
  ok (settings_set (&cli, "idle", "5") == NULL, "an option is checked as its setting is");
  settings_override (&s, &cli);
  ok (s.idle_seconds == 5 && s.theme == 2 && strcmp (s.printer, "/dev/usb/lp0") == 0,
      "options override the file, and leave what they do not set");

  /* The staff PIN. */
  char hash[256], other[256], err[256];
  ok (pin_valid ("2468") && !pin_valid ("246") && !pin_valid ("24a8")
      && !pin_valid ("1234567890123"), "a PIN tried is 4 to 12 digits");
  ok (pin_valid_new ("24681357") && !pin_valid_new ("2468135") && !pin_valid_new ("2468135a")
      && !pin_valid_new ("1234567890123"), "a new PIN is 8 to 12 digits");
  ok (pin_hash_current ("$y$jCT$abc$def") && pin_hash_current ("$y$jDT$abc$def")
      && !pin_hash_current ("$y$j9T$abc$def") && !pin_hash_current ("$6$abc$def")
      && !pin_hash_current ("$y$j"), "a hash of cost 8 or more is current, cost 5 is not");
  ok (pin_hash ("2468", hash, sizeof hash, err, sizeof err) == 0 && hash[0] == '$'
      && !strstr (hash, "2468") && pin_hash_current (hash),
      "a PIN is stored as a current hash, not in the clear (%s)", hash);
  ok (pin_hash ("2468", other, sizeof other, err, sizeof err) == 0 && strcmp (hash, other) != 0,
      "each hash has its own salt");
  ok (pin_matches ("2468", hash) && pin_matches ("2468", other), "the right PIN matches");
  ok (!pin_matches ("2469", hash) && !pin_matches ("", hash), "a wrong PIN does not");
  ok (settings_set (&s, "staff-pin", hash) == NULL, "the settings accept the hash");

  struct pin_guard guard = { 0, 0 };
  ok (!pin_guard_try (&guard, false, 100) && !pin_guard_try (&guard, false, 101)
      && !pin_guard_locked (&guard, 101), "two wrong PINs do not lock");
  ok (pin_guard_try (&guard, true, 102), "the right PIN then opens, and clears the count");
  pin_guard_try (&guard, false, 103);
  pin_guard_try (&guard, false, 104);
  ok (!pin_guard_try (&guard, false, 105) && pin_guard_locked (&guard, 105) == PIN_LOCKOUT_SECONDS,
      "the third wrong PIN in a row locks for %d seconds", PIN_LOCKOUT_SECONDS);
  ok (!pin_guard_try (&guard, true, 106), "while locked, even the right PIN is refused");
  ok (pin_guard_try (&guard, true, 105 + PIN_LOCKOUT_SECONDS + 1),
      "after the lock-out the right PIN opens");

  /* The offered languages. */
  const char *order[] = { "th", "en" };
  const char *unknown[] = { "th", "xx" };
  ok (languages_known ("ne") && !languages_known ("xx"), "shipped languages are known");
  ok (languages_offer (unknown, 2) == -1 && languages_count () > 2,
      "an unknown language is refused and changes nothing");
  ok (languages_offer (order, 2) == 0 && languages_count () == 2
      && strcmp (languages_get (0)->code, "th") == 0 && languages_find ("ne") == -1,
      "the kiosk offers its chosen languages, in its order");
  /* The lock-out kept in a file (issue 19): a restart gives no fresh
     tries, a clock set back cannot stretch it, a foreign file is refused. */
  {
    char lock[] = "/tmp/safejob-pin-lock-XXXXXX";
    int fd = mkstemp (lock);
    char why[512] = "";
    struct pin_guard saved = { 0, 0 }, loaded = { 0, 0 };
    if (fd >= 0)
      close (fd);
    unlink (lock);
    ok (pin_lock_load (lock, &loaded, 50, why, sizeof why) == 0 && loaded.failures == 0
        && !pin_guard_locked (&loaded, 50), "no file: no lock-out");
    pin_guard_try (&saved, false, 10);
    pin_guard_try (&saved, false, 11);
    pin_guard_try (&saved, false, 12);
    ok (pin_guard_locked (&saved, 12) && pin_lock_save (lock, &saved, 12, why, sizeof why) == 0,
        "a lock-out is saved: %s", why);
    ok (pin_lock_load (lock, &loaded, 5000, why, sizeof why) == 0
        && pin_guard_locked (&loaded, 5000) > PIN_LOCKOUT_SECONDS - 5
        && pin_guard_locked (&loaded, 5000) <= PIN_LOCKOUT_SECONDS,
        "and read back by a program started later, on its own clock (%d s left)",
        pin_guard_locked (&loaded, 5000));
    FILE *f = fopen (lock, "w");
    fprintf (f, "failures 2\nlocked-until 99999999999\n");
    fclose (f);
    struct pin_guard far = { 0, 0 };
    ok (pin_lock_load (lock, &far, 0, why, sizeof why) == 0 && far.failures == 2
        && pin_guard_locked (&far, 0) == PIN_LOCKOUT_SECONDS,
        "a lock-out far ahead (a clock set back) lasts no longer than the program sets");
    f = fopen (lock, "w");
    fprintf (f, "staff-pin = 1234\n");
    fclose (f);
    ok (pin_lock_load (lock, &far, 0, why, sizeof why) != 0 && strstr (why, "not a lock-out"),
        "a file this program did not write is refused: %s", why);
    unlink (lock);
  }
  return tap_done ();
}
