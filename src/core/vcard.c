/* vcard.c -- vCard 3.0 (RFC 2426) payloads for the QR codes, and their names. */
#include <config.h>
#include "vcard.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "system.h"

struct out
{
  char *buf;
  size_t size, used;
  int full;
};

__attribute__ ((format (printf, 2, 3)))
static void
put (struct out *o, const char *fmt, ...)
{
  va_list ap;
  va_start (ap, fmt);
  int n = vsnprintf (o->buf + o->used, o->size - o->used, fmt, ap);
  va_end (ap);
  if (n < 0 || (size_t) n >= o->size - o->used)
    o->full = 1;
  else
    o->used += (size_t) n;
}

/* A text value, escaped as RFC 2426 asks: backslash, comma, semicolon. */
static void
put_text (struct out *o, const char *s)
{
  for (; *s && !o->full; s++)
    if (*s == '\\' || *s == ',' || *s == ';')
      put (o, "\\%c", *s);
    else if (*s == '\n')
      put (o, "\\n");
    else
      put (o, "%c", *s);
}

int
vcard_build (const char *name, const struct contact *const *contacts,
             const char *const *labels, size_t count, char *buf, size_t size)
{
  struct out o = { buf, size, 0, 0 };
  if (size == 0)
    return -1;
  buf[0] = '\0';
  put (&o, "BEGIN:VCARD\r\nVERSION:3.0\r\nN:");
  put_text (&o, name);
  put (&o, ";;;;\r\nFN:");
  put_text (&o, name);
  put (&o, "\r\n");
  for (size_t i = 0; i < count; i++)
    for (size_t p = 0; p < contacts[i]->phone_count; p++)
      put (&o, "TEL;TYPE=VOICE:%s\r\n", contacts[i]->phones[p].dial);
  /* Which number is whose: phones show the note with the card. */
  put (&o, "NOTE:");
  for (size_t i = 0; i < count; i++)
    {
      if (i > 0)
        put (&o, "\\n");
      put_text (&o, labels[i]);
      put (&o, " ");
      for (size_t p = 0; p < contacts[i]->phone_count; p++)
        put (&o, "%s%s", p ? " / " : "", contacts[i]->phones[p].dial);
    }
  put (&o, "\r\nEND:VCARD\r\n");
  return o.full ? -1 : (int) o.used;
}

size_t
vcard_fit (const char *name, const struct contact *const *contacts,
           const char *const *labels, size_t first, size_t count, size_t max_bytes)
{
  char buf[4096];
  size_t n = 1;
  while (first + n < count)
    {
      int len = vcard_build (name, contacts + first, labels + first, n + 1, buf, sizeof buf);
      if (len < 0 || (size_t) len > max_bytes)
        break;
      n++;
    }
  return n;
}

void
vcard_name (size_t index, size_t total, char *buf, size_t size)
{
  /* TRANSLATORS: the name of the contact card a phone saves. */
  const char *name = _("Help abroad (safejob)");
  if (total <= 1)
    snprintf (buf, size, "%s", name);
  else
    /* TRANSLATORS: the name of one of several contact cards that share a
       person's numbers, such as "Help abroad (safejob) 2/3": %1$s is the
       card's name (the message "Help abroad (safejob)"), %2$d which card
       this is and %3$d how many there are. */
    snprintf (buf, size, _("%1$s %2$d/%3$d"), name, (int) index + 1, (int) total);
}

size_t
vcard_split (const struct contact *const *contacts, const char *const *labels,
             size_t count, size_t max_bytes, size_t *starts)
{
  char name[VCARD_NAME_MAX];
  size_t total = 1;

  /* The place in the name takes room on each card, and how much depends on
     how many cards there are: plan with the longest name of TOTAL cards
     ("3/3"), and again with a larger TOTAL if the cards came out more. A
     longer name never makes fewer cards, so this ends. */
  for (;;)
    {
      size_t cards = 0, first = 0;
      vcard_name (total - 1, total, name, sizeof name);
      while (first < count)
        {
          starts[cards++] = first;
          first += vcard_fit (name, contacts, labels, first, count, max_bytes);
        }
      starts[cards] = count;
      if (cards <= total)
        return cards;
      total = cards;
    }
}

int
vcard_codes (const struct contact *const *contacts, const char *const *labels, size_t count,
             size_t max_bytes, struct qr_image *codes, char (*payloads)[VCARD_CARD_MAX])
{
  size_t *starts = malloc ((count + 1) * sizeof *starts);
  char *card = malloc (VCARD_CARD_MAX);
  size_t made = 0;
  int status = -1;

  if (!starts || !card)
    {
      errno = ENOMEM;
      goto done;
    }
  size_t ncards = vcard_split (contacts, labels, count, max_bytes, starts);
  for (; made < ncards; made++)
    {
      char name[VCARD_NAME_MAX];
      vcard_name (made, ncards, name, sizeof name);
      if (vcard_build (name, contacts + starts[made], labels + starts[made],
                       starts[made + 1] - starts[made], card, VCARD_CARD_MAX) < 0)
        {
          errno = ERANGE;
          goto done;
        }
      if (codes && qr_make (card, &codes[made]) != 0)
        goto done;
      if (payloads)
        memcpy (payloads[made], card, VCARD_CARD_MAX);
    }
  status = (int) made;
done:
  if (status < 0)
    {
      int saved = errno;
      for (size_t i = 0; codes && i < made; i++)
        qr_free (&codes[i]);
      errno = saved;
    }
  free (starts);
  free (card);
  return status;
}
