/* test-bidi.c -- right-to-left lines reordered for terminals without bidi. */
#include <config.h>

#include <wchar.h>
#include "bidi.h"
#include "tap.h"

int
main (void)
{
  wchar_t out[64];

  /* "salam": seen-lam-alef-meem, right to left; a terminal paints the meem
     first, isolated (U+FEE1), because an alef never joins the letter after it. */
  const wchar_t salam[] = L"\x0633\x0644\x0627\x0645";
  ok (bidi_visual_line (salam, 4, out), "an Arabic line is reordered");
  ok (out[0] == L'\xFEE1', "its last letter is painted first, shaped (U+%04X)", (unsigned) out[0]);
  ok (out[3] == L'\xFEB3', "its first letter is painted last, in its initial form (U+%04X)",
      (unsigned) out[3]);

  /* "number 1300": the digits keep their own left-to-right order. */
  const wchar_t number[] = L"\x0631\x0642\x0645 1300";
  bidi_visual_line (number, 8, out);
  out[8] = L'\0';
  ok (wcsncmp (out, L"1300 ", 5) == 0, "numbers keep their order, at the left of the line");

  const wchar_t latin[] = L"Polaris";
  bidi_visual_line (latin, 7, out);
  ok (wcsncmp (out, latin, 7) == 0, "a Latin name stays readable");

  ok (bidi_language_is_rtl ("ar") && bidi_language_is_rtl ("ur") && bidi_language_is_rtl ("ur_PK"),
      "Arabic and Urdu are right to left");
  ok (!bidi_language_is_rtl ("en") && !bidi_language_is_rtl ("my") && !bidi_language_is_rtl ("am"),
      "English, Burmese and Amharic are not");
  return tap_done ();
}
