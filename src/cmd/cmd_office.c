/* cmd_office.c -- the office log as the commands and the kiosk find it
   (the option, the environment, the settings file), and "safejob
   office-db": a shared log on a PostgreSQL server made, brought up to
   date, and checked from a desk. */
#include <config.h>
#include "commands.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "dates.h"
#include "offers_log.h"
#include "settings.h"
#include "system.h"

void
office_settings (struct settings *settings)
{
  /* The settings file says where the log is and how long screenings are
     kept; one that cannot be read is reported, and the defaults apply. */
  struct diag diag = { stderr, 0 };
  settings_init (settings);
  settings_read (settings_default_path (), false, settings, &diag);
  explicit_bzero (settings->staff_pin_hash, sizeof settings->staff_pin_hash);
}

const char *
office_db_path (const struct settings *settings, const char *option)
{
  const char *env = getenv ("SAFEJOB_OFFICE_DB");
  return option ? option : env && *env ? env : settings->office_db[0] ? settings->office_db
                                                                      : OFFICE_DB;
}

int
office_keep_days (const struct settings *settings)
{
  return settings->office_keep_days != SETTINGS_UNSET ? settings->office_keep_days
                                                      : OFFICE_KEEP_DAYS_DEFAULT;
}

struct offers_log *
office_log_open (const struct settings *settings, const char *option, bool create, char *err,
                 size_t err_size)
{
  /* A desk whose log is on a server keeps what waits to be sent in the
     file that would otherwise be its log: so a desk that had a log of its
     own before sends it to the server, and kiosk/office-setup's shared
     directory serves both. */
  const char *outbox = settings->office_outbox[0] ? settings->office_outbox : OFFICE_DB;
  char today[DATE_SIZE];
  date_today (today);
  return offers_log_open (office_db_path (settings, option), outbox, create,
                          office_keep_days (settings), today, err, err_size);
}

static void
office_db_usage (FILE *out)
{
  fprintf (out, _("Usage: %s office-db [OPTION]... [CONNINFO]\n"), PACKAGE);
  fputs (_("Say where the office log is and, for one on a PostgreSQL server, whether\n"
           "the server can be reached, how many screenings it holds and how many wait\n"
           "on this desk; those are sent. Exit status 0 when the log can be used and\n"
           "nothing waits.\n\n"), out);
  fputs (_("      --migrate          make the office log's tables on the server CONNINFO\n"
           "                         names (office-db in the settings when not given),\n"
           "                         or bring them to this version; run it as the role\n"
           "                         that is to own them\n"
           "      --grant=ROLE       with --migrate, give ROLE what a desk needs and no\n"
           "                         more (SELECT, INSERT and DELETE on the screenings)\n"
           "      --office-db=LOG    the office log: a file or a connection string\n"
           "  -h, --help             display this help and exit\n"), out);
}

/* What a desk's log is, and what waits: for an operator, or a test. */
static int
office_db_status (const struct settings *settings, const char *where)
{
  char err[1024];
  struct offers_log *log = office_log_open (settings, where, false, err, sizeof err);
  if (!log)
    {
      fprintf (stderr, _("%s: cannot use the office log: %s\n"), PACKAGE, err);
      return EXIT_FAILURE;
    }
  int status = EXIT_SUCCESS;
  long count = offers_log_count (log, err, sizeof err);
  if (count < 0)
    {
      fprintf (stderr, _("%s: cannot read the office log: %s\n"), PACKAGE, err);
      status = EXIT_FAILURE;
    }
  else
    /* TRANSLATORS: %1$s is the office log (a file, or a server's
       parameters); %2$ld how many screenings it holds. */
    printf (ngettext ("%1$s: %2$ld screening\n", "%1$s: %2$ld screenings\n",
                      (unsigned long) count), offers_log_name (log), count);
  if (offers_log_is_server (office_db_path (settings, where)))
    {
      int unsent = offers_log_unsent (log, err, sizeof err);
      if (unsent < 0)
        {
          fprintf (stderr, _("%s: cannot read the screenings waiting on this desk: %s\n"),
                   PACKAGE, err);
          status = EXIT_FAILURE;
        }
      else
        {
          /* TRANSLATORS: %d screenings were made at this desk and are not
             on the shared server yet. */
          printf (ngettext ("waiting on this desk to be sent: %d screening\n",
                            "waiting on this desk to be sent: %d screenings\n",
                            (unsigned long) unsent), unsent);
          if (unsent > 0)
            status = EXIT_FAILURE;
        }
    }
  offers_log_close (log);
  return status;
}

int
command_office_db (int argc, char **argv)
{
  enum { OPT_MIGRATE = 256, OPT_GRANT, OPT_OFFICE_DB };
  static const struct option options[] = {
    { "migrate", no_argument, NULL, OPT_MIGRATE },
    { "grant", required_argument, NULL, OPT_GRANT },
    { "office-db", required_argument, NULL, OPT_OFFICE_DB },
    { "help", no_argument, NULL, 'h' },
    { NULL, 0, NULL, 0 },
  };
  const char *grant = NULL, *where = NULL;
  bool migrate = false;
  int opt;

  optind = 1;
  while ((opt = getopt_long (argc, argv, "h", options, NULL)) != -1)
    switch (opt)
      {
      case OPT_MIGRATE: migrate = true; break;
      case OPT_GRANT: grant = optarg; break;
      case OPT_OFFICE_DB: where = optarg; break;
      case 'h':
        office_db_usage (stdout);
        return EXIT_SUCCESS;
      default:
        fprintf (stderr, _("Try '%s office-db --help' for more information.\n"), PACKAGE);
        return EXIT_FAILURE;
      }
  if (argc - optind > 1 || (where && optind < argc))
    {
      fprintf (stderr, _("%s: office-db takes one office log\n"), PACKAGE);
      return EXIT_FAILURE;
    }
  if (optind < argc)
    where = argv[optind];
  if (grant && !migrate)
    {
      fprintf (stderr, _("%s: --grant goes with --migrate\n"), PACKAGE);
      return EXIT_FAILURE;
    }

  struct settings settings;
  office_settings (&settings);
  if (!migrate)
    return office_db_status (&settings, where);
  char done[1024], err[1024];
  const char *conninfo = office_db_path (&settings, where);
  if (offers_log_migrate (conninfo, grant, done, sizeof done, err, sizeof err) != 0)
    {
      fprintf (stderr, _("%s: cannot make or update the office log: %s\n"), PACKAGE, err);
      return EXIT_FAILURE;
    }
  printf ("%s\n", done);
  return EXIT_SUCCESS;
}
