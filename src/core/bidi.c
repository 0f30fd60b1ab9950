/* bidi.c -- visual reordering of right-to-left lines with GNU FriBidi, which
   implements the Unicode bidirectional algorithm and Arabic joining; writing
   that by hand would be long and wrong in the corners. */
#include <config.h>
#include "bidi.h"

#include <stdlib.h>
#include <string.h>
#include <fribidi.h>

bool
bidi_visual_line (const wchar_t *in, size_t n, wchar_t *out)
{
  FriBidiChar *logical = malloc ((n + 1) * sizeof *logical);
  FriBidiChar *visual = malloc ((n + 1) * sizeof *visual);
  FriBidiParType base = FRIBIDI_PAR_RTL;
  bool ok = logical && visual;

  if (ok)
    {
      for (size_t i = 0; i < n; i++)
        logical[i] = (FriBidiChar) in[i];
      ok = fribidi_log2vis (logical, (FriBidiStrIndex) n, &base, visual, NULL, NULL, NULL) != 0;
    }
  for (size_t i = 0; i < n; i++)
    out[i] = ok ? (wchar_t) visual[i] : in[i];
  free (logical);
  free (visual);
  return ok;
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
