/* bidi.c -- visual reordering of lines that hold right-to-left text, with
   GNU FriBidi, which implements the Unicode bidirectional algorithm and
   Arabic joining; writing that by hand would be long and wrong in the
   corners. */
#include <config.h>
#include "bidi.h"

#include <stdlib.h>
#include <string.h>
#include <wctype.h>
#include <fribidi.h>

enum
{
  LRI = 0x2066,     /* left-to-right isolate */
  PDI = 0x2069,     /* pop directional isolate */
  LRM = 0x200E,     /* left-to-right mark */
  RLM = 0x200F,     /* right-to-left mark */
  ZWNBSP = 0xFEFF,  /* what FriBidi leaves where a lam-alef ligature took two letters */
};

static bool
is_digit (wchar_t c)
{
  return c >= L'0' && c <= L'9';
}

/* The length of the number that starts at S[I] (a phone number as
   "+880 9610 102030", a date, a count as "120,000"), or 0: digits, and
   single blanks, hyphens, dots, slashes or commas between digits. */
static size_t
number_at (const wchar_t *s, size_t n, size_t i)
{
  size_t j = i;
  if (i > 0 && (iswalnum ((wint_t) s[i - 1]) || s[i - 1] == L'+'))
    return 0;    /* inside a word, as in "MP3": the word's own order holds */
  if (s[j] == L'+' && j + 1 < n && is_digit (s[j + 1]))
    j++;
  if (!is_digit (s[j]))
    return 0;
  while (j < n)
    if (is_digit (s[j]))
      j++;
    else if (wcschr (L" -./,", s[j]) && j + 1 < n && is_digit (s[j + 1]))
      j++;
    else
      break;
  return j - i;
}

/* The length of the web address that starts at S[I], up to the next blank,
   or 0. */
static size_t
address_at (const wchar_t *s, size_t n, size_t i)
{
  if (i > 0 && !iswspace ((wint_t) s[i - 1]) && s[i - 1] != L'(')
    return 0;
  if (!(n - i >= 7 && wcsncmp (s + i, L"http://", 7) == 0)
      && !(n - i >= 8 && wcsncmp (s + i, L"https://", 8) == 0)
      && !(n - i >= 4 && wcsncmp (s + i, L"www.", 4) == 0))
    return 0;
  size_t j = i;
  while (j < n && !iswspace ((wint_t) s[j]))
    j++;
  /* A full stop or a bracket after an address is the sentence's. */
  while (j > i && wcschr (L".,;:)", s[j - 1]))
    j--;
  return j - i;
}

/* The direction of the last letter before S[I] that has one: LRM (left to
   right), RLM (right to left) or 0 (none); S[-BEFORE] is where its
   paragraph starts. */
static FriBidiChar
direction_before (const wchar_t *s, size_t before, size_t i)
{
  const wchar_t *start = s - before;
  for (i += before; i-- > 0;)
    {
      FriBidiCharType type = fribidi_get_bidi_type ((FriBidiChar) start[i]);
      if (type == FRIBIDI_TYPE_LTR)
        return LRM;
      if (type == FRIBIDI_TYPE_RTL || type == FRIBIDI_TYPE_AL)
        return RLM;
    }
  return 0;
}

bool
bidi_has_rtl (const wchar_t *s, size_t n)
{
  for (size_t i = 0; i < n; i++)
    {
      FriBidiCharType type = fribidi_get_bidi_type ((FriBidiChar) s[i]);
      if (type == FRIBIDI_TYPE_RTL || type == FRIBIDI_TYPE_AL)
        return true;
    }
  return false;
}

size_t
bidi_visual_line (const wchar_t *in, size_t n, size_t before, bool rtl, wchar_t *out)
{
  /* A mark, then each character with at most an isolate on each side. */
  FriBidiChar *logical = calloc (3 * n + 2, sizeof *logical);
  FriBidiChar *visual = malloc ((3 * n + 2) * sizeof *visual);
  FriBidiParType base = rtl ? FRIBIDI_PAR_RTL : FRIBIDI_PAR_LTR;
  size_t length = 0, written = 0;

  if (logical && visual)
    {
      /* A line wrapped from a paragraph starts in the direction the line
         before it ended in: a mark of that direction first says so. */
      FriBidiChar context = direction_before (in, before, 0);
      if (context)
        logical[length++] = context;
      /* Numbers, dates and web addresses read left to right as a whole:
         "+880 9610 102030", not "102030 9610 880+", which a person copying
         the digits would dial. Isolated, unless Latin words come before
         them: there they already read with those words, and an isolate,
         which counts as a neutral, would move "2026-11-21" away from the
         "Copied on" it belongs to in a right-to-left paragraph. */
      for (size_t i = 0; i < n;)
        {
          size_t unit = number_at (in, n, i);
          if (!unit)
            unit = address_at (in, n, i);
          if (unit && direction_before (in, before, i) == LRM)
            unit = 0;
          if (unit)
            logical[length++] = LRI;
          for (size_t k = 0; k < (unit ? unit : 1); k++)
            logical[length++] = (FriBidiChar) in[i++];
          if (unit)
            logical[length++] = PDI;
        }
      if (fribidi_log2vis (logical, (FriBidiStrIndex) length, &base, visual, NULL, NULL, NULL))
        for (size_t i = 0; i < length; i++)
          if (visual[i] != LRI && visual[i] != PDI && visual[i] != LRM && visual[i] != RLM
              && visual[i] != ZWNBSP)
            out[written++] = (wchar_t) visual[i];
    }
  free (logical);
  free (visual);
  return written;
}

bool
bidi_language_is_rtl (const char *code)
{
  static const char *const rtl[] = { "ar", "ur", "fa", "he", "ps" };
  size_t len = strcspn (code, "_@.");
  for (size_t i = 0; i < sizeof rtl / sizeof rtl[0]; i++)
    if (strlen (rtl[i]) == len && strncmp (code, rtl[i], len) == 0)
      return true;
  return false;
}
