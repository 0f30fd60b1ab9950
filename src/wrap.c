/* wrap.c -- line breaking by display width.
   Where a line may break is ICU's line-break iterator's answer: between
   words written with spaces, between Thai, Lao, Khmer and Burmese words
   found in its dictionaries, between most CJK ideographs but not before a
   closing mark such as "。". How much fits is measured in terminal columns.
   A word wider than the line is cut between grapheme clusters, so a mark
   never leaves its letter. */
#include <config.h>
#include "wrap.h"

#include <langinfo.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>
#include <unicode/ubrk.h>
#include <unicode/ustring.h>

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

/* The text in UTF-16 for ICU, with the map from UTF-16 offsets back to
   wide-character indices. */
struct utf16
{
  UChar *text;
  int32_t length;
  size_t *to_wide;   /* length + 1 entries */
};

static bool
to_utf16 (const wchar_t *text, size_t n, struct utf16 *out)
{
  out->text = malloc ((2 * n + 1) * sizeof *out->text);
  out->to_wide = malloc ((2 * n + 1) * sizeof *out->to_wide);
  if (!out->text || !out->to_wide)
    return false;
  int32_t k = 0;
  for (size_t i = 0; i < n; i++)
    {
      uint32_t c = (uint32_t) text[i];
      if (c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
        c = 0xFFFD;
      out->to_wide[k] = i;
      if (c >= 0x10000)
        {
          out->text[k++] = (UChar) (0xD800 + ((c - 0x10000) >> 10));
          out->to_wide[k] = i;
          out->text[k++] = (UChar) (0xDC00 + ((c - 0x10000) & 0x3FF));
        }
      else
        out->text[k++] = (UChar) c;
    }
  out->to_wide[k] = n;
  out->length = k;
  return true;
}

/* One iterator of each kind, made once: opening one loads ICU's rules. */
static UBreakIterator *
iterator (UBreakIteratorType type, const struct utf16 *text)
{
  static UBreakIterator *line, *character;
  UBreakIterator **slot = type == UBRK_LINE ? &line : &character;
  UErrorCode status = U_ZERO_ERROR;

  if (!*slot)
    {
      *slot = ubrk_open (type, "", NULL, 0, &status);
      if (U_FAILURE (status))
        {
          *slot = NULL;
          return NULL;
        }
    }
  status = U_ZERO_ERROR;
  ubrk_setText (*slot, text->text, text->length, &status);
  return U_FAILURE (status) ? NULL : *slot;
}

/* Trailing blanks and newlines do not take room at the end of a line. */
static size_t
trim (const wchar_t *text, size_t start, size_t end)
{
  while (end > start && (text[end - 1] == L' ' || text[end - 1] == L'\n'))
    end--;
  return end;
}

/* The UTF-16 offset of wide-character index I, searching from FROM. */
static int32_t
offset16 (const struct utf16 *u16, int32_t from, size_t i)
{
  while (from < u16->length && u16->to_wide[from] < i)
    from++;
  return from;
}

/* The end of the longest run of whole grapheme clusters from START (at
   UTF-16 offset START16) that fits WIDTH columns; at least one cluster. */
static size_t
cut_clusters (const wchar_t *text, const struct utf16 *u16, size_t start, int32_t start16,
              int width)
{
  UBreakIterator *chars = u16->text ? iterator (UBRK_CHARACTER, u16) : NULL;
  int32_t at = chars ? ubrk_following (chars, start16) : UBRK_DONE;
  if (at == UBRK_DONE)
    return start + 1;
  size_t best = u16->to_wide[at];    /* the first cluster, however wide */
  for (at = ubrk_next (chars); at != UBRK_DONE; at = ubrk_next (chars))
    {
      size_t end = u16->to_wide[at];
      if (wrap_width (text + start, end - start) > width)
        break;
      best = end;
    }
  return best;
}

size_t
wrap_text (const wchar_t *text, int width, struct wrap_line *lines, size_t max)
{
  size_t n = wcslen (text);
  struct utf16 u16 = { NULL, 0, NULL };
  size_t count = 0;

  if (width < 1)
    width = 1;
  if (n == 0)
    return 0;
  /* A text that fits on one line needs no break iterator: most labels do,
     and then ICU's dictionaries (Thai, Lao, Khmer, Burmese) are never
     loaded for them (bench/README.md measured what they cost). */
  if (!wcschr (text, L'\n'))
    {
      size_t end = trim (text, 0, n);
      int w = wrap_width (text, end);
      if (w <= width)
        {
          if (max > 0)
            lines[0] = (struct wrap_line) { 0, end, w };
          return 1;
        }
    }
  UBreakIterator *breaks = to_utf16 (text, n, &u16) ? iterator (UBRK_LINE, &u16) : NULL;

  size_t start = 0;
  int32_t start16 = 0;
  while (start < n)
    {
      size_t end = start, next = start;   /* the line's end; the next line's start */
      bool found = false;

      /* The farthest break that fits; a newline ends the line there. */
      for (int32_t at = breaks ? ubrk_following (breaks, start16) : UBRK_DONE;
           at != UBRK_DONE; at = ubrk_next (breaks))
        {
          size_t pos = u16.to_wide[at];
          size_t fit_end = trim (text, start, pos);
          if (wrap_width (text + start, fit_end - start) > width)
            break;
          end = fit_end;
          next = pos;
          found = true;
          if (text[pos - 1] == L'\n')
            break;
        }
      if (!found)
        {
          /* No break fits: a word wider than the line is cut. */
          next = cut_clusters (text, &u16, start, start16, width);
          end = trim (text, start, next);
        }
      if (count < max)
        {
          lines[count].start = start;
          lines[count].length = end - start;
          lines[count].width = wrap_width (text + start, end - start);
        }
      count++;
      /* Spaces that open the next line vanish at a soft break. */
      start = next;
      while (start < n && text[start] == L' ')
        start++;
      start16 = offset16 (&u16, start16, start);
    }
  free (u16.text);
  free (u16.to_wide);
  return count;
}

/* The ASCII stand-in for a character an ASCII terminal cannot show. */
static wchar_t
ascii_for (uint32_t c)
{
  static const struct { uint32_t from; char to; } table[] = {
    { 0x2018, '\'' }, { 0x2019, '\'' }, { 0x201C, '"' }, { 0x201D, '"' },
    { 0x2013, '-' }, { 0x2014, '-' }, { 0x2022, '*' }, { 0x00B7, '-' },
    { 0x2026, '.' }, { 0x2191, '^' }, { 0x2193, 'v' }, { 0x25B6, '>' },
    { 0x25C0, '<' }, { 0x25B2, '^' }, { 0x25BC, 'v' }, { 0x2713, '+' },
    { 0x2715, 'x' }, { 0x00A0, ' ' },
  };
  if (c < 0x80)
    return (wchar_t) c;
  for (size_t i = 0; i < sizeof table / sizeof table[0]; i++)
    if (table[i].from == c)
      return (wchar_t) table[i].to;
  return L'?';
}

/* Decodes UTF-8 whatever the locale says: the content and the catalogues
   are UTF-8 even when the terminal is not. */
static uint32_t
next_utf8 (const unsigned char **s)
{
  const unsigned char *p = *s;
  uint32_t c = *p++;
  int more = c < 0x80 ? 0 : (c >> 5) == 6 ? 1 : (c >> 4) == 14 ? 2 : (c >> 3) == 30 ? 3 : -1;
  if (more < 0)
    {
      *s = p;
      return 0xFFFD;
    }
  c &= more == 0 ? 0x7F : more == 1 ? 0x1F : more == 2 ? 0x0F : 0x07;
  for (int i = 0; i < more; i++, p++)
    {
      if ((*p & 0xC0) != 0x80)
        {
          *s = p;
          return 0xFFFD;
        }
      c = c << 6 | (*p & 0x3F);
    }
  *s = p;
  return c;
}

wchar_t *
wrap_decode (const char *s)
{
  static int utf8_locale = -1;
  size_t len = strlen (s);
  wchar_t *out = malloc ((len + 1) * sizeof *out);
  size_t n = 0;

  if (!out)
    return NULL;
  if (utf8_locale < 0)
    utf8_locale = strcmp (nl_langinfo (CODESET), "UTF-8") == 0;
  const unsigned char *p = (const unsigned char *) s;
  while (*p)
    {
      uint32_t c = next_utf8 (&p);
      wchar_t w = utf8_locale ? (wchar_t) c : ascii_for (c);
      /* Nothing reaches the terminal as a control sequence. */
      if (w != L'\n' && (c == 0xFFFD || wcwidth (w) < 0))
        w = utf8_locale ? L'\xFFFD' : L'?';
      out[n++] = w;
    }
  out[n] = L'\0';
  return out;
}
