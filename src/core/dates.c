/* dates.c -- checking and making YYYY-MM-DD days. */
#include <config.h>
#include "dates.h"

#include <string.h>
#include <time.h>

bool
date_valid (const char *s)
{
  struct tm tm, norm;
  memset (&tm, 0, sizeof tm);
  if (strlen (s) != DATE_SIZE - 1 || s[4] != '-' || s[7] != '-')
    return false;
  for (int i = 0; i < DATE_SIZE - 1; i++)
    if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
      return false;
  const char *end = strptime (s, "%Y-%m-%d", &tm);
  if (!end || *end)
    return false;
  /* strptime takes 2026-02-30: normalise through timegm and compare. */
  int year = tm.tm_year, month = tm.tm_mon, mday = tm.tm_mday;
  time_t t = timegm (&tm);
  return gmtime_r (&t, &norm) && norm.tm_year == year && norm.tm_mon == month
         && norm.tm_mday == mday;
}

void
date_today (char day[DATE_SIZE])
{
  time_t now = time (NULL);
  struct tm tm;
  if (!localtime_r (&now, &tm) || strftime (day, DATE_SIZE, "%Y-%m-%d", &tm) != DATE_SIZE - 1)
    strcpy (day, "1970-01-01");
}
