/* test-i18n.c -- switching the language at run time without system locales.
   Needs SAFEJOB_LOCALEDIR pointing at the build's catalogues. */
#include <config.h>

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
  return tap_done ();
}
