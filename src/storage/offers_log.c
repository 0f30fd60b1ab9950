/* offers_log.c -- the office log as the program sees it (offers_log.h),
   over the file that keeps it (offers_log_backend.h): the names' keys, the
   screening's row and id, the export. */
#include <config.h>
#include "offers_log.h"

#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include "diag.h"
#include "export.h"
#include "offers_log_backend.h"
#include "system.h"

struct offers_log
{
  struct sqlite_log *local;
  int keep_days;
};

/* --- Names and their keys ------------------------------------------------- */

/* Words of a company's name that do not tell two agencies apart: legal
   forms as agencies write them in the countries the kiosk serves, and
   fillers. */
static const char *const filler_words[] = {
  "ltd", "limited", "llc", "inc", "co", "corp", "corporation", "company", "pvt", "private",
  "plc", "pte", "sdn", "bhd", "gmbh", "pty", "the", "and", "of",
};

static bool
is_filler (const char *word, size_t len)
{
  for (size_t i = 0; i < ARRAY_SIZE (filler_words); i++)
    if (strlen (filler_words[i]) == len && memcmp (filler_words[i], word, len) == 0)
      return true;
  return false;
}

void
offers_log_key (enum offer_field field, const char *name, char *key, size_t size)
{
  const unsigned char *s = (const unsigned char *) name;
  size_t n = 0;

  while (*s && n + 1 < size)
    {
      /* A word: letters (any script) and digits, ASCII lower-cased. */
      char word[OFFER_TEXT_MAX + 1];
      size_t len = 0;
      while (*s && !(*s >= 0x80 || isalnum (*s)))
        s++;
      while (*s && (*s >= 0x80 || isalnum (*s)) && len + 1 < sizeof word)
        word[len++] = (char) tolower (*s++);
      if (len == 0)
        break;
      if (field != OFFER_LICENCE)
        {
          if (is_filler (word, len))
            continue;
          /* "Golden Job" is "Golden Jobs": a plural 's' goes (not in
             "Express" or short words such as "Bus"). */
          if (len > 3 && word[len - 1] == 's' && word[len - 2] != 's')
            len--;
        }
      size_t take = len < size - 1 - n ? len : size - 1 - n;
      memcpy (key + n, word, take);
      n += take;
    }
  key[n] = '\0';
}

static void
offer_keys (const struct offer *offer, log_keys keys)
{
  for (int i = 0; i < LOG_NAMES; i++)
    offers_log_key ((enum offer_field) i, offer->field[i], keys[i], sizeof keys[i]);
}

/* --- Rows ----------------------------------------------------------------- */

void
log_row_free (struct log_row *row)
{
  for (int c = 0; c < LOG_COLUMNS; c++)
    free (row->v[c]);
  memset (row, 0, sizeof *row);
}

/* A copy of ROW in *COPY; -1 when out of memory. */
static int
row_copy (const struct log_row *row, struct log_row *copy)
{
  for (int c = 0; c < LOG_COLUMNS; c++)
    if (!(copy->v[c] = strdup (row->v[c] ? row->v[c] : "")))
      {
        log_row_free (copy);
        return -1;
      }
  return 0;
}

/* A new screening's id: 128 bits from the kernel's random source, as 32
   hex digits (PostgreSQL reads them as a uuid). Random, not a count, so
   that desks that never talk to each other never pick the same one. */
static int
new_id (char id[33], char *err, size_t err_size)
{
  unsigned char bytes[16];
  size_t got = 0;
  while (got < sizeof bytes)
    {
      ssize_t n = getrandom (bytes + got, sizeof bytes - got, 0);
      if (n < 0 && errno != EINTR)
        return diag_format (err, err_size, "cannot make the screening's id: %s",
                            strerror (errno));
      got += n > 0 ? (size_t) n : 0;
    }
  for (size_t i = 0; i < sizeof bytes; i++)
    snprintf (id + 2 * i, 3, "%02x", bytes[i]);
  return 0;
}

/* The row of a screening: its values, owned by ROW. */
static int
screening_row (const char *day, const struct offer *offer, const struct risk_result *result,
               const char *content_version, struct log_row *row, char *err, size_t err_size)
{
  char id[33], score[16], signs[2048] = "";
  log_keys keys;

  if (new_id (id, err, err_size) != 0)
    return -1;
  offer_keys (offer, keys);
  for (size_t i = 0; i < result->sign_count; i++)
    {
      char one[160];
      snprintf (one, sizeof one, "%s%s.%s", i ? " " : "", result->signs[i].question->id,
                result->signs[i].answer->id);
      if (strlen (signs) + strlen (one) < sizeof signs)
        strcat (signs, one);
    }
  snprintf (score, sizeof score, "%d", result->score);
  const struct log_row values = { {
    [LOG_ID] = id, [LOG_DAY] = (char *) day,
    [LOG_AGENCY] = (char *) offer->field[OFFER_AGENCY], [LOG_AGENCY_KEY] = keys[0],
    [LOG_LICENCE] = (char *) offer->field[OFFER_LICENCE], [LOG_LICENCE_KEY] = keys[1],
    [LOG_EMPLOYER] = (char *) offer->field[OFFER_EMPLOYER], [LOG_EMPLOYER_KEY] = keys[2],
    [LOG_TITLE] = (char *) offer->field[OFFER_TITLE],
    [LOG_COUNTRY] = (char *) offer->field[OFFER_COUNTRY],
    [LOG_OFFER_DATE] = (char *) offer->field[OFFER_DATE],
    [LOG_LEVEL] = (char *) risk_level_id (result->level), [LOG_SCORE] = score,
    [LOG_SIGNS] = signs, [LOG_CONTENT_VERSION] = (char *) (content_version ? content_version : ""),
  } };
  if (row_copy (&values, row) != 0)
    return diag_format (err, err_size, "out of memory");
  return 0;
}

/* --- The log --------------------------------------------------------------- */

struct offers_log *
offers_log_open (const char *path, bool create, int keep_days, const char *today, char *err,
                 size_t err_size)
{
  struct offers_log *log = calloc (1, sizeof *log);
  if (!log)
    {
      diag_format (err, err_size, "out of memory");
      return NULL;
    }
  log->keep_days = keep_days;
  log->local = sqlite_log_open (path, create, err, err_size);
  if (!log->local || offers_log_forget (log, today, keep_days, err, err_size) < 0)
    {
      offers_log_close (log);
      return NULL;
    }
  return log;
}

void
offers_log_close (struct offers_log *log)
{
  if (!log)
    return;
  sqlite_log_close (log->local);
  free (log);
}

int
offers_log_forget (struct offers_log *log, const char *today, int keep_days, char *err,
                   size_t err_size)
{
  return sqlite_log_forget (log->local, today, keep_days, err, err_size);
}

int
offers_log_earlier_high (struct offers_log *log, const struct offer *offer,
                         struct offer_earlier *out, size_t max, char *err, size_t err_size)
{
  log_keys keys;
  log_found found;
  size_t n = 0;

  offer_keys (offer, keys);
  if (sqlite_log_earlier (log->local, keys, found, err, err_size) != 0)
    return -1;
  for (int i = 0; i < LOG_NAMES && n < max; i++)
    if (found[i].day[0])
      out[n++] = found[i];
  return (int) n;
}

int
offers_log_add (struct offers_log *log, const char *day, const struct offer *offer,
                const struct risk_result *result, const char *content_version, char *err,
                size_t err_size)
{
  struct log_row row = { { 0 } };

  /* A desk that runs for months forgets as it goes, not only at start;
     first, so that a failure leaves nothing half done. */
  if (sqlite_log_forget (log->local, day, log->keep_days, err, err_size) < 0
      || screening_row (day, offer, result, content_version, &row, err, err_size) != 0)
    return -1;
  int rc = sqlite_log_insert (log->local, &row, err, err_size);
  log_row_free (&row);
  return rc;
}

/* --- Export ---------------------------------------------------------------- */

/* A CSV row of the N VALUES, with the line end RFC 4180 asks for. */
static void
csv_row (FILE *out, const char *const *values, size_t n)
{
  for (size_t c = 0; c < n; c++)
    {
      export_csv_field (out, values[c]);
      fputs (c + 1 < n ? "," : "\r\n", out);
    }
}

/* The export's columns, in its order. */
static const enum log_column export_columns[] = {
  LOG_DAY, LOG_AGENCY, LOG_LICENCE, LOG_EMPLOYER, LOG_TITLE, LOG_COUNTRY, LOG_OFFER_DATE,
  LOG_LEVEL, LOG_SCORE, LOG_SIGNS, LOG_CONTENT_VERSION,
};

static void
export_row (FILE *out, enum offers_format format, const struct log_row *row)
{
  const char *v[LOG_COLUMNS];
  for (int c = 0; c < LOG_COLUMNS; c++)
    v[c] = row->v[c] ? row->v[c] : "";
  if (format == OFFERS_CSV)
    {
      const char *values[ARRAY_SIZE (export_columns)];
      for (size_t c = 0; c < ARRAY_SIZE (export_columns); c++)
        values[c] = v[export_columns[c]];
      csv_row (out, values, ARRAY_SIZE (values));
      return;
    }
  /* day, level, score, then agency (licence) / employer / title /
     country, written so that no control code in the log reaches the
     terminal */
  char cells[96];
  snprintf (cells, sizeof cells, "%s  %-6s %4s  ", v[LOG_DAY], v[LOG_LEVEL], v[LOG_SCORE]);
  export_text (out, cells);
  export_text (out, *v[LOG_AGENCY] ? v[LOG_AGENCY] : "-");
  if (*v[LOG_LICENCE])
    {
      fputs (" (", out);
      export_text (out, v[LOG_LICENCE]);
      fputc (')', out);
    }
  static const enum log_column more[] = { LOG_EMPLOYER, LOG_TITLE, LOG_COUNTRY };
  for (size_t i = 0; i < ARRAY_SIZE (more); i++)
    if (*v[more[i]])
      {
        fputs (" / ", out);
        export_text (out, v[more[i]]);
      }
  fputc ('\n', out);
}

/* The export as rows come from the file. */
struct export
{
  FILE *out;
  enum offers_format format;
  int written;
};

static int
export_one (void *context, const struct log_row *row, char *err, size_t err_size)
{
  (void) err;
  (void) err_size;
  struct export *e = context;
  export_row (e->out, e->format, row);
  e->written++;
  return 0;
}

int
offers_log_export (struct offers_log *log, enum offers_format format, FILE *out, char *err,
                   size_t err_size)
{
  struct export e = { .out = out, .format = format };

  if (format == OFFERS_CSV)
    {
      const char *names[ARRAY_SIZE (export_columns)] = {
        "day", "agency", "licence", "employer", "title", "country", "offer_date", "level",
        "score", "signs", "content_version",
      };
      csv_row (out, names, ARRAY_SIZE (names));
    }
  return sqlite_log_rows (log->local, 0, export_one, &e, err, err_size) < 0 ? -1 : e.written;
}
