/* languages.c -- the table of offered languages.
   Names are written in their own script so a person finds their language
   without reading English; the table is data, not translated text. */
#include <config.h>
#include "languages.h"

#include <string.h>
#include "system.h"

static const struct language offered[] = {
  { "en", "English", "English" },
  { "ne", "नेपाली", "Nepali" },
  { "th", "ไทย", "Thai" },
  { "zh_CN", "中文（简体）", "Chinese (Simplified)" },
};

size_t
languages_count (void)
{
  return ARRAY_SIZE (offered);
}

const struct language *
languages_get (size_t index)
{
  return index < ARRAY_SIZE (offered) ? &offered[index] : NULL;
}

int
languages_find (const char *code)
{
  for (size_t i = 0; i < ARRAY_SIZE (offered); i++)
    if (strcmp (offered[i].code, code) == 0)
      return (int) i;
  return -1;
}
