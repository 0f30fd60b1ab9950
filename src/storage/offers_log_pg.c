/* offers_log_pg.c -- the office log on a PostgreSQL server that every desk
   of an office, or of a fleet, shares, so that an agency one desk found
   high risk is flagged at the others. Desks only read, add and forget
   (SELECT, INSERT, DELETE on one table); the tables are made and brought
   up to date by their owner (safejob office-db --migrate). */
#include <config.h>
#include "offers_log_backend.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "diag.h"
#include "pg_conn.h"
#include "system.h"

/* The version of the tables below; a desk uses a server of its own
   version only, for desks of two versions could compute the names' keys
   differently and miss each other's agencies. */
enum { PG_SCHEMA_VERSION = 1 };

/* Each step brings the tables from the version before to the next: step
   0 makes version 1. A later version adds its step; one that changes the
   keys (offers_log_key) computes them again in its step. */
static const char *const migrations[PG_SCHEMA_VERSION] = {
  "CREATE TABLE safejob.offer ("
  " id uuid PRIMARY KEY,"                      /* the desk's random id: sent twice, stored once */
  " seq bigint GENERATED ALWAYS AS IDENTITY,"  /* the order they came in, for the export */
  " day date NOT NULL,"                        /* the day; never the time */
  " agency text NOT NULL, agency_key text NOT NULL,"
  " licence text NOT NULL, licence_key text NOT NULL,"
  " employer text NOT NULL, employer_key text NOT NULL,"
  " title text NOT NULL, country text NOT NULL, offer_date text NOT NULL,"
  " level text NOT NULL CHECK (level IN ('low', 'medium', 'high')),"
  " score integer NOT NULL, signs text NOT NULL, content_version text NOT NULL);"
  "CREATE INDEX offer_day ON safejob.offer (day);"
  "CREATE INDEX offer_agency_high ON safejob.offer (agency_key, day) WHERE level = 'high';"
  "CREATE INDEX offer_licence_high ON safejob.offer (licence_key, day) WHERE level = 'high';"
  "CREATE INDEX offer_employer_high ON safejob.offer (employer_key, day) WHERE level = 'high';"
  "COMMENT ON TABLE safejob.offer IS 'safejob: job offers screened by office staff; the offer,"
  " never the job seeker';",
};

static const char *const grants[] = { "SELECT, INSERT, DELETE ON safejob.offer", NULL };

static const struct pg_tables tables = {
  .what = "office log", .version_table = "safejob.schema_version",
  .version = PG_SCHEMA_VERSION, .migrations = migrations,
  .migrate_command = "safejob office-db --migrate", .user = "desk", .grants = grants,
};

struct pg_log
{
  struct pg_conn pg;
  bool delivered;        /* an operation handed rows on: it cannot be run again */
};

struct pg_log *
pg_log_new (const char *conninfo, char *err, size_t err_size)
{
  struct pg_log *log = calloc (1, sizeof *log);
  if (!log)
    {
      diag_format (err, err_size, "out of memory");
      return NULL;
    }
  if (pg_conn_init (&log->pg, conninfo, err, err_size) != 0)
    {
      free (log);
      return NULL;
    }
  return log;
}

void
pg_log_free (struct pg_log *log)
{
  if (!log)
    return;
  pg_conn_fini (&log->pg);
  free (log);
}

const char *
pg_log_name (const struct pg_log *log)
{
  return log->pg.name;
}

int
pg_log_schema_version (void)
{
  return PG_SCHEMA_VERSION;
}

/* An operation on the server, with what it needs. */
typedef int pg_op (struct pg_log *log, void *arg, char *err, size_t err_size);

/* Runs OP on a connection: a kiosk's connection may have been closed by
   the server, or a network device, since its last use, so a failure on a
   connection that had been open is followed by one more try on a new
   one, unless OP had already handed rows on. */
static int
run (struct pg_log *log, pg_op *op, void *arg, char *err, size_t err_size)
{
  for (int attempt = 0;; attempt++)
    {
      bool fresh = !log->pg.conn;
      if (pg_conn_use (&log->pg, &tables, err, err_size) != 0)
        return -1;
      log->delivered = false;
      int rc = op (log, arg, err, err_size);
      if (rc >= 0 || pg_conn_ok (&log->pg))
        return rc;
      pg_conn_disconnect (&log->pg);
      if (fresh || attempt > 0 || log->delivered)
        return rc;
    }
}

/* --- What a desk does ------------------------------------------------------ */

struct send
{
  const struct log_row *rows;
  size_t n;
};

static int
send_op (struct pg_log *log, void *arg, char *err, size_t err_size)
{
  const struct send *send = arg;
  if (pg_conn_command (&log->pg, "BEGIN", err, err_size) != 0)
    return -1;
  for (size_t i = 0; i < send->n; i++)
    {
      PGresult *result = pg_conn_query (&log->pg, "INSERT INTO safejob.offer (id, day, agency,"
                                        " agency_key, licence, licence_key, employer,"
                                        " employer_key, title, country, offer_date, level, score,"
                                        " signs, content_version)"
                                        " VALUES ($1::uuid, $2::date, $3, $4, $5, $6, $7, $8,"
                                        " $9, $10, $11, $12, $13::integer, $14, $15)"
                                        " ON CONFLICT (id) DO NOTHING", LOG_COLUMNS,
                                        (const char *const *) send->rows[i].v, PGRES_COMMAND_OK,
                                        err, err_size);
      if (!result)
        {
          pg_conn_rollback (&log->pg);
          return -1;
        }
      log->pg.pq->clear (result);
    }
  /* Committed only if COMMIT says so; if the connection breaks before it
     does, the rows are sent again later and stored once. */
  return pg_conn_command (&log->pg, "COMMIT", err, err_size);
}

int
pg_log_send (struct pg_log *log, const struct log_row *rows, size_t n, char *err,
             size_t err_size)
{
  struct send send = { rows, n };
  return run (log, send_op, &send, err, err_size);
}

struct earlier
{
  char (*keys)[OFFER_TEXT_MAX + 1];
  struct offer_earlier *found;
};

static int
earlier_op (struct pg_log *log, void *arg, char *err, size_t err_size)
{
  const struct earlier *e = arg;
  const char *params[LOG_NAMES] = { e->keys[0], e->keys[1], e->keys[2] };
  /* The latest high-risk screening of each name, in one round trip. */
  PGresult *result = pg_conn_query (&log->pg,
    "(SELECT 0, agency, to_char (day, 'YYYY-MM-DD') FROM safejob.offer"
    "  WHERE $1 <> '' AND level = 'high' AND agency_key = $1 ORDER BY day DESC, seq DESC LIMIT 1)"
    " UNION ALL (SELECT 1, licence, to_char (day, 'YYYY-MM-DD') FROM safejob.offer"
    "  WHERE $2 <> '' AND level = 'high' AND licence_key = $2 ORDER BY day DESC, seq DESC LIMIT 1)"
    " UNION ALL (SELECT 2, employer, to_char (day, 'YYYY-MM-DD') FROM safejob.offer"
    "  WHERE $3 <> '' AND level = 'high' AND employer_key = $3 ORDER BY day DESC, seq DESC"
    "  LIMIT 1)", LOG_NAMES, params, PGRES_TUPLES_OK, err, err_size);
  if (!result)
    return -1;
  for (int row = 0; row < log->pg.pq->ntuples (result); row++)
    {
      int i = atoi (log->pg.pq->get_value (result, row, 0));
      if (i < 0 || i >= LOG_NAMES)
        continue;
      snprintf (e->found[i].value, sizeof e->found[i].value, "%s",
                log->pg.pq->get_value (result, row, 1));
      snprintf (e->found[i].day, sizeof e->found[i].day, "%s",
                log->pg.pq->get_value (result, row, 2));
    }
  log->pg.pq->clear (result);
  return 0;
}

int
pg_log_earlier (struct pg_log *log, log_keys keys, log_found found, char *err, size_t err_size)
{
  for (int i = 0; i < LOG_NAMES; i++)
    {
      found[i].field = (enum offer_field) i;
      found[i].day[0] = '\0';
    }
  struct earlier e = { keys, found };
  return run (log, earlier_op, &e, err, err_size);
}

struct forget
{
  const char *today;
  int keep_days;
};

static int
forget_op (struct pg_log *log, void *arg, char *err, size_t err_size)
{
  const struct forget *f = arg;
  char days[16];
  snprintf (days, sizeof days, "%d", f->keep_days);
  const char *params[] = { f->today, days };
  PGresult *result = pg_conn_query (&log->pg, "DELETE FROM safejob.offer"
                                    " WHERE day < $1::date - $2::integer", 2, params,
                                    PGRES_COMMAND_OK, err, err_size);
  if (!result)
    return -1;
  int n = atoi (log->pg.pq->cmd_tuples (result));
  log->pg.pq->clear (result);
  return n;
}

int
pg_log_forget (struct pg_log *log, const char *today, int keep_days, char *err, size_t err_size)
{
  struct forget f = { today, keep_days };
  return run (log, forget_op, &f, err, err_size);
}

struct rows
{
  log_row_fn *fn;
  void *context;
  int count;
};

static int
rows_op (struct pg_log *log, void *arg, char *err, size_t err_size)
{
  const struct pq *pq = log->pg.pq;
  struct rows *r = arg;
  int rc = 0;

  /* In the order of enum log_column; one row at a time, not the whole
     log in memory. */
  if (!pq->send_query_params (log->pg.conn, "SELECT replace (id::text, '-', ''),"
                              " to_char (day, 'YYYY-MM-DD'), agency, agency_key, licence,"
                              " licence_key, employer, employer_key, title, country, offer_date,"
                              " level, score::text, signs, content_version"
                              " FROM safejob.offer ORDER BY day, seq", 0, NULL, NULL, NULL, NULL,
                              0)
      || !pq->set_single_row_mode (log->pg.conn))
    return pg_conn_fail_conn (&log->pg, err, err_size);
  r->count = 0;
  for (PGresult *result; (result = pq->get_result (log->pg.conn)); pq->clear (result))
    {
      ExecStatusType status = pq->result_status (result);
      if (rc != 0 || status == PGRES_TUPLES_OK)
        continue;                       /* the end, or the rest after a failure */
      if (status != PGRES_SINGLE_TUPLE)
        {
          rc = pg_conn_fail (&log->pg, pq->result_error_message (result), err, err_size);
          continue;
        }
      struct log_row row;
      for (int c = 0; c < LOG_COLUMNS; c++)
        row.v[c] = pq->get_value (result, 0, c);
      log->delivered = true;
      if (r->fn (r->context, &row, err, err_size) != 0)
        rc = -1;
      else
        r->count++;
    }
  return rc < 0 ? -1 : r->count;
}

int
pg_log_rows (struct pg_log *log, log_row_fn *fn, void *context, char *err, size_t err_size)
{
  struct rows r = { fn, context, 0 };
  return run (log, rows_op, &r, err, err_size);
}

static int
count_op (struct pg_log *log, void *arg, char *err, size_t err_size)
{
  PGresult *result = pg_conn_query (&log->pg, "SELECT count(*) FROM safejob.offer", 0, NULL,
                                    PGRES_TUPLES_OK, err, err_size);
  if (!result)
    return -1;
  *(long *) arg = atol (log->pg.pq->get_value (result, 0, 0));
  log->pg.pq->clear (result);
  return 0;
}

long
pg_log_count (struct pg_log *log, char *err, size_t err_size)
{
  long n = -1;
  return run (log, count_op, &n, err, err_size) < 0 ? -1 : n;
}

/* --- What the owner does --------------------------------------------------- */

int
pg_log_migrate (struct pg_log *log, const char *grant_role, char *done, size_t done_size,
                char *err, size_t err_size)
{
  return pg_conn_migrate (&log->pg, &tables, grant_role, done, done_size, err, err_size);
}
