/* offer.c -- names of the offer details. */
#include <config.h>
#include "offer.h"

#include <string.h>
#include "system.h"

static const char *const names[OFFER_FIELD_COUNT] = {
  "agency", "licence", "employer", "title", "country", "date",
};

const char *
offer_field_name (enum offer_field field)
{
  return names[field];
}

int
offer_field_find (const char *name)
{
  for (size_t i = 0; i < ARRAY_SIZE (names); i++)
    if (strcmp (names[i], name) == 0)
      return (int) i;
  return -1;
}

int
offer_is_empty (const struct offer *offer)
{
  for (size_t i = 0; i < OFFER_FIELD_COUNT; i++)
    if (offer->field[i][0])
      return 0;
  return 1;
}
