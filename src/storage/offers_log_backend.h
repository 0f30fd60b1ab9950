/* offers_log_backend.h -- the two places an office log can be, behind
   offers_log.h: an SQLite file on the desk (offers_log_sqlite.c), and a
   PostgreSQL server that every desk of a fleet shares (offers_log_pg.c),
   to which a desk sends what it first wrote to its file. Only
   offers_log.c uses them. */
#ifndef SAFEJOB_OFFERS_LOG_BACKEND_H
#define SAFEJOB_OFFERS_LOG_BACKEND_H

#include <stdbool.h>
#include <stddef.h>
#include "offer.h"

/* The columns of a screening, in the order both backends read and write
   them; every value is text (the score in decimal). */
enum log_column
{
  LOG_ID,               /* 32 hex digits, 128 random bits: the screening's own */
  LOG_DAY,              /* YYYY-MM-DD */
  LOG_AGENCY, LOG_AGENCY_KEY,
  LOG_LICENCE, LOG_LICENCE_KEY,
  LOG_EMPLOYER, LOG_EMPLOYER_KEY,
  LOG_TITLE, LOG_COUNTRY, LOG_OFFER_DATE,
  LOG_LEVEL,            /* low, medium or high */
  LOG_SCORE,
  LOG_SIGNS,
  LOG_CONTENT_VERSION,
  LOG_COLUMNS
};

/* One screening, each value its own allocation (log_row_free). */
struct log_row
{
  char *v[LOG_COLUMNS];
};

/* Frees ROW's values and clears it. */
void log_row_free (struct log_row *row);

/* Called with each row read; returns 0 to go on, or -1 to stop (with a
   message in ERR). */
typedef int log_row_fn (void *context, const struct log_row *row, char *err, size_t err_size);

/* The keys of a screening's three names (offers_log_key), in the order of
   enum offer_field: agency, licence, employer. "" matches nothing. */
enum { LOG_NAMES = 3 };
typedef char log_keys[LOG_NAMES][OFFER_TEXT_MAX + 1];

/* What a lookup found for each name: day "" when nothing. */
typedef struct offer_earlier log_found[LOG_NAMES];

/* --- The SQLite file ------------------------------------------------------ */

struct sqlite_log;

/* Opens (and with CREATE makes) the file at PATH, bringing an older
   version's to this one. NULL with a message in ERR. */
struct sqlite_log *sqlite_log_open (const char *path, bool create, char *err, size_t err_size);
void sqlite_log_close (struct sqlite_log *log);

/* Deletes what is older than KEEP_DAYS days before TODAY, leaving nothing
   of it in the file; returns how many, or -1. */
int sqlite_log_forget (struct sqlite_log *log, const char *today, int keep_days, char *err,
                       size_t err_size);

/* Adds ROW; 0, or -1. */
int sqlite_log_insert (struct sqlite_log *log, const struct log_row *row, char *err,
                       size_t err_size);

/* The latest high-risk screening of each name whose key is in KEYS. */
int sqlite_log_earlier (struct sqlite_log *log, log_keys keys, log_found found, char *err,
                        size_t err_size);

/* Calls FN with every row, oldest first, or with the first MAX rows
   (MAX 0: all); returns how many, or -1. */
int sqlite_log_rows (struct sqlite_log *log, size_t max, log_row_fn *fn, void *context,
                     char *err, size_t err_size);

/* Deletes the rows whose ids are IDS (N of them, at most SQLite's 32766
   variables), in one statement; 0, or -1. */
int sqlite_log_remove (struct sqlite_log *log, char *const *ids, size_t n, char *err,
                       size_t err_size);

/* How many rows it holds, or -1. */
int sqlite_log_count (struct sqlite_log *log, char *err, size_t err_size);

/* --- The PostgreSQL server ------------------------------------------------ */

struct pg_log;

/* A handle on the server CONNINFO names, without connecting: NULL, with
   the reason in ERR, when libpq cannot be loaded or CONNINFO is not a
   connection string. */
struct pg_log *pg_log_new (const char *conninfo, char *err, size_t err_size);
void pg_log_free (struct pg_log *log);

/* The server as messages name it: its parameters without the password. */
const char *pg_log_name (const struct pg_log *log);

/* Each of these connects first if need be, and checks that the server
   holds an office log of this program's version; a connection found
   broken is made again once. -1 with the reason in ERR when the server
   cannot be reached, refuses, or fails. */

/* Adds the N ROWS in one transaction, each unless a row of its id is
   there already: a row sent twice is stored once. 0 once committed. */
int pg_log_send (struct pg_log *log, const struct log_row *rows, size_t n, char *err,
                 size_t err_size);
int pg_log_earlier (struct pg_log *log, log_keys keys, log_found found, char *err,
                    size_t err_size);
int pg_log_forget (struct pg_log *log, const char *today, int keep_days, char *err,
                   size_t err_size);
/* Every row, oldest first, read as they come (not all held at once). */
int pg_log_rows (struct pg_log *log, log_row_fn *fn, void *context, char *err, size_t err_size);
/* How many screenings the server holds, or -1. */
long pg_log_count (struct pg_log *log, char *err, size_t err_size);

/* Creates the office log's tables on the server, or brings them to this
   program's version, as their owner; with GRANT_ROLE, gives that role
   what a desk needs and nothing more. Says what it did in DONE. */
int pg_log_migrate (struct pg_log *log, const char *grant_role, char *done, size_t done_size,
                    char *err, size_t err_size);

/* The version of the office log's tables this program writes. */
int pg_log_schema_version (void);

#endif /* SAFEJOB_OFFERS_LOG_BACKEND_H */
