/* stats_pg.c -- the fleet's usage figures on a PostgreSQL server (see
   stats_pg.h): the tables, in the schema of the office log, hold what a
   kiosk's file holds with the kiosk's id beside it, under the same checks,
   so that the server too refuses free text, whatever writes to it. Kiosks
   only read, add and delete (SELECT, INSERT, DELETE); the tables are made
   and brought up to date by their owner (safejob stats --migrate). */
#include <config.h>
#include "stats_pg.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "diag.h"
#include "pg_conn.h"
#include "system.h"

/* The version of the tables below, apart from the office log's: a fleet
   may have either without the other. */
enum { STATS_PG_VERSION = 1 };

/* The checks are those of stats.c's tables, written for PostgreSQL: a
   date column is a real date; the kiosk's id is what settings.c takes. */
#define KIOSK " kiosk text NOT NULL CONSTRAINT kiosk CHECK (kiosk ~ '^[A-Za-z0-9._-]{1,32}$'),"
#define DESTINATION \
  " destination text NOT NULL CONSTRAINT destination CHECK (destination ~ '^([A-Z][A-Z])?$'),"
#define FLAG(col) " " col " smallint NOT NULL CONSTRAINT " col " CHECK (" col " IN (0, 1)),"
#define COUNT " sessions integer NOT NULL CONSTRAINT sessions CHECK (sessions BETWEEN 1 AND 86400),"

static const char *const migrations[STATS_PG_VERSION] = {
  "CREATE TABLE safejob.stats_sessions (" KIOSK
  " day date NOT NULL,"
  " language text NOT NULL CONSTRAINT language"
  "  CHECK (language ~ '^([a-z]{2,3}(_[A-Z][A-Z])?|en@pseudo)$'),"
  DESTINATION
  " level text NOT NULL CONSTRAINT level CHECK (level IN ('none', 'low', 'medium', 'high')),"
  " reached text NOT NULL CONSTRAINT reached"
  "  CHECK (reached IN ('language', 'checklist', 'result', 'contacts')),"
  FLAG ("contacts") FLAG ("qr") FLAG ("printed") COUNT
  " PRIMARY KEY (kiosk, day, language, destination, level, reached, contacts, qr, printed));"
  "CREATE TABLE safejob.stats_signs (" KIOSK
  " day date NOT NULL,"
  DESTINATION
  " sign text NOT NULL CONSTRAINT sign"
  "  CHECK (length (sign) <= 40 AND sign ~ '^[a-z_-]+\\.[a-z_-]+$'),"
  COUNT
  " PRIMARY KEY (kiosk, day, destination, sign));"
  /* Reports read days of every kiosk. */
  "CREATE INDEX stats_sessions_day ON safejob.stats_sessions (day);"
  "CREATE INDEX stats_signs_day ON safejob.stats_signs (day);"
  "COMMENT ON TABLE safejob.stats_sessions IS 'safejob: anonymous usage figures of the kiosks,"
  " counts by day; never a name, a text or a time';"
  "COMMENT ON TABLE safejob.stats_signs IS 'safejob: warning signs found at the kiosks,"
  " counts by day';",
};

static const char *const grants[] = {
  "SELECT, INSERT, DELETE ON safejob.stats_sessions",
  "SELECT, INSERT, DELETE ON safejob.stats_signs",
  NULL,
};

static const struct pg_tables tables = {
  .what = "fleet figures store", .version_table = "safejob.stats_version",
  .version = STATS_PG_VERSION, .migrations = migrations,
  .migrate_command = "safejob stats --migrate", .user = "kiosk", .grants = grants,
};

bool
stats_is_server (const char *where)
{
  return pg_conn_is_conninfo (where);
}

/* --- Pushing ----------------------------------------------------------------- */

/* One column of the rows to send, as a PostgreSQL array ("{...}"), for
   all rows go in one statement a table (unnest), not one round trip a
   row. */
struct column
{
  char *text;
  size_t len;
  FILE *f;
  size_t n;
};

/* The local rows, column by column, and what they add up to. */
struct outgoing
{
  struct column sessions[STATS_SESSION_COLUMNS], signs[STATS_SIGN_COLUMNS];
  char (*days)[11];      /* the days of the sessions, once each, in order */
  long day_count, day_alloc, session_total;
  bool failed;
};

static void
column_add (struct column *c, const char *value)
{
  /* An element in double quotes, its quotes and backslashes escaped. */
  fputs (c->n++ ? ",\"" : "{\"", c->f);
  for (const char *s = value ? value : ""; *s; s++)
    {
      if (*s == '"' || *s == '\\')
        fputc ('\\', c->f);
      fputc (*s, c->f);
    }
  fputc ('"', c->f);
}

/* Ends the array; false when memory ran out. */
static bool
column_end (struct column *c)
{
  fputs (c->n ? "}" : "{}", c->f);
  bool ok = !ferror (c->f);
  ok = fclose (c->f) == 0 && ok;
  c->f = NULL;
  return ok;
}

static bool
has_day (const struct outgoing *o, const char *day)
{
  for (long i = o->day_count; i-- > 0;)
    if (strcmp (o->days[i], day) == 0)
      return true;
  return false;
}

static int
take_row (void *context, const struct stats_row *row, char *err, size_t err_size)
{
  struct outgoing *o = context;
  struct column *columns = row->sign ? o->signs : o->sessions;
  int n = row->sign ? STATS_SIGN_COLUMNS : STATS_SESSION_COLUMNS;
  for (int i = 0; i < n; i++)
    column_add (&columns[i], row->v[i]);
  if (!row->sign)
    o->session_total += atol (row->v[n - 1]);
  /* Rows come day by day, so the last day is the one to compare with;
     a day with signs only (never written so) is looked for in them all. */
  const char *day = row->v[0];
  if (!has_day (o, day))
    {
      if (o->day_count == o->day_alloc)
        {
          long alloc = o->day_alloc ? 2 * o->day_alloc : 64;
          void *more = realloc (o->days, (size_t) alloc * sizeof *o->days);
          if (!more)
            return diag_format (err, err_size, "out of memory");
          o->days = more;
          o->day_alloc = alloc;
        }
      snprintf (o->days[o->day_count++], sizeof *o->days, "%s", day);
    }
  return 0;
}

static void
outgoing_free (struct outgoing *o)
{
  for (int i = 0; i < STATS_SESSION_COLUMNS; i++)
    {
      if (o->sessions[i].f)
        fclose (o->sessions[i].f);
      free (o->sessions[i].text);
    }
  for (int i = 0; i < STATS_SIGN_COLUMNS; i++)
    {
      if (o->signs[i].f)
        fclose (o->signs[i].f);
      free (o->signs[i].text);
    }
  free (o->days);
}

/* Reads LOCAL's rows of the days before BEFORE into O. */
static int
outgoing_read (struct outgoing *o, struct stats *local, const char *before, char *err,
               size_t err_size)
{
  for (int i = 0; i < STATS_SESSION_COLUMNS; i++)
    if (!(o->sessions[i].f = open_memstream (&o->sessions[i].text, &o->sessions[i].len)))
      return diag_format (err, err_size, "out of memory");
  for (int i = 0; i < STATS_SIGN_COLUMNS; i++)
    if (!(o->signs[i].f = open_memstream (&o->signs[i].text, &o->signs[i].len)))
      return diag_format (err, err_size, "out of memory");
  if (stats_rows (local, before, take_row, o, err, err_size) < 0)
    return -1;
  bool ok = true;
  for (int i = 0; i < STATS_SESSION_COLUMNS; i++)
    ok = column_end (&o->sessions[i]) && ok;
  for (int i = 0; i < STATS_SIGN_COLUMNS; i++)
    ok = column_end (&o->signs[i]) && ok;
  return ok ? 0 : diag_format (err, err_size, "out of memory");
}

/* The days of O as one array, for the rows to delete. */
static char *
days_array (const struct outgoing *o)
{
  char *text = NULL;
  size_t len = 0;
  FILE *f = open_memstream (&text, &len);
  if (!f)
    return NULL;
  fputc ('{', f);
  for (long i = 0; i < o->day_count; i++)
    fprintf (f, "%s%s", i ? "," : "", o->days[i]);
  fputc ('}', f);
  if (fclose (f) != 0)
    {
      free (text);
      return NULL;
    }
  return text;
}

/* Runs SQL, with PARAMS, for its effect. */
static int
run (struct pg_conn *c, const char *sql, int n, const char *const *params, char *err,
     size_t err_size)
{
  PGresult *result = pg_conn_query (c, sql, n, params, PGRES_COMMAND_OK, err, err_size);
  if (!result)
    return -1;
  c->pq->clear (result);
  return 0;
}

int
stats_pg_push (struct stats *local, const char *conninfo, const char *kiosk, const char *before,
               struct stats_pushed *pushed, char *err, size_t err_size)
{
  struct outgoing o = { 0 };
  struct pg_conn c;
  char *days = NULL;
  int rc = -1;

  /* The file first, all of it: the server is not kept waiting on it,
     inside the transaction. */
  if (outgoing_read (&o, local, before, err, err_size) != 0)
    {
      outgoing_free (&o);
      return -1;
    }
  if (!(days = days_array (&o)))
    {
      outgoing_free (&o);
      return diag_format (err, err_size, "out of memory");
    }
  if (pg_conn_init (&c, conninfo, err, err_size) != 0)
    {
      free (days);
      outgoing_free (&o);
      return -1;
    }
  const char *delete_params[] = { kiosk, days };
  const char *session_params[1 + STATS_SESSION_COLUMNS] = { kiosk };
  const char *sign_params[1 + STATS_SIGN_COLUMNS] = { kiosk };
  for (int i = 0; i < STATS_SESSION_COLUMNS; i++)
    session_params[i + 1] = o.sessions[i].text;
  for (int i = 0; i < STATS_SIGN_COLUMNS; i++)
    sign_params[i + 1] = o.signs[i].text;
  /* One transaction: the server holds this kiosk's days as they were, or
     as the file holds them, never a part of each. A push killed or cut
     off before COMMIT is rolled back by the server; one repeated replaces
     the same days with the same rows. */
  if (pg_conn_use (&c, &tables, err, err_size) != 0
      || pg_conn_command (&c, "BEGIN", err, err_size) != 0)
    goto out;
  if (run (&c, "DELETE FROM safejob.stats_sessions WHERE kiosk = $1 AND day = ANY ($2::date[])",
           2, delete_params, err, err_size) != 0
      || run (&c, "DELETE FROM safejob.stats_signs WHERE kiosk = $1 AND day = ANY ($2::date[])",
              2, delete_params, err, err_size) != 0
      || run (&c, "INSERT INTO safejob.stats_sessions (kiosk, day, language, destination, level,"
              " reached, contacts, qr, printed, sessions)"
              " SELECT $1, * FROM unnest ($2::date[], $3::text[], $4::text[], $5::text[],"
              " $6::text[], $7::smallint[], $8::smallint[], $9::smallint[], $10::integer[])",
              1 + STATS_SESSION_COLUMNS, session_params, err, err_size) != 0
      || run (&c, "INSERT INTO safejob.stats_signs (kiosk, day, destination, sign, sessions)"
              " SELECT $1, * FROM unnest ($2::date[], $3::text[], $4::text[], $5::integer[])",
              1 + STATS_SIGN_COLUMNS, sign_params, err, err_size) != 0)
    {
      pg_conn_rollback (&c);
      goto out;
    }
  /* Pushed only if COMMIT says so. */
  if (pg_conn_command (&c, "COMMIT", err, err_size) != 0)
    goto out;
  pushed->days = o.day_count;
  pushed->sessions = o.session_total;
  rc = 0;
out:
  pg_conn_fini (&c);
  free (days);
  outgoing_free (&o);
  return rc;
}

/* --- Reading ----------------------------------------------------------------- */

/* Adds the rows of the query SQL, with PARAMS, to SUM. */
static int
add_rows (struct pg_conn *c, struct stats *sum, bool sign, const char *sql,
          const char *const *params, char *err, size_t err_size)
{
  PGresult *result = pg_conn_query (c, sql, 2, params, PGRES_TUPLES_OK, err, err_size);
  if (!result)
    return -1;
  int columns = sign ? STATS_SIGN_COLUMNS : STATS_SESSION_COLUMNS, rc = 0;
  for (int r = 0; rc == 0 && r < c->pq->ntuples (result); r++)
    {
      struct stats_row row = { .sign = sign };
      for (int i = 0; i < columns; i++)
        row.v[i] = c->pq->get_value (result, r, i);
      rc = stats_add (sum, &row, err, err_size);
    }
  c->pq->clear (result);
  return rc;
}

struct stats *
stats_pg_sum (const char *conninfo, const char *from, const char *to, char *err,
              size_t err_size)
{
  struct pg_conn c;
  if (pg_conn_init (&c, conninfo, err, err_size) != 0)
    return NULL;
  struct stats *sum = stats_open_sum (err, err_size);
  const char *params[] = { from ? from : "-infinity", to ? to : "infinity" };
  /* One snapshot for both tables: a push committed between the two
     reads would have its sessions in one and not its signs. */
  if (!sum || pg_conn_use (&c, &tables, err, err_size) != 0
      || pg_conn_command (&c, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", err,
                          err_size) != 0
      || add_rows (&c, sum, false, "SELECT to_char (day, 'YYYY-MM-DD'), language, destination,"
                   " level, reached, contacts, qr, printed, sum (sessions)"
                   " FROM safejob.stats_sessions WHERE day BETWEEN $1::date AND $2::date"
                   " GROUP BY day, language, destination, level, reached, contacts, qr, printed",
                   params, err, err_size) != 0
      || add_rows (&c, sum, true, "SELECT to_char (day, 'YYYY-MM-DD'), destination, sign,"
                   " sum (sessions) FROM safejob.stats_signs"
                   " WHERE day BETWEEN $1::date AND $2::date GROUP BY day, destination, sign",
                   params, err, err_size) != 0
      || pg_conn_command (&c, "COMMIT", err, err_size) != 0)
    {
      pg_conn_fini (&c);
      stats_close (sum);
      return NULL;
    }
  pg_conn_fini (&c);
  return sum;
}

/* --- What the owner does ----------------------------------------------------- */

int
stats_pg_migrate (const char *conninfo, const char *grant_role, char *done, size_t done_size,
                  char *err, size_t err_size)
{
  struct pg_conn c;
  if (pg_conn_init (&c, conninfo, err, err_size) != 0)
    return -1;
  int rc = pg_conn_migrate (&c, &tables, grant_role, done, done_size, err, err_size);
  pg_conn_fini (&c);
  return rc;
}
