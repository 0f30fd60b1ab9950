/* contacts.h -- hotlines and embassies a person can call for help. */
#ifndef SAFEJOB_CONTACTS_H
#define SAFEJOB_CONTACTS_H

#include <stddef.h>

struct contact
{
  const char *id;
  const char *country;   /* ISO 3166-1 alpha-2 code of the country it serves in */
  const char *name;      /* untranslated msgid */
  const char *phone;     /* as people write it */
  const char *dial;      /* what a phone dials: E.164 (+CC...) or a local short code */
  const char *hours;     /* untranslated msgid, or NULL when the source does not say */
  const char *source;    /* where the number was taken from, with its date */
  const char *checked;   /* ISO date on which the number was checked against the source */
};

/* The number of contacts known to the program. */
size_t contacts_count (void);

/* The contact at INDEX (< contacts_count ()). */
const struct contact *contacts_get (size_t index);

/* Writes the "tel:" URI that makes a phone offer to call CONTACT into BUF of
   SIZE bytes. Returns the URI's length, or -1 when it does not fit. */
int contact_tel_uri (const struct contact *contact, char *buf, size_t size);

#endif /* SAFEJOB_CONTACTS_H */
