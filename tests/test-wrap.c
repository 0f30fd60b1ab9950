/* test-wrap.c -- line breaking by display width. */
#include <config.h>

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include "tap.h"
#include "wrap.h"

enum { MAX = 64 };

/* Lines of TEXT wrapped to WIDTH, joined with '|'. */
static const wchar_t *
joined (const wchar_t *text, int width)
{
  static wchar_t out[1024];
  struct wrap_line lines[MAX];
  size_t n = wrap_text (text, width, lines, MAX);
  out[0] = L'\0';
  for (size_t i = 0; i < n && i < MAX; i++)
    {
      if (i > 0)
        wcscat (out, L"|");
      wcsncat (out, text + lines[i].start, lines[i].length);
    }
  return out;
}

/* Whether ICU's library is mapped into this process. */
static int
icu_mapped (void)
{
  char line[512];
  int found = 0;
  FILE *maps = fopen ("/proc/self/maps", "r");
  if (!maps)
    return -1;
  while (!found && fgets (line, sizeof line, maps))
    found = strstr (line, "libicuuc") != NULL;
  fclose (maps);
  return found;
}

/* Every line of TEXT fits WIDTH, no line starts with a combining mark, and
   no character is lost or duplicated apart from the spaces at breaks. */
static int
wraps_cleanly (const wchar_t *text, int width)
{
  struct wrap_line lines[MAX];
  size_t n = wrap_text (text, width, lines, MAX);
  size_t kept = 0, letters = 0;
  for (size_t i = 0; i < n && i < MAX; i++)
    {
      if (lines[i].width > width && lines[i].length > 1)
        return 0;
      if (lines[i].length > 0 && wcwidth (text[lines[i].start]) == 0)
        return 0;
      for (size_t k = 0; k < lines[i].length; k++)
        kept += text[lines[i].start + k] != L' ';
    }
  for (const wchar_t *p = text; *p; p++)
    letters += *p != L' ' && *p != L'\n';
  return kept == letters;
}

int
main (void)
{
  if (!setlocale (LC_ALL, "C.UTF-8"))
    {
      printf ("1..0 # SKIP C.UTF-8 locale missing\n");
      return 0;
    }

  /* First, before anything has needed ICU. */
  ok (icu_mapped () == 0, "ICU is not loaded at start");
  ok (wcscmp (joined (L"Who pays for the flight, the visa and the room?", 20),
              L"Who pays for the|flight, the visa and|the room?") == 0
      && wcscmp (joined (L"\x0915\x093e\x092e \x0917\x0930\x094d\x0928\x0947", 4),
                 L"\x0915\x093e\x092e|\x0917\x0930\x094d\x0928\x0947") == 0
      && icu_mapped () == 0,
      "text written with spaces breaks at them without loading ICU");
  ok (wcscmp (joined (L"\x0e1b\x0e23\x0e30\x0e40\x0e17\x0e28\x0e44\x0e17\x0e22", 20),
              L"\x0e1b\x0e23\x0e30\x0e40\x0e17\x0e28\x0e44\x0e17\x0e22") == 0
      && icu_mapped () == 0, "a Thai label that fits does not load ICU either");
  ok (wcscmp (joined (L"\x0e44\x0e1b\x0e17\x0e33\x0e07\x0e32\x0e19", 5),
              L"\x0e44\x0e1b|\x0e17\x0e33\x0e07\x0e32\x0e19") == 0
      && icu_mapped () == 1, "Thai that needs a break loads ICU and breaks at a word");

  ok (wrap_width (L"abc", 3) == 3, "Latin letters are one column each");
  ok (wrap_width (L"\x4e2d\x6587", 2) == 4, "CJK ideographs are two columns each");
  ok (wrap_width (L"\x0915\x094d\x0937", 3) == 2, "a Devanagari virama takes no column");

  ok (wcscmp (joined (L"hello world", 5), L"hello|world") == 0, "breaks at a space");
  ok (wcscmp (joined (L"hello world", 20), L"hello world") == 0, "a short text stays on one line");
  ok (wcscmp (joined (L"a  b", 1), L"a|b") == 0, "runs of spaces vanish at a break");
  ok (wcscmp (joined (L"data-entry job", 9), L"data-|entry job") == 0,
      "a dash inside a word is a break");
  ok (wcscmp (joined (L"pay 10-20 USD", 8), L"pay|10-20|USD") == 0
      && wcscmp (joined (L"a -5 b", 2), L"a|-5|b") == 0,
      "not before a number, nor after a dash that starts a word");
  ok (wcscmp (joined (L"abcdefgh", 3), L"abc|def|gh") == 0, "a word wider than the line is cut");
  ok (wcscmp (joined (L"one\n\ntwo", 10), L"one||two") == 0, "newlines break, blank lines stay");
  ok (wcscmp (joined (L"\x4e2d\x6587\x4e2d", 3), L"\x4e2d|\x6587|\x4e2d") == 0,
      "a wide character never straddles the edge");
  ok (wrap_text (L"", 10, NULL, 0) == 0, "an empty text needs no lines");
  ok (wrap_text (L"aaa bbb ccc", 3, NULL, 0) == 3, "counts lines without storing them");

  static const wchar_t *const samples[] = {
    L"How will you travel to the place where you will work?",
    L"\x0924\x092a\x093e\x0908\x0902 \x0915\x093e\x092e \x0917\x0930\x094d\x0928\x0947 "
    L"\x0920\x093e\x0909\x0901\x0938\x092e\x094d\x092e \x0915\x0938\x0930\x0940",
    L"\x0915\x094d\x0937\x0915\x094d\x0937\x0915\x094d\x0937\x0915\x094d\x0937",
    L"\x4f60\x5c06\x5982\x4f55\x524d\x5f80\x5de5\x4f5c\x5730\x70b9\xff1f",
    L"\x0e04\x0e38\x0e13\x0e22\x0e31\x0e07\x0e2d\x0e22\x0e39\x0e48\x0e44\x0e2b\x0e21",
  };
  int clean = 1;
  for (size_t s = 0; s < sizeof samples / sizeof samples[0]; s++)
    for (int width = 2; width <= 40; width++)
      clean &= wraps_cleanly (samples[s], width);
  ok (clean, "Latin, Devanagari, CJK and Thai samples fit every width from 2 to 40, "
      "keep every letter and never start a line with a mark");

  /* Scripts without spaces between words break at real word boundaries. */
  ok (wcscmp (joined (L"\x0e44\x0e1b\x0e17\x0e33\x0e07\x0e32\x0e19\x0e15\x0e48\x0e32\x0e07"
                      L"\x0e1b\x0e23\x0e30\x0e40\x0e17\x0e28", 6),
              L"\x0e44\x0e1b|\x0e17\x0e33\x0e07\x0e32\x0e19|\x0e15\x0e48\x0e32\x0e07|"
              L"\x0e1b\x0e23\x0e30\x0e40\x0e17\x0e28") == 0,
      "Thai breaks between dictionary words (ไป|ทำงาน|ต่าง|ประเทศ)");
  ok (wcscmp (joined (L"\x51fa\x56fd\x5de5\x4f5c\x524d\x8bf7\x68c0\x67e5\x5de5\x4f5c"
                      L"\x9080\x7ea6\x3002", 12),
              L"\x51fa\x56fd\x5de5\x4f5c\x524d\x8bf7|\x68c0\x67e5\x5de5\x4f5c\x9080|"
              L"\x7ea6\x3002") == 0,
      "Chinese breaks between ideographs, but never before a full stop");
  const wchar_t *comma = joined (L"\x68c0\x67e5\x5de5\x4f5c\x9080\x7ea6\xff0c\x7136\x540e"
                                 L"\x51fa\x53d1\x3002", 10);
  ok (!wcsstr (comma, L"|\xff0c") && !wcsstr (comma, L"|\x3002"),
      "no line starts with a Chinese comma or full stop");

  wchar_t *decoded = wrap_decode ("ok\xff\x1b[2J\xe0\xa4\x95");
  ok (decoded && wcscmp (decoded, L"ok\xfffd\xfffd[2J\x0915") == 0,
      "invalid UTF-8 and control characters become U+FFFD");
  free (decoded);
  decoded = wrap_decode ("two\nlines");
  ok (decoded && wcscmp (decoded, L"two\nlines") == 0, "newlines survive decoding");
  free (decoded);

  /* For Pango, which breaks Khmer and Burmese only at spaces or mid-word:
     a zero-width space where ICU allows a break between two letters of a
     script written without spaces, nothing added elsewhere. */
  {
    static const struct { const char *text; const char *what; } spaceless[] = {
      { "\xE1\x9E\x9F\xE1\x9E\xBC\xE1\x9E\x98\xE1\x9E\x96\xE1\x9E\xB7\xE1\x9E\x93"
        "\xE1\x9E\xB7\xE1\x9E\x8F\xE1\x9F\x92\xE1\x9E\x99\xE1\x9E\x85\xE1\x9F\x86"
        "\xE1\x9E\x8E\xE1\x9E\xBB\xE1\x9E\x85\xE1\x9E\x91\xE1\x9E\xB6\xE1\x9F\x86"
        "\xE1\x9E\x84\xE1\x9E\x93\xE1\x9F\x81\xE1\x9F\x87", "Khmer" },
      { "\xE1\x80\x9E\xE1\x80\x84\xE1\x80\xBA\xE1\x80\xB7\xE1\x80\x96\xE1\x80\xAF"
        "\xE1\x80\x94\xE1\x80\xBA\xE1\x80\xB8\xE1\x80\x80\xE1\x80\x84\xE1\x80\xBA"
        "\xE1\x80\x99\xE1\x80\x9B\xE1\x80\xAC\xE1\x80\x96\xE1\x80\xBC\xE1\x80\x84"
        "\xE1\x80\xBA\xE1\x80\xB7", "Burmese" },
      { "\xE0\xB8\xAA\xE0\xB9\x81\xE0\xB8\x81\xE0\xB8\x99\xE0\xB8\x94\xE0\xB9\x89"
        "\xE0\xB8\xA7\xE0\xB8\xA2\xE0\xB8\x81\xE0\xB8\xA5\xE0\xB9\x89\xE0\xB8\xAD"
        "\xE0\xB8\x87\xE0\xB9\x82\xE0\xB8\x97\xE0\xB8\xA3\xE0\xB8\xA8\xE0\xB8\xB1"
        "\xE0\xB8\x9E\xE0\xB8\x97\xE0\xB9\x8C", "Thai" },
    };
    for (size_t i = 0; i < sizeof spaceless / sizeof spaceless[0]; i++)
      {
        char *marked = wrap_mark_breaks (spaceless[i].text);
        size_t count = 0;
        for (const char *p = marked; p && (p = strstr (p, "\xE2\x80\x8B")); p += 3)
          count++;
        ok (marked && count >= 1 && strlen (marked) == strlen (spaceless[i].text) + 3 * count,
            "%s: %zu places to break are marked, and nothing else changed", spaceless[i].what,
            count);
        free (marked);
      }
    static const char *const spaced[] = {
      "Call the police: +66 99 130 1300.",
      "\xD8\xA7\xD8\xAA\xD8\xB5\xD9\x84 \xD8\xA8\xD8\xA7\xD9\x84\xD8\xB4\xD8\xB1\xD8\xB7\xD8\xA9",
      "\xE4\xB8\xAD\xE6\x96\x87\xE6\x96\x87\xE6\x9C\xAC",
    };
    for (size_t i = 0; i < sizeof spaced / sizeof spaced[0]; i++)
      {
        char *marked = wrap_mark_breaks (spaced[i]);
        ok (marked && strcmp (marked, spaced[i]) == 0, "nothing marked in \"%s\"", spaced[i]);
        free (marked);
      }
  }

  return tap_done ();
}
