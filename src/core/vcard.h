/* vcard.h -- the contacts as a contact card a phone camera offers to save. */
#ifndef SAFEJOB_VCARD_H
#define SAFEJOB_VCARD_H

#include <stddef.h>
#include "contacts.h"
#include "qr.h"

/* Room for a card's name from vcard_name. */
enum { VCARD_NAME_MAX = 160 };

/* The name of card INDEX (from 0) of the TOTAL that hold one person's
   numbers, in the current language, into BUF of SIZE bytes: "Help abroad
   (safejob)", with its place ("... 2/3") when there are several, since a
   phone may merge contacts of one name or keep only the last saved. The one
   place that names a card: the screen, the files and the slip agree. */
void vcard_name (size_t index, size_t total, char *buf, size_t size);

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

/* Splits the COUNT contacts over as few cards as keep each within
   MAX_BYTES under its name from vcard_name. Card I holds the contacts from
   STARTS[I] up to STARTS[I + 1]; STARTS needs room for COUNT + 1 entries
   (never more than a card per contact). Returns the number of cards. */
size_t vcard_split (const struct contact *const *contacts, const char *const *labels,
                    size_t count, size_t max_bytes, size_t *starts);

/* A card's payload fits this many bytes. */
enum { VCARD_CARD_MAX = 4096 };

/* Makes the QR codes that hold the COUNT contacts as cards, split as
   vcard_split does at MAX_BYTES a card and named by vcard_name: stores
   each code in CODES (unless NULL: the cards alone, for a renderer that
   draws its own codes) and, when PAYLOADS is not NULL, its card in
   PAYLOADS[I]. CODES and PAYLOADS need room for COUNT. Returns the number
   of codes, or -1 with errno set, nothing left to free. The one place
   that turns contacts into codes: the files, the slip and the screen. */
int vcard_codes (const struct contact *const *contacts, const char *const *labels, size_t count,
                 size_t max_bytes, struct qr_image *codes, char (*payloads)[VCARD_CARD_MAX]);

#endif /* SAFEJOB_VCARD_H */
