/* office-desk.c -- for the tests of the shared office log: one office desk
   as safejob --office is one, a process that opens the log once and
   screens offer after offer: for each, the lookup of earlier high results,
   then the screening saved. Offers come on standard input, one a line:

       AGENCY|LICENCE|EMPLOYER|LEVEL        (LEVEL: low, medium or high)

   and for each the desk writes one line, flushed at once (a test can pace
   it through a pipe, and stop the server between two lines):

       FOUND LOOKUP-TROUBLE SAVED-TROUBLE   such as "1 0 0"

   FOUND the number of names that had an earlier high result, each trouble
   1 when that step could not reach the server. A failure to save stops it
   (exit status 1).

   Usage: office-desk WHERE OUTBOX [DAY]     (DAY: 2026-12-07 by default) */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "offers_log.h"

int
main (int argc, char **argv)
{
  char err[1024], line[1024];

  if (argc < 3 || argc > 4)
    {
      fprintf (stderr, "usage: office-desk WHERE OUTBOX [DAY]\n");
      return 2;
    }
  const char *day = argc == 4 ? argv[3] : "2026-12-07";
  struct offers_log *log = offers_log_open (argv[1], argv[2], true, OFFICE_KEEP_DAYS_DEFAULT,
                                            day, err, sizeof err);
  if (!log)
    {
      fprintf (stderr, "office-desk: %s\n", err);
      return 1;
    }
  while (fgets (line, sizeof line, stdin))
    {
      struct offer offer;
      struct risk_result result;
      struct offer_earlier earlier[3];
      char *fields[4], *s = line;

      line[strcspn (line, "\n")] = '\0';
      memset (&offer, 0, sizeof offer);
      memset (&result, 0, sizeof result);
      /* (strsep, not strtok: a field may be empty.) */
      for (int i = 0; i < 4; i++)
        fields[i] = s ? strsep (&s, "|") : (char *) "";
      snprintf (offer.field[OFFER_AGENCY], sizeof offer.field[0], "%s", fields[0]);
      snprintf (offer.field[OFFER_LICENCE], sizeof offer.field[0], "%s", fields[1]);
      snprintf (offer.field[OFFER_EMPLOYER], sizeof offer.field[0], "%s", fields[2]);
      result.level = strcmp (fields[3], "high") == 0 ? RISK_HIGH
                     : strcmp (fields[3], "medium") == 0 ? RISK_MEDIUM : RISK_LOW;
      result.score = result.level == RISK_HIGH ? 100 : 0;

      int found = offers_log_earlier_high (log, &offer, earlier, 3, err, sizeof err);
      if (found < 0)
        {
          fprintf (stderr, "office-desk: %s\n", err);
          offers_log_close (log);
          return 1;
        }
      bool lookup_trouble = offers_log_trouble (log) != NULL;
      if (lookup_trouble)
        fprintf (stderr, "office-desk: lookup: %s\n", offers_log_trouble (log));
      if (offers_log_add (log, day, &offer, &result, "test", err, sizeof err) != 0)
        {
          fprintf (stderr, "office-desk: %s\n", err);
          offers_log_close (log);
          return 1;
        }
      bool save_trouble = offers_log_trouble (log) != NULL;
      if (save_trouble)
        fprintf (stderr, "office-desk: save: %s\n", offers_log_trouble (log));
      printf ("%d %d %d\n", found, lookup_trouble, save_trouble);
      fflush (stdout);
    }
  offers_log_close (log);
  return 0;
}
