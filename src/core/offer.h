/* offer.h -- the details of a job offer that office staff screen. They are
   about the offer (the agency, the employer), never about the job seeker. */
#ifndef SAFEJOB_OFFER_H
#define SAFEJOB_OFFER_H

enum { OFFER_TEXT_MAX = 160 };

enum offer_field
{
  OFFER_AGENCY,
  OFFER_LICENCE,
  OFFER_EMPLOYER,
  OFFER_TITLE,
  OFFER_COUNTRY,     /* ISO code of the job's country */
  OFFER_DATE,        /* YYYY-MM-DD, the date of the offer */
  OFFER_FIELD_COUNT
};

struct offer
{
  char field[OFFER_FIELD_COUNT][OFFER_TEXT_MAX + 1];   /* "" when not given */
};

/* An earlier high-risk screening of the same agency, licence or employer,
   from the office log. */
struct offer_earlier
{
  enum offer_field field;          /* which detail matched */
  char value[OFFER_TEXT_MAX + 1];  /* as it was written then */
  char day[11];                    /* YYYY-MM-DD */
};

/* The name of FIELD in answer files ("agency" for offer.agency). */
const char *offer_field_name (enum offer_field field);

/* The field's label for people, an untranslated msgid ("Agency"). */
const char *offer_field_label (enum offer_field field);

/* The field called NAME, or -1. */
int offer_field_find (const char *name);

/* True when any field is given. */
int offer_is_empty (const struct offer *offer);

struct content;

/* The country TYPED names, as staff write it on the office form: its ISO
   code ("kh", "KH") or its name in English or in any offered language
   ("Cambodia", "कम्बोडिया"), case and blanks aside. Writes the code to
   CODE (3 bytes) and returns 0, or -1 when it names no country of
   CONTENT. */
int offer_country_code (const struct content *content, const char *typed, char *code);

/* Adds the character C (a code point) at the end of FIELD of OFFER, if it
   fits and suits the field: a country takes two upper-cased letters, a date
   digits and hyphens, the others any printable character. Returns whether
   it was added. */
int offer_type (struct offer *offer, enum offer_field field, unsigned int c);

/* Removes the last character of FIELD; returns whether there was one. */
int offer_erase (struct offer *offer, enum offer_field field);

#endif /* SAFEJOB_OFFER_H */
