/* main.c -- safejob: a kiosk that helps a person check a foreign job offer.
   Parses the command line and hands over to the terminal interface. */
#include <config.h>

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <syslog.h>
#include <unistd.h>
#include "app.h"
#include "commands.h"
#include "clips.h"
#include "content_db.h"
#include "diag.h"
#include "draw.h"
#include "i18n.h"
#include "languages.h"
#include "offers_log.h"
#include "pin.h"
#include "pin_lock.h"
#include "selftest.h"
#include "settings.h"
#include "stats.h"
#include "system.h"
#include "ui.h"

static void
print_help (void)
{
  printf (_("Usage: %s [OPTION]...\n"
            "  or:  %s screen [OPTION]... [ANSWERS]\n"
            "  or:  %s offers [--csv]\n"
            "  or:  %s qr --nationality=CODE [OPTION]...\n"), PACKAGE, PACKAGE, PACKAGE, PACKAGE);
  printf (_("  or:  %s stats [OPTION]...\n"), PACKAGE);
  printf (_("  or:  %s install-content [OPTION]... NEW\n"), PACKAGE);
  printf (_("  or:  %s office-db [OPTION]... [CONNINFO]\n"), PACKAGE);
  fputs (_("Help a person check a foreign job offer before they leave home:\n"
           "a short checklist of warning signs, an explained result, and the\n"
           "numbers to call for help, with a QR code to save them to a phone.\n"
           "\n"), stdout);
  fputs (_("With no command, run the kiosk in this terminal. 'screen' screens one\n"
           "offer's answers for recruitment and labour office staff and prints a\n"
           "report; 'offers' lists the offers screened; 'qr' writes the numbers as QR\n"
           "code files or a receipt. Each has its own --help.\n\n"), stdout);
  fputs (_("'install-content' installs a content database the office signed.\n\n"), stdout);
  fputs (_("'office-db' makes a shared office log on a PostgreSQL server, or says\n"
           "whether a desk can reach its log.\n\n"), stdout);
  fputs (_("  -c, --content-db=FILE  read the content from FILE\n"
           "  -o, --office           office mode: staff type the offer's details before\n"
           "                         the checklist, and results go to the office log\n"
           "      --office-db=FILE   use FILE as the office log\n"
           "  -p, --printer=DEVICE   the receipt printer (ESC/POS), such as /dev/usb/lp0\n"
           "  -t, --theme=THEME      colours: default, contrast (high contrast) or\n"
           "                         mono (no colour)\n"
           "      --speech=MODE      read the screens aloud: off, on, or request\n"
           "                         (F5 reads a screen, F6 stops)\n"
           "  -i, --idle=SECONDS     after SECONDS without input (default 120), ask\n"
           "                         whether the person is still there, then wipe;\n"
           "                         0 never does\n"
           "  -L, --languages        list the languages, how complete and whether\n"
           "                         reviewed each translation is, and exit\n"
           "  -h, --help             display this help and exit\n"
           "  -V, --version          display version information and exit\n"), stdout);
  /* TRANSLATORS: options of the kiosk; keep the alignment of the others. */
  fputs (_("  -N, --nationality=CODE the nationality highlighted first on the\n"
           "                         contacts' screens, such as NP\n"
           "  -D, --destination=CODE the destination highlighted first, such as TH\n"), stdout);
  fputs (_("  -b, --bidi=WHO         who reorders right-to-left text: 'program' (the\n"
           "                         default, for xterm, foot, kitty) or 'terminal'\n"
           "                         (for mlterm, VTE, Konsole)\n"), stdout);
  /* TRANSLATORS: options of the kiosk; keep the alignment of the others. */
  fputs (_("      --config=FILE      read the kiosk's settings from FILE\n"
           "      --check-config[=FILE]  check the settings file and exit\n"
           "      --kiosk            kiosk mode: Ctrl-C and the other signal keys do\n"
           "                         nothing; staff open their menu with Ctrl-X Ctrl-S\n"
           "      --hash-pin         read a staff PIN and print the settings line\n"
           "                         that stores its hash, then exit\n"
           "      --stats-db=FILE    keep the anonymous usage figures in FILE\n"), stdout);
  /* TRANSLATORS: an option of the kiosk; keep the alignment of the others. */
  fputs (_("      --input-guard=MS   drop taps and keys for MS milliseconds after a new\n"
           "                         screen shows (default 400; 0 never)\n"), stdout);
  /* TRANSLATORS: more options of the kiosk; keep the alignment of the others. */
  fputs (_("      --hash-pin --config=FILE  ask for a staff PIN twice and set it in FILE\n"
           "      --self-test[=json] check the settings, the content, the printer and\n"
           "                         the usage figures as the kiosk does at start, and\n"
           "                         exit with 0 when it could serve people\n"), stdout);
  printf (_("\nThe settings file is %s unless --config or SAFEJOB_CONFIG\n"
            "names another; options given here override it.\n"), SETTINGS_FILE);
  printf (_("\nRun it in a terminal of at least 60 columns by 20 rows.\n"
            "The content database is %s unless --content-db or\n"
            "SAFEJOB_CONTENT_DB names another.\n"), CONTENT_DB);
}

static void
print_version (void)
{
  printf ("%s %s\n", PACKAGE, VERSION);
  puts ("Copyright (C) 2026 the safejob authors.");
  fputs (_("License GPLv3+: GNU GPL version 3 or later "
           "<https://gnu.org/licenses/gpl.html>\n"
           "This is free software: you are free to change and redistribute it.\n"
           "There is NO WARRANTY, to the extent permitted by law.\n"), stdout);
}

/* Whether this program runs from the build tree it was made in (the
   directory above its own holds config.status): a developer's first run,
   which 'make run' serves. An installed program is never there. */
static bool
in_build_tree (void)
{
  char self[4096];
  ssize_t len = readlink ("/proc/self/exe", self, sizeof self - 32);
  if (len <= 0)
    return false;
  self[len] = '\0';
  char *slash = strrchr (self, '/');
  if (!slash)
    return false;
  strcpy (slash, "/../config.status");
  return access (self, F_OK) == 0;
}

/* For the languages table: LANGUAGE's clips in CLIPS. */
static size_t
count_clips (const char *language, void *clips)
{
  return clips_count (clips, language);
}

/* Where the kiosk finds what it needs, from its settings. */
static struct selftest_paths
kiosk_paths (const struct settings *settings, const char *settings_path, bool required)
{
  return (struct selftest_paths) {
    .settings = settings_path, .settings_required = required,
    .content_db = content_db_path (settings->content_db[0] ? settings->content_db : NULL),
    .printer = settings->printer[0] ? settings->printer : NULL,
    .stats_db = settings->stats_db[0] ? settings->stats_db : stats_default_path (),
  };
}

/* Reads the settings file into *SETTINGS; its errors go to standard error
   and to the system log, and the first one into FIRST_ERROR. */
static int
read_settings (const char *path, bool required, struct settings *settings, char *first_error,
               size_t size)
{
  char *text = NULL;
  size_t len = 0;
  FILE *out = open_memstream (&text, &len);
  if (!out)
    return 1;
  struct diag diag = { out, 0 };
  settings_read (path, required, settings, &diag);
  fclose (out);
  if (diag.errors)
    {
      fputs (text, stderr);
      for (char *line = strtok (text, "\n"); line; line = strtok (NULL, "\n"))
        {
          syslog (LOG_ERR, "%s", line);
          if (!*first_error)
            snprintf (first_error, size, "%s", line);
        }
    }
  free (text);
  return diag.errors;
}

int
main (int argc, char **argv)
{
  enum
  {
    OPT_OFFICE_DB = 256, OPT_CONFIG, OPT_CHECK_CONFIG, OPT_HASH_PIN, OPT_KIOSK, OPT_STATS_DB,
    OPT_INPUT_GUARD,
    OPT_SELF_TEST, OPT_SPEECH,
  };
  static const struct option long_options[] = {
    { "content-db", required_argument, NULL, 'c' },
    { "office", no_argument, NULL, 'o' },
    { "idle", required_argument, NULL, 'i' },
    { "theme", required_argument, NULL, 't' },
    { "printer", required_argument, NULL, 'p' },
    { "languages", no_argument, NULL, 'L' },
    { "bidi", required_argument, NULL, 'b' },
    { "nationality", required_argument, NULL, 'N' },
    { "destination", required_argument, NULL, 'D' },
    { "office-db", required_argument, NULL, OPT_OFFICE_DB },
    { "config", required_argument, NULL, OPT_CONFIG },
    { "check-config", optional_argument, NULL, OPT_CHECK_CONFIG },
    { "hash-pin", no_argument, NULL, OPT_HASH_PIN },
    { "self-test", optional_argument, NULL, OPT_SELF_TEST },
    { "kiosk", no_argument, NULL, OPT_KIOSK },
    { "stats-db", required_argument, NULL, OPT_STATS_DB },
    { "input-guard", required_argument, NULL, OPT_INPUT_GUARD },
    { "speech", required_argument, NULL, OPT_SPEECH },
    { "help", no_argument, NULL, 'h' },
    { "version", no_argument, NULL, 'V' },
    { NULL, 0, NULL, 0 },
  };
  /* What the command line sets; it overrides the settings file. */
  static const struct { int opt; const char *setting; } option_settings[] = {
    { 'c', "content-db" }, { 'i', "idle" }, { 't', "theme" }, { 'p', "printer" },
    { 'b', "bidi" }, { 'N', "nationality" }, { 'D', "destination" },
    { OPT_STATS_DB, "stats-db" }, { OPT_INPUT_GUARD, "input-guard" },
    { OPT_SPEECH, "speech" },
  };
  static struct settings settings, command_line;
  struct app app = { .idle_seconds = 120 };
  struct content content;
  const char *settings_path = NULL;
  bool check_only = false, want_hash_pin = false, list_languages = false;
  const char *self_test_format = NULL;
  char err[1024], settings_error[512] = "";
  int opt;

  atexit (diag_close_stdout);
  if (!i18n_init ())
    {
      fprintf (stderr, "%s: cannot set a locale\n", PACKAGE);
      return EXIT_FAILURE;
    }
  if (argc > 1 && strcmp (argv[1], "screen") == 0)
    return command_screen (argc - 1, argv + 1);
  if (argc > 1 && strcmp (argv[1], "offers") == 0)
    return command_offers (argc - 1, argv + 1);
  if (argc > 1 && strcmp (argv[1], "qr") == 0)
    return command_qr (argc - 1, argv + 1);
  if (argc > 1 && strcmp (argv[1], "stats") == 0)
    return command_stats (argc - 1, argv + 1);
  if (argc > 1 && strcmp (argv[1], "install-content") == 0)
    return command_install_content (argc - 1, argv + 1);
  if (argc > 1 && strcmp (argv[1], "office-db") == 0)
    return command_office_db (argc - 1, argv + 1);

  settings_init (&settings);
  settings_init (&command_line);
  const char *office_db = NULL;
  while ((opt = getopt_long (argc, argv, "c:oi:t:p:Lb:N:D:hV", long_options, NULL)) != -1)
    {
      bool is_setting = false;
      for (size_t i = 0; i < ARRAY_SIZE (option_settings); i++)
        if (option_settings[i].opt == opt)
          {
            const char *why = settings_set (&command_line, option_settings[i].setting, optarg);
            if (why)
              {
                /* TRANSLATORS: %1$s is the program, %2$s an option, %3$s its
                   value, %4$s why it is refused (in English). */
                fprintf (stderr, _("%1$s: --%2$s %3$s: %4$s\n"), PACKAGE,
                         option_settings[i].setting, optarg, why);
                return EXIT_FAILURE;
              }
            is_setting = true;
          }
      if (is_setting)
        continue;
      switch (opt)
        {
        case 'L':
          list_languages = true;
          break;
        case 'o':
          app.office = true;
          break;
        case OPT_OFFICE_DB:
          office_db = optarg;
          break;
        case OPT_CONFIG:
          settings_path = optarg;
          break;
        case OPT_CHECK_CONFIG:
          check_only = true;
          if (optarg)
            settings_path = optarg;
          break;
        case OPT_HASH_PIN:
          want_hash_pin = true;
          break;
        case OPT_SELF_TEST:
          self_test_format = optarg ? optarg : "text";
          if (strcmp (self_test_format, "text") != 0 && strcmp (self_test_format, "json") != 0)
            {
              fprintf (stderr, _("%s: --self-test takes 'text' or 'json'\n"), PACKAGE);
              return EXIT_FAILURE;
            }
          break;
        case OPT_KIOSK:
          command_line.kiosk_mode = 1;
          break;
        case 'h':
          print_help ();
          return EXIT_SUCCESS;
        case 'V':
          print_version ();
          return EXIT_SUCCESS;
        default:
          fprintf (stderr, _("Try '%s --help' for more information.\n"), PACKAGE);
          return EXIT_FAILURE;
        }
    }
  if (optind < argc)
    {
      fprintf (stderr, _("%s: unexpected argument '%s'\n"), PACKAGE, argv[optind]);
      fprintf (stderr, _("Try '%s --help' for more information.\n"), PACKAGE);
      return EXIT_FAILURE;
    }

  if (want_hash_pin)
    return command_hash_pin (settings_path);

  /* The settings file, then the command line over it. A file named on the
     command line must exist, and so must the one --check-config checks;
     the kiosk may run without one. */
  bool settings_required = settings_path != NULL || check_only;
  if (!settings_path)
    settings_path = settings_default_path ();
  openlog (PACKAGE, LOG_PID, LOG_USER);
  int settings_errors = read_settings (settings_path, settings_required, &settings,
                                       settings_error, sizeof settings_error);
  /* A PIN hashed before the cost and the length were raised still opens
     the menu; the operator is asked to set it again. */
  bool pin_outdated = settings.staff_pin_hash[0] && !pin_hash_current (settings.staff_pin_hash);
  if (pin_outdated)
    syslog (LOG_WARNING, "%s: the staff PIN was hashed by an older version, faster to guess; "
            "set it again with safejob --hash-pin --config=%s", settings_path, settings_path);
  if (check_only)
    {
      if (pin_outdated)
        fprintf (stderr, _("%1$s: warning: the staff PIN was set by an older version, with a "
                           "hash that is faster to guess: set it again, %2$d digits or more "
                           "(safejob --hash-pin --config=%1$s)\n"), settings_path,
                 PIN_NEW_MIN_DIGITS);
      /* Past the syntax: what would put the kiosk out of service. */
      if (settings_errors == 0)
        {
          struct selftest_paths paths = kiosk_paths (&settings, settings_path, true);
          struct diag diag = { stderr, 0 };
          settings_errors = selftest_config (&settings, &paths, &diag);
        }
      if (settings_errors == 0)
        printf (_("%s: the settings are valid\n"), settings_path);
      explicit_bzero (&settings, sizeof settings);
      return settings_errors ? EXIT_FAILURE : EXIT_SUCCESS;
    }
  settings_override (&settings, &command_line);
  if (list_languages)
    {
      /* With the recorded clips of the content the kiosk would show. */
      struct clips *clips = clips_open (kiosk_paths (&settings, settings_path, false).content_db);
      int status = languages_write_table (stdout, count_clips, clips);
      clips_close (clips);
      explicit_bzero (&settings, sizeof settings);
      return status == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
    }
  if (self_test_format)
    {
      struct selftest_paths paths = kiosk_paths (&settings, settings_path, settings_required);
      int status = command_self_test (&paths, strcmp (self_test_format, "json") == 0);
      explicit_bzero (&settings, sizeof settings);
      return status;
    }

  /* Tests run the flow from a script, with no terminal (src/headless.c). */
  const char *script = getenv ("SAFEJOB_SCRIPT");
  if (script && !*script)
    script = NULL;
  if (!script && (!isatty (STDIN_FILENO) || !isatty (STDOUT_FILENO)))
    {
      fprintf (stderr, _("%s: the kiosk needs a terminal on standard input and "
                         "output\n"), PACKAGE);
      return EXIT_FAILURE;
    }

  if (settings.language_count > 0)
    {
      const char *codes[SETTINGS_MAX_LANGUAGES];
      for (int i = 0; i < settings.language_count; i++)
        codes[i] = settings.languages[i];
      languages_offer (codes, (size_t) settings.language_count);
    }
  app.kiosk_mode = settings.kiosk_mode == 1;
  app.speech = (struct speech_settings) {
    .mode = settings.speech != SETTINGS_UNSET ? (enum speech_mode) settings.speech : SPEECH_OFF,
    .device = settings.speech_device[0] ? settings.speech_device : NULL,
    .rate = settings.speech_rate != SETTINGS_UNSET ? settings.speech_rate : 0,
    .volume = settings.speech_volume != SETTINGS_UNSET ? settings.speech_volume : 0,
  };
  /* The tests' sound card: what is said in a file, the audio in another,
     never in kiosk mode (what is said holds a person's answers). */
  if (!app.kiosk_mode)
    {
      const char *log = getenv ("SAFEJOB_SPEECH_LOG"), *wav = getenv ("SAFEJOB_SPEECH_WAV");
      const char *module = getenv ("SAFEJOB_SPEECH_MODULE");
      app.speech.log = log && *log ? log : NULL;
      app.speech.wav = wav && *wav ? wav : NULL;
      app.speech.module = module && *module ? module : NULL;
    }
  /* An office desk is staff's: an offer typed from an agency's papers,
     with a phone call in between, takes longer than a glance at a public
     kiosk, and two minutes wiped half-typed screenings (issue 19). A
     desk left alone is still wiped, after fifteen minutes. */
  if (app.office)
    app.idle_seconds = 15 * 60;
  if (settings.idle_seconds != SETTINGS_UNSET)
    app.idle_seconds = settings.idle_seconds;
  app.input_guard = (settings.input_guard_ms != SETTINGS_UNSET ? settings.input_guard_ms
                                                               : APP_INPUT_GUARD_MS) / 1000.0;
  if (settings.theme != SETTINGS_UNSET)
    app.theme = settings.theme;
  app.terminal_bidi = settings.terminal_bidi == 1;
  app.default_nationality = settings.nationality[0] ? settings.nationality : NULL;
  app.default_destination = settings.destination[0] ? settings.destination : NULL;
  app.printer = settings.printer[0] ? settings.printer : NULL;
  app.staff_pin_hash = settings.staff_pin_hash[0] ? settings.staff_pin_hash : NULL;
  if (app.staff_pin_hash)
    {
      /* Wrong PINs and a lock-out outlive a restart. A file that cannot be
         read is reported, and the lock-out starts from nothing. */
      char lock_err[512];
      app.pin_lock_path = pin_lock_default_path ();
      if (pin_lock_load (app.pin_lock_path, &app.pin_guard, app_clock (), lock_err,
                         sizeof lock_err) != 0)
        syslog (LOG_WARNING, "staff PIN lock-out: %s", lock_err);
    }
  app.kiosk_id = settings.kiosk_id[0] ? settings.kiosk_id : NULL;
  /* The usage figures count the kiosk's visitors: a run by hand on the
     kiosk's machine (a developer, an operator trying a change) adds to
     them only when --stats-db names a file. */
  if (app.kiosk_mode || command_line.stats_db[0])
    app.stats_db = settings.stats_db[0] ? settings.stats_db : stats_default_path ();
  app.stats_keep_days = settings.stats_keep_days != SETTINGS_UNSET ? settings.stats_keep_days : 0;
  app.paths = kiosk_paths (&settings, settings_path, settings_required);
  app.speech.content_db = app.paths.content_db;

  /* A kiosk that cannot serve people says so on its screen and waits for
     staff; run by hand, the program says why and stops. */
  memset (&content, 0, sizeof content);
  /* The loader refuses content past the program's limits (questions). */
  int content_status = content_db_load (app.paths.content_db, &content, err, sizeof err);
  if (content_status != 0)
    {
      content_free (&content);
      syslog (LOG_ERR, "out of service: %s", err);
      if (!app.kiosk_mode)
        {
          fprintf (stderr, _("%s: cannot use the content database: %s\n"), PACKAGE, err);
          if (in_build_tree ())
            fprintf (stderr, _("%s: this program is not installed: 'make run' starts it with "
                               "the content and catalogues of its build\n"), PACKAGE);
          return EXIT_FAILURE;
        }
      app.out_of_service = true;
    }
  if (settings_errors)
    {
      syslog (LOG_ERR, "out of service: %s", settings_error);
      if (!app.kiosk_mode)
        {
          content_free (&content);
          return EXIT_FAILURE;
        }
      app.out_of_service = true;
    }
  /* A printer that is not there does not stop the kiosk (the contacts
     screen says so when someone prints); the log and the staff's
     self-test say so from the start. */
  struct selftest_check printer = { 0 };
  selftest_printer (&app.paths, &printer);
  if (!printer.ok)
    syslog (LOG_WARNING, "printer: %s", printer.detail);
  app.content = app.out_of_service ? NULL : &content;
  /* One line in the log at each start, for an operator reading it after a
     restart: what runs, on what content, in which languages. */
  {
    char codes[SETTINGS_MAX_LANGUAGES * 8] = "";
    for (size_t i = 0; i < languages_count (); i++)
      {
        size_t n = strlen (codes);
        snprintf (codes + n, sizeof codes - n, "%s%s", i ? " " : "", languages_get (i)->code);
      }
    syslog (LOG_INFO, "%s %s starting%s%s: content %s, languages %s, speech %s", PACKAGE, VERSION,
            app.kiosk_mode ? " in kiosk mode" : "", app.office ? " (office)" : "",
            app.content && content.version ? content.version : "none", codes,
            app.speech.mode == SPEECH_ON ? "on" : app.speech.mode == SPEECH_REQUEST ? "on request"
                                                                                    : "off");
  }
  /* Long enough to come back to the screen, short enough that the next
     person does not find the last one's answers. */
  app.idle_countdown = app.idle_seconds < 30 ? (app.idle_seconds > 5 ? app.idle_seconds : 5) : 30;
  if (app.office)
    {
      /* A log that cannot be used does not stop the office: the screen says
         so and screenings are simply not saved. A shared log whose server
         is out of reach is used all the same: screenings wait on the desk. */
      app.log = office_log_open (&settings, office_db, true, err, sizeof err);
      if (!app.log)
        snprintf (app.log_status, sizeof app.log_status,
                  _("The office log cannot be used, so nothing will be saved: %s"), err);
      else if (offers_log_trouble (app.log))
        /* The form says so too, in the language staff pick (screen_offer.c). */
        syslog (LOG_WARNING, "office log: %s", offers_log_trouble (app.log));
    }
  app_reset (&app);
  int status = (script ? ui_run_script (&app, script) : ui_run (&app)) == 0 ? EXIT_SUCCESS
                                                                          : EXIT_FAILURE;
  app_reset (&app);
  app_save_figures (&app);
  offers_log_close (app.log);
  content_free (&content);
  explicit_bzero (&settings, sizeof settings);
  closelog ();
  return status;
}
