/* languages.c -- the table of offered languages.
   Names are written in their own script so a person finds their language
   without reading English; the table is data, not translated text. */
#include <config.h>
#include "languages.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include "icu.h"
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

/* Languages a translator added with their catalogue and a line in
   po/LINGUAS alone, which the build lists in languages.stats: named in
   their own script and in English from CLDR's data (through ICU), after
   the table's. A voice comes with a line in the table above. */
enum { ADDED_MAX = 32 };
static struct language added[ADDED_MAX];
static struct
{
  char code[16], native_name[96], english_name[96], script[8];
} added_names[ADDED_MAX];
static size_t added_count;

/* The kiosk's choice and order (its settings); empty: every known one. */
static const struct language *offered[ARRAY_SIZE (known) + ADDED_MAX];
static size_t offered_count;

static bool
with_pseudo (void)
{
  const char *env = getenv ("SAFEJOB_PSEUDO_LOCALE");
  return env && *env;
}

static const struct language *
find_in_table (const char *code)
{
  for (size_t i = 0; i < ARRAY_SIZE (known); i++)
    if (strcmp (known[i].code, code) == 0)
      return &known[i];
  return NULL;
}

const char *
languages_stats_path (void)
{
  const char *env = getenv ("SAFEJOB_LANGUAGES_STATS");
  return env && *env ? env : LANGUAGES_STATS;
}

/* A catalogue name as po/LINGUAS has them: "ta", "fil", "pt_BR". */
static bool
catalogue_code (const char *code)
{
  size_t letters = strspn (code, "abcdefghijklmnopqrstuvwxyz");
  if (letters < 2 || letters > 3)
    return false;
  if (code[letters] == '\0')
    return true;
  return code[letters] == '_' && strlen (code + letters + 1) == 2
         && strspn (code + letters + 1, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") == 2;
}

/* The name of the language CODE in the language IN, from CLDR, into OUT
   ("português (Brasil)" for pt_BR); the code itself when ICU does not know
   the language, or has no names in IN (it then falls back to another). */
static void
cldr_name (const struct icu_locale *icu, const char *code, const char *in, char *out, size_t size)
{
  UChar name[64];
  UErrorCode status = U_ZERO_ERROR;
  int32_t length = icu ? icu->display_name (code, in, name, ARRAY_SIZE (name), &status) : 0;
  snprintf (out, size, "%s", code);
  if (U_FAILURE (status) || status == U_USING_DEFAULT_WARNING || length <= 0)
    return;
  status = U_ZERO_ERROR;
  char utf8[96];
  icu->to_utf8 (utf8, sizeof utf8, NULL, name, length, &status);
  if (U_FAILURE (status) || status == U_STRING_NOT_TERMINATED_WARNING)
    return;
  /* A name heading a line of the picker: "Español", as CLDR writes it in
     running text "español". */
  if (utf8[0] >= 'a' && utf8[0] <= 'z')
    utf8[0] = (char) (utf8[0] - 'a' + 'A');
  snprintf (out, size, "%s", utf8);
}

static void
add_language (const char *code)
{
  const struct icu_locale *icu = icu_locale ();
  size_t i = added_count++;
  snprintf (added_names[i].code, sizeof added_names[i].code, "%s", code);
  cldr_name (icu, code, code, added_names[i].native_name, sizeof added_names[i].native_name);
  cldr_name (icu, code, "en", added_names[i].english_name, sizeof added_names[i].english_name);
  /* The script it is usually written in: "ta" is "ta_Taml_IN". */
  char likely[64];
  UErrorCode status = U_ZERO_ERROR;
  snprintf (added_names[i].script, sizeof added_names[i].script, "Latn");
  if (icu)
    {
      icu->add_likely_subtags (code, likely, sizeof likely, &status);
      if (U_SUCCESS (status))
        icu->script (likely, added_names[i].script, sizeof added_names[i].script, &status);
      if (U_FAILURE (status) || !added_names[i].script[0])
        snprintf (added_names[i].script, sizeof added_names[i].script, "Latn");
    }
  added[i] = (struct language) { added_names[i].code, added_names[i].native_name,
                                 added_names[i].english_name, NULL, added_names[i].script };
}

/* Reads, once, the catalogues the build made that the table lacks. */
static void
load_added (void)
{
  static bool loaded;
  if (loaded)
    return;
  loaded = true;
  FILE *stats = fopen (languages_stats_path (), "r");
  if (!stats)
    return;
  char line[256], code[16];
  while (fgets (line, sizeof line, stats) && added_count < ADDED_MAX)
    if (sscanf (line, "%15s", code) == 1 && catalogue_code (code) && strcmp (code, "en") != 0
        && !find_in_table (code))
      {
        bool seen = false;
        for (size_t i = 0; i < added_count && !seen; i++)
          seen = strcmp (added_names[i].code, code) == 0;
        if (!seen)
          add_language (code);
      }
  fclose (stats);
}

static const struct language *
find_known (const char *code)
{
  const struct language *lang = find_in_table (code);
  if (lang)
    return lang;
  load_added ();
  for (size_t i = 0; i < added_count; i++)
    if (strcmp (added[i].code, code) == 0)
      return &added[i];
  return NULL;
}

/* The languages known: the table's, then the added ones. */
static size_t
known_count (void)
{
  load_added ();
  return ARRAY_SIZE (known) + added_count;
}

static const struct language *
known_at (size_t index)
{
  return index < ARRAY_SIZE (known) ? &known[index] : &added[index - ARRAY_SIZE (known)];
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
  const struct language *chosen[ARRAY_SIZE (offered)];
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
  return (offered_count ? offered_count : known_count ()) + with_pseudo ();
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
  return index < known_count () ? known_at (index) : NULL;
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
