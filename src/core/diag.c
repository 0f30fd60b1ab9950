/* diag.c -- the one place diagnostics are formatted, GNU style. */
#include <config.h>
#include "diag.h"

#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "system.h"

void
diag_error (struct diag *diag, const char *file, int line, const char *fmt, ...)
{
  va_list ap;
  if (line > 0)
    fprintf (diag->out, "%s:%d: ", file, line);
  else
    fprintf (diag->out, "%s: ", file);
  va_start (ap, fmt);
  vfprintf (diag->out, fmt, ap);
  va_end (ap);
  fputc ('\n', diag->out);
  diag->errors++;
}

int
diag_format (char *err, size_t size, const char *fmt, ...)
{
  va_list ap;
  va_start (ap, fmt);
  vsnprintf (err, size, fmt, ap);
  va_end (ap);
  return -1;
}

void
diag_close_stdout (void)
{
  bool failed = ferror (stdout) != 0;
  int saved = errno;
  if (fclose (stdout) != 0)
    {
      failed = true;
      saved = errno;
    }
  if (failed)
    {
      fprintf (stderr, _("%s: write error: %s\n"), PACKAGE, strerror (saved ? saved : EIO));
      _exit (EXIT_FAILURE);
    }
}
