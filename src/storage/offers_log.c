/* offers_log.c -- the office log as the program sees it (offers_log.h):
   one desk's SQLite file, or a server shared by many desks with each
   desk's file as its outbox (offers_log_backend.h). What both share is
   here: the names' keys, the screening's row and id, the export. */
#include <config.h>
#include "offers_log.h"

#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <unistd.h>
#include "diag.h"
#include "export.h"
#include "offers_log_backend.h"
#include "pg_conn.h"
#include "system.h"

struct offers_log
{
  struct sqlite_log *local;   /* the log, or the server's outbox (NULL until needed) */
  struct pg_log *server;      /* NULL: the log is the file */
  char file[4096];            /* the log's path, or the outbox's */
  int keep_days;
  char server_forgot[11];     /* the day the server last forgot old screenings */
  char trouble[1024];         /* why the server was not used last, or "" */
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

/* Rows gathered from a backend, as a log_row_fn. */
struct rows
{
  struct log_row *list;
  size_t count, size;
};

static int
rows_add (void *context, const struct log_row *row, char *err, size_t err_size)
{
  struct rows *rows = context;
  if (rows->count == rows->size)
    {
      size_t size = rows->size ? 2 * rows->size : 16;
      struct log_row *list = realloc (rows->list, size * sizeof *list);
      if (!list)
        return diag_format (err, err_size, "out of memory");
      rows->list = list;
      rows->size = size;
    }
  memset (&rows->list[rows->count], 0, sizeof rows->list[rows->count]);
  if (row_copy (row, &rows->list[rows->count]) != 0)
    return diag_format (err, err_size, "out of memory");
  rows->count++;
  return 0;
}

static void
rows_free (struct rows *rows)
{
  for (size_t i = 0; i < rows->count; i++)
    log_row_free (&rows->list[i]);
  free (rows->list);
  memset (rows, 0, sizeof *rows);
}

/* --- The server and the outbox -------------------------------------------- */

bool
offers_log_is_server (const char *where)
{
  return pg_conn_is_conninfo (where);
}

/* Notes that the server was not used, and WHY: the call goes on with the
   desk alone. */
static void
trouble (struct offers_log *log, const char *why)
{
  snprintf (log->trouble, sizeof log->trouble, "%s", why);
}

const char *
offers_log_trouble (const struct offers_log *log)
{
  return log->trouble[0] ? log->trouble : NULL;
}

const char *
offers_log_name (const struct offers_log *log)
{
  return log->server ? pg_log_name (log->server) : log->file;
}

/* The outbox, opened (and with CREATE made) when first needed: a desk that
   only reads the server's log needs none. 0 with LOG->local NULL when
   there is none and CREATE is false; -1 when it cannot be opened. */
static int
outbox (struct offers_log *log, bool create, char *err, size_t err_size)
{
  if (log->local)
    return 0;
  if (!create && access (log->file, F_OK) != 0 && errno == ENOENT)
    return 0;
  log->local = sqlite_log_open (log->file, create, err, err_size);
  return log->local ? 0 : -1;
}

/* Rows sent in one transaction: enough that a desk back from a long
   outage catches up quickly, few enough that one transaction stays short. */
enum { SEND_BATCH = 200 };

int
offers_log_send (struct offers_log *log, char *err, size_t err_size)
{
  int sent = 0;

  if (!log->server || !log->local)
    return 0;
  for (;;)
    {
      struct rows batch = { 0 };
      int n = sqlite_log_rows (log->local, SEND_BATCH, rows_add, &batch, err, err_size);
      if (n <= 0)
        {
          rows_free (&batch);
          if (n < 0)
            break;
          return sent;
        }
      /* Deleted from the outbox only after the server committed them: a
         crash or a broken connection in between leaves them to be sent
         again, and the server keeps one of each id. */
      int rc = pg_log_send (log->server, batch.list, batch.count, err, err_size);
      if (rc == 0)
        {
          log->trouble[0] = '\0';
          char **ids = malloc (batch.count * sizeof *ids);
          rc = ids ? 0 : diag_format (err, err_size, "out of memory");
          for (size_t i = 0; ids && i < batch.count; i++)
            ids[i] = batch.list[i].v[LOG_ID];
          if (ids)
            rc = sqlite_log_remove (log->local, ids, batch.count, err, err_size);
          free (ids);
        }
      rows_free (&batch);
      if (rc != 0)
        break;
      sent += n;
      if (n < SEND_BATCH)
        return sent;
    }
  /* Whatever stopped it, what was not sent waits in the outbox. */
  trouble (log, err);
  return -1;
}

int
offers_log_unsent (struct offers_log *log, char *err, size_t err_size)
{
  return log->server && log->local ? sqlite_log_count (log->local, err, err_size) : 0;
}

long
offers_log_count (struct offers_log *log, char *err, size_t err_size)
{
  if (!log->server)
    return sqlite_log_count (log->local, err, err_size);
  return pg_log_count (log->server, err, err_size);
}

/* --- The log --------------------------------------------------------------- */

struct offers_log *
offers_log_open (const char *where, const char *outbox_path, bool create, int keep_days,
                 const char *today, char *err, size_t err_size)
{
  struct offers_log *log = calloc (1, sizeof *log);
  if (!log)
    {
      diag_format (err, err_size, "out of memory");
      return NULL;
    }
  log->keep_days = keep_days;
  if (offers_log_is_server (where))
    {
      if (!outbox_path || !*outbox_path)
        {
          diag_format (err, err_size, "an office log on a server needs a file on the desk "
                       "for what waits to be sent (office-outbox)");
          free (log);
          return NULL;
        }
      snprintf (log->file, sizeof log->file, "%s", outbox_path);
      log->server = pg_log_new (where, err, err_size);
      if (!log->server || outbox (log, create, err, err_size) != 0)
        {
          offers_log_close (log);
          return NULL;
        }
    }
  else
    {
      snprintf (log->file, sizeof log->file, "%s", where);
      log->local = sqlite_log_open (where, create, err, err_size);
      if (!log->local)
        {
          free (log);
          return NULL;
        }
    }
  /* What waits from before (a server that was down, a desk's own log from
     before it had a server) goes now; the server out of reach is trouble
     for the caller to show, not a failure. */
  if (offers_log_forget (log, today, keep_days, err, err_size) < 0)
    {
      offers_log_close (log);
      return NULL;
    }
  char why[1024];
  offers_log_send (log, why, sizeof why);
  return log;
}

void
offers_log_close (struct offers_log *log)
{
  if (!log)
    return;
  sqlite_log_close (log->local);
  pg_log_free (log->server);
  free (log);
}

int
offers_log_forget (struct offers_log *log, const char *today, int keep_days, char *err,
                   size_t err_size)
{
  int forgotten = 0;
  if (log->local)
    {
      forgotten = sqlite_log_forget (log->local, today, keep_days, err, err_size);
      if (forgotten < 0)
        return -1;
    }
  if (log->server)
    {
      char why[1024];
      int n = pg_log_forget (log->server, today, keep_days, why, sizeof why);
      if (n < 0)
        trouble (log, why);     /* the server forgets the next time */
      else
        {
          log->trouble[0] = '\0';
          snprintf (log->server_forgot, sizeof log->server_forgot, "%s", today);
          forgotten += n;
        }
    }
  return forgotten;
}

int
offers_log_earlier_high (struct offers_log *log, const struct offer *offer,
                         struct offer_earlier *out, size_t max, char *err, size_t err_size)
{
  log_keys keys;
  log_found local = { { 0 } }, server = { { 0 } };
  size_t n = 0;

  offer_keys (offer, keys);
  if (log->local && sqlite_log_earlier (log->local, keys, local, err, err_size) != 0)
    return -1;
  if (log->server)
    {
      char why[1024];
      if (pg_log_earlier (log->server, keys, server, why, sizeof why) != 0)
        trouble (log, why);
      else
        log->trouble[0] = '\0';
    }
  /* The latest of the two, name by name (YYYY-MM-DD compares as text). */
  for (int i = 0; i < LOG_NAMES && n < max; i++)
    {
      const struct offer_earlier *e = strcmp (server[i].day, local[i].day) > 0 ? &server[i]
                                                                               : &local[i];
      if (e->day[0])
        {
          out[n] = *e;
          out[n++].field = (enum offer_field) i;
        }
    }
  return (int) n;
}

int
offers_log_add (struct offers_log *log, const char *day, const struct offer *offer,
                const struct risk_result *result, const char *content_version, char *err,
                size_t err_size)
{
  struct log_row row = { { 0 } };

  /* A desk that runs for months forgets as it goes, not only at start;
     first, so that a failure leaves nothing half done. The server's old
     screenings are forgotten once a day. */
  if (log->local && sqlite_log_forget (log->local, day, log->keep_days, err, err_size) < 0)
    return -1;
  if (log->server && strcmp (log->server_forgot, day) != 0)
    {
      char why[1024];
      if (pg_log_forget (log->server, day, log->keep_days, why, sizeof why) < 0)
        trouble (log, why);
      else
        snprintf (log->server_forgot, sizeof log->server_forgot, "%s", day);
    }
  if (outbox (log, true, err, err_size) != 0
      || screening_row (day, offer, result, content_version, &row, err, err_size) != 0)
    return -1;
  int rc = sqlite_log_insert (log->local, &row, err, err_size);
  log_row_free (&row);
  if (rc != 0)
    return -1;
  /* Kept on the desk now: whether the server takes it is trouble to show
     (offers_log_send notes it), not a failure to save. */
  char why[1024];
  offers_log_send (log, why, sizeof why);
  return 0;
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

/* The export as rows come: the server's in order, and the outbox's
   (UNSENT, in order too) after the server's of the same day. */
struct export
{
  FILE *out;
  enum offers_format format;
  struct rows unsent;
  size_t next;           /* the first unsent row not yet written */
  int written;
};

static void
export_unsent_before (struct export *e, const char *day)
{
  for (; e->next < e->unsent.count; e->next++)
    {
      const struct log_row *row = &e->unsent.list[e->next];
      /* Strictly before: the server's rows of that day may still hold a
         copy of it (export_one). */
      if (day && strcmp (row->v[LOG_DAY], day) >= 0)
        break;
      if (row->v[LOG_ID][0])        /* "": the server has it (see export_one) */
        {
          export_row (e->out, e->format, row);
          e->written++;
        }
    }
}

static int
export_one (void *context, const struct log_row *row, char *err, size_t err_size)
{
  (void) err;
  (void) err_size;
  struct export *e = context;
  export_unsent_before (e, row->v[LOG_DAY]);
  /* A screening the server committed but the desk had not yet deleted
     from its outbox (it stopped in between) is listed once. */
  for (size_t i = e->next; i < e->unsent.count; i++)
    if (strcmp (e->unsent.list[i].v[LOG_ID], row->v[LOG_ID]) == 0)
      e->unsent.list[i].v[LOG_ID][0] = '\0';
  export_row (e->out, e->format, row);
  e->written++;
  return 0;
}

int
offers_log_export (struct offers_log *log, enum offers_format format, FILE *out, char *err,
                   size_t err_size)
{
  struct export e = { .out = out, .format = format };
  int rc;

  if (format == OFFERS_CSV)
    {
      const char *names[ARRAY_SIZE (export_columns)] = {
        "day", "agency", "licence", "employer", "title", "country", "offer_date", "level",
        "score", "signs", "content_version",
      };
      csv_row (out, names, ARRAY_SIZE (names));
    }
  if (!log->server)
    rc = sqlite_log_rows (log->local, 0, export_one, &e, err, err_size);
  else
    {
      rc = log->local ? sqlite_log_rows (log->local, 0, rows_add, &e.unsent, err, err_size) : 0;
      if (rc >= 0)
        rc = pg_log_rows (log->server, export_one, &e, err, err_size);
      if (rc >= 0)
        export_unsent_before (&e, NULL);
      rows_free (&e.unsent);
    }
  return rc < 0 ? -1 : e.written;
}

int
offers_log_migrate (const char *conninfo, const char *grant_role, char *done, size_t done_size,
                    char *err, size_t err_size)
{
  if (!pg_conn_is_conninfo (conninfo))
    return diag_format (err, err_size, "'%s' is not a PostgreSQL connection string (such as "
                        "postgresql://owner@host/office or 'host=... dbname=...')", conninfo);
  struct pg_log *server = pg_log_new (conninfo, err, err_size);
  if (!server)
    return -1;
  int rc = pg_log_migrate (server, grant_role, done, done_size, err, err_size);
  pg_log_free (server);
  return rc;
}
