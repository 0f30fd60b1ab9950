/* cmd_stats.c -- "safejob stats": the anonymous usage figures, as a summary
   in the terminal or as CSV or JSON for a range of days, to merge with
   other kiosks' exports. */
#include <config.h>
#include "commands.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "dates.h"
#include "settings.h"
#include "stats.h"
#include "system.h"

static void
print_stats_help (void)
{
  printf (_("Usage: %s stats [OPTION]...\n"), PACKAGE);
  fputs (_("Show the kiosk's anonymous usage figures: how many sessions, in which\n"
           "language, for which destination, with which result, how far people got\n"
           "and which warning signs were found. Days only, never times or people.\n\n"),
         stdout);
  fputs (_("      --from=DATE        from day DATE (YYYY-MM-DD) on\n"
           "      --to=DATE          up to day DATE, included\n"
           "      --csv              export the session counts as CSV\n"
           "      --signs-csv        export the warning-sign counts as CSV\n"
           "      --json             export both as JSON\n"
           "      --stats-db=FILE    read the figures from FILE\n"
           "      --config=FILE      the settings file (for stats-db and kiosk-id)\n"
           "  -h, --help             display this help and exit\n"), stdout);
}

int
command_stats (int argc, char **argv)
{
  enum { OPT_FROM = 256, OPT_TO, OPT_CSV, OPT_SIGNS_CSV, OPT_JSON, OPT_DB, OPT_CONFIG };
  static const struct option long_options[] = {
    { "from", required_argument, NULL, OPT_FROM },
    { "to", required_argument, NULL, OPT_TO },
    { "csv", no_argument, NULL, OPT_CSV },
    { "signs-csv", no_argument, NULL, OPT_SIGNS_CSV },
    { "json", no_argument, NULL, OPT_JSON },
    { "stats-db", required_argument, NULL, OPT_DB },
    { "config", required_argument, NULL, OPT_CONFIG },
    { "help", no_argument, NULL, 'h' },
    { NULL, 0, NULL, 0 },
  };
  static struct settings settings;
  enum stats_format format = STATS_TEXT;
  const char *from = NULL, *to = NULL, *db = NULL, *config = NULL;
  char err[512];
  int opt;

  optind = 1;
  while ((opt = getopt_long (argc, argv, "h", long_options, NULL)) != -1)
    switch (opt)
      {
      case OPT_FROM:
      case OPT_TO:
        if (!date_valid (optarg))
          {
            fprintf (stderr, _("%s: '%s' is not a date written YYYY-MM-DD\n"), PACKAGE, optarg);
            return EXIT_FAILURE;
          }
        *(opt == OPT_FROM ? &from : &to) = optarg;
        break;
      case OPT_CSV:
        format = STATS_CSV;
        break;
      case OPT_SIGNS_CSV:
        format = STATS_CSV_SIGNS;
        break;
      case OPT_JSON:
        format = STATS_JSON;
        break;
      case OPT_DB:
        db = optarg;
        break;
      case OPT_CONFIG:
        config = optarg;
        break;
      case 'h':
        print_stats_help ();
        return EXIT_SUCCESS;
      default:
        fprintf (stderr, _("Try '%s stats --help' for more information.\n"), PACKAGE);
        return EXIT_FAILURE;
      }
  if (optind < argc)
    {
      fprintf (stderr, _("%s: unexpected argument '%s'\n"), PACKAGE, argv[optind]);
      return EXIT_FAILURE;
    }

  /* The settings give the database and this kiosk's id; a bad settings
     file is reported, and the figures are still shown. */
  struct diag diag = { stderr, 0 };
  settings_init (&settings);
  settings_read (config ? config : settings_default_path (), config != NULL, &settings, &diag);
  if (!db)
    db = settings.stats_db[0] ? settings.stats_db : stats_default_path ();
  if (access (db, F_OK) != 0)
    {
      fprintf (stderr, _("%s: no usage figures at %s\n"), PACKAGE, db);
      return EXIT_FAILURE;
    }
  struct stats *stats = stats_open (db, err, sizeof err);
  if (stats_moved_aside (stats))
    fprintf (stderr, "%s: %s was damaged: moved to %s; these figures start again\n", PACKAGE,
             db, stats_moved_aside (stats));
  if (!stats || stats_write (stats, format, from, to, settings.kiosk_id, stdout, err,
                             sizeof err) != 0)
    {
      fprintf (stderr, "%s: %s\n", PACKAGE, err);
      stats_close (stats);
      return EXIT_FAILURE;
    }
  stats_close (stats);
  return fflush (stdout) == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
