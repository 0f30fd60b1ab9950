/* content.c -- the content model's helpers. */
#include <config.h>
#include "content.h"

#include <string.h>

void
content_free (struct content *content)
{
  arena_free (&content->arena);
  memset (content, 0, sizeof *content);
}

const struct country *
content_country (const struct content *content, const char *code)
{
  for (size_t i = 0; i < content->country_count; i++)
    if (strcmp (content->countries[i].code, code) == 0)
      return &content->countries[i];
  return NULL;
}
