/* vcard.h -- the contacts as a contact card a phone camera offers to save. */
#ifndef SAFEJOB_VCARD_H
#define SAFEJOB_VCARD_H

#include <stddef.h>
#include "contacts.h"

/* Writes a vCard 3.0 named NAME holding every number of the COUNT contacts
   (their names, translated by the caller, in LABELS), into BUF of SIZE
   bytes. vCard 3.0 is what the iOS and Android cameras offer to "add to
   contacts"; MECARD is read by fewer. Returns the length, or -1 when it does
   not fit. */
int vcard_build (const char *name, const struct contact *const *contacts,
                 const char *const *labels, size_t count, char *buf, size_t size);

/* The most contacts from FIRST on whose card stays within MAX_BYTES: a card
   too large for a readable code is split into several, never shrunk. At
   least one. */
size_t vcard_fit (const char *name, const struct contact *const *contacts,
                  const char *const *labels, size_t first, size_t count, size_t max_bytes);

#endif /* SAFEJOB_VCARD_H */
