/* fuzz-export.c -- libFuzzer harness for the values every report and
   export writes for other programs (src/core/export.c): a JSON string, a
   CSV field, text for a terminal. Each is read back here as its reader
   would (a JSON parser, a spreadsheet, a terminal) and must say what was
   written, no more: a JSON string that decodes to the input, a CSV field
   that parses to it (behind a ' when a spreadsheet would run it as a
   formula), text without a control character. The input is one value
   (up to its first NUL byte). Run by test-fuzz.sh. */
#include <config.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "export.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static void
fail (const char *what, const char *in, const char *out)
{
  fprintf (stderr, "fuzz-export: %s\ninput:  %s\noutput: %s\n", what, in, out);
  abort ();
}

/* OUT written by WRITE (S). */
static char *
written (void (*write) (FILE *, const char *), const char *s, size_t *len)
{
  char *out = NULL;
  FILE *f = open_memstream (&out, len);
  if (!f)
    abort ();
  write (f, s);
  if (fclose (f) != 0)
    abort ();
  return out;
}

static void
check_json (const char *s)
{
  size_t len, n = 0;
  char *out = written (export_json_string, s, &len);
  char *back = malloc (len + 1);
  if (!back || len < 2 || out[0] != '"' || out[len - 1] != '"')
    fail ("a JSON string is not in quotes", s, out);
  for (size_t i = 1; i < len - 1; i++)
    {
      unsigned char c = (unsigned char) out[i];
      if (c < 0x20 || c == '"')
        fail ("a JSON string holds a control character or a bare quote", s, out);
      if (c != '\\')
        back[n++] = (char) c;
      else if (out[i + 1] == 'u' && i + 5 < len - 1)
        {
          back[n++] = (char) strtol ((char[]) { out[i + 2], out[i + 3], out[i + 4],
                                                out[i + 5], 0 }, NULL, 16);
          i += 5;
        }
      else if (out[i + 1] && strchr ("\"\\/", out[i + 1]))
        back[n++] = out[++i];
      else if (out[i + 1] == 'n')
        back[n++] = '\n', i++;
      else
        fail ("a JSON string has an escape JSON does not know", s, out);
    }
  back[n] = '\0';
  if (strcmp (back, s) != 0)
    fail ("a JSON string decodes to another text", s, out);
  free (back);
  free (out);
}

static void
check_csv (const char *s)
{
  size_t len, n = 0;
  char *out = written (export_csv_field, s, &len);
  char *back = malloc (len + 2);
  if (!back)
    abort ();
  if (out[0] != '"')
    {
      if (strpbrk (out, ",\"\n\r"))
        fail ("a CSV field needs quotes", s, out);
      memcpy (back, out, len + 1);
    }
  else
    {
      size_t i = 1;
      for (; i < len && !(out[i] == '"' && out[i + 1] != '"'); i++)
        {
          back[n++] = out[i];
          i += out[i] == '"';    /* "" is one quote */
        }
      if (i != len - 1)
        fail ("a CSV field goes on after its closing quote", s, out);
      back[n] = '\0';
    }
  /* A spreadsheet runs a cell starting with one of these as a formula. */
  const char *expected = back;
  if (*s && strchr ("=+-@", *s))
    {
      if (back[0] != '\'')
        fail ("a CSV field a spreadsheet would run as a formula", s, out);
      expected = back + 1;
    }
  else if (back[0] && strchr ("=+-@", back[0]))
    fail ("a CSV field that starts a formula", s, out);
  if (strcmp (expected, s) != 0)
    fail ("a CSV field parses to another text", s, out);
  free (back);
  free (out);
}

static void
check_text (const char *s)
{
  size_t len;
  char *out = written (export_text, s, &len);
  for (size_t i = 0; i < len; i++)
    {
      unsigned char c = (unsigned char) out[i];
      if (c < 0x20 || c == 0x7F
          || (c == 0xC2 && i + 1 < len && (unsigned char) out[i + 1] >= 0x80
              && (unsigned char) out[i + 1] <= 0x9F))
        fail ("text for a terminal holds a control character", s, out);
    }
  free (out);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  char *s = malloc (size + 1);
  if (!s)
    return 0;
  memcpy (s, data, size);
  s[size] = '\0';
  check_json (s);
  check_csv (s);
  check_text (s);
  free (s);
  return 0;
}
