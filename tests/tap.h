/* tap.h -- the Test Anything Protocol for the unit tests, read by automake's
   tap-driver. Header-only: each test is one program. */
#ifndef SAFEJOB_TAP_H
#define SAFEJOB_TAP_H

#include <stdarg.h>
#include <stdio.h>

static int tap_count;
static int tap_failed;

__attribute__ ((format (printf, 4, 5)))
static void
tap_ok (int pass, const char *file, int line, const char *fmt, ...)
{
  va_list ap;
  tap_count++;
  printf ("%s %d - ", pass ? "ok" : "not ok", tap_count);
  va_start (ap, fmt);
  vprintf (fmt, ap);
  va_end (ap);
  printf ("\n");
  if (!pass)
    {
      tap_failed++;
      printf ("#   failed at %s:%d\n", file, line);
    }
}

/* ok (CONDITION, "description", ...): one test. */
#define ok(cond, ...) tap_ok (!!(cond), __FILE__, __LINE__, __VA_ARGS__)

/* Prints the plan; the test's exit status. */
static int
tap_done (void)
{
  printf ("1..%d\n", tap_count);
  return tap_failed ? 1 : 0;
}

#endif /* SAFEJOB_TAP_H */
