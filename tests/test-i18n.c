/* test-i18n.c -- switching the language at run time without system locales.
   Needs SAFEJOB_LOCALEDIR pointing at the build's catalogues. */
#include <config.h>

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include "i18n.h"
#include "languages.h"
#include "system.h"
#include "tap.h"

int
main (void)
{
  const char *english = "Choose your language";

  /* Start the way a service manager may: no locale variables at all. */
  unsetenv ("LC_ALL");
  unsetenv ("LC_CTYPE");
  unsetenv ("LC_MESSAGES");
  unsetenv ("LANG");
  unsetenv ("LANGUAGE");
  if (!getenv ("SAFEJOB_LOCALEDIR"))
    {
      printf ("1..0 # SKIP SAFEJOB_LOCALEDIR is not set\n");
      return 0;
    }

  ok (i18n_init (), "the locale is set up");
  ok (i18n_is_utf8 (), "a process with no locale gets UTF-8 (C.UTF-8)");

  i18n_use ("ne");
  const char *nepali = _(english);
  ok (strcmp (nepali, english) != 0 && strstr (nepali, "\xe0\xa4") != NULL,
      "after choosing Nepali the message is in Devanagari: %s", nepali);
  i18n_use ("en");
  ok (strcmp (_(english), english) == 0, "switching back to English takes effect at once");
  i18n_use ("ne");
  ok (strcmp (_(english), nepali) == 0, "and to Nepali again: the catalogue cache is refreshed");

  int names_ok = 1;
  for (size_t i = 0; i < languages_count (); i++)
    {
      const struct language *lang = languages_get (i);
      names_ok &= lang->native_name && *lang->native_name && lang->english_name
                  && languages_find (lang->code) == (int) i;
    }
  ok (names_ok, "every offered language has its own name and is found by its code");
  ok (strcmp (languages_get (languages_find ("ne"))->native_name,
              "\xe0\xa4\xa8\xe0\xa5\x87\xe0\xa4\xaa\xe0\xa4\xbe\xe0\xa4\xb2\xe0\xa5\x80") == 0,
      "Nepali is named in Devanagari on the picker");
  ok (languages_find ("xx") == -1, "an unknown code is not offered");

  /* The script a terminal is told to shape a language as (ui.c) is the
     script its own name is written in. */
  static const struct { const char *script; unsigned first, last; } blocks[] = {
    { "Latn", 0x41, 0x24F }, { "Cyrl", 0x400, 0x4FF }, { "Arab", 0x600, 0x6FF },
    { "Deva", 0x900, 0x97F }, { "Beng", 0x980, 0x9FF }, { "Sinh", 0xD80, 0xDFF },
    { "Thai", 0xE00, 0xE7F }, { "Laoo", 0xE80, 0xEFF }, { "Mymr", 0x1000, 0x109F },
    { "Ethi", 0x1200, 0x139F }, { "Khmr", 0x1780, 0x17FF }, { "Hans", 0x4E00, 0x9FFF },
  };
  for (size_t i = 0; i < languages_count (); i++)
    {
      const struct language *lang = languages_get (i);
      wchar_t first;
      mbtowc (NULL, NULL, 0);
      bool matches = false;
      if (mbtowc (&first, lang->native_name, strlen (lang->native_name)) > 0)
        for (size_t b = 0; b < ARRAY_SIZE (blocks); b++)
          matches |= strcmp (blocks[b].script, lang->script) == 0
                     && (unsigned) first >= blocks[b].first && (unsigned) first <= blocks[b].last;
      ok (matches && strcmp (languages_script (lang->code), lang->script) == 0,
          "%s: its name is written in %s, the script it is shaped as", lang->code, lang->script);
    }
  return tap_done ();
}
