/* fuzz-wrap.c -- libFuzzer harness for line wrapping (src/core/wrap.c):
   every text on screen and paper goes through wrap_decode and wrap_text,
   in every script, with ICU (src/core/icu.c loads it) for those written
   without spaces, and the slip through wrap_mark_breaks. Besides memory
   errors the harness checks what callers rely on: lines in order within
   the text, no letter lost (only blanks and newlines fall between lines),
   each line's width as wrap_width counts it, within the width when it can
   be (a line of ASCII letters always can), the count the same whatever
   room the caller gives, and marked breaks that add nothing but
   zero-width spaces.

   Input: a byte for the width (1 to 80 columns), then UTF-8 text (up to
   its first NUL byte). Run by test-fuzz.sh. */
#include <config.h>

#include <locale.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "wrap.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);
int LLVMFuzzerInitialize (int *argc, char ***argv);

enum { MAX_LINES = 256 };

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  (void) argc;
  (void) argv;
  /* As the kiosk runs: widths come from a UTF-8 locale's wcwidth. */
  setlocale (LC_ALL, "C.UTF-8");
  return 0;
}

static void
fail (const char *what, const char *text, int width)
{
  fprintf (stderr, "fuzz-wrap: %s (width %d): %s\n", what, width, text);
  abort ();
}

/* S without its zero-width spaces (U+200B), into a new string. */
static char *
without_zwsp (const char *s)
{
  char *out = malloc (strlen (s) + 1), *o = out;
  if (!out)
    abort ();
  while (*s)
    if (strncmp (s, "\xE2\x80\x8B", 3) == 0)
      s += 3;
    else
      *o++ = *s++;
  *o = '\0';
  return out;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  static struct wrap_line lines[MAX_LINES];
  if (size < 1)
    return 0;
  int width = 1 + data[0] % 80;
  char *text = malloc (size);
  if (!text)
    return 0;
  memcpy (text, data + 1, size - 1);
  text[size - 1] = '\0';

  wchar_t *wide = wrap_decode (text);
  if (!wide)
    abort ();
  size_t n = wcslen (wide);
  size_t needed = wrap_text (wide, width, lines, 1);
  if (wrap_text (wide, width, lines, MAX_LINES) != needed)
    fail ("the count depends on the room for lines", text, width);
  size_t count = needed < MAX_LINES ? needed : MAX_LINES;

  size_t covered = 0;    /* characters before here are in a line or blank */
  for (size_t i = 0; i < count; i++)
    {
      const struct wrap_line *l = &lines[i];
      if (l->start < covered || l->start + l->length > n)
        fail ("a line out of order or past the text", text, width);
      for (size_t k = covered; k < l->start; k++)
        if (wide[k] != L' ' && wide[k] != L'\n')
          fail ("a character fell between two lines", text, width);
      if (l->width != wrap_width (wide + l->start, l->length))
        fail ("a line's width is not what wrap_width counts", text, width);
      bool ascii = true;
      for (size_t k = 0; k < l->length; k++)
        ascii &= wide[l->start + k] >= 0x21 && wide[l->start + k] < 0x7f;
      if (ascii && l->length > 1 && l->width > width)
        fail ("a line of ASCII is wider than the width", text, width);
      covered = l->start + l->length;
    }
  if (count < MAX_LINES)
    for (size_t k = covered; k < n; k++)
      if (wide[k] != L' ' && wide[k] != L'\n')
        fail ("the text's end is in no line", text, width);

  char *marked = wrap_mark_breaks (text);
  if (!marked)
    abort ();
  char *a = without_zwsp (marked), *b = without_zwsp (text);
  if (strcmp (a, b) != 0)
    fail ("marking breaks changed the text", text, width);
  free (a);
  free (b);
  free (marked);
  free (wide);
  free (text);
  return 0;
}
