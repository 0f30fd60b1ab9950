/* fuzz-report.c -- libFuzzer harness for the screening reports of "safejob
   screen" (report_write, src/core/report.c, over result_build): any
   answers to the content database named by $FIXTURE_DB (or
   $SAFEJOB_CONTENT_DB), any nationality, any offer details and earlier
   high results, in any language of $SAFEJOB_LOCALEDIR. fuzz-answers.c
   covers the answers file; this one reaches every answer and text the
   file would let through. The JSON report is for programs, so it must
   parse as JSON whatever the texts hold: the harness checks that.

   Input: a byte for the language, one for the nationality (a country of
   the content, or none), one for the number of earlier results, a byte a
   question for its answer (from "not answered" to the last option), then
   lines of text: the offer's details, then earlier results' values and
   days. Run by test-fuzz.sh. */
#include <config.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "content_db.h"
#include "i18n.h"
#include "report.h"
#include "result.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);
int LLVMFuzzerInitialize (int *argc, char ***argv);

static struct content content;

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  char err[512];
  (void) argc;
  (void) argv;
  const char *db = getenv ("FIXTURE_DB");
  if (!db || !*db)
    db = getenv ("SAFEJOB_CONTENT_DB");
  i18n_init ();
  if (!db || content_db_load (db, &content, err, sizeof err) != 0)
    {
      fprintf (stderr, "fuzz-report: set FIXTURE_DB to a content database\n");
      exit (2);
    }
  return 0;
}

/* --- A JSON checker (RFC 8259's grammar; any bytes pass inside strings
   but control characters). Each returns the end of the value at S, or
   NULL. */
static const char *value (const char *s, int depth);

static const char *
blank (const char *s)
{
  while (*s == ' ' || *s == '\n' || *s == '\t' || *s == '\r')
    s++;
  return s;
}

static const char *
string (const char *s)
{
  if (*s++ != '"')
    return NULL;
  for (; *s != '"'; s++)
    if ((unsigned char) *s < 0x20)
      return NULL;     /* also the end of the text */
    else if (*s == '\\')
      {
        s++;
        if (*s == 'u')
          {
            for (int i = 1; i <= 4; i++)
              if (!s[i] || !strchr ("0123456789abcdefABCDEF", s[i]))
                return NULL;
            s += 4;
          }
        else if (!*s || !strchr ("\"\\/bfnrt", *s))
          return NULL;
      }
  return s + 1;
}

static const char *
number (const char *s)
{
  s += *s == '-';
  if (*s == '0')
    s++;
  else if (*s >= '1' && *s <= '9')
    while (*s >= '0' && *s <= '9')
      s++;
  else
    return NULL;
  return s;    /* the reports write integers only */
}

/* The members of an object (OPEN '{') or the elements of an array. */
static const char *
members (const char *s, char open, int depth)
{
  char close = open == '{' ? '}' : ']';
  s = blank (s + 1);
  if (*s == close)
    return s + 1;
  for (;;)
    {
      if (open == '{')
        {
          if (!(s = string (s)) || *(s = blank (s)) != ':')
            return NULL;
          s++;
        }
      if (!(s = value (s, depth + 1)))
        return NULL;
      s = blank (s);
      if (*s == close)
        return s + 1;
      if (*s != ',')
        return NULL;
      s = blank (s + 1);
    }
}

static const char *
value (const char *s, int depth)
{
  s = blank (s);
  if (depth > 16)
    return NULL;
  if (*s == '{' || *s == '[')
    return members (s, *s, depth);
  if (*s == '"')
    return string (s);
  for (const char *const *word = (const char *const[]) { "true", "false", "null", NULL };
       *word; word++)
    if (strncmp (s, *word, strlen (*word)) == 0)
      return s + strlen (*word);
  return number (s);
}

/* --- The harness ----------------------------------------------------- */

/* Copies the next line of the input (at most SIZE - 1 bytes of it) to
   BUF; a NUL byte ends the text there. */
static void
next_line (const uint8_t **data, const uint8_t *end, char *buf, size_t size)
{
  const uint8_t *nl = memchr (*data, '\n', (size_t) (end - *data));
  size_t len = nl ? (size_t) (nl - *data) : (size_t) (end - *data);
  size_t n = len < size - 1 ? len : size - 1;
  memcpy (buf, *data, n);
  buf[n] = '\0';
  *data += nl ? len + 1 : len;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  static const char *const languages[] = { "en", "ar", "my", "th", "km", "zh_CN", "ne", "am",
                                           "en@pseudo" };
  static struct result result;      /* large: not on the stack */
  const struct checklist *list = &content.checklist;
  const uint8_t *end = data + size;
  int answers[CHECKLIST_MAX_QUESTIONS];
  struct offer offer = { 0 };
  struct offer_earlier earlier[RESULT_MAX_EARLIER] = { 0 };
  const char *nationality = NULL;

  if (size < 3 + list->count)
    return 0;
  const char *language = languages[data[0] % (sizeof languages / sizeof languages[0])];
  if (data[1] % (content.country_count + 1) < content.country_count)
    nationality = content.countries[data[1] % (content.country_count + 1)].code;
  size_t earlier_count = data[2] % (RESULT_MAX_EARLIER + 1);
  data += 3;
  for (size_t q = 0; q < list->count; q++)
    answers[q] = (int) (*data++ % (list->questions[q].option_count + 1)) - 1;
  for (int f = 0; f < OFFER_FIELD_COUNT; f++)
    next_line (&data, end, offer.field[f], sizeof offer.field[f]);
  for (size_t i = 0; i < earlier_count; i++)
    {
      earlier[i].field = (enum offer_field) (i % 3);   /* agency, licence, employer */
      next_line (&data, end, earlier[i].value, sizeof earlier[i].value);
      next_line (&data, end, earlier[i].day, sizeof earlier[i].day);
    }

  i18n_use (language);
  result_build (&result, &content, answers, nationality, &offer, earlier, earlier_count);
  char *text = NULL;
  size_t len = 0;
  FILE *out = open_memstream (&text, &len);
  if (!out)
    return 0;
  report_write (&result, language, REPORT_TEXT, out);
  fflush (out);
  size_t json_at = len;
  report_write (&result, language, REPORT_JSON, out);
  if (fclose (out) != 0)
    abort ();
  const char *json_end = value (text + json_at, 0);
  if (!json_end || *blank (json_end))
    {
      fprintf (stderr, "fuzz-report: the JSON report does not parse:\n%s\n", text + json_at);
      abort ();
    }
  free (text);
  return 0;
}
