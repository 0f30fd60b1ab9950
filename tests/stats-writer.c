/* stats-writer.c -- for test-stats-crash.sh: records sessions into the
   usage figures as fast as it can, printing "saved" after each one that
   stats_record reported committed, until it is killed.

   Usage: stats-writer DB COUNT */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include "stats.h"

int
main (int argc, char **argv)
{
  static const char *const languages[] = { "ne", "th", "zh_CN", "hi" };
  static const char *const levels[] = { "low", "medium", "high", "none" };
  char err[256];

  if (argc != 3)
    {
      fprintf (stderr, "usage: stats-writer DB COUNT\n");
      return 2;
    }
  long count = atol (argv[2]);
  for (long i = 0; i < count; i++)
    {
      /* Each session opens, writes and closes, as the kiosk does. */
      struct stats *stats = stats_open (argv[1], err, sizeof err);
      struct stats_session s = {
        .day = "2026-11-21", .language = languages[i % 4], .destination = i % 3 ? "KH" : "",
        .level = levels[i % 4], .reached = (enum stats_reach) (i % 4),
        .contacts_shown = i % 2, .qr_shown = i % 2, .printed = i % 5 == 0,
        .sign_count = 2, .signs = { "passport.kept", "route.overland" },
      };
      if (!stats || stats_record (stats, &s, err, sizeof err) != 0)
        {
          fprintf (stderr, "stats-writer: %s\n", err);
          stats_close (stats);
          return 1;
        }
      stats_close (stats);
      /* Only now is the session reported saved. */
      if (puts ("saved") == EOF || fflush (stdout) != 0)
        return 1;
    }
  return 0;
}
