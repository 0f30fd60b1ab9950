/* officelog.c -- how many screenings an office desk logs a second: each
   looked up (earlier high results of its agency, licence and employer)
   and added, as safejob screen --log and the office screens do, on a log
   opened once as a desk keeps it.

   Usage: officelog [-n COUNT] WHERE [OUTBOX]
   WHERE is an SQLite file or a PostgreSQL connection string (then OUTBOX
   is the desk's file). Prints one line: per_s=SCREENINGS_A_SECOND
   count=COUNT. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "offers_log.h"

static double
now (void)
{
  struct timespec ts;
  clock_gettime (CLOCK_MONOTONIC, &ts);
  return (double) ts.tv_sec + (double) ts.tv_nsec / 1e9;
}

int
main (int argc, char **argv)
{
  long count = 500;
  char err[1024];
  int opt;

  while ((opt = getopt (argc, argv, "n:")) != -1)
    if (opt == 'n')
      count = atol (optarg);
    else
      return 2;
  if (argc - optind < 1 || argc - optind > 2 || count < 1)
    {
      fprintf (stderr, "usage: officelog [-n COUNT] WHERE [OUTBOX]\n");
      return 2;
    }
  struct offers_log *log = offers_log_open (argv[optind], argc - optind == 2 ? argv[optind + 1]
                                                                             : NULL,
                                            true, OFFICE_KEEP_DAYS_DEFAULT, "2026-12-07", err,
                                            sizeof err);
  if (!log)
    {
      fprintf (stderr, "officelog: %s\n", err);
      return 1;
    }
  /* Each desk's run its own agencies, so that runs into one server do not
     find each other's. */
  unsigned run = (unsigned) getpid ();
  double start = now ();
  for (long i = 0; i < count; i++)
    {
      struct offer offer;
      struct risk_result result;
      struct offer_earlier earlier[3];
      memset (&offer, 0, sizeof offer);
      memset (&result, 0, sizeof result);
      snprintf (offer.field[OFFER_AGENCY], sizeof offer.field[0], "Agency %u-%ld Ltd.", run, i);
      snprintf (offer.field[OFFER_EMPLOYER], sizeof offer.field[0], "Employer %ld", i % 50);
      snprintf (offer.field[OFFER_COUNTRY], sizeof offer.field[0], "TH");
      result.level = i % 3 ? RISK_HIGH : RISK_LOW;
      if (offers_log_earlier_high (log, &offer, earlier, 3, err, sizeof err) < 0
          || offers_log_add (log, "2026-12-07", &offer, &result, "bench", err, sizeof err) != 0
          || offers_log_trouble (log))
        {
          fprintf (stderr, "officelog: %s\n", offers_log_trouble (log) ? offers_log_trouble (log)
                                                                       : err);
          offers_log_close (log);
          return 1;
        }
    }
  double seconds = now () - start;
  offers_log_close (log);
  printf ("per_s=%.1f count=%ld\n", (double) count / seconds, count);
  return 0;
}
