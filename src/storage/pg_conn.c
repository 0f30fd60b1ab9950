/* pg_conn.c -- a connection to a PostgreSQL server for safejob's tables
   there (see pg_conn.h). Moved out of offers_log_pg.c when the fleet's
   usage figures came to the same server: both make the same connection,
   say the same things the same way, and version their tables alike. */
#include <config.h>
#include "pg_conn.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "diag.h"
#include "system.h"

/* One lock for every set of tables: two owners migrating at once, even
   different tables, wait for each other (both make the schema). */
#define MIGRATION_LOCK "5391750422"

/* --- Connection strings ------------------------------------------------------ */

bool
pg_conn_is_conninfo (const char *value)
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
describe (struct pg_conn *c, PQconninfoOption *options)
{
  static const char *const shown[] = { "host", "hostaddr", "port", "dbname", "user" };
  size_t n = (size_t) snprintf (c->name, sizeof c->name, "PostgreSQL (");
  bool any = false;
  for (PQconninfoOption *o = options; o->keyword; o++)
    for (size_t i = 0; i < ARRAY_SIZE (shown); i++)
      if (strcmp (o->keyword, shown[i]) == 0 && o->val && *o->val && n < sizeof c->name)
        {
          n += (size_t) snprintf (c->name + n, sizeof c->name - n, "%s%s=%s", any ? " " : "",
                                  o->keyword, o->val);
          any = true;
        }
  if (n < sizeof c->name)
    snprintf (c->name + n, sizeof c->name - n, "%s)", any ? "" : "the default server");
}

int
pg_conn_init (struct pg_conn *c, const char *conninfo, char *err, size_t err_size)
{
  memset (c, 0, sizeof *c);
  const struct pq *pq = pq_library (err, err_size);
  if (!pq)
    return -1;
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
      return -1;
    }
  c->conninfo = strdup (conninfo);
  if (!c->conninfo)
    {
      pq->conninfo_free (options);
      return diag_format (err, err_size, "out of memory");
    }
  c->pq = pq;
  describe (c, options);
  pq->conninfo_free (options);
  return 0;
}

void
pg_conn_fini (struct pg_conn *c)
{
  pg_conn_disconnect (c);
  free (c->conninfo);
  c->conninfo = NULL;
}

/* --- Errors and results ---------------------------------------------------- */

int
pg_conn_fail (const struct pg_conn *c, const char *why, char *err, size_t err_size)
{
  /* libpq ends its messages with a line break, and puts hints on lines
     of their own. */
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
  return diag_format (err, err_size, "%s: %s", c->name, line);
}

int
pg_conn_fail_conn (const struct pg_conn *c, char *err, size_t err_size)
{
  return pg_conn_fail (c, c->pq->error_message (c->conn), err, err_size);
}

bool
pg_conn_result_ok (const struct pg_conn *c, PGresult *result, ExecStatusType status, char *err,
                   size_t err_size)
{
  if (result && c->pq->result_status (result) == status)
    return true;
  if (result)
    pg_conn_fail (c, c->pq->result_error_message (result), err, err_size);
  else
    pg_conn_fail_conn (c, err, err_size);
  c->pq->clear (result);
  return false;
}

int
pg_conn_command (struct pg_conn *c, const char *sql, char *err, size_t err_size)
{
  PGresult *result = c->pq->exec (c->conn, sql);
  if (!pg_conn_result_ok (c, result, PGRES_COMMAND_OK, err, err_size))
    return -1;
  c->pq->clear (result);
  return 0;
}

PGresult *
pg_conn_query (struct pg_conn *c, const char *sql, int n, const char *const *params,
               ExecStatusType status, char *err, size_t err_size)
{
  PGresult *result = c->pq->exec_params (c->conn, sql, n, NULL, params, NULL, NULL, 0);
  return pg_conn_result_ok (c, result, status, err, err_size) ? result : NULL;
}

void
pg_conn_rollback (struct pg_conn *c)
{
  /* (On a broken connection there is nothing to roll back: the server
     did when it broke.) */
  if (pg_conn_ok (c))
    c->pq->clear (c->pq->exec (c->conn, "ROLLBACK"));
}

/* NOTICEs ("schema already exists, skipping") are not for staff. */
static void
quiet (void *arg, const char *message)
{
  (void) arg;
  (void) message;
}

/* --- Connecting ------------------------------------------------------------ */

bool
pg_conn_ok (const struct pg_conn *c)
{
  return c->conn && c->pq->status (c->conn) == CONNECTION_OK;
}

void
pg_conn_disconnect (struct pg_conn *c)
{
  if (c->conn)
    c->pq->finish (c->conn);
  c->conn = NULL;
}

int
pg_conn_connect (struct pg_conn *c, char *err, size_t err_size)
{
  if (pg_conn_ok (c))
    return 0;
  pg_conn_disconnect (c);
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
    "10", "20000", "10", "5", "3", "safejob", c->conninfo, "UTF8", NULL,
  };
  c->conn = c->pq->connectdb_params (keywords, values, 1);
  if (!c->conn)
    return diag_format (err, err_size, "%s: out of memory", c->name);
  if (c->pq->status (c->conn) != CONNECTION_OK)
    {
      pg_conn_fail_conn (c, err, err_size);
      pg_conn_disconnect (c);
      return -1;
    }
  c->pq->set_notice_processor (c->conn, quiet, NULL);
  return 0;
}

/* The version of the server's TABLES into *VERSION: 0 when it has none. */
static int
read_version (struct pg_conn *c, const struct pg_tables *tables, int *version, char *err,
              size_t err_size)
{
  const struct pq *pq = c->pq;
  char sql[256];
  snprintf (sql, sizeof sql, "SELECT version FROM %s", tables->version_table);
  PGresult *result = pq->exec (c->conn, sql);
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
      const char *user = pq->user (c->conn);
      diag_format (err, err_size, "%s: the role '%s' may not use the %s there; its owner "
                   "gives a %s's role what it needs with '%s --grant=%s'", c->name, user,
                   tables->what, tables->user, tables->migrate_command, user);
      pq->clear (result);
      return -1;
    }
  pg_conn_result_ok (c, result, PGRES_TUPLES_OK, err, err_size);
  return -1;
}

int
pg_conn_use (struct pg_conn *c, const struct pg_tables *tables, char *err, size_t err_size)
{
  if (pg_conn_ok (c))
    return 0;
  int version = -1;
  if (pg_conn_connect (c, err, err_size) != 0)
    return -1;
  if (read_version (c, tables, &version, err, err_size) != 0)
    {
      pg_conn_disconnect (c);
      return -1;
    }
  if (version == tables->version)
    return 0;
  if (version == 0)
    diag_format (err, err_size, "%s: there is no %s there yet; the database's owner makes it "
                 "with '%s'", c->name, tables->what, tables->migrate_command);
  else if (version < tables->version)
    diag_format (err, err_size, "%s: the %s there is of version %d and this program uses "
                 "version %d; the database's owner brings it up to date with '%s'", c->name,
                 tables->what, version, tables->version, tables->migrate_command);
  else
    diag_format (err, err_size, "%s: the %s there is of version %d, made by a newer safejob, "
                 "and this program uses version %d: update safejob on this %s", c->name,
                 tables->what, version, tables->version, tables->user);
  pg_conn_disconnect (c);
  return -1;
}

/* --- What the owner does --------------------------------------------------- */

/* Gives ROLE what a user of TABLES does with them, and nothing more. */
static int
grant (struct pg_conn *c, const struct pg_tables *tables, const char *role, char *err,
       size_t err_size)
{
  char *quoted = c->pq->escape_identifier (c->conn, role, strlen (role));
  if (!quoted)
    return pg_conn_fail_conn (c, err, err_size);
  char sql[1024];
  int rc = 0;
  snprintf (sql, sizeof sql, "GRANT USAGE ON SCHEMA safejob TO %s; GRANT SELECT ON %s TO %s",
            quoted, tables->version_table, quoted);
  rc = pg_conn_command (c, sql, err, err_size);
  for (const char *const *g = tables->grants; rc == 0 && *g; g++)
    {
      snprintf (sql, sizeof sql, "GRANT %s TO %s", *g, quoted);
      rc = pg_conn_command (c, sql, err, err_size);
    }
  c->pq->freemem (quoted);
  return rc;
}

int
pg_conn_migrate (struct pg_conn *c, const struct pg_tables *tables, const char *grant_role,
                 char *done, size_t done_size, char *err, size_t err_size)
{
  int version = 0;
  char sql[512];

  if (pg_conn_connect (c, err, err_size) != 0)
    return -1;
  /* One transaction: the tables are made whole or not at all, and two
     owners running it at once wait for each other (the lock). */
  PGresult *locked = NULL;
  if (pg_conn_command (c, "BEGIN", err, err_size) != 0
      || !(locked = pg_conn_query (c, "SELECT pg_advisory_xact_lock (" MIGRATION_LOCK ")", 0,
                                   NULL, PGRES_TUPLES_OK, err, err_size)))
    goto fail;
  c->pq->clear (locked);
  snprintf (sql, sizeof sql, "CREATE SCHEMA IF NOT EXISTS safejob;"
            " CREATE TABLE IF NOT EXISTS %s"
            " (one boolean PRIMARY KEY DEFAULT true CHECK (one), version integer NOT NULL)",
            tables->version_table);
  if (pg_conn_command (c, sql, err, err_size) != 0
      || read_version (c, tables, &version, err, err_size) != 0)
    goto fail;
  if (version > tables->version)
    {
      diag_format (err, err_size, "%s: the %s there is of version %d, made by a newer "
                   "safejob; this program uses version %d", c->name, tables->what, version,
                   tables->version);
      goto fail;
    }
  for (int v = version; v < tables->version; v++)
    if (pg_conn_command (c, tables->migrations[v], err, err_size) != 0)
      goto fail;
  snprintf (sql, sizeof sql, "INSERT INTO %s (version) VALUES (%d)"
            " ON CONFLICT (one) DO UPDATE SET version = excluded.version", tables->version_table,
            tables->version);
  if (pg_conn_command (c, sql, err, err_size) != 0
      || (grant_role && grant (c, tables, grant_role, err, err_size) != 0)
      || pg_conn_command (c, "COMMIT", err, err_size) != 0)
    goto fail;
  size_t n;
  if (version == tables->version)
    n = (size_t) snprintf (done, done_size, "%s: the %s is of version %d already", c->name,
                           tables->what, version);
  else if (version == 0)
    n = (size_t) snprintf (done, done_size, "%s: made the %s (version %d)", c->name,
                           tables->what, tables->version);
  else
    n = (size_t) snprintf (done, done_size, "%s: brought the %s from version %d to %d", c->name,
                           tables->what, version, tables->version);
  if (grant_role && n < done_size)
    snprintf (done + n, done_size - n, "; the role '%s' may use it from a %s", grant_role,
              tables->user);
  return 0;

fail:
  pg_conn_rollback (c);
  return -1;
}
