/* content.h -- everything the kiosk shows besides its own labels: the
   checklist, articles, countries and contacts, in memory. Built from the
   sources in content/ by the compiler and loaded from its SQLite database by
   the kiosk; text fields are untranslated msgids. */
#ifndef SAFEJOB_CONTENT_H
#define SAFEJOB_CONTENT_H

#include <stddef.h>
#include "arena.h"
#include "checklist.h"
#include "contacts.h"

/* The database layout this program reads and writes (PRAGMA user_version). */
enum { CONTENT_SCHEMA_VERSION = 3 };

struct article_section
{
  const char *heading;
  size_t paragraph_count;
  const char **paragraphs;
  size_t paragraph_room;    /* entries PARAGRAPHS has (the loader's bound) */
};

struct article
{
  const char *id;
  const char *title;
  const char *source;
  size_t section_count;
  struct article_section *sections;
};

enum country_role { COUNTRY_ORIGIN = 1, COUNTRY_DESTINATION = 2 };

struct country
{
  const char *code;      /* ISO 3166-1 alpha-2 */
  const char *name;      /* msgid */
  unsigned roles;        /* COUNTRY_ORIGIN | COUNTRY_DESTINATION */
};

struct content
{
  struct checklist checklist;
  size_t advice_count;
  const char **advice;        /* general advice shown with every result */
  size_t article_count;
  struct article *articles;
  size_t country_count;
  struct country *countries;
  size_t contact_count;
  struct contact *contacts;
  const char *version;        /* a digest of the sources it was built from */
  const char *newest_check;   /* the latest day a contact's numbers were copied */
  struct arena arena;         /* owns everything above */
};

/* Frees everything CONTENT holds. */
void content_free (struct content *content);

/* The country with CODE, or NULL. */
const struct country *content_country (const struct content *content, const char *code);

#endif /* SAFEJOB_CONTENT_H */
