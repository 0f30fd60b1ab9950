/* cmd_offers.c -- "safejob offers": the office log, listed or as CSV. */
#include <config.h>
#include "commands.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include "offers_log.h"
#include "settings.h"
#include "system.h"

int
command_offers (int argc, char **argv)
{
  enum { OPT_OFFICE_DB = 256 };
  static const struct option options[] = {
    { "csv", no_argument, NULL, 'C' },
    { "office-db", required_argument, NULL, OPT_OFFICE_DB },
    { "help", no_argument, NULL, 'h' },
    { NULL, 0, NULL, 0 },
  };
  enum offers_format format = OFFERS_TEXT;
  const char *office_option = NULL;
  char err[1024];
  int opt;

  optind = 1;
  while ((opt = getopt_long (argc, argv, "h", options, NULL)) != -1)
    switch (opt)
      {
      case 'C': format = OFFERS_CSV; break;
      case OPT_OFFICE_DB: office_option = optarg; break;
      case 'h':
        printf (_("Usage: %s offers [--csv] [--office-db=FILE]\n"), PACKAGE);
        fputs (_("List the offers screened with 'safejob screen --log', oldest first,\n"
                 "or export them as CSV.\n"), stdout);
        return EXIT_SUCCESS;
      default:
        fprintf (stderr, _("Try '%s offers --help' for more information.\n"), PACKAGE);
        return EXIT_FAILURE;
      }
  if (optind < argc)
    {
      fprintf (stderr, _("%s: unexpected argument '%s'\n"), PACKAGE, argv[optind]);
      return EXIT_FAILURE;
    }
  struct settings settings;
  office_settings (&settings);
  struct offers_log *log = office_log_open (&settings, office_option, false, err, sizeof err);
  if (!log)
    {
      fprintf (stderr, _("%s: cannot use the office log: %s\n"), PACKAGE, err);
      return EXIT_FAILURE;
    }
  int n = offers_log_export (log, format, stdout, err, sizeof err);
  offers_log_close (log);
  if (n < 0)
    {
      fprintf (stderr, _("%s: cannot read the office log: %s\n"), PACKAGE, err);
      return EXIT_FAILURE;
    }
  return EXIT_SUCCESS;
}
