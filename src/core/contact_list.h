/* contact_list.h -- the contacts a person gets for their nationality and
   the job's country, in the order they help, and what the kiosk says about
   them. No curses: the screen, the QR files and the slip share it. */
#ifndef SAFEJOB_CONTACT_LIST_H
#define SAFEJOB_CONTACT_LIST_H

#include <stdbool.h>
#include <stddef.h>
#include "content.h"

enum contact_group
{
  CONTACT_GROUP_THERE,   /* a number works from where the person will be */
  CONTACT_GROUP_HOME,    /* works only inside the person's own country:
                            before they leave, or for their family at home */
};

struct contact_entry
{
  struct contact contact;   /* a copy whose phones that work there come first */
  size_t usable;            /* how many of its phones work there */
  enum contact_group group;
};

enum { CONTACT_LIST_MAX = 32 };

struct contact_list
{
  const char *nationality;  /* ISO code, or NULL: a country the kiosk does not list */
  const char *destination;  /* ISO code, or NULL: not known */
  size_t count;             /* entries: the group THERE first, then HOME */
  size_t there;             /* how many are in the group THERE */
  bool for_everyone;        /* one of those is an embassy or a helpline for
                               anyone of the nationality: not the police, not
                               a line for some people only (children, women) */
  struct contact_entry entries[CONTACT_LIST_MAX];
  /* The contact card saved to a phone: the group THERE with only the
     numbers that work there, so that it holds none that cannot be dialled. */
  size_t card_count;
  struct contact card[CONTACT_LIST_MAX];
  const struct contact *card_list[CONTACT_LIST_MAX];
};

/* Fills *LIST with the contacts for a person of NATIONALITY (NULL: another
   country) going to DESTINATION (NULL: not known), in this order: embassies;
   lines of their own country that can be dialled from there; services there
   that serve them; police there; then, in the group HOME, their own
   country's numbers that work only at home. A contact helps when it serves
   the nationality and works in the destination or in the person's own
   country; LIST holds at most CONTACT_LIST_MAX, the first found. */
void contact_list_build (const struct content *content, const char *nationality,
                         const char *destination, struct contact_list *list);

/* The lines the list shows for ENTRY, in the current language, into BUF of
   SIZE bytes: its name (marked when it is the police); its first number,
   marked "only from inside COUNTRY" when it works only there, and its
   hours; then its other numbers, each marked so where it applies. */
void contact_list_label (const struct content *content, const struct contact_entry *entry,
                         char *buf, size_t size);

/* What to know about ENTRY, in the current language, into BUF: who it is
   for, that it works only at home and when to call it then, and its note.
   Empty when there is nothing to say. */
void contact_list_info (const struct content *content, const struct contact_entry *entry,
                        char *buf, size_t size);

/* Where CONTACT's numbers come from, in the current language, into BUF:
   the source, the source's date, and the day they were copied from it (a
   copy, not a test that the number still works). */
void contact_list_source (const struct contact *contact, char *buf, size_t size);

/* The sentence above the list, in the current language, into BUF: what to
   do with these numbers; or, where no source confirmed an embassy or a
   helpline (not the police) for everyone of the nationality that works
   from the destination, says so plainly and what to do instead. Returns
   true when it states such a gap. */
bool contact_list_intro (const struct content *content, const struct contact_list *list,
                         char *buf, size_t size);

#endif /* SAFEJOB_CONTACT_LIST_H */
