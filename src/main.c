/* main.c -- safejob: a kiosk that helps a person check a foreign job offer.
   Parses the command line and hands over to the terminal interface. */
#include <config.h>

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "app.h"
#include "commands.h"
#include "content_db.h"
#include "draw.h"
#include "i18n.h"
#include "offers_log.h"
#include "system.h"
#include "ui.h"

static void
print_help (void)
{
  printf (_("Usage: %s [OPTION]...\n"
            "  or:  %s screen [OPTION]... [ANSWERS]\n"
            "  or:  %s offers [--csv]\n"
            "  or:  %s qr --nationality=CODE [OPTION]...\n"), PACKAGE, PACKAGE, PACKAGE, PACKAGE);
  fputs (_("Help a person check a foreign job offer before they leave home:\n"
           "a short checklist of warning signs, an explained result, and the\n"
           "numbers to call for help, with a QR code to save them to a phone.\n"
           "\n"), stdout);
  fputs (_("With no command, run the kiosk in this terminal. 'screen' screens one\n"
           "offer's answers for recruitment and labour office staff and prints a\n"
           "report; 'offers' lists the offers screened; 'qr' writes the numbers as QR\n"
           "code files or a receipt. Each has its own --help.\n\n"), stdout);
  fputs (_("  -c, --content-db=FILE  read the content from FILE\n"
           "  -o, --office           office mode: staff type the offer's details before\n"
           "                         the checklist, and results go to the office log\n"
           "      --office-db=FILE   use FILE as the office log\n"
           "  -p, --printer=DEVICE   the receipt printer (ESC/POS), such as /dev/usb/lp0\n"
           "  -t, --theme=THEME      colours: default, contrast (high contrast) or\n"
           "                         mono (no colour)\n"
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

int
main (int argc, char **argv)
{
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
    { "office-db", required_argument, NULL, 256 },
    { "help", no_argument, NULL, 'h' },
    { "version", no_argument, NULL, 'V' },
    { NULL, 0, NULL, 0 },
  };
  struct app app = { .idle_seconds = 120 };
  struct content content;
  const char *content_db = NULL;
  char err[1024];
  int opt;

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

  const char *office_db = NULL;
  while ((opt = getopt_long (argc, argv, "c:oi:t:p:Lb:N:D:hV", long_options, NULL)) != -1)
    switch (opt)
      {
      case 'p':
        app.printer = optarg;
        break;
      case 'L':
        return command_languages ();
      case 'N':
        app.default_nationality = optarg;
        break;
      case 'D':
        app.default_destination = optarg;
        break;
      case 'b':
        if (strcmp (optarg, "terminal") == 0 || strcmp (optarg, "program") == 0)
          app.terminal_bidi = strcmp (optarg, "terminal") == 0;
        else
          {
            fprintf (stderr, _("%s: --bidi takes 'program' or 'terminal'\n"), PACKAGE);
            return EXIT_FAILURE;
          }
        break;
      case 't':
        app.theme = draw_theme_find (optarg);
        if (app.theme < 0)
          {
            fprintf (stderr, _("%s: unknown theme '%s'; use default, contrast or mono\n"),
                     PACKAGE, optarg);
            return EXIT_FAILURE;
          }
        break;
      case 'i':
        {
          char *end;
          long seconds = strtol (optarg, &end, 10);
          if (*end || end == optarg || seconds < 0 || seconds > 86400)
            {
              fprintf (stderr, _("%s: --idle takes a number of seconds from 0 to 86400\n"),
                       PACKAGE);
              return EXIT_FAILURE;
            }
          app.idle_seconds = (int) seconds;
          break;
        }
      case 'c':
        content_db = optarg;
        break;
      case 'o':
        app.office = true;
        break;
      case 256:
        office_db = optarg;
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
  if (optind < argc)
    {
      fprintf (stderr, _("%s: unexpected argument '%s'\n"), PACKAGE, argv[optind]);
      fprintf (stderr, _("Try '%s --help' for more information.\n"), PACKAGE);
      return EXIT_FAILURE;
    }
  if (!isatty (STDIN_FILENO) || !isatty (STDOUT_FILENO))
    {
      fprintf (stderr, _("%s: the kiosk needs a terminal on standard input and "
                         "output\n"), PACKAGE);
      return EXIT_FAILURE;
    }

  content_db = content_db_path (content_db);
  if (content_db_load (content_db, &content, err, sizeof err) != 0)
    {
      fprintf (stderr, _("%s: cannot use the content database: %s\n"), PACKAGE, err);
      content_free (&content);
      return EXIT_FAILURE;
    }
  if (content.checklist.count > SESSION_MAX_QUESTIONS)
    {
      fprintf (stderr, _("%s: %s has %zu questions; this program shows at most %d\n"),
               PACKAGE, content_db, content.checklist.count, SESSION_MAX_QUESTIONS);
      content_free (&content);
      return EXIT_FAILURE;
    }

  app.content = &content;
  /* Long enough to come back to the screen, short enough that the next
     person does not find the last one's answers. */
  app.idle_countdown = app.idle_seconds < 30 ? (app.idle_seconds > 5 ? app.idle_seconds : 5) : 30;
  if (app.office)
    {
      /* A log that cannot be used does not stop the office: the screen says
         so and screenings are simply not saved. */
      app.log = offers_log_open (office_db_path (office_db), true, err, sizeof err);
      if (!app.log)
        snprintf (app.log_status, sizeof app.log_status,
                  _("The office log cannot be used, so nothing will be saved: %s"), err);
    }
  app_reset (&app);
  int status = ui_run (&app) == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
  app_reset (&app);
  offers_log_close (app.log);
  content_free (&content);
  return status;
}
