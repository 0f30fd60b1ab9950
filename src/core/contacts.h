/* contacts.h -- embassies, hotlines and organisations a person can call. */
#ifndef SAFEJOB_CONTACTS_H
#define SAFEJOB_CONTACTS_H

#include <stdbool.h>
#include <stddef.h>

/* What kind of service a contact is, which decides where it is listed: an
   embassy first, police last (police in some destinations work with the
   compounds; a person should reach their embassy first). */
enum contact_kind
{
  CONTACT_EMBASSY,        /* an embassy or consulate of the people it serves */
  CONTACT_GOVERNMENT,     /* a government line of the people's own country */
  CONTACT_HOTLINE,        /* a helpline that is not the police */
  CONTACT_POLICE,         /* run by the police */
  CONTACT_ORGANISATION,   /* a non-governmental or international organisation */
};

enum { CONTACT_MAX_PHONES = 4, PHONE_MAX = 24 };

struct phone
{
  const char *display;   /* as people write it: "+66 99 130 1300", "1300" */
  const char *dial;      /* what a phone dials: "+66991301300" or "1300" */
  const char *only_in;   /* ISO code of the one country it can be dialled
                            from, or NULL: from anywhere */
};

struct contact
{
  const char *id;
  enum contact_kind kind;
  const char *country;   /* ISO code of the country it works in */
  const char *serves;    /* "*" or space-separated ISO codes of nationalities served */
  const char *name;      /* untranslated msgid */
  const char *audience;  /* msgid: who among them it is for ("For children..."), or NULL: all */
  size_t phone_count;
  struct phone phones[CONTACT_MAX_PHONES];
  const char *hours;     /* msgid or NULL */
  const char *url;       /* or NULL */
  const char *address;   /* or NULL */
  const char *note;      /* msgid or NULL */
  const char *source;    /* where the numbers were read */
  const char *published; /* the newest source's date: YYYY, YYYY-MM, YYYY-MM-DD or "undated" */
  const char *copied;    /* YYYY-MM-DD the numbers were copied from the source */
};

/* Checks a phone number as written in the content, without its "inside CC":
   international form (+, then 7 to 15 digits, the first not 0) or a local
   number of 3 to 10 digits that does not start with a trunk prefix 0;
   spaces and hyphens may separate digits. Writes the digits to dial (with
   the +) into DIAL of SIZE bytes. Returns false for anything else, such as
   "0800-1000", which no phone can dial as written. */
bool phone_parse (const char *text, char *dial, size_t size);

/* Splits a content phone line, "NUMBER" or "NUMBER inside CC": returns the
   length of NUMBER and points *INSIDE at CC, or sets it to NULL when the
   line says no country. */
size_t phone_split (const char *line, const char **inside);

/* True when PHONE can be dialled from the country WHERE (an ISO code;
   NULL: not known, so only from anywhere). */
bool phone_dialable_from (const struct phone *phone, const char *where);

/* True when CONTACT serves people of NATIONALITY (an ISO code), or, with
   NULL (a person from a country the kiosk does not list), serves anyone. */
bool contact_serves (const struct contact *contact, const char *nationality);

/* Writes the "tel:" URI for phone PHONE of CONTACT into BUF of SIZE bytes.
   Returns its length, or -1 when it does not fit. */
int contact_tel_uri (const struct contact *contact, size_t phone, char *buf, size_t size);

#endif /* SAFEJOB_CONTACTS_H */
