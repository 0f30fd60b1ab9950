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
#include "pq.h"
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

struct pg_log
{
  const struct pq *pq;
  PGconn *conn;          /* NULL until connected, and after it broke */
  char *conninfo;
  char name[512];        /* the server for messages, without a password */
  bool delivered;        /* an operation handed rows on: it cannot be run again */
};

/* --- Connection strings ------------------------------------------------------ */

bool
pg_log_is_conninfo (const char *value)
{
  /* As libpq tells a connection string from a database's name, except
     that a path (starting with / or .) is always a file. */
  if (strncmp (value, "postgresql://", 13) == 0 || strncmp (value, "postgres://", 11) == 0)
    return true;
  return value[0] != '/' && value[0] != '.' && strchr (value, '=') != NULL;
}

/* NAME: "PostgreSQL (host=... port=... dbname=... user=...)", the
   parameters that say which server and which role, none of the secrets. */
static void
describe (struct pg_log *log, PQconninfoOption *options)
{
  static const char *const shown[] = { "host", "hostaddr", "port", "dbname", "user" };
  size_t n = (size_t) snprintf (log->name, sizeof log->name, "PostgreSQL (");
  bool any = false;
  for (PQconninfoOption *o = options; o->keyword; o++)
    for (size_t i = 0; i < ARRAY_SIZE (shown); i++)
      if (strcmp (o->keyword, shown[i]) == 0 && o->val && *o->val && n < sizeof log->name)
        {
          n += (size_t) snprintf (log->name + n, sizeof log->name - n, "%s%s=%s", any ? " " : "",
                                  o->keyword, o->val);
          any = true;
        }
  if (n < sizeof log->name)
    snprintf (log->name + n, sizeof log->name - n, "%s)", any ? "" : "the default server");
}

struct pg_log *
pg_log_new (const char *conninfo, char *err, size_t err_size)
{
  const struct pq *pq = pq_library (err, err_size);
  if (!pq)
    return NULL;
  char *why = NULL;
  PQconninfoOption *options = pq->conninfo_parse (conninfo, &why);
  if (!options)
    {
      /* (libpq's message ends with a line break.) */
      size_t len = why ? strcspn (why, "\n") : 0;
      diag_format (err, err_size, "not a valid PostgreSQL connection string: %.*s",
                   (int) len, why ? why : "out of memory");
      if (why)
        pq->freemem (why);
      return NULL;
    }
  struct pg_log *log = calloc (1, sizeof *log);
  if (log)
    log->conninfo = strdup (conninfo);
  if (!log || !log->conninfo)
    {
      pq->conninfo_free (options);
      free (log);
      diag_format (err, err_size, "out of memory");
      return NULL;
    }
  log->pq = pq;
  describe (log, options);
  pq->conninfo_free (options);
  return log;
}

void
pg_log_free (struct pg_log *log)
{
  if (!log)
    return;
  if (log->conn)
    log->pq->finish (log->conn);
  free (log->conninfo);
  free (log);
}

const char *
pg_log_name (const struct pg_log *log)
{
  return log->name;
}

int
pg_log_schema_version (void)
{
  return PG_SCHEMA_VERSION;
}

/* --- Errors and results ---------------------------------------------------- */

/* Writes "NAME: WHY" into ERR, WHY a libpq message on one line (libpq
   ends its messages with a line break, and puts hints on lines of their
   own). Returns -1. */
static int
fail (const struct pg_log *log, const char *why, char *err, size_t err_size)
{
  char line[1024];
  size_t n = 0;
  for (const char *s = why && *why ? why : "unknown error"; *s && n + 1 < sizeof line; s++)
    if (*s == '\n' || *s == '\t')
      {
        if (n > 0 && line[n - 1] != ' ')
          line[n++] = ' ';
      }
    else
      line[n++] = *s;
  while (n > 0 && line[n - 1] == ' ')
    n--;
  line[n] = '\0';
  return diag_format (err, err_size, "%s: %s", log->name, line);
}

/* The connection's last error. */
static int
fail_conn (const struct pg_log *log, char *err, size_t err_size)
{
  return fail (log, log->pq->error_message (log->conn), err, err_size);
}

/* Whether RESULT is of STATUS; else clears it and writes why into ERR. */
static bool
result_ok (const struct pg_log *log, PGresult *result, ExecStatusType status, char *err,
           size_t err_size)
{
  if (result && log->pq->result_status (result) == status)
    return true;
  if (result)
    fail (log, log->pq->result_error_message (result), err, err_size);
  else
    fail_conn (log, err, err_size);
  log->pq->clear (result);
  return false;
}

/* Runs SQL, which returns no rows; 0, or -1. */
static int
command (struct pg_log *log, const char *sql, char *err, size_t err_size)
{
  PGresult *result = log->pq->exec (log->conn, sql);
  if (!result_ok (log, result, PGRES_COMMAND_OK, err, err_size))
    return -1;
  log->pq->clear (result);
  return 0;
}

/* Runs SQL with the N text PARAMS; the result, or NULL with ERR. */
static PGresult *
query (struct pg_log *log, const char *sql, int n, const char *const *params,
       ExecStatusType status, char *err, size_t err_size)
{
  PGresult *result = log->pq->exec_params (log->conn, sql, n, NULL, params, NULL, NULL, 0);
  return result_ok (log, result, status, err, err_size) ? result : NULL;
}

/* NOTICEs ("schema already exists, skipping") are not for staff. */
static void
quiet (void *arg, const char *message)
{
  (void) arg;
  (void) message;
}

/* --- Connecting ------------------------------------------------------------ */

static void
disconnect (struct pg_log *log)
{
  if (log->conn)
    log->pq->finish (log->conn);
  log->conn = NULL;
}

/* Connects, if not connected. */
static int
connect_server (struct pg_log *log, char *err, size_t err_size)
{
  if (log->conn && log->pq->status (log->conn) == CONNECTION_OK)
    return 0;
  disconnect (log);
  /* Before the connection string, defaults it may change: a desk waits
     10 s for each address of a server that does not answer, and gives up
     on a connection whose server stopped answering after about 30 s (data
     unacknowledged for 20 s, or three keepalives unanswered after 10 s of
     quiet), not the minutes of TCP's own time-outs, during which staff
     would be left without a result. After it, what this program needs:
     its text is UTF-8. */
  static const char *const keywords[] = {
    "connect_timeout", "tcp_user_timeout", "keepalives_idle", "keepalives_interval",
    "keepalives_count", "application_name", "dbname", "client_encoding", NULL,
  };
  const char *values[] = {
    "10", "20000", "10", "5", "3", "safejob", log->conninfo, "UTF8", NULL,
  };
  log->conn = log->pq->connectdb_params (keywords, values, 1);
  if (!log->conn)
    return diag_format (err, err_size, "%s: out of memory", log->name);
  if (log->pq->status (log->conn) != CONNECTION_OK)
    {
      fail_conn (log, err, err_size);
      disconnect (log);
      return -1;
    }
  log->pq->set_notice_processor (log->conn, quiet, NULL);
  return 0;
}

/* The version of the server's office log into *VERSION: 0 when it has
   none. */
static int
read_version (struct pg_log *log, int *version, char *err, size_t err_size)
{
  const struct pq *pq = log->pq;
  PGresult *result = pq->exec (log->conn, "SELECT version FROM safejob.schema_version");
  if (result && pq->result_status (result) == PGRES_TUPLES_OK)
    {
      *version = pq->ntuples (result) == 1 ? atoi (pq->get_value (result, 0, 0)) : 0;
      pq->clear (result);
      return 0;
    }
  const char *state = result ? pq->result_error_field (result, PG_DIAG_SQLSTATE) : NULL;
  /* undefined_table, invalid_schema_name: not made yet. */
  if (state && (strcmp (state, "42P01") == 0 || strcmp (state, "3F000") == 0))
    {
      pq->clear (result);
      *version = 0;
      return 0;
    }
  if (state && strcmp (state, "42501") == 0)          /* insufficient_privilege */
    {
      const char *user = pq->user (log->conn);
      diag_format (err, err_size, "%s: the role '%s' may not use the office log there; its owner "
                   "gives a desk's role what it needs with 'safejob office-db --migrate "
                   "--grant=%s'", log->name, user, user);
      pq->clear (result);
      return -1;
    }
  result_ok (log, result, PGRES_TUPLES_OK, err, err_size);
  return -1;
}

/* Connects, and checks that the server holds an office log of this
   program's version: a desk never makes or changes the tables. */
static int
connect_desk (struct pg_log *log, char *err, size_t err_size)
{
  if (log->conn && log->pq->status (log->conn) == CONNECTION_OK)
    return 0;
  int version = -1;
  if (connect_server (log, err, err_size) != 0)
    return -1;
  if (read_version (log, &version, err, err_size) != 0)
    {
      disconnect (log);
      return -1;
    }
  if (version == PG_SCHEMA_VERSION)
    return 0;
  if (version == 0)
    diag_format (err, err_size, "%s: there is no office log there yet; the database's owner "
                 "makes it with 'safejob office-db --migrate'", log->name);
  else if (version < PG_SCHEMA_VERSION)
    diag_format (err, err_size, "%s: the office log there is of version %d and this program "
                 "uses version %d; the database's owner brings it up to date with 'safejob "
                 "office-db --migrate'", log->name, version, PG_SCHEMA_VERSION);
  else
    diag_format (err, err_size, "%s: the office log there is of version %d, made by a newer "
                 "safejob, and this program uses version %d: update safejob on this desk",
                 log->name, version, PG_SCHEMA_VERSION);
  disconnect (log);
  return -1;
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
      bool fresh = !log->conn;
      if (connect_desk (log, err, err_size) != 0)
        return -1;
      log->delivered = false;
      int rc = op (log, arg, err, err_size);
      if (rc >= 0 || log->pq->status (log->conn) == CONNECTION_OK)
        return rc;
      disconnect (log);
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
  if (command (log, "BEGIN", err, err_size) != 0)
    return -1;
  for (size_t i = 0; i < send->n; i++)
    {
      PGresult *result = query (log, "INSERT INTO safejob.offer (id, day, agency, agency_key,"
                                " licence, licence_key, employer, employer_key, title, country,"
                                " offer_date, level, score, signs, content_version)"
                                " VALUES ($1::uuid, $2::date, $3, $4, $5, $6, $7, $8, $9, $10,"
                                " $11, $12, $13::integer, $14, $15)"
                                " ON CONFLICT (id) DO NOTHING", LOG_COLUMNS,
                                (const char *const *) send->rows[i].v, PGRES_COMMAND_OK, err,
                                err_size);
      if (!result)
        {
          /* (On a broken connection there is nothing to roll back.) */
          log->pq->clear (log->pq->exec (log->conn, "ROLLBACK"));
          return -1;
        }
      log->pq->clear (result);
    }
  /* Committed only if COMMIT says so; if the connection breaks before it
     does, the rows are sent again later and stored once. */
  return command (log, "COMMIT", err, err_size);
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
  PGresult *result = query (log,
    "(SELECT 0, agency, to_char (day, 'YYYY-MM-DD') FROM safejob.offer"
    "  WHERE $1 <> '' AND level = 'high' AND agency_key = $1 ORDER BY day DESC, seq DESC LIMIT 1)"
    " UNION ALL (SELECT 1, licence, to_char (day, 'YYYY-MM-DD') FROM safejob.offer"
    "  WHERE $2 <> '' AND level = 'high' AND licence_key = $2 ORDER BY day DESC, seq DESC LIMIT 1)"
    " UNION ALL (SELECT 2, employer, to_char (day, 'YYYY-MM-DD') FROM safejob.offer"
    "  WHERE $3 <> '' AND level = 'high' AND employer_key = $3 ORDER BY day DESC, seq DESC"
    "  LIMIT 1)", LOG_NAMES, params, PGRES_TUPLES_OK, err, err_size);
  if (!result)
    return -1;
  for (int row = 0; row < log->pq->ntuples (result); row++)
    {
      int i = atoi (log->pq->get_value (result, row, 0));
      if (i < 0 || i >= LOG_NAMES)
        continue;
      snprintf (e->found[i].value, sizeof e->found[i].value, "%s",
                log->pq->get_value (result, row, 1));
      snprintf (e->found[i].day, sizeof e->found[i].day, "%s",
                log->pq->get_value (result, row, 2));
    }
  log->pq->clear (result);
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
  PGresult *result = query (log, "DELETE FROM safejob.offer WHERE day < $1::date - $2::integer",
                            2, params, PGRES_COMMAND_OK, err, err_size);
  if (!result)
    return -1;
  int n = atoi (log->pq->cmd_tuples (result));
  log->pq->clear (result);
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
  const struct pq *pq = log->pq;
  struct rows *r = arg;
  int rc = 0;

  /* In the order of enum log_column; one row at a time, not the whole
     log in memory. */
  if (!pq->send_query_params (log->conn, "SELECT replace (id::text, '-', ''),"
                              " to_char (day, 'YYYY-MM-DD'), agency, agency_key, licence,"
                              " licence_key, employer, employer_key, title, country, offer_date,"
                              " level, score::text, signs, content_version"
                              " FROM safejob.offer ORDER BY day, seq", 0, NULL, NULL, NULL, NULL,
                              0)
      || !pq->set_single_row_mode (log->conn))
    return fail_conn (log, err, err_size);
  r->count = 0;
  for (PGresult *result; (result = pq->get_result (log->conn)); pq->clear (result))
    {
      ExecStatusType status = pq->result_status (result);
      if (rc != 0 || status == PGRES_TUPLES_OK)
        continue;                       /* the end, or the rest after a failure */
      if (status != PGRES_SINGLE_TUPLE)
        {
          rc = fail (log, pq->result_error_message (result), err, err_size);
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
  PGresult *result = query (log, "SELECT count(*) FROM safejob.offer", 0, NULL, PGRES_TUPLES_OK,
                            err, err_size);
  if (!result)
    return -1;
  *(long *) arg = atol (log->pq->get_value (result, 0, 0));
  log->pq->clear (result);
  return 0;
}

long
pg_log_count (struct pg_log *log, char *err, size_t err_size)
{
  long n = -1;
  return run (log, count_op, &n, err, err_size) < 0 ? -1 : n;
}

/* --- What the owner does --------------------------------------------------- */

/* Gives ROLE what a desk does with the log, and nothing more. */
static int
grant (struct pg_log *log, const char *role, char *err, size_t err_size)
{
  char *quoted = log->pq->escape_identifier (log->conn, role, strlen (role));
  if (!quoted)
    return fail_conn (log, err, err_size);
  char sql[1024];
  snprintf (sql, sizeof sql, "GRANT USAGE ON SCHEMA safejob TO %s;"
            " GRANT SELECT ON safejob.schema_version TO %s;"
            " GRANT SELECT, INSERT, DELETE ON safejob.offer TO %s", quoted, quoted, quoted);
  log->pq->freemem (quoted);
  return command (log, sql, err, err_size);
}

int
pg_log_migrate (struct pg_log *log, const char *grant_role, char *done, size_t done_size,
                char *err, size_t err_size)
{
  int version = 0;
  char step[256];

  if (connect_server (log, err, err_size) != 0)
    return -1;
  /* One transaction: the tables are made whole or not at all, and two
     owners running it at once wait for each other (the lock). */
  PGresult *locked = NULL;
  if (command (log, "BEGIN", err, err_size) != 0
      || !(locked = query (log, "SELECT pg_advisory_xact_lock (5391750422)", 0, NULL,
                           PGRES_TUPLES_OK, err, err_size)))
    goto fail;
  log->pq->clear (locked);
  if (command (log, "CREATE SCHEMA IF NOT EXISTS safejob;"
               " CREATE TABLE IF NOT EXISTS safejob.schema_version"
               " (one boolean PRIMARY KEY DEFAULT true CHECK (one), version integer NOT NULL)",
               err, err_size) != 0
      || read_version (log, &version, err, err_size) != 0)
    goto fail;
  if (version > PG_SCHEMA_VERSION)
    {
      diag_format (err, err_size, "%s: the office log there is of version %d, made by a newer "
                   "safejob; this program uses version %d", log->name, version,
                   PG_SCHEMA_VERSION);
      goto fail;
    }
  for (int v = version; v < PG_SCHEMA_VERSION; v++)
    if (command (log, migrations[v], err, err_size) != 0)
      goto fail;
  snprintf (step, sizeof step, "INSERT INTO safejob.schema_version (version) VALUES (%d)"
            " ON CONFLICT (one) DO UPDATE SET version = excluded.version", PG_SCHEMA_VERSION);
  if (command (log, step, err, err_size) != 0
      || (grant_role && grant (log, grant_role, err, err_size) != 0)
      || command (log, "COMMIT", err, err_size) != 0)
    goto fail;
  size_t n;
  if (version == PG_SCHEMA_VERSION)
    n = (size_t) snprintf (done, done_size, "%s: the office log is of version %d already",
                           log->name, version);
  else if (version == 0)
    n = (size_t) snprintf (done, done_size, "%s: made the office log (version %d)", log->name,
                           PG_SCHEMA_VERSION);
  else
    n = (size_t) snprintf (done, done_size, "%s: brought the office log from version %d to %d",
                           log->name, version, PG_SCHEMA_VERSION);
  if (grant_role && n < done_size)
    snprintf (done + n, done_size - n, "; the role '%s' may use it from a desk", grant_role);
  return 0;

fail:
  if (log->pq->status (log->conn) == CONNECTION_OK)
    log->pq->clear (log->pq->exec (log->conn, "ROLLBACK"));
  return -1;
}
