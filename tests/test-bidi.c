/* test-bidi.c -- right-to-left lines reordered for terminals without bidi:
   joined letters, and numbers, dates and addresses in the order a person
   reads and dials them. */
#include <config.h>

#include <wchar.h>
#include "bidi.h"
#include "tap.h"

/* Whether the visual line OUT (N characters) holds WANT as it is. */
static bool
shows (const wchar_t *out, size_t n, const wchar_t *want)
{
  size_t w = wcslen (want);
  for (size_t i = 0; i + w <= n; i++)
    if (wcsncmp (out + i, want, w) == 0)
      return true;
  return false;
}

static bool
holds (const wchar_t *out, size_t n, wchar_t c)
{
  for (size_t i = 0; i < n; i++)
    if (out[i] == c)
      return true;
  return false;
}

int
main (void)
{
  wchar_t out[128];
  size_t n;

  /* "salam": seen-lam-alef-meem, right to left; a terminal paints the meem
     first, isolated (U+FEE1), because an alef never joins the letter after it. */
  const wchar_t salam[] = L"\x0633\x0644\x0627\x0645";
  n = bidi_visual_line (salam, 4, 0, true, out);
  ok (n > 0, "an Arabic line is reordered");
  ok (out[0] == L'\xFEE1', "its last letter is painted first, shaped (U+%04X)", (unsigned) out[0]);
  ok (out[n - 1] == L'\xFEB3', "its first letter is painted last, in its initial form (U+%04X)",
      (unsigned) out[n - 1]);
  /* Lam and alef join into one glyph; FriBidi fills the alef's place with
     U+FEFF, which a terminal would paint as a cell or a box. */
  ok (n == 3 && !holds (out, n, L'\xFEFF'), "lam-alef is one glyph, with no U+FEFF after it "
      "(%zu characters)", n);

  /* "number 1300": the digits keep their own left-to-right order. */
  const wchar_t number[] = L"\x0631\x0642\x0645 1300";
  n = bidi_visual_line (number, 8, 0, true, out);
  ok (n == 8 && wcsncmp (out, L"1300 ", 5) == 0, "numbers keep their order, at the left of the line");

  /* A phone number in groups, a date and a web address inside an Arabic
     sentence read left to right, each as a whole. */
  const wchar_t phone[] = L"\x0627\x062A\x0635\x0644 +880 9610 102030 \x0623\x0648 "
                          L"https://example.org/a \x0641\x064A 2026-03-10.";
  n = bidi_visual_line (phone, wcslen (phone), 0, true, out);
  ok (shows (out, n, L"+880 9610 102030"), "a phone number in groups reads +880 9610 102030");
  ok (shows (out, n, L"https://example.org/a"), "a web address reads left to right");
  ok (shows (out, n, L"2026-03-10"), "a date reads 2026-03-10");
  ok (!holds (out, n, L'\x2066') && !holds (out, n, L'\x2069'),
      "no isolate mark reaches the terminal");
  /* A count with a thousands separator ("at least 120,000 people", the
     compound articles) reads as one number, not "000,120". */
  const wchar_t count[] = L"\x0625\x0646 120,000 \x0634\x062E\x0635";
  n = bidi_visual_line (count, wcslen (count), 0, true, out);
  ok (shows (out, n, L"120,000"), "a count with a thousands separator reads 120,000");
  /* A number and the hours after it: "+880 9610 102030  ·  24 hours", read
     right to left, the number first and "24" beside its word. */
  const wchar_t hours[] = L"+880 9610 102030  \x00B7  24 \x0633\x0627\x0639\x0629";
  n = bidi_visual_line (hours, wcslen (hours), 0, true, out);
  const wchar_t *read = L" 24  \x00B7  +880 9610 102030";
  ok (n == wcslen (hours) && wcsncmp (out + 4, read, wcslen (read)) == 0,
      "the hours beside their word, the number at the right");
  /* English in a right-to-left paragraph (an untranslated source line): a
     date stays after the words it belongs to. */
  const wchar_t source[] = L"\x0645 Copied on 2026-11-21.";
  n = bidi_visual_line (source, wcslen (source), 0, true, out);
  ok (shows (out, n, L"Copied on 2026-11-21"), "\"Copied on 2026-11-21\" stays in that order");
  /* And on a line of its own, the year of an English date wrapped onto it
     stays with that date's words, as the earlier line says. */
  const wchar_t wrapped[] = L"\x0645 1 Aug 2025 (16135).";
  n = bidi_visual_line (wrapped + 8, wcslen (wrapped + 8), 8, true, out);
  ok (n == 13 && wcsncmp (out, L".2025 (16135)", 13) == 0,
      "a wrapped line that starts with a year reads with the line before it");

  const wchar_t latin[] = L"Polaris";
  n = bidi_visual_line (latin, 7, 0, true, out);
  ok (n == 7 && wcsncmp (out, latin, 7) == 0, "a Latin name stays readable");

  /* On an English line (the picker), a language's own name in Arabic is
     reordered and joined, and the English after it stays where it was. */
  const wchar_t picker[] = L"\x0627\x0644\x0639\x0631\x0628\x064A\x0629   Arabic";
  ok (bidi_has_rtl (picker, wcslen (picker)) && !bidi_has_rtl (latin, 7),
      "a line with Arabic letters is found to need reordering, a Latin one not");
  n = bidi_visual_line (picker, wcslen (picker), 0, false, out);
  ok (n == wcslen (picker) && wcsncmp (out + n - 6, L"Arabic", 6) == 0
      && out[0] == L'\xFE94' && out[6] == L'\xFE8D',
      "a left-to-right line: the Arabic name first, its last letter at its left (U+%04X), "
      "English after it", (unsigned) out[0]);

  ok (bidi_language_is_rtl ("ar") && bidi_language_is_rtl ("ur") && bidi_language_is_rtl ("ur_PK"),
      "Arabic and Urdu are right to left");
  ok (!bidi_language_is_rtl ("en") && !bidi_language_is_rtl ("my") && !bidi_language_is_rtl ("am"),
      "English, Burmese and Amharic are not");
  return tap_done ();
}
