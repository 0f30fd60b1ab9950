/* record.h -- the plain-text record format of content/ (see content/README.md):
   "[type id]" starts a record, "key = value" lines fill it, indented lines
   continue a value, "#" starts a comment. No meaning is given to types or
   keys here; content_check.c does that. */
#ifndef SAFEJOB_RECORD_H
#define SAFEJOB_RECORD_H

#include <stddef.h>
#include "arena.h"
#include "diag.h"

struct field
{
  const char *key;
  const char *value;    /* continuation lines joined with single spaces */
  int line;
};

struct record
{
  const char *file;
  int line;
  const char *type;
  const char *id;
  size_t field_count;
  struct field *fields;
};

struct record_file
{
  const char *path;
  size_t count;
  struct record *records;
};

/* Reads PATH into *OUT, allocating from ARENA. Malformed lines are reported
   to DIAG and skipped, so one run reports every error. Returns 0, or -1
   when the file cannot be read at all (also reported). */
int record_file_read (const char *path, struct arena *arena, struct diag *diag,
                      struct record_file *out);

/* Parses TEXT (the contents of a file named PATH) the same way. */
int record_parse (const char *path, const char *text, struct arena *arena,
                  struct diag *diag, struct record_file *out);

/* The first field KEY of RECORD, or NULL. */
const struct field *record_field (const struct record *record, const char *key);

#endif /* SAFEJOB_RECORD_H */
