/* answers.c -- parser for screening answers. */
#include <config.h>
#include "answers.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "dates.h"
#include "keyfile.h"

/* "a, b, c": the ids of the questions, or of QUESTION's options. */
static void
list_ids (char *out, size_t size, const struct checklist *list,
          const struct checklist_question *question)
{
  size_t n = question ? question->option_count : list->count;
  out[0] = '\0';
  for (size_t i = 0; i < n; i++)
    {
      const char *id = question ? question->options[i].id : list->questions[i].id;
      if (strlen (out) + strlen (id) + 3 >= size)
        break;
      if (i > 0)
        strcat (out, ", ");
      strcat (out, id);
    }
}

static void
read_offer_detail (const char *key, const char *value, const char *name, int lineno,
                   struct offer *offer, int *seen, struct diag *diag)
{
  int field = offer_field_find (key);
  if (field < 0)
    {
      diag_error (diag, name, lineno, "unknown offer detail 'offer.%s'; they are: "
                  "offer.agency, offer.licence, offer.employer, offer.title, "
                  "offer.country, offer.date", key);
      return;
    }
  if (seen[field])
    {
      diag_error (diag, name, lineno, "'offer.%s' is given twice (first at line %d)", key,
                  seen[field]);
      return;
    }
  for (const char *s = value; *s; s++)
    if ((unsigned char) *s < 0x20 || *s == 0x7f)
      {
        diag_error (diag, name, lineno, "'offer.%s' holds a control character", key);
        return;
      }
  if (strlen (value) > OFFER_TEXT_MAX)
    {
      diag_error (diag, name, lineno, "'offer.%s' is longer than %d bytes", key,
                  OFFER_TEXT_MAX);
      return;
    }
  if (field == OFFER_COUNTRY
      && (strlen (value) != 2 || !isupper ((unsigned char) value[0])
          || !isupper ((unsigned char) value[1])))
    {
      diag_error (diag, name, lineno, "'offer.country' must be a two-letter country code "
                  "such as TH; '%s' is not", value);
      return;
    }
  if (field == OFFER_DATE && !date_valid (value))
    {
      diag_error (diag, name, lineno, "'offer.date' must be a date written YYYY-MM-DD");
      return;
    }
  seen[field] = lineno;
  strcpy (offer->field[field], value);
}

/* NATIONALITY = VALUE: an origin country of CONTENT's. */
static void
read_nationality (const char *value, const char *name, int lineno,
                  const struct content *content, char *nationality, int *seen,
                  struct diag *diag)
{
  if (*seen)
    {
      diag_error (diag, name, lineno, "'nationality' is given twice (first at line %d)", *seen);
      return;
    }
  const struct country *country = strlen (value) == 2 ? content_country (content, value) : NULL;
  if (!country || !(country->roles & COUNTRY_ORIGIN))
    {
      char codes[512] = "";
      for (size_t i = 0; i < content->country_count; i++)
        if ((content->countries[i].roles & COUNTRY_ORIGIN)
            && strlen (codes) + 5 < sizeof codes)
          {
            strcat (codes, *codes ? ", " : "");
            strcat (codes, content->countries[i].code);
          }
      diag_error (diag, name, lineno, "no nationality '%s'; the nationalities are: %s", value,
                  codes);
      return;
    }
  *seen = lineno;
  memcpy (nationality, country->code, 3);
}

int
answers_read (FILE *in, const char *name, const struct content *content,
              int *answers, struct offer *offer, char *nationality, struct diag *diag)
{
  int nationality_seen = 0;
  const struct checklist *list = &content->checklist;
  int errors = diag->errors;
  int answered_at[CHECKLIST_MAX_QUESTIONS] = { 0 };
  int offer_seen[OFFER_FIELD_COUNT] = { 0 };
  struct keyfile file;
  char *key, *value;
  char ids[1024];

  memset (offer, 0, sizeof *offer);
  nationality[0] = '\0';
  for (size_t q = 0; q < CHECKLIST_MAX_QUESTIONS; q++)
    answers[q] = CHECKLIST_UNANSWERED;

  keyfile_open (&file, in, name, "expected 'question = answer', such as 'visa = tourist'",
                diag);
  while (keyfile_next (&file, &key, &value))
    {
      int lineno = file.line;
      if (strncmp (key, "offer.", 6) == 0)
        {
          read_offer_detail (key + 6, value, name, lineno, offer, offer_seen, diag);
          continue;
        }
      if (strcmp (key, "nationality") == 0)
        {
          read_nationality (value, name, lineno, content, nationality, &nationality_seen, diag);
          continue;
        }

      size_t q = 0;
      while (q < list->count && strcmp (list->questions[q].id, key) != 0)
        q++;
      if (q == list->count)
        {
          list_ids (ids, sizeof ids, list, NULL);
          diag_error (diag, name, lineno, "unknown question '%s'; the questions are: %s",
                      key, ids);
          continue;
        }
      const struct checklist_question *question = &list->questions[q];
      if (answered_at[q])
        {
          diag_error (diag, name, lineno, "'%s' is answered twice (first at line %d)", key,
                      answered_at[q]);
          continue;
        }
      size_t o = 0;
      while (o < question->option_count && strcmp (question->options[o].id, value) != 0)
        o++;
      if (o == question->option_count)
        {
          list_ids (ids, sizeof ids, list, question);
          diag_error (diag, name, lineno, "question '%s' has no answer '%s'; its answers "
                      "are: %s", key, value, ids);
          continue;
        }
      answered_at[q] = lineno;
      answers[q] = (int) o;
    }
  keyfile_close (&file);
  return diag->errors - errors;
}
