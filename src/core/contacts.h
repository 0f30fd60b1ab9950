/* contacts.h -- embassies, hotlines and organisations a person can call. */
#ifndef SAFEJOB_CONTACTS_H
#define SAFEJOB_CONTACTS_H

#include <stdbool.h>
#include <stddef.h>

enum contact_kind { CONTACT_EMBASSY, CONTACT_HOTLINE, CONTACT_ORGANISATION };

enum { CONTACT_MAX_PHONES = 4, PHONE_MAX = 24 };

struct phone
{
  const char *display;   /* as people write it: "+66 99 130 1300" */
  const char *dial;      /* what a phone dials: "+66991301300" or "1300" */
};

struct contact
{
  const char *id;
  enum contact_kind kind;
  const char *country;   /* ISO code of the country it works in */
  const char *serves;    /* "*" or space-separated ISO codes of nationalities served */
  const char *name;      /* untranslated msgid */
  size_t phone_count;
  struct phone phones[CONTACT_MAX_PHONES];
  const char *hours;     /* msgid or NULL */
  const char *url;       /* or NULL */
  const char *address;   /* or NULL */
  const char *note;      /* msgid or NULL */
  const char *source;    /* where the numbers were read, with the source's date */
  const char *checked;   /* YYYY-MM-DD the numbers were checked against the source */
};

/* Checks a phone number as written in the content: international form (+,
   then 7 to 15 digits) or a short code of 3 to 6 digits; spaces and hyphens
   may separate digits. Writes the digits to dial (with the +) into DIAL of
   SIZE bytes. Returns false for anything else, such as a domestic number
   with a trunk prefix, which cannot be dialled from every phone. */
bool phone_parse (const char *text, char *dial, size_t size);

/* True when CONTACT serves people of NATIONALITY (an ISO code). */
bool contact_serves (const struct contact *contact, const char *nationality);

/* True when CONTACT helps a person of NATIONALITY going to DESTINATION: a
   service in the destination that serves them, one at home that serves its
   own people, or an international one. */
bool contact_relevant (const struct contact *contact, const char *nationality,
                       const char *destination);

/* Writes the "tel:" URI for phone PHONE of CONTACT into BUF of SIZE bytes.
   Returns its length, or -1 when it does not fit. */
int contact_tel_uri (const struct contact *contact, size_t phone, char *buf, size_t size);

#endif /* SAFEJOB_CONTACTS_H */
