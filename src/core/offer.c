/* offer.c -- the offer details: their names, and typing them. */
#include <config.h>
#include "offer.h"

#include <limits.h>
#include <string.h>
#include <wchar.h>
#include <wctype.h>
#include "system.h"

static const char *const names[OFFER_FIELD_COUNT] = {
  "agency", "licence", "employer", "title", "country", "date",
};

const char *
offer_field_name (enum offer_field field)
{
  return names[field];
}

const char *
offer_field_label (enum offer_field field)
{
  static const char *const labels[OFFER_FIELD_COUNT] = {
    /* TRANSLATORS: labels of a job offer's details, in the office form and
       in reports; at most 20 columns. */
    N_("Agency"), N_("Licence number"), N_("Employer"), N_("Job title"),
    N_("Country of the job"), N_("Date of the offer"),
  };
  return labels[field];
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

int
offer_type (struct offer *offer, enum offer_field field, unsigned int c)
{
  char *text = offer->field[field];
  size_t len = strlen (text);
  char mb[MB_LEN_MAX];
  mbstate_t state;

  /* A country is a name or a code, a date anything short: both are
     checked whole when the form goes on (offer_country_code, date_valid),
     with a message, never cut to fit ("Myanmar" once became MY). */
  if (field == OFFER_COUNTRY && !iswalpha ((wint_t) c) && c != ' ' && c != '-')
    return 0;
  if (field == OFFER_DATE && len >= 16)
    return 0;
  if (!iswprint ((wint_t) c))
    return 0;
  memset (&state, 0, sizeof state);
  size_t n = wcrtomb (mb, (wchar_t) c, &state);
  if (n == (size_t) -1 || len + n > OFFER_TEXT_MAX)
    return 0;
  memcpy (text + len, mb, n);
  text[len + n] = '\0';
  return 1;
}

int
offer_erase (struct offer *offer, enum offer_field field)
{
  char *text = offer->field[field];
  size_t len = strlen (text);
  if (len == 0)
    return 0;
  /* Back over UTF-8 continuation bytes to the start of the last character. */
  do
    len--;
  while (len > 0 && ((unsigned char) text[len] & 0xC0) == 0x80);
  text[len] = '\0';
  return 1;
}
