/* cmd_stats.c -- "safejob stats": the anonymous usage figures, as a summary
   in the terminal or as CSV or JSON for a range of days, of this kiosk or
   of every kiosk of a fleet added up on its server; and with --push and
   --migrate, that server (cmd_stats_server.c). */
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
#include "stats_pg.h"
#include "system.h"

static void
print_stats_help (void)
{
  printf (_("Usage: %s stats [OPTION]...\n"), PACKAGE);
  printf (_("  or:  %s stats --push [OPTION]... [CONNINFO]\n"), PACKAGE);
  printf (_("  or:  %s stats --migrate [--grant=ROLE] [CONNINFO]\n"), PACKAGE);
  fputs (_("Show the kiosk's anonymous usage figures: how many sessions, in which\n"
           "language, for which destination, with which result, how far people got\n"
           "and which warning signs were found. Days only, never times or people.\n\n"),
         stdout);
  fputs (_("      --from=DATE        from day DATE (YYYY-MM-DD) on\n"
           "      --to=DATE          up to day DATE, included\n"
           "      --csv              export the session counts as CSV\n"
           "      --signs-csv        export the warning-sign counts as CSV\n"
           "      --json             export both as JSON\n"
           "      --stats-db=FILE    read the figures from FILE, or, given a PostgreSQL\n"
           "                         connection string, those of every kiosk pushed\n"
           "                         there, added up\n"
           "      --config=FILE      the settings file (for stats-db and kiosk-id)\n"
           "  -h, --help             display this help and exit\n"), stdout);
  fputs (_("\n      --push             send this kiosk's figures of the days before today\n"
           "                         to the fleet's server, CONNINFO or stats-server in\n"
           "                         the settings, as those of its kiosk-id; pushed\n"
           "                         again, a day replaces what the server had of it\n"
           "      --migrate          make the figures' tables on the server, or bring\n"
           "                         them to this version, as the role to own them\n"
           "      --grant=ROLE       with --migrate, give ROLE what a kiosk's push needs\n"
           "                         and no more (SELECT, INSERT and DELETE)\n"), stdout);
  fputs (_("\nWhat a push sends is the kiosk-id and the counts, by day; nothing else.\n"),
         stdout);
}

int
command_stats (int argc, char **argv)
{
  enum
  {
    OPT_FROM = 256, OPT_TO, OPT_CSV, OPT_SIGNS_CSV, OPT_JSON, OPT_DB, OPT_CONFIG, OPT_PUSH,
    OPT_MIGRATE, OPT_GRANT,
  };
  static const struct option long_options[] = {
    { "from", required_argument, NULL, OPT_FROM },
    { "to", required_argument, NULL, OPT_TO },
    { "csv", no_argument, NULL, OPT_CSV },
    { "signs-csv", no_argument, NULL, OPT_SIGNS_CSV },
    { "json", no_argument, NULL, OPT_JSON },
    { "stats-db", required_argument, NULL, OPT_DB },
    { "config", required_argument, NULL, OPT_CONFIG },
    { "push", no_argument, NULL, OPT_PUSH },
    { "migrate", no_argument, NULL, OPT_MIGRATE },
    { "grant", required_argument, NULL, OPT_GRANT },
    { "help", no_argument, NULL, 'h' },
    { NULL, 0, NULL, 0 },
  };
  static struct settings settings;
  enum stats_format format = STATS_TEXT;
  const char *from = NULL, *to = NULL, *db = NULL, *config = NULL, *grant = NULL;
  bool push = false, migrate = false;
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
      case OPT_PUSH:
        push = true;
        break;
      case OPT_MIGRATE:
        migrate = true;
        break;
      case OPT_GRANT:
        grant = optarg;
        break;
      case 'h':
        print_stats_help ();
        return EXIT_SUCCESS;
      default:
        fprintf (stderr, _("Try '%s stats --help' for more information.\n"), PACKAGE);
        return EXIT_FAILURE;
      }
  /* Only the server's commands take one, the server. */
  if (optind < argc - ((push || migrate) ? 1 : 0))
    {
      fprintf (stderr, _("%s: unexpected argument '%s'\n"), PACKAGE, argv[argc - 1]);
      return EXIT_FAILURE;
    }
  if (push && migrate)
    {
      fprintf (stderr, _("%s: --push and --migrate go separately\n"), PACKAGE);
      return EXIT_FAILURE;
    }
  if (grant && !migrate)
    {
      fprintf (stderr, _("%s: --grant goes with --migrate\n"), PACKAGE);
      return EXIT_FAILURE;
    }

  /* The settings give the database and this kiosk's id; a bad settings
     file is reported, and the figures are still shown. */
  struct diag diag = { stderr, 0 };
  settings_init (&settings);
  settings_read (config ? config : settings_default_path (), config != NULL, &settings, &diag);
  const char *server = optind < argc ? argv[optind]
                       : settings.stats_server[0] ? settings.stats_server : NULL;
  if (migrate)
    return stats_migrate_command (server, grant);
  if (!db)
    db = settings.stats_db[0] ? settings.stats_db : stats_default_path ();
  if (push)
    return stats_push_command (db, server, settings.kiosk_id);
  if (stats_is_server (db))
    return stats_server_report (db, format, from, to);
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
