/* export.c -- JSON strings and CSV fields. */
#include <config.h>
#include "export.h"

#include <stdbool.h>
#include <string.h>

void
export_json_string (FILE *out, const char *s)
{
  if (!s)
    {
      fputs ("null", out);
      return;
    }
  fputc ('"', out);
  for (; *s; s++)
    {
      unsigned char c = (unsigned char) *s;
      if (c == '"' || c == '\\')
        fprintf (out, "\\%c", c);
      else if (c == '\n')
        fputs ("\\n", out);
      else if (c < 0x20 || c == 0x7f)
        fprintf (out, "\\u%04x", c);
      else
        fputc (c, out);
    }
  fputc ('"', out);
}

void
export_csv_field (FILE *out, const char *s)
{
  bool formula = *s && strchr ("=+-@", *s);
  bool quote = formula || strpbrk (s, ",\"\n\r") != NULL;
  if (quote)
    fputc ('"', out);
  if (formula)
    fputc ('\'', out);
  for (; *s; s++)
    {
      if (*s == '"')
        fputc ('"', out);
      fputc (*s, out);
    }
  if (quote)
    fputc ('"', out);
}

void
export_text (FILE *out, const char *s)
{
  const unsigned char *p = (const unsigned char *) s;
  for (; *p; p++)
    {
      if (p[0] == 0xC2 && p[1] >= 0x80 && p[1] <= 0x9F)
        {
          fputc ('?', out);    /* a C1 control, U+0080 to U+009F */
          p++;
        }
      else
        fputc (*p < 0x20 || *p == 0x7F ? '?' : *p, out);
    }
}
