/* pin_lock.c -- the staff PIN's lock-out across restarts (pin_lock.h).
   The file says "failures N" and "locked-until SECONDS" (since the epoch:
   the monotonic clock starts again with the program). */
#include <config.h>
#include "pin_lock.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "diag.h"

const char *
pin_lock_default_path (void)
{
  const char *path = getenv ("SAFEJOB_PIN_LOCK");
  return path && path[0] ? path : PIN_LOCK_FILE;
}

int
pin_lock_load (const char *path, struct pin_guard *guard, double now, char *err, size_t err_size)
{
  FILE *in = fopen (path, "r");
  long failures = -1;
  long long until = -1;

  if (!in)
    {
      if (errno == ENOENT)
        return 0;
      diag_format (err, err_size, "%s: %s", path, strerror (errno));
      return -1;
    }
  int got = fscanf (in, "failures %ld\nlocked-until %lld\n", &failures, &until);
  fclose (in);
  if (got != 2 || failures < 0 || failures >= PIN_MAX_TRIES || until < 0)
    {
      diag_format (err, err_size, "%s: not a lock-out this program wrote", path);
      return -1;
    }
  guard->failures = (int) failures;
  double left = (double) until - (double) time (NULL);
  if (left > PIN_LOCKOUT_SECONDS)
    left = PIN_LOCKOUT_SECONDS;
  if (left > 0 && now + left > guard->locked_until)
    guard->locked_until = now + left;
  return 0;
}

int
pin_lock_save (const char *path, const struct pin_guard *guard, double now, char *err,
               size_t err_size)
{
  char temporary[4096];
  double left = guard->locked_until - now;
  long long until = left > 0 ? (long long) time (NULL) + (long long) left + 1 : 0;

  if (snprintf (temporary, sizeof temporary, "%s.new", path) >= (int) sizeof temporary)
    {
      diag_format (err, err_size, "%s: the path is too long", path);
      return -1;
    }
  FILE *out = fopen (temporary, "w");
  if (!out)
    {
      diag_format (err, err_size, "%s: %s", temporary, strerror (errno));
      return -1;
    }
  fprintf (out, "failures %d\nlocked-until %lld\n", guard->failures, until);
  if (fflush (out) != 0 || fsync (fileno (out)) != 0)
    {
      diag_format (err, err_size, "%s: %s", temporary, strerror (errno));
      fclose (out);
      unlink (temporary);
      return -1;
    }
  if (fclose (out) != 0 || rename (temporary, path) != 0)
    {
      diag_format (err, err_size, "%s: %s", path, strerror (errno));
      unlink (temporary);
      return -1;
    }
  return 0;
}
