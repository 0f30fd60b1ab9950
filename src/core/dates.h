/* dates.h -- days, written YYYY-MM-DD: the only form a date takes in this
   program's files, logs and figures (no time of day is ever kept). */
#ifndef SAFEJOB_DATES_H
#define SAFEJOB_DATES_H

#include <stdbool.h>

enum { DATE_SIZE = 11 };    /* "2026-12-07" and its NUL */

/* True when S is a day of the calendar written YYYY-MM-DD (not 2026-02-30,
   not 2026-2-3). */
bool date_valid (const char *s);

/* Today, as the people at the kiosk or the office count days (the local
   time zone), into DAY. */
void date_today (char day[DATE_SIZE]);

#endif /* SAFEJOB_DATES_H */
