/* diag.h -- "file:line: message" diagnostics for content sources. */
#ifndef SAFEJOB_DIAG_H
#define SAFEJOB_DIAG_H

#include <stddef.h>
#include <stdio.h>

struct diag
{
  FILE *out;     /* where messages go (stderr in the compiler) */
  int errors;    /* how many were reported */
};

/* Reports an error at FILE:LINE (LINE 0: the file as a whole). */
__attribute__ ((format (printf, 4, 5)))
void diag_error (struct diag *diag, const char *file, int line, const char *fmt, ...);

/* Formats a message into ERR (SIZE bytes), for functions that return an
   error to their caller rather than report it. Returns -1, so that
   "return diag_format (err, size, ...);" both says and fails. */
__attribute__ ((format (printf, 3, 4)))
int diag_format (char *err, size_t size, const char *fmt, ...);

/* For atexit: output that could not be written is a failure, as GNU's
   close_stdout has it ("--version > /dev/full" must not exit 0): closes
   standard output and, if anything was lost, says so and exits 1. */
void diag_close_stdout (void);

#endif /* SAFEJOB_DIAG_H */
