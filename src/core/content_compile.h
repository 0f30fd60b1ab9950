/* content_compile.h -- validating content sources into the content model. */
#ifndef SAFEJOB_CONTENT_COMPILE_H
#define SAFEJOB_CONTENT_COMPILE_H

#include "content.h"
#include "diag.h"

/* A translatable string found in the sources, for the message template. */
struct content_message
{
  const char *msgid;
  const char *file;
  int line;
  const char *comment;   /* for translators: what the string is, and its limit */
};

struct content_build
{
  struct content content;
  size_t message_count;
  struct content_message *messages;
};

/* The source files, in the order they are compiled (countries before the
   contacts that name them). */
extern const char *const content_source_files[];

/* Reads and validates the sources in DIR into *OUT. Every problem is
   reported to DIAG as "file:line: message", and compiling goes on so that
   one run reports them all. Returns the number of errors (0: *OUT is
   complete). Free *OUT with content_free (&out->content) either way. */
int content_compile (const char *dir, struct content_build *out, struct diag *diag);

/* The display width of UTF-8 TEXT in columns (the locale must be UTF-8). */
int content_text_width (const char *text);

#endif /* SAFEJOB_CONTENT_COMPILE_H */
