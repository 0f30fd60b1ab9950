/* contacts.c -- rules about contacts and phone numbers; the records
   themselves come from the content database. */
#include <config.h>
#include "contacts.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

bool
phone_parse (const char *text, char *dial, size_t size)
{
  size_t n = 0, digits = 0;
  bool international = *text == '+';
  const char *s = text + international;
  bool last_was_digit = false;

  if (size < 2)
    return false;
  if (international)
    dial[n++] = '+';
  for (; *s; s++)
    {
      if (isdigit ((unsigned char) *s))
        {
          if (n + 1 >= size)
            return false;
          dial[n++] = *s;
          digits++;
          last_was_digit = true;
        }
      else if ((*s == ' ' || *s == '-') && last_was_digit)
        last_was_digit = false;
      else
        return false;
    }
  dial[n] = '\0';
  if (!last_was_digit)
    return false;
  if (international)
    return digits >= 7 && digits <= 15 && dial[1] != '0';
  return digits >= 3 && digits <= 6;
}

bool
contact_serves (const struct contact *contact, const char *nationality)
{
  const char *s = contact->serves;
  size_t len = strlen (nationality);
  if (strcmp (s, "*") == 0)
    return true;
  while (*s)
    {
      size_t word = strcspn (s, " ");
      if (word == len && strncmp (s, nationality, len) == 0)
        return true;
      s += word;
      s += strspn (s, " ");
    }
  return false;
}

bool
contact_relevant (const struct contact *contact, const char *nationality,
                  const char *destination)
{
  if (!contact_serves (contact, nationality))
    return false;
  if (contact->kind == CONTACT_ORGANISATION && strcmp (contact->serves, "*") == 0)
    return true;
  return strcmp (contact->country, nationality) == 0
         || (destination && strcmp (contact->country, destination) == 0);
}

int
contact_tel_uri (const struct contact *contact, size_t phone, char *buf, size_t size)
{
  if (phone >= contact->phone_count)
    return -1;
  int n = snprintf (buf, size, "tel:%s", contact->phones[phone].dial);
  return n < 0 || (size_t) n >= size ? -1 : n;
}
