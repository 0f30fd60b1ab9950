/* contacts.c -- contacts compiled into the program, until the content
   database carries them. Every number below was read in the source named
   with it; none is guessed. Re-check them before a kiosk goes into service:
   hotline numbers change. */
#include <config.h>
#include "contacts.h"

#include <stdio.h>
#include "system.h"

static const struct contact known[] = {
  { "th-msdhs-1300", "TH",
    /* TRANSLATORS: the name of a hotline; at most 45 columns. */
    N_("Thailand: Social Assistance Center hotline"), "1300", "1300",
    N_("24 hours"),
    "Komchadluek, 12 Sep 2018; MGR Online, 2016", "2026-11-21" },
  { "kh-police-117", "KH",
    /* TRANSLATORS: the name of a hotline; at most 45 columns. */
    N_("Cambodia: National Police hotline"), "117", "117", NULL,
    "VietnamPlus (VNA), 31 Aug 2022", "2026-11-21" },
  { "np-police-1177", "NP",
    /* TRANSLATORS: the name of a hotline; at most 45 columns. */
    N_("Nepal: Police anti-trafficking hotline"), "1177", "1177", NULL,
    "The Himalayan Times; Nepal Monitor, 2017", "2026-11-21" },
};

size_t
contacts_count (void)
{
  return ARRAY_SIZE (known);
}

const struct contact *
contacts_get (size_t index)
{
  return index < ARRAY_SIZE (known) ? &known[index] : NULL;
}

int
contact_tel_uri (const struct contact *contact, char *buf, size_t size)
{
  int n = snprintf (buf, size, "tel:%s", contact->dial);
  return n < 0 || (size_t) n >= size ? -1 : n;
}
