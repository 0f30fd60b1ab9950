/* test-contacts.c -- every contact is dialable and says where it came from. */
#include <config.h>

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include "contacts.h"
#include "tap.h"

/* An E.164 number (+ then 8 to 15 digits) or a local short code (3 to 6 digits). */
static int
dialable (const char *dial)
{
  size_t digits = strspn (dial + (dial[0] == '+'), "0123456789");
  if (dial[digits + (dial[0] == '+')] != '\0')
    return 0;
  return dial[0] == '+' ? digits >= 8 && digits <= 15 : digits >= 3 && digits <= 6;
}

static int
iso_date (const char *s)
{
  struct tm tm;
  memset (&tm, 0, sizeof tm);
  const char *end = strptime (s, "%Y-%m-%d", &tm);
  return end && *end == '\0' && strlen (s) == 10 && tm.tm_year >= 120;
}

int
main (void)
{
  int complete = 1, dial_ok = 1, dated = 1, coded = 1;
  char uri[64];

  ok (contacts_count () > 0, "there are contacts to show");
  for (size_t i = 0; i < contacts_count (); i++)
    {
      const struct contact *c = contacts_get (i);
      complete &= c->id && c->name && c->phone && c->source && *c->source && c->checked;
      dial_ok &= dialable (c->dial);
      dated &= iso_date (c->checked);
      coded &= strlen (c->country) == 2 && isupper ((unsigned char) c->country[0])
               && isupper ((unsigned char) c->country[1]);
    }
  ok (complete, "every contact has a name, a number and its source");
  ok (dial_ok, "every number is E.164 or a short code");
  ok (dated, "every contact says when it was checked (YYYY-MM-DD, 2020 or later)");
  ok (coded, "every contact names its country by ISO 3166 code");
  ok (contacts_get (contacts_count ()) == NULL, "reading past the table gives NULL");

  const struct contact *first = contacts_get (0);
  int n = contact_tel_uri (first, uri, sizeof uri);
  ok (n > 4 && strncmp (uri, "tel:", 4) == 0 && strcmp (uri + 4, first->dial) == 0,
      "the QR payload is a tel: URI with the number to dial");
  ok (contact_tel_uri (first, uri, 6) == -1, "a URI that does not fit is refused, not cut");
  return tap_done ();
}
