/* languages.c -- the table of offered languages.
   Names are written in their own script so a person finds their language
   without reading English; the table is data, not translated text. */
#include <config.h>
#include "languages.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include "system.h"

static const struct language known[] = {
  { "en", "English", "English", "en", "Latn" },
  { "ne", "नेपाली", "Nepali", "ne", "Deva" },
  { "th", "ไทย", "Thai", "th", "Thai" },
  { "zh_CN", "中文（简体）", "Chinese (Simplified)", "cmn", "Hans" },
  { "hi", "हिन्दी", "Hindi", "hi", "Deva" },
  { "bn", "বাংলা", "Bengali", "bn", "Beng" },
  { "id", "Bahasa Indonesia", "Indonesian", "id", "Latn" },
  { "vi", "Tiếng Việt", "Vietnamese", "vi", "Latn" },
  { "tl", "Filipino", "Filipino", NULL, "Latn" },
  { "km", "ខ្មែរ", "Khmer", NULL, "Khmr" },
  { "lo", "ລາວ", "Lao", NULL, "Laoo" },
  { "my", "မြန်မာ", "Burmese", "my", "Mymr" },
  { "ur", "اردو", "Urdu", "ur", "Arab" },
  { "si", "සිංහල", "Sinhala", "si", "Sinh" },
  { "am", "አማርኛ", "Amharic", "am", "Ethi" },
  { "sw", "Kiswahili", "Swahili", "sw", "Latn" },
  { "ar", "العربية", "Arabic", "ar", "Arab" },
  { "ru", "Русский", "Russian", "ru", "Cyrl" },
  { "uz", "Oʻzbekcha", "Uzbek", "uz", "Latn" },
  { "pt_BR", "Português (Brasil)", "Portuguese (Brazil)", "pt-br", "Latn" },
};

/* For developers: the pseudo-locale (see Makefile.am), first on the picker
   when SAFEJOB_PSEUDO_LOCALE is set. Never offered otherwise. */
static const struct language pseudo = { "en@pseudo", "\xE2\x9F\xA6Pseudo\xE2\x9F\xA7", "Pseudo",
                                        NULL, "Latn" };

/* The kiosk's choice and order (its settings); empty: every known one. */
static const struct language *offered[ARRAY_SIZE (known)];
static size_t offered_count;

static bool
with_pseudo (void)
{
  const char *env = getenv ("SAFEJOB_PSEUDO_LOCALE");
  return env && *env;
}

static const struct language *
find_known (const char *code)
{
  for (size_t i = 0; i < ARRAY_SIZE (known); i++)
    if (strcmp (known[i].code, code) == 0)
      return &known[i];
  return NULL;
}

const char *
languages_voice (const char *code)
{
  const struct language *lang = find_known (code);
  return lang ? lang->voice : NULL;
}

const char *
languages_script (const char *code)
{
  const struct language *lang = find_known (code);
  return lang ? lang->script : "Latn";
}

bool
languages_known (const char *code)
{
  return find_known (code) != NULL;
}

int
languages_offer (const char *const *codes, size_t count)
{
  const struct language *chosen[ARRAY_SIZE (known)];
  if (count > ARRAY_SIZE (chosen))
    return -1;
  for (size_t i = 0; i < count; i++)
    if (!(chosen[i] = find_known (codes[i])))
      return -1;
  memcpy (offered, chosen, count * sizeof chosen[0]);
  offered_count = count;
  return 0;
}

size_t
languages_count (void)
{
  return (offered_count ? offered_count : ARRAY_SIZE (known)) + with_pseudo ();
}

const struct language *
languages_get (size_t index)
{
  if (with_pseudo ())
    {
      if (index == 0)
        return &pseudo;
      index--;
    }
  if (offered_count)
    return index < offered_count ? offered[index] : NULL;
  return index < ARRAY_SIZE (known) ? &known[index] : NULL;
}

int
languages_find (const char *code)
{
  for (size_t i = 0; i < languages_count (); i++)
    {
      const struct language *lang = languages_get (i);
      if (lang && strcmp (lang->code, code) == 0)
        return (int) i;
    }
  return -1;
}

int
languages_status (FILE *stats, const char *code, struct language_status *status)
{
  char line[256], name[64], review[32];
  rewind (stats);
  while (fgets (line, sizeof line, stats))
    if (sscanf (line, "%63s %d %d %d %31s", name, &status->translated, &status->fuzzy,
                &status->untranslated, review) == 5
        && strcmp (name, code) == 0)
      {
        status->reviewed = strcmp (review, "reviewed") == 0;
        return 0;
      }
  return -1;
}
