/* wrap.c -- line breaking by display width.
   A first breaker: it breaks at spaces, which suits the scripts shipped so
   far (Latin, Devanagari). Scripts written without spaces between words need
   a dictionary breaker. */
#include <config.h>
#include "wrap.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

static int
char_width (wchar_t c)
{
  int w = wcwidth (c);
  return w < 0 ? 1 : w;
}

int
wrap_width (const wchar_t *s, size_t n)
{
  int width = 0;
  for (size_t i = 0; i < n; i++)
    width += char_width (s[i]);
  return width;
}

/* Finds the end of the line that starts at START: the index just past its
   last character. Sets *NEXT to where the following line starts. */
static size_t
line_end (const wchar_t *text, size_t start, int width, size_t *next)
{
  size_t i = start;
  size_t space_run = 0;   /* start of the latest run of spaces, if any */
  bool have_space = false;
  int used = 0;

  while (text[i] && text[i] != L'\n')
    {
      if (text[i] == L' ')
        {
          if (i > start && text[i - 1] != L' ')
            {
              space_run = i;
              have_space = true;
            }
        }
      else if (used + char_width (text[i]) > width)
        {
          size_t end;
          if (have_space)
            end = space_run;
          else if (i > start)
            end = i;          /* cut a long word before this spacing character */
          else
            end = i + 1;      /* a single character wider than the line */
          *next = end;
          while (text[*next] == L' ')
            ++*next;
          return end;
        }
      used += char_width (text[i]);
      i++;
    }
  *next = text[i] == L'\n' ? i + 1 : i;
  return i;
}

size_t
wrap_text (const wchar_t *text, int width, struct wrap_line *lines, size_t max)
{
  size_t count = 0;
  size_t start = 0;

  if (width < 1)
    width = 1;
  while (text[start])
    {
      size_t next;
      size_t end = line_end (text, start, width, &next);
      while (end > start && text[end - 1] == L' ')
        end--;
      if (count < max)
        {
          lines[count].start = start;
          lines[count].length = end - start;
          lines[count].width = wrap_width (text + start, end - start);
        }
      count++;
      start = next;
    }
  return count;
}

wchar_t *
wrap_decode (const char *s)
{
  size_t len = strlen (s);
  wchar_t *out = malloc ((len + 1) * sizeof *out);
  mbstate_t state;
  size_t n = 0;

  if (!out)
    return NULL;
  memset (&state, 0, sizeof state);
  while (*s)
    {
      wchar_t c;
      size_t used = mbrtowc (&c, s, strlen (s), &state);
      if (used == (size_t) -1 || used == (size_t) -2 || used == 0)
        {
          c = L'\xFFFD';
          used = 1;
          memset (&state, 0, sizeof state);
        }
      else if (c != L'\n' && wcwidth (c) < 0)
        c = L'\xFFFD';
      out[n++] = c;
      s += used;
    }
  out[n] = L'\0';
  return out;
}
