/* wrap.c -- line breaking by display width.
   Text written with spaces between words (Latin, Cyrillic, Arabic,
   Devanagari, Bengali, Sinhala, Ethiopic...) breaks after its spaces, and
   after a dash inside a word, as Unicode's line-breaking rules (UAX #14)
   allow. Text in a script written without spaces (Thai, Lao, Khmer,
   Burmese) or in Chinese breaks where ICU's line breaker allows: between
   the words of its dictionaries, between most CJK ideographs but not before
   a closing mark such as "。". A word wider than the line is cut between
   ICU's grapheme clusters, so a mark never leaves its letter. How much fits
   is measured in terminal columns.
   ICU is loaded (src/icu.c) the first time a text needs it: a kiosk in a
   language written with spaces never pays for it. Where it cannot be
   loaded, every text breaks at spaces and is cut between characters. */
#include <config.h>
#include "wrap.h"

#include <langinfo.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include "icu.h"

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

/* Whether C belongs to a script that puts no spaces between words, where
   to break takes a dictionary; with a wide (CJK) character, the CJK
   rules (needs_dictionary). */
static bool
written_without_spaces (wchar_t c)
{
  return (c >= 0x0E00 && c <= 0x0EFF)       /* Thai, Lao */
    || (c >= 0x1000 && c <= 0x109F)         /* Myanmar */
    || (c >= 0x1780 && c <= 0x17FF)         /* Khmer */
    || (c >= 0x1950 && c <= 0x19FF)         /* Tai Le, New Tai Lue, Khmer symbols */
    || (c >= 0x1A20 && c <= 0x1AAF)         /* Tai Tham */
    || (c >= 0xA9E0 && c <= 0xA9FF)         /* Myanmar Extended-B */
    || (c >= 0xAA60 && c <= 0xAADF);        /* Myanmar Extended-A, Tai Viet */
}

static bool
needs_dictionary (wchar_t c)
{
  return written_without_spaces (c) || wcwidth (c) == 2;    /* CJK */
}

static bool
is_dash (wchar_t c)
{
  return c == L'-' || c == 0x2010 || c == 0x2013 || c == 0x2014;
}

/* Whether a line may break before TEXT[I] (0 < I < N), by the rules for
   text written with spaces: after spaces, and after a dash that joins two
   words (not before a number: "-5", "10-20"). */
static bool
space_break (const wchar_t *text, size_t i)
{
  wchar_t before = text[i - 1], after = text[i];
  if (after == L' ' || after == L'\n')
    return false;
  if (before == L' ')
    return true;
  return is_dash (before) && i >= 2 && text[i - 2] != L' '
    && !is_dash (after) && !(after >= L'0' && after <= L'9');
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

/* Where a text may break: ICU's iterator over it, or the rules for text
   written with spaces. */
struct breaks
{
  const wchar_t *text;
  size_t n;
  size_t at;                  /* the last break returned */
  const struct icu_break *icu;
  UBreakIterator *iterator;   /* NULL: space_break */
  struct utf16 u16;
};

enum { BREAKS_DONE = -1 };

/* One iterator of each kind, made once: opening one loads ICU's rules. */
static UBreakIterator *
iterator (const struct icu_break *icu, UBreakIteratorType type, const struct utf16 *text)
{
  static UBreakIterator *line, *character;
  UBreakIterator **slot = type == UBRK_LINE ? &line : &character;
  UErrorCode status = U_ZERO_ERROR;

  if (!*slot)
    {
      *slot = icu->open (type, "", NULL, 0, &status);
      if (U_FAILURE (status))
        {
          *slot = NULL;
          return NULL;
        }
    }
  status = U_ZERO_ERROR;
  icu->set_text (*slot, text->text, text->length, &status);
  return U_FAILURE (status) ? NULL : *slot;
}

/* Sets up B over the N characters of TEXT; ICU only where TEXT needs it. */
static void
breaks_open (struct breaks *b, const wchar_t *text, size_t n)
{
  *b = (struct breaks) { .text = text, .n = n };
  size_t i = 0;
  while (i < n && !needs_dictionary (text[i]))
    i++;
  if (i < n && (b->icu = icu_break ()) && to_utf16 (text, n, &b->u16))
    b->iterator = iterator (b->icu, UBRK_LINE, &b->u16);
}

static void
breaks_close (struct breaks *b)
{
  free (b->u16.text);
  free (b->u16.to_wide);
}

/* The next break after the last one returned, or BREAKS_DONE after the
   end of the text (which is always a break). */
static ssize_t
breaks_next (struct breaks *b)
{
  if (b->iterator)
    {
      int32_t at = b->icu->next (b->iterator);
      return at == UBRK_DONE ? BREAKS_DONE : (ssize_t) (b->at = b->u16.to_wide[at]);
    }
  if (b->at >= b->n)
    return BREAKS_DONE;
  do
    b->at++;
  while (b->at < b->n && b->text[b->at - 1] != L'\n' && !space_break (b->text, b->at));
  return (ssize_t) b->at;
}

/* The first break after character START. */
static ssize_t
breaks_following (struct breaks *b, size_t start)
{
  if (b->iterator)
    {
      int32_t start16 = 0;
      while (start16 < b->u16.length && b->u16.to_wide[start16] < start)
        start16++;
      int32_t at = b->icu->following (b->iterator, start16);
      return at == UBRK_DONE ? BREAKS_DONE : (ssize_t) (b->at = b->u16.to_wide[at]);
    }
  b->at = start;
  return breaks_next (b);
}

/* Trailing blanks and newlines do not take room at the end of a line. */
static size_t
trim (const wchar_t *text, size_t start, size_t end)
{
  while (end > start && (text[end - 1] == L' ' || text[end - 1] == L'\n'))
    end--;
  return end;
}

/* The end of the longest run of whole grapheme clusters from START that
   fits WIDTH columns; at least one cluster. Without ICU, a character with
   no width stays with the one before it. */
static size_t
cut_clusters (const wchar_t *text, size_t n, size_t start, int width)
{
  const struct icu_break *icu = icu_break ();
  struct utf16 u16 = { NULL, 0, NULL };
  UBreakIterator *chars = icu && to_utf16 (text + start, n - start, &u16)
    ? iterator (icu, UBRK_CHARACTER, &u16) : NULL;
  size_t best = 0;

  if (chars)
    for (int32_t at = icu->following (chars, 0); at != UBRK_DONE; at = icu->next (chars))
      {
        size_t end = start + u16.to_wide[at];
        if (best && wrap_width (text + start, end - start) > width)
          break;
        best = end;
      }
  else
    for (size_t end = start + 1; end <= n; end++)
      {
        if (end < n && wcwidth (text[end]) == 0)
          continue;
        if (best && wrap_width (text + start, end - start) > width)
          break;
        best = end;
      }
  free (u16.text);
  free (u16.to_wide);
  return best ? best : start + 1;
}

size_t
wrap_text (const wchar_t *text, int width, struct wrap_line *lines, size_t max)
{
  size_t n = wcslen (text);
  size_t count = 0;

  if (width < 1)
    width = 1;
  if (n == 0)
    return 0;
  /* A text that fits on one line needs no breaks: most labels do, and then
     ICU's dictionaries are not even loaded for a Thai or Khmer label. */
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
  struct breaks breaks;
  breaks_open (&breaks, text, n);

  size_t start = 0;
  while (start < n)
    {
      size_t end = start, next = start;   /* the line's end; the next line's start */
      bool found = false;

      /* The farthest break that fits; a newline ends the line there. */
      for (ssize_t at = breaks_following (&breaks, start); at != BREAKS_DONE;
           at = breaks_next (&breaks))
        {
          size_t pos = (size_t) at;
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
          next = cut_clusters (text, n, start, width);
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
    }
  breaks_close (&breaks);
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

char *
wrap_mark_breaks (const char *s)
{
  static const char zwsp[] = "\xE2\x80\x8B";
  size_t len = strlen (s), n = 0;
  wchar_t *text = malloc ((len + 1) * sizeof *text);
  size_t *at_byte = malloc ((len + 1) * sizeof *at_byte);
  char *out = NULL;

  if (!text || !at_byte)
    goto done;
  for (const unsigned char *p = (const unsigned char *) s; *p; n++)
    {
      at_byte[n] = (size_t) (p - (const unsigned char *) s);
      text[n] = (wchar_t) next_utf8 (&p);
    }
  at_byte[n] = len;
  struct breaks b;
  breaks_open (&b, text, n);
  if (!b.iterator)
    out = strdup (s);    /* nothing written without spaces, or no ICU */
  else if ((out = malloc (len + n * (sizeof zwsp - 1) + 1)))
    {
      size_t o = 0, copied = 0;
      for (ssize_t at; (at = breaks_next (&b)) != BREAKS_DONE && (size_t) at < n;)
        if (at > 0 && written_without_spaces (text[at - 1]) && written_without_spaces (text[at]))
          {
            memcpy (out + o, s + copied, at_byte[at] - copied);
            o += at_byte[at] - copied;
            copied = at_byte[at];
            memcpy (out + o, zwsp, sizeof zwsp - 1);
            o += sizeof zwsp - 1;
          }
      memcpy (out + o, s + copied, len - copied + 1);
    }
  breaks_close (&b);
done:
  free (text);
  free (at_byte);
  return out;
}
