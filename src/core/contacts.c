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
  /* A leading 0 is a trunk prefix: the number is written for callers in
     one area and cannot be dialled as it stands. */
  return digits >= 3 && digits <= 10 && dial[0] != '0';
}

size_t
phone_split (const char *line, const char **inside)
{
  static const char keyword[] = " inside ";
  const char *at = strstr (line, keyword);
  if (!at)
    {
      *inside = NULL;
      return strlen (line);
    }
  *inside = at + sizeof keyword - 1;
  return (size_t) (at - line);
}

bool
phone_dialable_from (const struct phone *phone, const char *where)
{
  if (!phone->only_in)
    return true;
  return where && strcmp (phone->only_in, where) == 0;
}

bool
contact_serves (const struct contact *contact, const char *nationality)
{
  const char *s = contact->serves;
  if (strcmp (s, "*") == 0)
    return true;
  if (!nationality)
    return false;
  size_t len = strlen (nationality);
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

int
contact_tel_uri (const struct contact *contact, size_t phone, char *buf, size_t size)
{
  if (phone >= contact->phone_count)
    return -1;
  int n = snprintf (buf, size, "tel:%s", contact->phones[phone].dial);
  return n < 0 || (size_t) n >= size ? -1 : n;
}
