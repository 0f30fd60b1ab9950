/* keyfile.h -- the text files people write for the program: the checks
   every such line gets (it is text: no NUL byte, no byte-order mark, UTF-8,
   not too long), and the "name = value" lines of the kiosk's settings and
   of a screening's answers, read one way for both. content/'s records
   (record.c) have a grammar of their own but the same line checks. */
#ifndef SAFEJOB_KEYFILE_H
#define SAFEJOB_KEYFILE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include "diag.h"

enum { KEYFILE_LINE_MAX = 4096 };

/* Why the LENGTH bytes at LINE, line LINENO of its file (its newline not
   included), are not a line of text, or NULL when they are: a NUL byte, a
   byte-order mark, bytes that are not UTF-8, a line over KEYFILE_LINE_MAX
   bytes. */
const char *keyfile_line_error (const char *line, size_t length, int lineno);

/* A "name = value" file being read. */
struct keyfile
{
  FILE *in;
  const char *path;      /* in messages, "PATH:LINE: ..." */
  const char *form;      /* what a line should be, for the message when it is not */
  struct diag *diag;
  char *buffer;
  size_t size;
  int line;              /* the line last read */
};

/* Starts reading IN, named PATH in messages; FORM is the message for a
   line that is not "name = value", such as "expected 'name = value'". */
void keyfile_open (struct keyfile *file, FILE *in, const char *path, const char *form,
                   struct diag *diag);

/* Reads up to the next "name = value" line and points *NAME and *VALUE at
   its parts, blanks trimmed (valid until the next call); FILE->line is its
   line. Every other line but blank ones and "#" comments is reported to
   the diagnostics and skipped, as is a name with no value. Returns false
   at the end of the file (a read error is reported). */
bool keyfile_next (struct keyfile *file, char **name, char **value);

/* Frees what reading used; IN is the caller's. */
void keyfile_close (struct keyfile *file);

#endif /* SAFEJOB_KEYFILE_H */
