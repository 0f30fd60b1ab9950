/* offer_country.c -- the country staff name on the office form (offer.h),
   found by its code or its name in any offered language. Apart from
   offer.c, which the answer-file parser (and its fuzzer) uses without the
   catalogues. */
#include <config.h>
#include "offer.h"

#include <stdbool.h>
#include <string.h>
#include <strings.h>
#include "content.h"
#include "i18n.h"
#include "languages.h"

/* Whether A and B are the same name, ASCII case and outer blanks aside. */
static bool
same_name (const char *a, const char *b)
{
  while (*a == ' ')
    a++;
  size_t n = strlen (a);
  while (n > 0 && a[n - 1] == ' ')
    n--;
  return strlen (b) == n && strncasecmp (a, b, n) == 0;
}

int
offer_country_code (const struct content *content, const char *typed, char *code)
{
  while (*typed == ' ')
    typed++;
  for (size_t i = 0; i < content->country_count; i++)
    {
      const struct country *c = &content->countries[i];
      bool found = same_name (typed, c->code) || same_name (typed, c->name);
      for (size_t l = 0; !found && l < languages_count (); l++)
        found = same_name (typed, i18n_gettext_in (languages_get (l)->code, c->name));
      if (found)
        {
          memcpy (code, c->code, 2);
          code[2] = '\0';
          return 0;
        }
    }
  return -1;
}
