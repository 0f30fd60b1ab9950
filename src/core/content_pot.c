/* content_pot.c -- PO-format output of the content's strings. */
#include <config.h>
#include "content_pot.h"

#include <stdbool.h>
#include <string.h>

static void
write_quoted (FILE *out, const char *s)
{
  fputc ('"', out);
  for (; *s; s++)
    switch (*s)
      {
      case '"': fputs ("\\\"", out); break;
      case '\\': fputs ("\\\\", out); break;
      case '\n': fputs ("\\n", out); break;
      case '\t': fputs ("\\t", out); break;
      default: fputc (*s, out); break;
      }
  fputc ('"', out);
}

int
content_pot_write (const struct content_build *build, FILE *out)
{
  const struct content_message *m = build->messages;
  size_t n = build->message_count;

  fputs ("# Strings of the content sources (content/*.txt), written by safejob-content.\n"
         "msgid \"\"\nmsgstr \"\"\n\"Content-Type: text/plain; charset=UTF-8\\n\"\n", out);
  for (size_t i = 0; i < n; i++)
    {
      bool seen = false;
      for (size_t k = 0; k < i && !seen; k++)
        seen = strcmp (m[k].msgid, m[i].msgid) == 0;
      if (seen)
        continue;
      fputc ('\n', out);
      /* The same text in several places: one entry, every place named. */
      for (size_t k = i; k < n; k++)
        if (strcmp (m[k].msgid, m[i].msgid) == 0)
          fprintf (out, "#. %s\n", m[k].comment);
      for (size_t k = i; k < n; k++)
        if (strcmp (m[k].msgid, m[i].msgid) == 0)
          fprintf (out, "#: %s:%d\n", m[k].file, m[k].line);
      /* Content is plain text: no printf directives, whatever it contains. */
      fputs ("#, no-c-format\nmsgid ", out);
      write_quoted (out, m[i].msgid);
      fputs ("\nmsgstr \"\"\n", out);
    }
  return ferror (out) ? -1 : 0;
}
