/* stats.c -- the usage figures (SQLite). Rows are counters keyed by day and
   by values from closed sets; CHECK constraints hold every column to its
   set or to the shape of its values (a real date, a language code, an
   answer id of letters and one dot), and STRICT tables hold each to its
   type, so the database itself refuses free text, a phone number or a time
   of day, whatever writes to it. */
#include <config.h>
#include "stats.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <wchar.h>
#include "diag.h"
#include "export.h"
#include "sql.h"
#include "system.h"

#ifndef STATS_DB
# define STATS_DB "/var/lib/safejob/stats.db"
#endif

struct stats
{
  sqlite3 *db;
  char path[4096];
  char last_day[11];         /* of the last session recorded, for hide_time */
  char moved_aside[512];     /* a damaged file was moved aside: where, or "" */
};

/* Each CHECK is named after its column, so a refused value is reported as
   "CHECK constraint failed: sign". */
#define CHECK_OF(col) " CONSTRAINT " col " CHECK "
/* A real date: date () gives NULL for what is no date, and a CHECK that is
   NULL passes, hence IS. SQLite 3.40's date () gives "2026-02-30" back as
   written; adding no days makes it compute the date ("2026-03-02"). */
#define DAY_CHECK(col) CHECK_OF (col) "(" col " IS date (" col ", '+0 days'))"
#define COUNTRY_CHECK(col) \
  CHECK_OF (col) "(" col " = '' OR " col " GLOB '[A-Z][A-Z]')"
#define FLAG(col) col " INTEGER NOT NULL" CHECK_OF (col) "(" col " IN (0, 1))"
/* A count of one day's sessions, which last more than a second: no more
   than a day has seconds, so not a phone number either. */
#define COUNT_OF(range) " sessions INTEGER NOT NULL" CHECK_OF ("sessions") "(sessions " range "),"

/* The tables, whose counts are COUNT_OF (RANGE). A language is a code:
   "ne", "zh_CN", "en@pseudo", too short for a name that is more than a
   few letters, and never one with a capital. A sign is an answer's id
   from the checklist, "question.option": "passport.kept"; safejob-content
   allows no digits in these, so none is taken here, and with that no
   phone number. */
#define SCHEMA(RANGE) \
  "CREATE TABLE sessions (" \
  " day TEXT NOT NULL" DAY_CHECK ("day") "," \
  " language TEXT NOT NULL" CHECK_OF ("language") "(language GLOB '[a-z][a-z]'" \
  "  OR language GLOB '[a-z][a-z][a-z]' OR language GLOB '[a-z][a-z]_[A-Z][A-Z]'" \
  "  OR language GLOB '[a-z][a-z][a-z]_[A-Z][A-Z]' OR language = 'en@pseudo')," \
  " destination TEXT NOT NULL" COUNTRY_CHECK ("destination") "," \
  " level TEXT NOT NULL" CHECK_OF ("level") "(level IN ('none', 'low', 'medium', 'high'))," \
  " reached TEXT NOT NULL" CHECK_OF ("reached") \
  "(reached IN ('language', 'checklist', 'result', 'contacts'))," \
  " " FLAG ("contacts") ", " FLAG ("qr") ", " FLAG ("printed") "," \
  COUNT_OF (RANGE) \
  " PRIMARY KEY (day, language, destination, level, reached, contacts, qr, printed)" \
  ") STRICT, WITHOUT ROWID;" \
  "CREATE TABLE signs (" \
  " day TEXT NOT NULL" DAY_CHECK ("day") "," \
  " destination TEXT NOT NULL" COUNTRY_CHECK ("destination") "," \
  " sign TEXT NOT NULL" CHECK_OF ("sign") "(length (sign) <= 40" \
  "  AND sign GLOB '?*.?*' AND sign NOT GLOB '*.*.*'" \
  "  AND sign NOT GLOB '*[^a-z._-]*')," \
  COUNT_OF (RANGE) \
  " PRIMARY KEY (day, destination, sign)" \
  ") STRICT, WITHOUT ROWID;"

static const char schema[] = SCHEMA ("BETWEEN 1 AND 86400");
/* Figures added up over kiosks (stats_open_sum): a count is no longer
   one kiosk's day, and may pass a day's seconds. */
static const char sum_schema[] = SCHEMA (">= 1");

/* From version 1, whose checks let through a phone number as a sign or a
   count, a name as a language and a month 19: its tables are renamed, the new ones
   made, and the rows copied over; OR IGNORE drops every row that the new
   checks refuse. The columns are those of version 1, in the same order. */
static const char migrate_v1_rename[] =
  "ALTER TABLE sessions RENAME TO v1_sessions;"
  "ALTER TABLE signs RENAME TO v1_signs;";
static const char migrate_v1_copy[] =
  "INSERT OR IGNORE INTO sessions SELECT * FROM v1_sessions;"
  "INSERT OR IGNORE INTO signs SELECT * FROM v1_signs;"
  "DROP TABLE v1_sessions;"
  "DROP TABLE v1_signs;";

static const char *const reach_names[] = { "language", "checklist", "result", "contacts" };

const char *
stats_default_path (void)
{
  const char *env = getenv ("SAFEJOB_STATS_DB");
  return env && *env ? env : STATS_DB;
}

static int
fail (struct stats *stats, char *err, size_t err_size)
{
  char why[8192];
  return diag_format (err, err_size, "%s", sql_why (stats->db, stats->path, why, sizeof why));
}

/* Whether PROBLEMS, what SQLite's quick check says, tell of a page that
   it could not read: "Page 3: unable to get the page. error code=266",
   with the result code of the read (here SQLITE_IOERR_READ). A code of
   damage (SQLITE_CORRUPT) is no failed read. */
static bool
unreadable (const char *problems)
{
  static const char said[] = "unable to get the page. error code=";
  for (const char *at = strstr (problems, said); at; at = strstr (at + 1, said))
    {
      int rc = atoi (at + strlen (said)) & 0xff;
      if (rc != SQLITE_CORRUPT && rc != SQLITE_NOTADB)
        return true;
    }
  return false;
}

/* Whether DB is damaged: SQLite's quick check reports a problem, or the
   file is malformed or no database. Only that: a full disk, a lock or an
   I/O error is no damage, and moving the file aside then would lose the
   figures it holds. A check that could not read a page reports it among
   its problems, and the pages under it as never used: it tells nothing
   then (issue 19: one failed read moved a whole file aside, and the
   figures started again). */
static bool
damaged (sqlite3 *db)
{
  sqlite3_stmt *stmt = NULL;
  bool problem = false, unread = false;
  int rc = sqlite3_prepare_v2 (db, "PRAGMA quick_check", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
      {
        const char *said = (const char *) sqlite3_column_text (stmt, 0);
        if (said && strcmp (said, "ok") != 0)
          {
            problem = true;
            unread = unread || unreadable (said);
          }
      }
  sqlite3_finalize (stmt);
  return (problem && !unread) || rc == SQLITE_CORRUPT || rc == SQLITE_NOTADB;
}

/* Renames the damaged database at PATH, and its journal files, to
   PATH.damaged (numbered when one is there already); says where in
   WHERE. Returns 0, or -1 with errno set. */
static int
move_aside (const char *path, char *where, size_t size)
{
  static const char *const suffixes[] = { "-wal", "-shm", "-journal" };
  char other[4096 + 32];

  for (int n = 0; n < 100; n++)
    {
      if (n == 0)
        snprintf (where, size, "%s.damaged", path);
      else
        snprintf (where, size, "%s.damaged.%d", path, n);
      if (access (where, F_OK) != 0)
        break;
    }
  if (rename (path, where) != 0)
    {
      where[0] = '\0';
      return -1;
    }
  for (size_t i = 0; i < ARRAY_SIZE (suffixes); i++)
    {
      snprintf (other, sizeof other, "%s%s", path, suffixes[i]);
      char moved[4096 + 64];
      snprintf (moved, sizeof moved, "%s%s", where, suffixes[i]);
      rename (other, moved);    /* most often there is none */
    }
  return 0;
}

/* Sets the modification time of the database at PATH and of its journal
   files to the start of DAY (UTC): the time a file was last written would
   tell when the last person at the kiosk finished, which the figures
   themselves never keep (issue 19). */
static void
hide_time (const char *path, const char *day)
{
  static const char *const suffixes[] = { "", "-wal", "-shm" };
  struct tm tm = { 0 };
  char file[4096 + 8];

  if (sscanf (day, "%4d-%2d-%2d", &tm.tm_year, &tm.tm_mon, &tm.tm_mday) != 3)
    return;
  tm.tm_year -= 1900;
  tm.tm_mon -= 1;
  struct timespec times[2] = { { timegm (&tm), 0 }, { timegm (&tm), 0 } };
  for (size_t i = 0; i < ARRAY_SIZE (suffixes); i++)
    {
      snprintf (file, sizeof file, "%s%s", path, suffixes[i]);
      utimensat (AT_FDCWD, file, times, 0);    /* a missing journal is fine */
    }
}

const char *
stats_moved_aside (const struct stats *stats)
{
  return stats && stats->moved_aside[0] ? stats->moved_aside : NULL;
}

/* Whether DB's tables are the ones SCHEMA makes, constraints and all:
   the reports rely on them (no NULL, no count out of range), and a file
   made or edited by hand may have the right version and other tables. */
static bool
schema_matches (sqlite3 *db)
{
  static const char tables[] = "SELECT name, sql FROM sqlite_schema WHERE type = 'table'"
                               " ORDER BY name";
  sqlite3 *model = NULL;
  sqlite3_stmt *want = NULL, *have = NULL;
  bool same = false;

  if (sqlite3_open (":memory:", &model) != SQLITE_OK
      || sqlite3_exec (model, schema, NULL, NULL, NULL) != SQLITE_OK
      || sqlite3_prepare_v2 (model, tables, -1, &want, NULL) != SQLITE_OK
      || sqlite3_prepare_v2 (db, tables, -1, &have, NULL) != SQLITE_OK)
    goto out;
  for (;;)
    {
      int a = sqlite3_step (want), b = sqlite3_step (have);
      if (a != b || (a != SQLITE_ROW && a != SQLITE_DONE))
        break;
      if (a == SQLITE_DONE)
        {
          same = true;
          break;
        }
      const char *wn = (const char *) sqlite3_column_text (want, 0);
      const char *hn = (const char *) sqlite3_column_text (have, 0);
      const char *ws = (const char *) sqlite3_column_text (want, 1);
      const char *hs = (const char *) sqlite3_column_text (have, 1);
      if (!wn || !hn || !ws || !hs || strcmp (wn, hn) != 0 || strcmp (ws, hs) != 0)
        break;
    }
out:
  sqlite3_finalize (want);
  sqlite3_finalize (have);
  sqlite3_close (model);
  return same;
}

struct stats *
stats_open (const char *path, char *err, size_t err_size)
{
  struct stats *stats = calloc (1, sizeof *stats);
  sqlite3_stmt *stmt = NULL;
  int version;
  char why[8192];

  if (!stats)
    {
      diag_format (err, err_size, "out of memory");
      return NULL;
    }
  snprintf (stats->path, sizeof stats->path, "%s", path);
  if (sqlite3_open_v2 (path, &stats->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL)
      != SQLITE_OK)
    goto fail;
  /* A damaged file kept taking writes while failing its integrity check
     (issue 19): it is moved aside, for whoever wants to recover it, and
     the figures start again in a new one; staff are told. */
  if (damaged (stats->db))
    {
      sqlite3_close (stats->db);
      stats->db = NULL;
      if (move_aside (path, stats->moved_aside, sizeof stats->moved_aside) != 0
          || sqlite3_open_v2 (path, &stats->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL)
             != SQLITE_OK)
        {
          diag_format (err, err_size, "%s: damaged, and it cannot be moved aside: %s", path,
                       stats->moved_aside[0] ? stats->moved_aside : strerror (errno));
          stats_close (stats);
          return NULL;
        }
    }
  /* A locked database (an export running) is waited for briefly, not
     forever: the kiosk must go on. */
  sqlite3_busy_timeout (stats->db, 1000);
  sqlite3_db_config (stats->db, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
  /* synchronous is per connection: every commit reaches the disk before
     the session is reported saved. secure_delete too: what is deleted (old
     days, rows an upgrade drops) is overwritten, not left in free pages. */
  if (sqlite3_exec (stats->db, "PRAGMA trusted_schema = OFF; PRAGMA journal_mode = WAL;"
                    " PRAGMA synchronous = FULL; PRAGMA secure_delete = ON;",
                    NULL, NULL, NULL) != SQLITE_OK)
    goto fail;
  if (sqlite3_exec (stats->db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
    goto fail;
  if (sqlite3_prepare_v2 (stats->db, "PRAGMA user_version", -1, &stmt, NULL) != SQLITE_OK
      || sqlite3_step (stmt) != SQLITE_ROW)
    goto rollback;
  version = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  stmt = NULL;
  if (version == 0 || version == 1)
    {
      /* A new database, or one of version 1 upgraded in this transaction:
         its counts are kept, and a failure leaves it as it was. */
      char *sql = sqlite3_mprintf ("%s%s%s PRAGMA user_version = %d;",
                                   version == 1 ? migrate_v1_rename : "", schema,
                                   version == 1 ? migrate_v1_copy : "", STATS_SCHEMA_VERSION);
      int rc = sql ? sqlite3_exec (stats->db, sql, NULL, NULL, NULL) : SQLITE_NOMEM;
      sqlite3_free (sql);
      if (rc != SQLITE_OK)
        goto rollback;
    }
  else if (version != STATS_SCHEMA_VERSION)
    {
      sqlite3_exec (stats->db, "ROLLBACK", NULL, NULL, NULL);
      diag_format (err, err_size, "%s: usage figures of version %d; this program uses version %d",
                   path, version, STATS_SCHEMA_VERSION);
      stats_close (stats);
      return NULL;
    }
  if (!schema_matches (stats->db))
    {
      sqlite3_exec (stats->db, "ROLLBACK", NULL, NULL, NULL);
      diag_format (err, err_size, "%s: not the kiosk's usage figures: its tables differ from "
                   "those of version %d", path, STATS_SCHEMA_VERSION);
      stats_close (stats);
      return NULL;
    }
  if (sqlite3_exec (stats->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
    goto rollback;
  return stats;

rollback:
  diag_format (err, err_size, "%s: %s", path, sql_why (stats->db, path, why, sizeof why));
  sqlite3_finalize (stmt);
  sqlite3_exec (stats->db, "ROLLBACK", NULL, NULL, NULL);
  stats_close (stats);
  return NULL;
fail:
  diag_format (err, err_size, "%s: %s", path, sql_why (stats->db, path, why, sizeof why));
  stats_close (stats);
  return NULL;
}

void
stats_close (struct stats *stats)
{
  if (!stats)
    return;
  sqlite3_close (stats->db);
  /* Closing writes the journal back into the file: its time again. */
  if (stats->last_day[0])
    hide_time (stats->path, stats->last_day);
  free (stats);
}

int
stats_record (struct stats *stats, const struct stats_session *s, char *err, size_t err_size)
{
  const char *destination = s->destination ? s->destination : "";

  if (sqlite3_exec (stats->db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
    return fail (stats, err, err_size);
  if (sql_run (stats->db, "INSERT INTO sessions VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 1)"
               " ON CONFLICT DO UPDATE SET sessions = sessions + 1", "sssssiii", s->day,
               s->language, destination, s->level, reach_names[s->reached], (int) s->contacts_shown,
               (int) s->qr_shown, (int) s->printed) != SQLITE_OK)
    goto rollback;
  for (size_t i = 0; i < s->sign_count && i < STATS_MAX_SIGNS; i++)
    if (sql_run (stats->db, "INSERT INTO signs VALUES (?1, ?2, ?3, 1)"
                 " ON CONFLICT DO UPDATE SET sessions = sessions + 1", "sss", s->day,
                 destination, s->signs[i]) != SQLITE_OK)
      goto rollback;
  if (sqlite3_exec (stats->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
    goto rollback;
  hide_time (stats->path, s->day);
  snprintf (stats->last_day, sizeof stats->last_day, "%s", s->day);
  return 0;

rollback:
  fail (stats, err, err_size);
  sqlite3_exec (stats->db, "ROLLBACK", NULL, NULL, NULL);
  return -1;
}

int
stats_prune (struct stats *stats, const char *today, int keep_days, char *err, size_t err_size)
{
  char modifier[32];
  snprintf (modifier, sizeof modifier, "-%d days", keep_days);
  if (sql_run (stats->db, "DELETE FROM sessions WHERE day < date (?1, ?2)", "ss", today,
               modifier) != SQLITE_OK
      || sql_run (stats->db, "DELETE FROM signs WHERE day < date (?1, ?2)", "ss", today,
                  modifier) != SQLITE_OK)
    return fail (stats, err, err_size);
  return 0;
}

/* --- Rows, for the fleet's server (stats_pg.c) ----------------------------- */

struct stats *
stats_open_sum (char *err, size_t err_size)
{
  struct stats *stats = calloc (1, sizeof *stats);
  if (!stats)
    {
      diag_format (err, err_size, "out of memory");
      return NULL;
    }
  snprintf (stats->path, sizeof stats->path, "(figures added up, in memory)");
  if (sqlite3_open (":memory:", &stats->db) != SQLITE_OK
      || sqlite3_exec (stats->db, sum_schema, NULL, NULL, NULL) != SQLITE_OK)
    {
      fail (stats, err, err_size);
      stats_close (stats);
      return NULL;
    }
  return stats;
}

int
stats_add (struct stats *stats, const struct stats_row *row, char *err, size_t err_size)
{
  /* Values as text: a STRICT table takes "1" into an INTEGER column as 1,
     and refuses what is no integer. */
  const char *const *v = row->v;
  int rc = row->sign
    ? sql_run (stats->db, "INSERT INTO signs VALUES (?1, ?2, ?3, ?4)"
               " ON CONFLICT DO UPDATE SET sessions = sessions + excluded.sessions", "ssss",
               v[0], v[1], v[2], v[3])
    : sql_run (stats->db, "INSERT INTO sessions VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"
               " ON CONFLICT DO UPDATE SET sessions = sessions + excluded.sessions",
               "sssssssss", v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8]);
  return rc == SQLITE_OK ? 0 : fail (stats, err, err_size);
}

/* Calls FN with each row of SQL's result, as a row of signs or not. */
static int
each_row (struct stats *stats, const char *sql, const char *before, bool sign, stats_row_fn *fn,
          void *context, char *err, size_t err_size)
{
  sqlite3_stmt *stmt;
  int rc, n = 0;
  if (sqlite3_prepare_v2 (stats->db, sql, -1, &stmt, NULL) != SQLITE_OK)
    return fail (stats, err, err_size);
  sqlite3_bind_text (stmt, 1, before ? before : "9999-99-99", -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      struct stats_row row = { .sign = sign };
      int columns = sqlite3_column_count (stmt);
      for (int i = 0; i < columns && i < STATS_SESSION_COLUMNS; i++)
        row.v[i] = (const char *) sqlite3_column_text (stmt, i);
      if (fn (context, &row, err, err_size) != 0)
        {
          sqlite3_finalize (stmt);
          return -1;
        }
      n++;
    }
  if (rc != SQLITE_DONE)
    {
      fail (stats, err, err_size);
      sqlite3_finalize (stmt);
      return -1;
    }
  sqlite3_finalize (stmt);
  return n;
}

int
stats_rows (struct stats *stats, const char *before, stats_row_fn *fn, void *context, char *err,
            size_t err_size)
{
  /* One read transaction: a session the kiosk records meanwhile is in
     both tables' rows or in neither. */
  if (sqlite3_exec (stats->db, "BEGIN", NULL, NULL, NULL) != SQLITE_OK)
    return fail (stats, err, err_size);
  int sessions = each_row (stats, "SELECT day, language, destination, level, reached, contacts,"
                           " qr, printed, sessions FROM sessions WHERE day < ?1 ORDER BY day",
                           before, false, fn, context, err, err_size);
  int signs = sessions < 0 ? -1
    : each_row (stats, "SELECT day, destination, sign, sessions FROM signs WHERE day < ?1"
                " ORDER BY day", before, true, fn, context, err, err_size);
  sqlite3_exec (stats->db, "COMMIT", NULL, NULL, NULL);
  return signs < 0 ? -1 : sessions + signs;
}

/* --- Reading ------------------------------------------------------------- */

static sqlite3_stmt *
prepare_range (struct stats *stats, const char *sql, const char *from, const char *to)
{
  sqlite3_stmt *stmt;
  if (sqlite3_prepare_v2 (stats->db, sql, -1, &stmt, NULL) != SQLITE_OK)
    return NULL;
  sqlite3_bind_text (stmt, 1, from ? from : "0000-00-00", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, to ? to : "9999-99-99", -1, SQLITE_STATIC);
  return stmt;
}

#define IN_RANGE " WHERE day BETWEEN ?1 AND ?2 "

static int
write_rows (struct stats *stats, enum stats_format format, bool signs, const char *from,
            const char *to, const char *kiosk, FILE *out)
{
  /* A day's rows of fewer than STATS_MIN_COUNT sessions become one row
     of that day, its other columns "*", last of the day. */
#define SMALL " AND sessions < ?3 "
#define LARGE " AND sessions >= ?3 "
  const char *sql = signs
    ? "SELECT * FROM (SELECT day, destination, sign, sessions FROM signs" IN_RANGE LARGE
      " UNION ALL SELECT day, '*', '*', sum (sessions) FROM signs" IN_RANGE SMALL "GROUP BY day)"
      " ORDER BY day, destination = '*', destination, sign"
    : "SELECT * FROM (SELECT day, language, destination, level, reached, contacts, qr, printed,"
      " sessions FROM sessions" IN_RANGE LARGE
      " UNION ALL SELECT day, '*', '*', '*', '*', '*', '*', '*', sum (sessions) FROM sessions"
      IN_RANGE SMALL "GROUP BY day)"
      " ORDER BY day, language = '*', language, destination, level, reached";
#undef SMALL
#undef LARGE
  static const char *const session_cols[] = { "day", "language", "destination", "level",
                                              "reached", "contacts", "qr", "printed", "sessions" };
  static const char *const sign_cols[] = { "day", "destination", "sign", "sessions" };
  const char *const *cols = signs ? sign_cols : session_cols;
  int ncols = signs ? 4 : 9;
  sqlite3_stmt *stmt = prepare_range (stats, sql, from, to);
  int rc, rows = 0;

  if (!stmt)
    return -1;
  sqlite3_bind_int (stmt, 3, STATS_MIN_COUNT);
  if (format != STATS_JSON)
    {
      fputs ("kiosk", out);
      for (int i = 0; i < ncols; i++)
        fprintf (out, ",%s", cols[i]);
      fputc ('\n', out);
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (format == STATS_JSON)
        {
          fputs (rows ? ",\n    {" : "\n    {", out);
          for (int i = 0; i < ncols; i++)
            {
              fprintf (out, "%s\"%s\": ", i ? ", " : "", cols[i]);
              if (sqlite3_column_type (stmt, i) == SQLITE_INTEGER)
                fprintf (out, "%lld", (long long) sqlite3_column_int64 (stmt, i));
              else
                export_json_string (out, (const char *) sqlite3_column_text (stmt, i));
            }
          fputc ('}', out);
        }
      else
        {
          export_csv_field (out, kiosk);
          for (int i = 0; i < ncols; i++)
            {
              const unsigned char *value = sqlite3_column_text (stmt, i);
              fputc (',', out);
              export_csv_field (out, value ? (const char *) value : "");
            }
          fputc ('\n', out);
        }
      rows++;
    }
  sqlite3_finalize (stmt);
  if (format == STATS_JSON)
    fputs (rows ? "\n  ]" : "]", out);
  return rc == SQLITE_DONE ? 0 : -1;
}

/* A summary line: LABEL padded to 24 columns as the terminal counts them
   (a translated label is no ASCII: printf's %-24s counts bytes), then N. */
static void
summary_line (FILE *out, const char *label, long long n)
{
  wchar_t wide[64];
  size_t len = mbstowcs (wide, label, sizeof wide / sizeof *wide - 1);
  int width = len == (size_t) -1 ? (int) strlen (label) : wcswidth (wide, len);
  if (width < 0)
    width = (int) strlen (label);
  fprintf (out, "  %s%*s %8lld\n", label, width < 24 ? 24 - width : 0, "", n);
}

/* Prints the total per value of COLUMN, most frequent first: at most
   LIMIT values of STATS_MIN_COUNT or more, the rest together on an
   "others" line. A lone small value would be told by the total less the
   lines shown, so the smallest value shown joins it. */
static int
write_breakdown (struct stats *stats, const char *title, const char *table, const char *column,
                 const char *from, const char *to, int limit, FILE *out)
{
  enum { MAX_VALUES = 256 };
  struct { char value[STATS_SIGN_MAX + 1]; long long n; } rows[MAX_VALUES];
  char *sql = sqlite3_mprintf ("SELECT %s, sum (sessions) AS n FROM %s" IN_RANGE
                               "GROUP BY %s ORDER BY n DESC, %s",
                               column, table, column, column);
  sqlite3_stmt *stmt = sql ? prepare_range (stats, sql, from, to) : NULL;
  int rc, count = 0, folded = 0, folded_small = 0;
  long long others = 0;
  sqlite3_free (sql);
  if (!stmt)
    return -1;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *value = (const char *) sqlite3_column_text (stmt, 0);
      long long n = sqlite3_column_int64 (stmt, 1);
      if (n >= STATS_MIN_COUNT && count < limit && count < MAX_VALUES)
        {
          snprintf (rows[count].value, sizeof rows[count].value, "%s",
                    value && *value ? value : "-");
          rows[count++].n = n;
        }
      else
        {
          others += n;
          folded++;
          folded_small += n < STATS_MIN_COUNT;
        }
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return -1;
  if (folded == 1 && folded_small == 1 && count > 0)
    others += rows[--count].n;
  fprintf (out, "%s\n", title);
  for (int i = 0; i < count; i++)
    summary_line (out, rows[i].value, rows[i].n);
  if (others > 0)
    /* TRANSLATORS: the line of a staff summary that adds up the values too
       few to show alone; keep it under 24 columns. */
    summary_line (out, _("(others together)"), others);
  if (count == 0 && others == 0)
    /* TRANSLATORS: a staff summary with nothing counted under a heading. */
    fprintf (out, "  %s\n", C_("nothing counted", "none"));
  return 0;
}

static int
write_summary (struct stats *stats, const char *from, const char *to, FILE *out)
{
  sqlite3_stmt *stmt = prepare_range (stats,
    "SELECT coalesce (sum (sessions), 0), coalesce (sum (sessions * contacts), 0),"
    " coalesce (sum (sessions * qr), 0), coalesce (sum (sessions * printed), 0),"
    " min (day), max (day) FROM sessions" IN_RANGE, from, to);
  if (!stmt || sqlite3_step (stmt) != SQLITE_ROW)
    {
      sqlite3_finalize (stmt);
      return -1;
    }
  const char *first = (const char *) sqlite3_column_text (stmt, 4);
  const char *last = (const char *) sqlite3_column_text (stmt, 5);
  /* TRANSLATORS: %1$lld is a number of sessions; %2$s and %3$s are dates. */
  fprintf (out, _("Sessions: %1$lld, from %2$s to %3$s\n"),
           (long long) sqlite3_column_int64 (stmt, 0), first ? first : "-", last ? last : "-");
  fprintf (out, _("Contacts shown: %lld\n"), (long long) sqlite3_column_int64 (stmt, 1));
  fprintf (out, _("QR codes shown: %lld\n"), (long long) sqlite3_column_int64 (stmt, 2));
  fprintf (out, _("Slips printed: %lld\n"), (long long) sqlite3_column_int64 (stmt, 3));
  sqlite3_finalize (stmt);
  /* TRANSLATORS: %d is a small number, such as 5. */
  fprintf (out, _("Counts under %d are shown only together with others, so that nobody can be "
                  "singled out.\n"), STATS_MIN_COUNT);
  if (write_breakdown (stats, _("By result:"), "sessions", "level", from, to, 4, out)
      || write_breakdown (stats, _("How far people got:"), "sessions", "reached", from, to, 4, out)
      || write_breakdown (stats, _("By language:"), "sessions", "language", from, to, 40, out)
      || write_breakdown (stats, _("By destination:"), "sessions", "destination", from, to, 10, out)
      || write_breakdown (stats, _("Warning signs found most:"), "signs", "sign", from, to, 10, out))
    return -1;
  return 0;
}

int
stats_write (struct stats *stats, enum stats_format format, const char *from, const char *to,
             const char *kiosk_id, FILE *out, char *err, size_t err_size)
{
  const char *kiosk = kiosk_id && *kiosk_id ? kiosk_id : "kiosk";
  int rc;

  switch (format)
    {
    case STATS_TEXT:
      rc = write_summary (stats, from, to, out);
      break;
    case STATS_CSV:
    case STATS_CSV_SIGNS:
      rc = write_rows (stats, format, format == STATS_CSV_SIGNS, from, to, kiosk, out);
      break;
    case STATS_JSON:
    default:
      fputs ("{\n  \"kiosk\": ", out);
      export_json_string (out, kiosk);
      fputs (",\n  \"from\": ", out);
      export_json_string (out, from);
      fputs (",\n  \"to\": ", out);
      export_json_string (out, to);
      fputs (",\n  \"sessions\": [", out);
      rc = write_rows (stats, format, false, from, to, kiosk, out);
      fputs (",\n  \"signs\": [", out);
      rc = rc ? rc : write_rows (stats, format, true, from, to, kiosk, out);
      fputs ("\n}\n", out);
      break;
    }
  if (rc != 0)
    return fail (stats, err, err_size);
  return 0;
}
