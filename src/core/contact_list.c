/* contact_list.c -- which contacts a person gets, in what order, and what
   the kiosk says about them. A number is offered where it can be dialled:
   the contact card a phone saves holds only numbers that work from the
   job's country, and a number that works only at home is shown apart,
   marked so, and never alone as if it could help abroad. */
#include <config.h>
#include "contact_list.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include "system.h"

enum { RANKS = 8 };

/* Where CONTACT comes in the group THERE: embassy, the person's own
   country's lines, services in the destination, police; within each, the
   lines for everyone before those for some people only (children...). */
static int
contact_rank (const struct contact *contact, const char *nationality)
{
  int rank = contact->kind == CONTACT_EMBASSY ? 0
             : contact->kind == CONTACT_POLICE ? 3
             : nationality && strcmp (contact->country, nationality) == 0 ? 1 : 2;
  return 2 * rank + (contact->audience != NULL);
}

/* A copy of CONTACT whose phones that work from WHERE come first, in their
   order, then the others; returns how many work. */
static size_t
reorder (const struct contact *contact, const char *where, struct contact *copy)
{
  size_t usable = 0, n = 0;
  *copy = *contact;
  for (size_t pass = 0; pass < 2; pass++)
    for (size_t p = 0; p < contact->phone_count; p++)
      if (phone_dialable_from (&contact->phones[p], where) == (pass == 0))
        {
          copy->phones[n++] = contact->phones[p];
          usable += pass == 0;
        }
  return usable;
}

void
contact_list_build (const struct content *content, const char *nationality,
                    const char *destination, struct contact_list *list)
{
  memset (list, 0, sizeof *list);
  list->nationality = nationality;
  list->destination = destination;
  for (int rank = 0; rank < RANKS; rank++)
    for (size_t i = 0; i < content->contact_count && list->count < CONTACT_LIST_MAX; i++)
      {
        const struct contact *c = &content->contacts[i];
        bool at_home = nationality && strcmp (c->country, nationality) == 0;
        bool there = destination && strcmp (c->country, destination) == 0;
        if (!contact_serves (c, nationality) || (!at_home && !there)
            || contact_rank (c, nationality) != rank)
          continue;
        struct contact_entry *e = &list->entries[list->count];
        e->usable = reorder (c, destination, &e->contact);
        if (e->usable > 0)
          {
            e->group = CONTACT_GROUP_THERE;
            list->count++;
          }
      }
  list->there = list->count;

  /* Then the numbers that work only at home, for the time before leaving
     and for the family: the person's own country's contacts with no number
     that works from the destination, in the same order. */
  for (int rank = 0; nationality && rank < RANKS; rank++)
    for (size_t i = 0; i < content->contact_count && list->count < CONTACT_LIST_MAX; i++)
      {
        const struct contact *c = &content->contacts[i];
        if (!contact_serves (c, nationality) || strcmp (c->country, nationality) != 0
            || contact_rank (c, nationality) != rank)
          continue;
        struct contact_entry *e = &list->entries[list->count];
        e->usable = reorder (c, destination, &e->contact);
        if (e->usable == 0 && c->phone_count > 0
            && phone_dialable_from (&e->contact.phones[0], nationality))
          {
            e->group = CONTACT_GROUP_HOME;
            list->count++;
          }
      }

  for (size_t i = 0; i < list->there; i++)
    {
      const struct contact_entry *e = &list->entries[i];
      list->for_everyone |= e->contact.audience == NULL && e->contact.kind != CONTACT_POLICE;
      list->card[i] = e->contact;
      list->card[i].phone_count = e->usable;
      list->card_list[i] = &list->card[i];
    }
  list->card_count = list->there;
}

/* Appends printf-style text to BUF of SIZE bytes, cutting what does not fit. */
__attribute__ ((format (printf, 3, 4)))
static void
append (char *buf, size_t size, const char *fmt, ...)
{
  size_t used = strlen (buf);
  va_list ap;
  if (used + 1 >= size)
    return;
  va_start (ap, fmt);
  vsnprintf (buf + used, size - used, fmt, ap);
  va_end (ap);
}

/* The country CODE's name in the current language. */
static const char *
country_name (const struct content *content, const char *code)
{
  const struct country *country = content_country (content, code);
  return country ? _(country->name) : code;
}

/* PHONE as written, then, when MARK (it does not work from where the
   person will be), the one country it works in. */
static void
append_phone (const struct content *content, const struct phone *phone, bool mark,
              char *buf, size_t size)
{
  append (buf, size, "%s", phone->display);
  if (mark && phone->only_in)
    {
      char only[160];
      /* TRANSLATORS: next to a phone number that cannot be dialled from
         abroad, such as "1177 (only from inside Nepal)"; %s is a country's
         name. Keep it short. */
      snprintf (only, sizeof only, _("only from inside %s"),
                country_name (content, phone->only_in));
      append (buf, size, " (%s)", only);
    }
}

void
contact_list_label (const struct content *content, const struct contact_entry *entry,
                    char *buf, size_t size)
{
  const struct contact *c = &entry->contact;

  if (size == 0)
    return;
  buf[0] = '\0';
  if (c->kind == CONTACT_POLICE)
    /* TRANSLATORS: a contact's name, marked as a police line; %s is the
       name, such as "Cambodia: National Police hotline". */
    append (buf, size, _("%s (police)"), _(c->name));
  else
    append (buf, size, "%s", _(c->name));
  append (buf, size, "\n");
  /* The first number works there, unless the entry is one for HOME; the
     others follow on a line of their own, each marked where it works only
     inside one country. */
  append_phone (content, &c->phones[0], entry->usable == 0, buf, size);
  if (c->hours)
    append (buf, size, "  \xC2\xB7  %s", _(c->hours));
  for (size_t p = 1; p < c->phone_count; p++)
    {
      append (buf, size, p == 1 ? "\n" : ", ");
      append_phone (content, &c->phones[p], p >= entry->usable, buf, size);
    }
}

void
contact_list_info (const struct content *content, const struct contact_entry *entry,
                   char *buf, size_t size)
{
  const struct contact *c = &entry->contact;

  if (size == 0)
    return;
  buf[0] = '\0';
  if (c->audience)
    append (buf, size, "%s", _(c->audience));
  if (entry->group == CONTACT_GROUP_HOME)
    {
      append (buf, size, "%s", buf[0] ? " " : "");
      /* TRANSLATORS: about a number that cannot be dialled from abroad; %s is
         the person's own country's name. */
      append (buf, size, _("It works only from inside %s: call it before you leave, or "
                           "your family at home can call it for you."),
              country_name (content, c->phones[0].only_in));
    }
  if (c->note)
    append (buf, size, "%s%s", buf[0] ? " " : "", _(c->note));
}

void
contact_list_source (const struct contact *contact, char *buf, size_t size)
{
  if (strcmp (contact->published, "undated") == 0)
    /* TRANSLATORS: %1$s names where a number was read; %2$s is the day
       (YYYY-MM-DD) it was copied from there, which is not a check that the
       number still works. */
    snprintf (buf, size, _("Source: %1$s. The source shows no date. Copied on %2$s."),
              contact->source, contact->copied);
  else
    /* TRANSLATORS: %1$s names where a number was read; %2$s is that
       source's date (YYYY-MM-DD, YYYY-MM or YYYY); %3$s is the day
       (YYYY-MM-DD) the number was copied from it, which is not a check that
       the number still works. */
    snprintf (buf, size, _("Source: %1$s. Source date: %2$s. Copied on %3$s."),
              contact->source, contact->published, contact->copied);
}

bool
contact_list_intro (const struct content *content, const struct contact_list *list,
                    char *buf, size_t size)
{
  const char *n = list->nationality, *d = list->destination;

  if (list->for_everyone)
    {
      snprintf (buf, size, "%s", _("Save these numbers before you travel. Call them if you "
                                   "or someone you know is in danger."));
      return false;
    }
  /* The list below may still hold the police, lines for some people only
     (children, women) and numbers for home: each says what it is. */
  if (n && d && strcmp (n, d) == 0 && list->count > 0)
    /* TRANSLATORS: a job in the person's own country, where no embassy is
       wanted; %s is that country. */
    snprintf (buf, size, _("We found no helpline for everyone in %s. The numbers below are "
                           "the police, or lines for some people only: each says which."),
              country_name (content, d));
  else if (n && d && strcmp (n, d) == 0)
    snprintf (buf, size, "%s", _("No checked numbers for this choice yet. Ask the staff "
                                 "here, or go back and choose another country."));
  else if (n && d)
    /* TRANSLATORS: %1$s is the person's country, %2$s the job's country.
       "Helpline": one that is not the police. */
    snprintf (buf, size, _("We found no embassy or helpline for people from %1$s that can "
                           "be dialled from %2$s. Before you travel, ask your foreign "
                           "ministry for the embassy that covers %2$s."),
              country_name (content, n), country_name (content, d));
  else if (d)
    /* TRANSLATORS: for a person from a country the kiosk does not list;
       %s is the job's country. */
    snprintf (buf, size, _("We found no helpline for everyone that can be dialled from %s. "
                           "Before you travel, ask your foreign ministry for your embassy "
                           "there."),
              country_name (content, d));
  else if (n)
    /* TRANSLATORS: the job's country is not known; %s is the person's. */
    snprintf (buf, size, _("We found no line for people from %s that can be dialled from "
                           "abroad. Before you travel, ask your foreign ministry for the "
                           "embassy in the job's country."),
              country_name (content, n));
  else
    snprintf (buf, size, "%s", _("No checked numbers for this choice yet. Ask the staff "
                                 "here, or go back and choose another country."));
  return true;
}
