/* pg_conn.h -- a connection to a PostgreSQL server that holds tables of
   safejob (schema safejob): the office log (offers_log_pg.c) and the
   fleet's usage figures (stats_pg.c). What they share: the connection
   made with the same time-outs, messages that name the server without
   its password, and tables of a version of their own that their owner
   makes and migrates while the desks and kiosks only use them. */
#ifndef SAFEJOB_PG_CONN_H
#define SAFEJOB_PG_CONN_H

#include <stdbool.h>
#include <stddef.h>
#include "pq.h"

struct pg_conn
{
  const struct pq *pq;
  PGconn *conn;          /* NULL until connected, and after it broke */
  char *conninfo;
  char name[512];        /* the server for messages, without a password */
};

/* One set of tables on the server, and how they are made. */
struct pg_tables
{
  const char *what;              /* for messages: "office log" */
  const char *version_table;     /* "safejob.schema_version": one row, the version */
  int version;                   /* the version this program uses */
  /* VERSION steps: step N brings the tables from version N to N + 1. */
  const char *const *migrations;
  const char *migrate_command;   /* "safejob office-db --migrate" */
  const char *user;              /* who uses them: "desk" */
  /* What a user's role is granted ("SELECT ON safejob.offer"), NULL-ended;
     USAGE on the schema and SELECT on the version come first. */
  const char *const *grants;
};

/* Whether VALUE names a PostgreSQL server rather than a file: a URI
   (postgresql://, postgres://) or key=value words (host=... dbname=...). */
bool pg_conn_is_conninfo (const char *value);

/* Sets up C for the server CONNINFO names, without connecting: -1, with
   the reason in ERR, when libpq cannot be loaded or CONNINFO is not a
   connection string. */
int pg_conn_init (struct pg_conn *c, const char *conninfo, char *err, size_t err_size);
/* Closes the connection, if any, and frees what C holds. */
void pg_conn_fini (struct pg_conn *c);

/* Whether C is connected, and the connection works. */
bool pg_conn_ok (const struct pg_conn *c);
/* Connects, if not connected. */
int pg_conn_connect (struct pg_conn *c, char *err, size_t err_size);
void pg_conn_disconnect (struct pg_conn *c);

/* Connects, if not connected, and checks that the server holds TABLES of
   this program's version: a user never makes or changes them. */
int pg_conn_use (struct pg_conn *c, const struct pg_tables *tables, char *err,
                 size_t err_size);

/* Makes TABLES, or brings them to this program's version, as their owner,
   in one transaction; with GRANT_ROLE, gives that role what a user needs
   and nothing more. Says what it did in DONE. */
int pg_conn_migrate (struct pg_conn *c, const struct pg_tables *tables, const char *grant_role,
                     char *done, size_t done_size, char *err, size_t err_size);

/* Writes "NAME: WHY" into ERR, WHY a libpq message made one line.
   Returns -1. */
int pg_conn_fail (const struct pg_conn *c, const char *why, char *err, size_t err_size);
/* The same with the connection's last error. */
int pg_conn_fail_conn (const struct pg_conn *c, char *err, size_t err_size);
/* Whether RESULT is of STATUS; else clears it and writes why into ERR. */
bool pg_conn_result_ok (const struct pg_conn *c, PGresult *result, ExecStatusType status,
                        char *err, size_t err_size);
/* Runs SQL, which returns no rows; 0, or -1. */
int pg_conn_command (struct pg_conn *c, const char *sql, char *err, size_t err_size);
/* Runs SQL with the N text PARAMS; the result, or NULL with ERR. */
PGresult *pg_conn_query (struct pg_conn *c, const char *sql, int n, const char *const *params,
                         ExecStatusType status, char *err, size_t err_size);
/* Rolls back the transaction under way, if the connection still works. */
void pg_conn_rollback (struct pg_conn *c);

#endif /* SAFEJOB_PG_CONN_H */
