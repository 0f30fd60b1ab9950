/* content_compile.c -- what the content sources mean: which records and
   fields each file may hold, what their values must look like, and how the
   records refer to each other. The rules are tables; the code walks them. */
#include <config.h>
#include "content_compile.h"

#include <ctype.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <wchar.h>
#include "contacts.h"
#include "dates.h"
#include "record.h"
#include "system.h"

const char *const content_source_files[] = {
  "countries.txt", "checklist.txt", "articles.txt", "contacts.txt", NULL
};

enum value_kind
{
  V_TEXT,      /* free text, not translated (sources, addresses) */
  V_MSG,       /* text shown to the person: translated */
  V_WEIGHT,    /* 0..100 */
  V_POINTS,    /* 1..10000: a threshold on the sum of weights */
  V_BOOL,      /* yes | no */
  V_DATE,      /* YYYY-MM-DD, not in the future */
  V_PUBLISHED, /* YYYY, YYYY-MM or YYYY-MM-DD, not in the future, or "undated" */
  V_PHONE,     /* see phone_parse, then optionally "inside CC" */
  V_URL,       /* http(s)://, no blanks */
  V_ROLE,      /* origin, destination or both */
  V_KIND,      /* embassy | government | hotline | police | organisation */
  V_CODES,     /* "*" or ISO country codes */
  V_CODE,      /* one ISO country code */
  V_NAMES,     /* names of lower-case letters, '-' and '_', separated by spaces */
};

struct field_spec
{
  const char *key;
  enum value_kind kind;
  bool required;
  bool repeat;
  int max_columns;       /* 0: no limit */
  const char *what;      /* what the string is, for translators */
};

struct type_spec
{
  const char *type;
  const char *file;
  const char *parent;    /* type of the record an id "parent.name" belongs to */
  const struct field_spec *fields;
};

/* Widths keep every screen readable at 80x24: a question in three lines,
   an option in two, an explanation in four, a paragraph in eight. */
static const struct field_spec question_fields[] = {
  { "text", V_MSG, true, false, 200, "a checklist question" },
  /* Sources of questions and articles are for staff, not the 80x24 flow. */
  { "source", V_TEXT, true, false, 400, NULL },
  { NULL, 0, false, false, 0, NULL },
};
static const struct field_spec option_fields[] = {
  { "text", V_MSG, true, false, 140, "an answer to a checklist question" },
  { "weight", V_WEIGHT, true, false, 0, NULL },
  { "critical", V_BOOL, false, false, 0, NULL },
  { "unknown", V_BOOL, false, false, 0, NULL },
  { "why", V_MSG, false, false, 300, "why this answer is a warning sign" },
  { "advice", V_MSG, false, false, 300, "what to do about this warning sign" },
  { "credit", V_WEIGHT, false, false, 0, NULL },
  { "because", V_MSG, false, false, 300, "why this answer counts for the offer" },
  { NULL, 0, false, false, 0, NULL },
};
/* A rule weighs answers differently for people of some nationalities. */
static const struct field_spec rule_fields[] = {
  { "origin", V_CODES, true, false, 0, NULL },
  { "answers", V_NAMES, true, false, 0, NULL },
  { "weight", V_WEIGHT, false, false, 0, NULL },
  { "critical", V_BOOL, false, false, 0, NULL },
  { "why", V_MSG, false, false, 300,
    "why this answer is a warning sign for people of one nationality" },
  { "advice", V_MSG, false, false, 300,
    "what people of one nationality should do about this warning sign" },
  { "source", V_TEXT, true, false, 400, NULL },
  { NULL, 0, false, false, 0, NULL },
};
static const struct field_spec scoring_fields[] = {
  { "medium", V_POINTS, true, false, 0, NULL },
  { "high", V_POINTS, true, false, 0, NULL },
  { NULL, 0, false, false, 0, NULL },
};
static const struct field_spec advice_fields[] = {
  { "text", V_MSG, true, false, 200, "general advice shown with every result" },
  { NULL, 0, false, false, 0, NULL },
};
static const struct field_spec article_fields[] = {
  { "title", V_MSG, true, false, 60, "the title of an awareness article" },
  { "source", V_TEXT, true, false, 400, NULL },
  { NULL, 0, false, false, 0, NULL },
};
static const struct field_spec section_fields[] = {
  { "heading", V_MSG, true, false, 70, "a section heading in an awareness article" },
  { "paragraph", V_MSG, true, true, 600, "a paragraph of an awareness article" },
  { NULL, 0, false, false, 0, NULL },
};
static const struct field_spec country_fields[] = {
  { "name", V_MSG, true, false, 40, "a country's name" },
  { "role", V_ROLE, true, false, 0, NULL },
  { NULL, 0, false, false, 0, NULL },
};
static const struct field_spec contact_fields[] = {
  { "kind", V_KIND, true, false, 0, NULL },
  { "country", V_CODE, true, false, 0, NULL },
  { "for", V_CODES, true, false, 0, NULL },
  { "name", V_MSG, true, false, 60, "the name of an embassy, hotline or organisation" },
  { "audience", V_MSG, false, false, 80,
    "who among the people a contact serves it is for (such as children), a phrase" },
  { "phone", V_PHONE, true, true, 0, NULL },
  { "hours", V_MSG, false, false, 40, "when a hotline or office answers" },
  { "url", V_URL, false, false, 0, NULL },
  { "address", V_TEXT, false, false, 200, NULL },
  { "note", V_MSG, false, false, 200, "a note on a contact, for the caller" },
  { "source", V_TEXT, true, false, 200, NULL },
  { "published", V_PUBLISHED, true, false, 0, NULL },
  { "copied", V_DATE, true, false, 0, NULL },
  { NULL, 0, false, false, 0, NULL },
};

static const struct type_spec types[] = {
  { "question", "checklist.txt", NULL, question_fields },
  { "option", "checklist.txt", "question", option_fields },
  { "rule", "checklist.txt", "question", rule_fields },
  { "scoring", "checklist.txt", NULL, scoring_fields },
  { "advice", "checklist.txt", NULL, advice_fields },
  { "article", "articles.txt", NULL, article_fields },
  { "section", "articles.txt", "article", section_fields },
  { "country", "countries.txt", NULL, country_fields },
  { "contact", "contacts.txt", NULL, contact_fields },
};

int
content_text_width (const char *text)
{
  mbstate_t state;
  int width = 0;
  memset (&state, 0, sizeof state);
  while (*text)
    {
      wchar_t c;
      size_t n = mbrtowc (&c, text, strlen (text), &state);
      if (n == (size_t) -1 || n == (size_t) -2 || n == 0)
        return -1;
      int w = wcwidth (c);
      width += w < 0 ? 1 : w;
      text += n;
    }
  return width;
}

/* The state of one compilation. */
struct compiler
{
  struct diag *diag;
  struct arena *arena;
  struct content_build *out;
  size_t message_capacity;
  size_t record_count;
  const struct record **records;   /* every record, in source order */
  uint64_t digest;
};

static void
digest_add (struct compiler *c, const char *s)
{
  /* FNV-1a over what the records say, not over comments and layout. */
  for (; *s; s++)
    {
      c->digest ^= (unsigned char) *s;
      c->digest *= 0x100000001b3ULL;
    }
  c->digest ^= 0xff;
  c->digest *= 0x100000001b3ULL;
}

static void
add_message (struct compiler *c, const struct record *r, const struct field *f,
             const struct field_spec *spec)
{
  struct content_build *out = c->out;
  if (out->message_count == c->message_capacity)
    {
      size_t cap = c->message_capacity ? 2 * c->message_capacity : 64;
      struct content_message *bigger = arena_alloc (c->arena, cap * sizeof *bigger);
      if (!bigger)
        return;
      if (out->message_count)
        memcpy (bigger, out->messages, out->message_count * sizeof *bigger);
      out->messages = bigger;
      c->message_capacity = cap;
    }
  char comment[256];
  snprintf (comment, sizeof comment, "%s (%s '%s'); at most %d columns",
            spec->what, r->type, r->id, spec->max_columns);
  out->messages[out->message_count++] = (struct content_message) {
    f->value, r->file, f->line, arena_strdup (c->arena, comment) };
}

/* After today: a source cannot have been read tomorrow. */
static bool
date_in_future (const char *s)
{
  char today[DATE_SIZE];
  date_today (today);
  return strcmp (s, today) > 0;
}

static bool
whole_number (const char *s, long low, long high)
{
  char *end;
  long n = strtol (s, &end, 10);
  return *s && !*end && n >= low && n <= high;
}

/* A source's date as far as it shows one: YYYY, YYYY-MM or YYYY-MM-DD. */
static bool
valid_partial_date (const char *s)
{
  char full[16];
  size_t len = strlen (s);
  if (len == 4)
    snprintf (full, sizeof full, "%s-01-01", s);
  else if (len == 7)
    snprintf (full, sizeof full, "%s-01", s);
  else if (len == 10)
    snprintf (full, sizeof full, "%s", s);
  else
    return false;
  for (size_t i = 0; i < len; i++)
    if (!(i == 4 || i == 7 ? s[i] == '-' : isdigit ((unsigned char) s[i])))
      return false;
  return date_valid (full);
}

static bool
valid_code (const char *s)
{
  return strlen (s) == 2 && isupper ((unsigned char) s[0]) && isupper ((unsigned char) s[1]);
}

static bool
valid_names (const char *s)
{
  bool any = false;
  while (*s)
    {
      size_t n = strcspn (s, " ");
      for (size_t i = 0; i < n; i++)
        if (!islower ((unsigned char) s[i]) && s[i] != '-' && s[i] != '_')
          return false;
      any = true;
      s += n;
      s += strspn (s, " ");
    }
  return any;
}

static bool
valid_codes (const char *s)
{
  if (strcmp (s, "*") == 0)
    return true;
  bool any = false;
  while (*s)
    {
      size_t n = strcspn (s, " ");
      if (n != 2 || !isupper ((unsigned char) s[0]) || !isupper ((unsigned char) s[1]))
        return false;
      any = true;
      s += n;
      s += strspn (s, " ");
    }
  return any;
}

/* Checks one value against its kind; reports and returns false if bad. */
static bool
check_value (struct compiler *c, const struct record *r, const struct field *f,
             const struct field_spec *spec)
{
  const char *v = f->value;
  char dial[PHONE_MAX];
  const char *problem = NULL;

  switch (spec->kind)
    {
    case V_WEIGHT:
      if (!whole_number (v, 0, 100))
        problem = "must be a whole number from 0 to 100";
      break;
    case V_POINTS:
      if (!whole_number (v, 1, 10000))
        problem = "must be a whole number from 1 to 10000";
      break;
    case V_BOOL:
      if (strcmp (v, "yes") != 0 && strcmp (v, "no") != 0)
        problem = "must be 'yes' or 'no'";
      break;
    case V_DATE:
      if (!date_valid (v))
        problem = "must be a date written YYYY-MM-DD";
      else if (date_in_future (v))
        problem = "is in the future";
      break;
    case V_PUBLISHED:
      if (strcmp (v, "undated") != 0 && !valid_partial_date (v))
        problem = "must be the source's date, written YYYY-MM-DD, YYYY-MM or YYYY, "
                  "or 'undated'";
      else if (strcmp (v, "undated") != 0 && date_in_future (v))
        problem = "is in the future";
      break;
    case V_PHONE:
      {
        const char *inside;
        size_t len = phone_split (v, &inside);
        char number[64];
        snprintf (number, sizeof number, "%.*s", (int) len, v);
        if (len >= sizeof number || !phone_parse (number, dial, sizeof dial))
          problem = "is not an international number (+ and 7 to 15 digits) or a "
                    "local number (3 to 10 digits, not starting with 0)";
        else if (inside && !valid_code (inside))
          problem = "must name a country after 'inside', such as '1300 inside TH'";
        else if (!inside && dial[0] != '+')
          problem = "is dialled inside one country only: say which, such as "
                    "'1300 inside TH'";
      }
      break;
    case V_URL:
      if ((strncmp (v, "https://", 8) != 0 && strncmp (v, "http://", 7) != 0)
          || strpbrk (v, " \t") || strlen (v) < 12)
        problem = "must be a web address starting with https:// or http://";
      break;
    case V_ROLE:
      if (strcmp (v, "origin") != 0 && strcmp (v, "destination") != 0
          && strcmp (v, "origin destination") != 0)
        problem = "must be 'origin', 'destination' or 'origin destination'";
      break;
    case V_KIND:
      if (strcmp (v, "embassy") != 0 && strcmp (v, "government") != 0
          && strcmp (v, "hotline") != 0 && strcmp (v, "police") != 0
          && strcmp (v, "organisation") != 0)
        problem = "must be 'embassy', 'government', 'hotline', 'police' or 'organisation'";
      break;
    case V_CODES:
      if (!valid_codes (v))
        problem = "must be '*' or country codes such as 'NP IN', separated by spaces";
      break;
    case V_CODE:
      if (!valid_code (v))
        problem = "must be a two-letter upper-case country code such as 'TH'";
      break;
    case V_NAMES:
      if (!valid_names (v))
        problem = "must be answer names such as 'thailand myanmar', separated by spaces";
      break;
    case V_TEXT:
    case V_MSG:
    default:
      break;
    }
  if (problem)
    {
      diag_error (c->diag, r->file, f->line, "'%s' of %s '%s' %s", spec->key, r->type,
                  r->id, problem);
      return false;
    }
  if (spec->max_columns > 0)
    {
      int width = content_text_width (v);
      if (width < 0)
        problem = "is not valid UTF-8";
      else if (width > spec->max_columns)
        {
          diag_error (c->diag, r->file, f->line,
                      "'%s' of %s '%s' is %d columns long; at most %d fit the screen",
                      spec->key, r->type, r->id, width, spec->max_columns);
          return false;
        }
    }
  if (problem)
    {
      diag_error (c->diag, r->file, f->line, "'%s' %s", spec->key, problem);
      return false;
    }
  return true;
}

static const struct type_spec *
type_of (const struct record *r)
{
  for (size_t i = 0; i < ARRAY_SIZE (types); i++)
    if (strcmp (types[i].type, r->type) == 0)
      return &types[i];
  return NULL;
}

/* Checks RECORD's fields against its type; false if it cannot be used. */
static bool
check_record (struct compiler *c, const struct record *r, const char *file_name)
{
  const struct type_spec *t = type_of (r);
  bool usable = true;

  if (!t || strcmp (t->file, file_name) != 0)
    {
      char known[128] = "";
      for (size_t i = 0; i < ARRAY_SIZE (types); i++)
        if (strcmp (types[i].file, file_name) == 0)
          {
            if (*known)
              strcat (known, ", ");
            strcat (known, types[i].type);
          }
      diag_error (c->diag, r->file, r->line, "unknown record type '%s' in %s (it holds: %s)",
                  r->type, file_name, known);
      return false;
    }
  for (size_t i = 0; i < r->field_count; i++)
    {
      const struct field *f = &r->fields[i];
      const struct field_spec *spec = t->fields;
      while (spec->key && strcmp (spec->key, f->key) != 0)
        spec++;
      if (!spec->key)
        {
          char known[256] = "";
          for (const struct field_spec *s = t->fields; s->key; s++)
            {
              if (*known)
                strcat (known, ", ");
              strcat (known, s->key);
            }
          diag_error (c->diag, r->file, f->line, "unknown field '%s' in %s '%s' (known: %s)",
                      f->key, r->type, r->id, known);
          usable = false;
          continue;
        }
      const struct field *first = record_field (r, f->key);
      if (!spec->repeat && first != f)
        {
          diag_error (c->diag, r->file, f->line, "'%s' is given twice in %s '%s' "
                      "(first at line %d)", f->key, r->type, r->id, first->line);
          usable = false;
          continue;
        }
      usable &= check_value (c, r, f, spec);
      if (spec->kind == V_MSG)
        add_message (c, r, f, spec);
      digest_add (c, f->key);
      digest_add (c, f->value);
    }
  for (const struct field_spec *spec = t->fields; spec->key; spec++)
    if (spec->required && !record_field (r, spec->key))
      {
        diag_error (c->diag, r->file, r->line, "%s '%s' has no '%s'", r->type, r->id,
                    spec->key);
        usable = false;
      }
  digest_add (c, r->type);
  digest_add (c, r->id);
  return usable;
}

static const char *
value (const struct record *r, const char *key)
{
  const struct field *f = record_field (r, key);
  return f ? f->value : NULL;
}

static bool
yes (const struct record *r, const char *key)
{
  const char *v = value (r, key);
  return v && strcmp (v, "yes") == 0;
}

/* Checks an id's syntax: a child's id is "parent.name". The usage figures
   store answer ids ("question.option") and their column takes no digits, so
   that it cannot hold a phone number: question and option ids have none
   either. Other ids may ("th-1300"). */
static bool
check_id (struct compiler *c, const struct record *r, const struct type_spec *t)
{
  const char *id = r->id;
  bool answer = strcmp (t->type, "question") == 0 || strcmp (t->type, "option") == 0;
  bool ok = true;
  if (strcmp (t->type, "country") == 0)
    ok = valid_code (id);
  else
    for (const char *s = id; *s; s++)
      ok &= islower ((unsigned char) *s) || (!answer && isdigit ((unsigned char) *s))
            || *s == '-' || *s == '_' || (t->parent && *s == '.');
  if (ok && t->parent)
    {
      const char *dot = strchr (id, '.');
      ok = dot && dot != id && dot[1] && !strchr (dot + 1, '.');
    }
  if (ok && answer && t->parent && strlen (id) > CHECKLIST_ID_MAX)
    {
      /* Counted under a cut name, it would be no answer's. */
      diag_error (c->diag, r->file, r->line,
                  "option id '%s' is longer than %d characters, which the usage figures keep", id,
                  CHECKLIST_ID_MAX);
      return false;
    }
  if (ok && strcmp (t->type, "question") == 0 && strcmp (id, "nationality") == 0)
    {
      /* Screening answers name the person's nationality with it. */
      diag_error (c->diag, r->file, r->line, "question id 'nationality' is reserved: in "
                  "screening answers, 'nationality = NP' gives the person's nationality");
      return false;
    }
  if (!ok)
    diag_error (c->diag, r->file, r->line, "%s id '%s' is not valid: use %s", r->type, id,
                strcmp (t->type, "country") == 0 ? "the two-letter ISO code, upper case"
                : answer && t->parent
                ? "its question's id, a dot and a name of lower-case letters, '-' and '_'"
                  " (no digits), such as 'visa.tourist'"
                : answer ? "lower-case letters, '-' and '_' (no digits)"
                : t->parent ? "its parent's id, a dot and a name, such as 'visa.tourist'"
                : "lower-case letters, digits, '-' and '_'");
  return ok;
}

/* Finds an earlier record of TYPE with ID among the first N records. */
static const struct record *
find_record (struct compiler *c, size_t n, const char *type, const char *id, size_t id_len)
{
  for (size_t i = 0; i < n; i++)
    {
      const struct record *r = c->records[i];
      if (strcmp (r->type, type) == 0 && strlen (r->id) == id_len
          && strncmp (r->id, id, id_len) == 0)
        return r;
    }
  return NULL;
}

/* How many words S (NULL: none) has, separated by spaces. */
static size_t
count_words (const char *s)
{
  size_t n = 0;
  while (s && *s)
    {
      s += strspn (s, " ");
      if (*s)
        n++;
      s += strcspn (s, " ");
    }
  return n;
}

/* Adds the rules of record R, which belongs to question PARENT, to RS (COUNT
   of them so far): one for each of its nationalities and answers, each the
   answer's option with the rule's fields in place of the option's. Reports
   a nationality that is not an origin in countries.txt, an answer the
   question does not have, a nationality and answer that another rule has
   already, and a rule that changes nothing. */
static void
build_rule (struct compiler *c, const struct record *r, const struct record *parent,
            const struct checklist_question *qs, size_t question_count,
            struct checklist_rule *rs, size_t *count)
{
  size_t q = 0;
  while (q < question_count && strcmp (qs[q].id, parent->id) != 0)
    q++;
  if (q == question_count)
    return;   /* the question was refused: its error is reported */
  const char *weight = value (r, "weight");
  if (!weight && !value (r, "critical") && !value (r, "why") && !value (r, "advice"))
    {
      diag_error (c->diag, r->file, r->line, "rule '%s' changes nothing: give it 'weight', "
                  "'critical', 'why' or 'advice'", r->id);
      return;
    }
  const char *origin = value (r, "origin"), *answers = value (r, "answers");
  if (!origin || !answers)
    return;   /* required: their absence is reported */
  if (strcmp (origin, "*") == 0)
    {
      diag_error (c->diag, r->file, record_field (r, "origin")->line, "rule '%s' must name "
                  "the nationalities it is for, such as 'ID PH', not '*'", r->id);
      return;
    }
  for (const char *code = origin; *code; code += strspn (code + 2, " ") + 2)
    {
      const struct record *country = find_record (c, c->record_count, "country", code, 2);
      const char *role = country ? value (country, "role") : NULL;
      if (!role || !strstr (role, "origin"))
        {
          diag_error (c->diag, r->file, record_field (r, "origin")->line,
                      "rule '%s' names nationality '%.2s', which countries.txt does not define "
                      "as an origin", r->id, code);
          continue;
        }
      const char *names = answers;
      while (*names)
        {
          size_t len = strcspn (names, " ");
          size_t o = 0;
          while (o < qs[q].option_count
                 && (strlen (qs[q].options[o].id) != len
                     || strncmp (qs[q].options[o].id, names, len) != 0))
            o++;
          if (o == qs[q].option_count)
            diag_error (c->diag, r->file, record_field (r, "answers")->line,
                        "rule '%s' names answer '%.*s', which question '%s' does not have "
                        "above it", r->id, (int) len, names, qs[q].id);
          else
            {
              const struct checklist_rule *twin = NULL;
              for (size_t k = 0; k < *count && !twin; k++)
                if (rs[k].question == q && rs[k].option == o
                    && strncmp (rs[k].origin, code, 2) == 0)
                  twin = &rs[k];
              if (twin)
                diag_error (c->diag, r->file, r->line, "rule '%s' weighs answer '%s.%s' for "
                            "%.2s again (rule '%s' does already)", r->id, qs[q].id,
                            qs[q].options[o].id, code, twin->id);
              else
                {
                  struct checklist_rule *rule = &rs[(*count)++];
                  struct checklist_option sign = qs[q].options[o];
                  if (weight)
                    sign.weight = atoi (weight);
                  if (value (r, "critical"))
                    sign.critical = yes (r, "critical");
                  if (value (r, "why"))
                    sign.why = value (r, "why");
                  if (value (r, "advice"))
                    sign.advice = value (r, "advice");
                  *rule = (struct checklist_rule) { .id = r->id, .question = q, .option = o,
                                                    .sign = sign, .source = value (r, "source") };
                  memcpy (rule->origin, code, 2);
                  if (sign.weight > 0 && (!sign.why || !sign.advice))
                    diag_error (c->diag, r->file, r->line, "rule '%s' makes answer '%s' a "
                                "warning sign (weight %d): it needs 'why' and 'advice'",
                                r->id, sign.id, sign.weight);
                  if (sign.critical && sign.weight == 0)
                    diag_error (c->diag, r->file, r->line, "rule '%s' makes answer '%s' "
                                "critical with weight 0", r->id, sign.id);
                  if (sign.weight > 0 && sign.credit > 0)
                    diag_error (c->diag, r->file, r->line, "rule '%s' gives a weight to answer "
                                "'%s', which counts for the offer (credit %d)", r->id, sign.id,
                                sign.credit);
                }
            }
          names += len;
          names += strspn (names, " ");
        }
    }
}

static enum contact_kind
contact_kind_of (const char *kind)
{
  return strcmp (kind, "embassy") == 0 ? CONTACT_EMBASSY
         : strcmp (kind, "government") == 0 ? CONTACT_GOVERNMENT
         : strcmp (kind, "hotline") == 0 ? CONTACT_HOTLINE
         : strcmp (kind, "police") == 0 ? CONTACT_POLICE : CONTACT_ORGANISATION;
}

/* Builds contact R into K and counts it in *COUNT when it holds together:
   its countries exist, each number works where it says, an embassy serves
   people of another country and can be called from abroad, and the source's
   date is not after the day it was copied. */
static void
build_contact (struct compiler *c, const struct record *r, struct contact *k, size_t *count,
               const char **newest)
{
  struct arena *a = c->arena;
  size_t n = c->record_count;
  bool ok = true, from_anywhere = false;

  *k = (struct contact) {
    .id = r->id, .country = value (r, "country"), .serves = value (r, "for"),
    .name = value (r, "name"), .audience = value (r, "audience"), .hours = value (r, "hours"),
    .url = value (r, "url"), .address = value (r, "address"), .note = value (r, "note"),
    .source = value (r, "source"), .published = value (r, "published"),
    .copied = value (r, "copied"), .kind = contact_kind_of (value (r, "kind")) };
  for (size_t f = 0; f < r->field_count; f++)
    {
      const struct field *fl = &r->fields[f];
      if (strcmp (fl->key, "phone") == 0)
        {
          char dial[PHONE_MAX];
          const char *inside;
          size_t len = phone_split (fl->value, &inside);
          char *display = arena_strndup (a, fl->value, len);
          if (k->phone_count == CONTACT_MAX_PHONES)
            {
              diag_error (c->diag, r->file, fl->line, "contact '%s' has more than %d "
                          "phone numbers", r->id, CONTACT_MAX_PHONES);
              ok = false;
              break;
            }
          if (!display || !phone_parse (display, dial, sizeof dial))
            {
              ok = false;
              continue;
            }
          if (inside && strcmp (inside, k->country) != 0)
            {
              diag_error (c->diag, r->file, fl->line, "phone '%s' of contact '%s' works "
                          "inside '%s', but the contact is in '%s' (its 'country')", display,
                          r->id, inside, k->country);
              ok = false;
            }
          for (size_t p = 0; p < k->phone_count; p++)
            if (strcmp (k->phones[p].dial, dial) == 0)
              {
                diag_error (c->diag, r->file, fl->line, "phone '%s' is given twice in "
                            "contact '%s'", display, r->id);
                ok = false;
              }
          from_anywhere |= !inside;
          k->phones[k->phone_count++] = (struct phone) {
            display, arena_strdup (a, dial), inside ? arena_strdup (a, inside) : NULL };
        }
      else if (strcmp (fl->key, "country") == 0 || strcmp (fl->key, "for") == 0)
        {
          const char *s = fl->value;
          while (*s && *s != '*')
            {
              size_t len = strcspn (s, " ");
              if (!find_record (c, n, "country", s, len))
                {
                  diag_error (c->diag, r->file, fl->line, "contact '%s' names country "
                              "'%.*s', which countries.txt does not define",
                              r->id, (int) len, s);
                  ok = false;
                }
              s += len;
              s += strspn (s, " ");
            }
        }
    }
  if (k->kind == CONTACT_EMBASSY)
    {
      if (contact_serves (k, k->country))
        {
          diag_error (c->diag, r->file, record_field (r, "for")->line, "embassy '%s' must "
                      "name in 'for' the country whose people it serves, not '*' or the "
                      "country it is in ('%s')", r->id, k->country);
          ok = false;
        }
      if (ok && !from_anywhere)
        {
          diag_error (c->diag, r->file, r->line, "embassy '%s' has no number that can be "
                      "dialled from another country", r->id);
          ok = false;
        }
    }
  if (strcmp (k->published, "undated") != 0
      && strncmp (k->published, k->copied, strlen (k->published)) > 0)
    {
      diag_error (c->diag, r->file, record_field (r, "published")->line, "contact '%s': "
                  "its source's date (%s) is after the day it was copied (%s)", r->id,
                  k->published, k->copied);
      ok = false;
    }
  if (ok)
    {
      (*count)++;
      if (!*newest || strcmp (k->copied, *newest) > 0)
        *newest = k->copied;
    }
}

/* Builds the model from the usable records; reports relations that do not
   hold (dangling references, missing options or sections). */
static void
build (struct compiler *c, const bool *usable)
{
  struct content *ct = &c->out->content;
  struct arena *a = c->arena;
  size_t n = c->record_count;
  size_t questions = 0, articles = 0, countries = 0, contacts = 0, advice = 0, rules = 0;
  const struct record *scoring = NULL;
  bool too_many = false;     /* more questions than CHECKLIST_MAX_QUESTIONS */

  for (size_t i = 0; i < n; i++)
    {
      const char *type = c->records[i]->type;
      if (strcmp (type, "rule") == 0)
        rules += count_words (value (c->records[i], "origin"))
                 * count_words (value (c->records[i], "answers"));
      questions += strcmp (type, "question") == 0;
      articles += strcmp (type, "article") == 0;
      countries += strcmp (type, "country") == 0;
      contacts += strcmp (type, "contact") == 0;
      advice += strcmp (type, "advice") == 0;
    }
  struct checklist_question *qs = arena_alloc (a, (questions + 1) * sizeof *qs);
  ct->articles = arena_alloc (a, (articles + 1) * sizeof *ct->articles);
  ct->countries = arena_alloc (a, (countries + 1) * sizeof *ct->countries);
  ct->contacts = arena_alloc (a, (contacts + 1) * sizeof *ct->contacts);
  ct->advice = arena_alloc (a, (advice + 1) * sizeof *ct->advice);
  struct checklist_rule *rs = arena_alloc (a, (rules + 1) * sizeof *rs);
  if (!qs || !ct->articles || !ct->countries || !ct->contacts || !ct->advice || !rs)
    {
      diag_error (c->diag, "content", 0, "out of memory");
      return;
    }
  ct->checklist.questions = qs;
  ct->checklist.rules = rs;

  for (size_t i = 0; i < n; i++)
    {
      const struct record *r = c->records[i];
      const struct type_spec *t = type_of (r);
      if (!usable[i])
        continue;

      const char *dot = t->parent ? strchr (r->id, '.') : NULL;
      const struct record *parent = dot ? find_record (c, i, t->parent, r->id,
                                                       (size_t) (dot - r->id)) : NULL;
      if (t->parent && !parent)
        {
          diag_error (c->diag, r->file, r->line, "%s '%s' belongs to %s '%.*s', which is "
                      "not defined above it", r->type, r->id, t->parent,
                      (int) (dot - r->id), r->id);
          continue;
        }
      /* A child of a broken parent: the parent's error was reported. */
      if (parent)
        {
          size_t p = 0;
          while (c->records[p] != parent)
            p++;
          if (!usable[p])
            continue;
        }

      if (strcmp (r->type, "question") == 0)
        {
          /* A session and a screening keep an answer per question in
             arrays of this size. */
          if (ct->checklist.count == CHECKLIST_MAX_QUESTIONS)
            {
              if (!too_many)
                diag_error (c->diag, r->file, r->line, "question '%s' is one too many: the "
                            "checklist has at most %d questions", r->id,
                            CHECKLIST_MAX_QUESTIONS);
              too_many = true;
              continue;
            }
          qs[ct->checklist.count++] = (struct checklist_question) {
            .id = r->id, .text = value (r, "text"), .source = value (r, "source") };
        }
      else if (strcmp (r->type, "option") == 0)
        {
          if (too_many)
            continue;    /* of a question past the limit, reported once */
          struct checklist_question *q = &qs[ct->checklist.count - 1];
          if (strcmp (q->id, parent->id) != 0)
            {
              diag_error (c->diag, r->file, r->line, "option '%s' must follow its question "
                          "'%s' and that question's other options", r->id, parent->id);
              continue;
            }
          if (q->option_count == CHECKLIST_MAX_OPTIONS)
            {
              diag_error (c->diag, r->file, r->line, "question '%s' has more than %d options",
                          q->id, CHECKLIST_MAX_OPTIONS);
              continue;
            }
          struct checklist_option *o = &q->options[q->option_count++];
          const char *credit = value (r, "credit");
          *o = (struct checklist_option) {
            .id = arena_strdup (a, dot + 1), .text = value (r, "text"),
            .weight = atoi (value (r, "weight")), .critical = yes (r, "critical"),
            .unknown = yes (r, "unknown"), .why = value (r, "why"),
            .advice = value (r, "advice"), .credit = credit ? atoi (credit) : 0,
            .because = value (r, "because") };
          if (o->weight > 0 && (!o->why || !o->advice))
            diag_error (c->diag, r->file, r->line, "option '%s' is a warning sign (weight %d): "
                        "it needs 'why' and 'advice'", r->id, o->weight);
          if (o->critical && o->weight == 0)
            diag_error (c->diag, r->file, r->line, "option '%s' is critical but has weight 0",
                        r->id);
          if (o->credit > 0 && (o->weight > 0 || o->critical || o->unknown))
            diag_error (c->diag, r->file, r->line, "option '%s' has 'credit' (it counts for the "
                        "offer), so it cannot also have a weight, be critical or be unknown",
                        r->id);
          if (o->credit > 0 && !o->because)
            diag_error (c->diag, r->file, r->line, "option '%s' counts for the offer (credit %d): "
                        "it needs 'because'", r->id, o->credit);
          if (o->because && o->credit == 0)
            diag_error (c->diag, r->file, r->line, "option '%s' has 'because' but no 'credit'",
                        r->id);
          for (size_t k = 0; o->unknown && k + 1 < q->option_count; k++)
            if (q->options[k].unknown)
              diag_error (c->diag, r->file, r->line, "question '%s' has two 'unknown' options",
                          q->id);
        }
      else if (strcmp (r->type, "rule") == 0)
        build_rule (c, r, parent, qs, ct->checklist.count, rs, &ct->checklist.rule_count);
      else if (strcmp (r->type, "scoring") == 0)
        {
          if (scoring)
            {
              diag_error (c->diag, r->file, r->line, "a second scoring record (the first is "
                          "'%s' at line %d): there is one", scoring->id, scoring->line);
              continue;
            }
          scoring = r;
          ct->checklist.medium_from = atoi (value (r, "medium"));
          ct->checklist.high_from = atoi (value (r, "high"));
          if (ct->checklist.medium_from >= ct->checklist.high_from)
            diag_error (c->diag, r->file, r->line, "scoring '%s': 'medium' (%d) must be less "
                        "than 'high' (%d)", r->id, ct->checklist.medium_from,
                        ct->checklist.high_from);
        }
      else if (strcmp (r->type, "advice") == 0)
        ct->advice[ct->advice_count++] = value (r, "text");
      else if (strcmp (r->type, "article") == 0)
        ct->articles[ct->article_count++] = (struct article) {
          .id = r->id, .title = value (r, "title"), .source = value (r, "source") };
      else if (strcmp (r->type, "section") == 0)
        {
          struct article *art = &ct->articles[ct->article_count - 1];
          if (strcmp (art->id, parent->id) != 0)
            {
              diag_error (c->diag, r->file, r->line, "section '%s' must follow its article "
                          "'%s' and that article's other sections", r->id, parent->id);
              continue;
            }
          size_t paragraphs = 0;
          for (size_t k = 0; k < r->field_count; k++)
            paragraphs += strcmp (r->fields[k].key, "paragraph") == 0;
          struct article_section *bigger =
            arena_alloc (a, (art->section_count + 1) * sizeof *bigger);
          const char **texts = arena_alloc (a, paragraphs * sizeof *texts);
          if (!bigger || !texts)
            continue;
          if (art->section_count)
            memcpy (bigger, art->sections, art->section_count * sizeof *bigger);
          size_t p = 0;
          for (size_t k = 0; k < r->field_count; k++)
            if (strcmp (r->fields[k].key, "paragraph") == 0)
              texts[p++] = r->fields[k].value;
          bigger[art->section_count++] = (struct article_section) {
            value (r, "heading"), paragraphs, texts, paragraphs };
          art->sections = bigger;
        }
      else if (strcmp (r->type, "country") == 0)
        {
          const char *role = value (r, "role");
          ct->countries[ct->country_count++] = (struct country) {
            .code = r->id, .name = value (r, "name"),
            .roles = (strstr (role, "origin") ? COUNTRY_ORIGIN : 0)
                     | (strstr (role, "destination") ? COUNTRY_DESTINATION : 0) };
        }
      else if (strcmp (r->type, "contact") == 0)
        build_contact (c, r, &ct->contacts[ct->contact_count], &ct->contact_count,
                       &ct->newest_check);
    }

  if (!scoring)
    {
      /* Only when the checklist was read: a missing file is reported already. */
      const struct record *question = NULL;
      for (size_t i = 0; i < n && !question; i++)
        if (strcmp (c->records[i]->type, "question") == 0)
          question = c->records[i];
      if (question)
        diag_error (c->diag, question->file, 0, "no 'scoring' record: add one with "
                    "'medium' and 'high' (the points from which a result is medium and high)");
    }
  if (ct->checklist.count == 0)
    diag_error (c->diag, scoring ? scoring->file : "checklist.txt", 0, "the checklist has no "
                "questions: a kiosk would have nothing to ask");
  for (size_t q = 0; q < ct->checklist.count; q++)
    if (qs[q].option_count < 2)
      {
        const struct record *r = find_record (c, n, "question", qs[q].id, strlen (qs[q].id));
        diag_error (c->diag, r->file, r->line, "question '%s' has %zu option%s; it needs 2 to %d",
                    qs[q].id, qs[q].option_count, qs[q].option_count == 1 ? "" : "s",
                    CHECKLIST_MAX_OPTIONS);
      }
  for (size_t i = 0; i < ct->article_count; i++)
    if (ct->articles[i].section_count == 0)
      {
        const char *id = ct->articles[i].id;
        const struct record *r = find_record (c, n, "article", id, strlen (id));
        diag_error (c->diag, r->file, r->line, "article '%s' has no sections", id);
      }
}

int
content_compile (const char *dir, struct content_build *out, struct diag *diag)
{
  struct compiler c = { .diag = diag, .out = out, .digest = 0xcbf29ce484222325ULL };
  struct record_file files[ARRAY_SIZE (content_source_files)];
  int errors_before = diag->errors;

  memset (out, 0, sizeof *out);
  c.arena = &out->content.arena;

  size_t total = 0, nfiles = 0;
  for (const char *const *name = content_source_files; *name; name++, nfiles++)
    {
      size_t len = strlen (dir) + strlen (*name) + 2;
      char *path = arena_alloc (c.arena, len);
      if (!path)
        return ++diag->errors - errors_before;
      snprintf (path, len, "%s/%s", dir, *name);
      record_file_read (path, c.arena, diag, &files[nfiles]);
      total += files[nfiles].count;
    }

  c.records = arena_alloc (c.arena, (total + 1) * sizeof *c.records);
  bool *usable = arena_alloc (c.arena, (total + 1) * sizeof *usable);
  if (!c.records || !usable)
    return ++diag->errors - errors_before;

  for (size_t f = 0; f < nfiles; f++)
    for (size_t i = 0; i < files[f].count; i++)
      {
        const struct record *r = &files[f].records[i];
        const struct type_spec *t = type_of (r);
        bool ok = check_record (&c, r, content_source_files[f]);
        ok = ok && check_id (&c, r, t);
        if (ok)
          {
            const struct record *twin = find_record (&c, c.record_count, r->type, r->id,
                                                     strlen (r->id));
            if (twin)
              {
                diag_error (diag, r->file, r->line, "duplicate %s id '%s' (first at %s:%d)",
                            r->type, r->id, twin->file, twin->line);
                ok = false;
              }
          }
        usable[c.record_count] = ok;
        c.records[c.record_count++] = r;
      }
  build (&c, usable);

  char version[24];
  snprintf (version, sizeof version, "%012llx",
            (unsigned long long) (c.digest & 0xffffffffffffULL));
  out->content.version = arena_strdup (c.arena, version);
  return diag->errors - errors_before;
}
