/* diag.c -- the one place diagnostics are formatted, GNU style. */
#include <config.h>
#include "diag.h"

#include <stdarg.h>

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
