/* offers_log_sqlite.c -- the office log as an SQLite file on the desk: the
   whole log of a desk on its own, or the outbox of a desk whose log is on
   a server (offers_log.c), where each screening waits until the server
   has it. */
#include <config.h>
#include "offers_log_backend.h"

#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "diag.h"
#include "offers_log.h"
#include "sql.h"
#include "system.h"

/* Version 2: the names' keys drop legal forms and plural s (version 1's
   kept every letter). Version 3: each screening has a random id (uid), by
   which a server stores it once however often it is sent. An older log
   is brought to this version when opened. */
enum { LOG_SCHEMA_VERSION = 3 };

struct sqlite_log
{
  sqlite3 *db;
  char path[4096];
};

/* Writes into ERR what went wrong: WHAT, then why in an operator's words. */
static int
log_error (const struct sqlite_log *log, const char *what, char *err, size_t err_size)
{
  char why[8192];
  return diag_format (err, err_size, "%s: %s", what, sql_why (log->db, log->path, why,
                                                                 sizeof why));
}

/* The uid column is not NOT NULL because a version 2 log gains it with
   ALTER TABLE, which cannot add one; every row is given one all the same.
   It has no index: 128 random bits do not collide, the server's primary
   key is what keeps a screening once, and an index of random keys would
   make the pages a write touches depend on the key, which the power-cut
   tests (tests/test-power-loss.c) need to be the same from run to run. */
static const char schema[] =
  "CREATE TABLE offer (id INTEGER PRIMARY KEY, day TEXT NOT NULL,"
  " agency TEXT NOT NULL, agency_key TEXT NOT NULL,"
  " licence TEXT NOT NULL, licence_key TEXT NOT NULL,"
  " employer TEXT NOT NULL, employer_key TEXT NOT NULL,"
  " title TEXT NOT NULL, country TEXT NOT NULL, offer_date TEXT NOT NULL,"
  " level TEXT NOT NULL CHECK (level IN ('low', 'medium', 'high')),"
  " score INTEGER NOT NULL, signs TEXT NOT NULL, content_version TEXT NOT NULL, uid TEXT);"
  "CREATE INDEX offer_agency ON offer (agency_key);"
  "CREATE INDEX offer_licence ON offer (licence_key);"
  "CREATE INDEX offer_employer ON offer (employer_key);";

/* Version 1 to 2: every row's keys computed again. */
static int
rekey (struct sqlite_log *log)
{
  sqlite3_stmt *rows = NULL;
  int rc = sqlite3_prepare_v2 (log->db, "SELECT id, agency, licence, employer FROM offer", -1,
                               &rows, NULL);
  while (rc == SQLITE_OK && (rc = sqlite3_step (rows)) == SQLITE_ROW)
    {
      static const enum offer_field fields[] = { OFFER_AGENCY, OFFER_LICENCE, OFFER_EMPLOYER };
      char keys[3][OFFER_TEXT_MAX + 1];
      for (int i = 0; i < 3; i++)
        {
          const char *value = (const char *) sqlite3_column_text (rows, i + 1);
          offers_log_key (fields[i], value ? value : "", keys[i], sizeof keys[i]);
        }
      rc = sql_run (log->db, "UPDATE offer SET agency_key = ?, licence_key = ?,"
                    " employer_key = ? WHERE id = ?", "sssi", keys[0], keys[1], keys[2],
                    sqlite3_column_int (rows, 0));
    }
  sqlite3_finalize (rows);
  return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

/* The log's version (PRAGMA user_version) into *VERSION. */
static int
read_version (struct sqlite_log *log, int *version)
{
  sqlite3_stmt *stmt;
  int rc = sqlite3_prepare_v2 (log->db, "PRAGMA user_version", -1, &stmt, NULL);
  if (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      *version = sqlite3_column_int (stmt, 0);
      rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);
  return rc;
}

/* Whether the log's table has the uid column already (a log that a
   version 3 program made, and something then marked as older). */
static bool
has_uid (struct sqlite_log *log)
{
  sqlite3_stmt *stmt;
  bool found = false;
  if (sqlite3_prepare_v2 (log->db, "SELECT 1 FROM pragma_table_info ('offer') WHERE name = 'uid'",
                          -1, &stmt, NULL) == SQLITE_OK)
    found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_finalize (stmt);
  return found;
}

/* Creates the tables of a new log, or brings an older one to this
   version, in one transaction; the version is read again inside it, for
   another desk may have done it in between. */
static int
migrate (struct sqlite_log *log, char *err, size_t err_size)
{
  int version = -1;
  if (read_version (log, &version) != SQLITE_OK)
    return log_error (log, log->path, err, err_size);
  if (version == LOG_SCHEMA_VERSION)
    return 0;
  if (version > LOG_SCHEMA_VERSION)
    return diag_format (err, err_size, "%s: office log version %d; this program uses version %d",
                        log->path, version, LOG_SCHEMA_VERSION);
  int rc = sqlite3_exec (log->db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
  if (rc == SQLITE_OK)
    rc = read_version (log, &version);
  if (rc == SQLITE_OK && version == 0)
    rc = sqlite3_exec (log->db, schema, NULL, NULL, NULL);
  else if (rc == SQLITE_OK && version < LOG_SCHEMA_VERSION)
    {
      if (version == 1)
        rc = rekey (log);
      if (rc == SQLITE_OK && version <= 2 && !has_uid (log))
        rc = sqlite3_exec (log->db, "ALTER TABLE offer ADD COLUMN uid TEXT", NULL, NULL, NULL);
      if (rc == SQLITE_OK && version <= 2)
        rc = sqlite3_exec (log->db, "UPDATE offer SET uid = lower (hex (randomblob (16)))"
                           " WHERE uid IS NULL", NULL, NULL, NULL);
    }
  if (rc == SQLITE_OK && version < LOG_SCHEMA_VERSION)
    {
      char *sql = sqlite3_mprintf ("PRAGMA user_version = %d", LOG_SCHEMA_VERSION);
      rc = sql ? sqlite3_exec (log->db, sql, NULL, NULL, NULL) : SQLITE_NOMEM;
      sqlite3_free (sql);
    }
  if (rc == SQLITE_OK)
    rc = sqlite3_exec (log->db, "COMMIT", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      log_error (log, log->path, err, err_size);
      sqlite3_exec (log->db, "ROLLBACK", NULL, NULL, NULL);
      return -1;
    }
  if (version > LOG_SCHEMA_VERSION)
    return diag_format (err, err_size, "%s: office log version %d; this program uses version %d",
                        log->path, version, LOG_SCHEMA_VERSION);
  return 0;
}

struct sqlite_log *
sqlite_log_open (const char *path, bool create, char *err, size_t err_size)
{
  struct sqlite_log *log = calloc (1, sizeof *log);
  int flags = SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0);

  if (!log)
    {
      diag_format (err, err_size, "out of memory");
      return NULL;
    }
  snprintf (log->path, sizeof log->path, "%s", path);
  if (!create && access (path, F_OK) != 0 && errno == ENOENT)
    {
      /* SQLite would say "unable to open database file": say what it is. */
      diag_format (err, err_size, "%s: no office log there yet (nothing has been saved to it; "
                   "is the path right?)", path);
      free (log);
      return NULL;
    }
  /* A new log holds agencies' and employers' names: it is its owner's
     alone (0600), whatever the umask, or, in a directory the office staff
     share through its group (setgid: kiosk/office-setup), its owner's and
     that group's (0660). SQLite's journal files take its mode. */
  if (create)
    {
      char dir[sizeof log->path];
      snprintf (dir, sizeof dir, "%s", path);
      struct stat st;
      mode_t mode = stat (dirname (dir), &st) == 0 && (st.st_mode & S_ISGID) ? 0660 : 0600;
      int fd = open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode);
      if (fd >= 0)
        {
          if (fchmod (fd, mode) != 0 || close (fd) != 0)
            {
              diag_format (err, err_size, "%s: %s", path, strerror (errno));
              free (log);
              return NULL;
            }
        }
      else if (errno != EEXIST)
        {
          diag_format (err, err_size, "%s: %s%s", path, strerror (errno),
                       errno == EACCES ? " (office staff need to be in the group that owns "
                                         "its directory: kiosk/office-setup)" : "");
          free (log);
          return NULL;
        }
    }
  if (sqlite3_open_v2 (path, &log->db, flags, NULL) != SQLITE_OK)
    goto fail;
  sqlite3_busy_timeout (log->db, 2000);
  sqlite3_db_config (log->db, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
  /* Every screening that was reported saved must survive a power cut, and
     one that is deleted must leave nothing behind in the file. */
  if (sqlite3_exec (log->db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;"
                    " PRAGMA secure_delete = ON;", NULL, NULL, NULL) != SQLITE_OK)
    goto fail;
  if (migrate (log, err, err_size) != 0)
    {
      sqlite_log_close (log);
      return NULL;
    }
  return log;

fail:
  log_error (log, path, err, err_size);
  sqlite_log_close (log);
  return NULL;
}

void
sqlite_log_close (struct sqlite_log *log)
{
  if (!log)
    return;
  sqlite3_close (log->db);
  free (log);
}

/* The write-ahead log still holds the pages as they were before a
   deletion, rows and all: copy the new ones into the database and empty
   it. A reader holding it open keeps the old frames until the next time. */
static void
truncate_wal (struct sqlite_log *log)
{
  sqlite3_exec (log->db, "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL);
}

int
sqlite_log_forget (struct sqlite_log *log, const char *today, int keep_days, char *err,
                   size_t err_size)
{
  char modifier[32];
  snprintf (modifier, sizeof modifier, "-%d days", keep_days);
  if (sql_run (log->db, "DELETE FROM offer WHERE day < date (?1, ?2)", "ss", today, modifier)
      != SQLITE_OK)
    return log_error (log, "cannot forget old screenings", err, err_size);
  int forgotten = sqlite3_changes (log->db);
  if (forgotten > 0)
    truncate_wal (log);
  return forgotten;
}

int
sqlite_log_insert (struct sqlite_log *log, const struct log_row *row, char *err,
                   size_t err_size)
{
  char *const *v = row->v;
  int rc = sql_run (log->db, "INSERT INTO offer (uid, day, agency, agency_key, licence,"
                    " licence_key, employer, employer_key, title, country, offer_date, level,"
                    " score, signs, content_version)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", "sssssssssssssss",
                    v[LOG_ID], v[LOG_DAY], v[LOG_AGENCY], v[LOG_AGENCY_KEY], v[LOG_LICENCE],
                    v[LOG_LICENCE_KEY], v[LOG_EMPLOYER], v[LOG_EMPLOYER_KEY], v[LOG_TITLE],
                    v[LOG_COUNTRY], v[LOG_OFFER_DATE], v[LOG_LEVEL], v[LOG_SCORE], v[LOG_SIGNS],
                    v[LOG_CONTENT_VERSION]);
  if (rc != SQLITE_OK)
    return log_error (log, "cannot record the screening", err, err_size);
  return 0;
}

int
sqlite_log_earlier (struct sqlite_log *log, log_keys keys, log_found found, char *err,
                    size_t err_size)
{
  /* (SQLite takes the bare column from the row of the max.) */
  static const char *const sql[LOG_NAMES] = {
    "SELECT agency, max(day) FROM offer WHERE level = 'high' AND agency_key = ?",
    "SELECT licence, max(day) FROM offer WHERE level = 'high' AND licence_key = ?",
    "SELECT employer, max(day) FROM offer WHERE level = 'high' AND employer_key = ?",
  };

  for (size_t i = 0; i < LOG_NAMES; i++)
    {
      sqlite3_stmt *stmt;
      found[i].field = (enum offer_field) i;
      found[i].day[0] = '\0';
      if (!*keys[i])
        continue;
      if (sqlite3_prepare_v2 (log->db, sql[i], -1, &stmt, NULL) != SQLITE_OK)
        return log_error (log, log->path, err, err_size);
      sqlite3_bind_text (stmt, 1, keys[i], -1, SQLITE_STATIC);
      int rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW && sqlite3_column_text (stmt, 1))
        {
          snprintf (found[i].value, sizeof found[i].value, "%s", sqlite3_column_text (stmt, 0));
          snprintf (found[i].day, sizeof found[i].day, "%s", sqlite3_column_text (stmt, 1));
        }
      sqlite3_finalize (stmt);
      if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return log_error (log, log->path, err, err_size);
    }
  return 0;
}

int
sqlite_log_rows (struct sqlite_log *log, size_t max, log_row_fn *fn, void *context, char *err,
                 size_t err_size)
{
  sqlite3_stmt *stmt;
  int n = 0, rc;

  /* In the order of enum log_column. */
  if (sqlite3_prepare_v2 (log->db, "SELECT coalesce (uid, ''), day, agency, agency_key,"
                          " licence, licence_key, employer, employer_key, title, country,"
                          " offer_date, level, score, signs, content_version FROM offer"
                          " ORDER BY day, id LIMIT ?", -1, &stmt, NULL) != SQLITE_OK)
    return log_error (log, log->path, err, err_size);
  sqlite3_bind_int64 (stmt, 1, max ? (sqlite3_int64) max : -1);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      struct log_row row;
      for (int c = 0; c < LOG_COLUMNS; c++)
        {
          const char *text = (const char *) sqlite3_column_text (stmt, c);
          row.v[c] = (char *) (text ? text : "");
        }
      if (fn (context, &row, err, err_size) != 0)
        {
          sqlite3_finalize (stmt);
          return -1;
        }
      n++;
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return log_error (log, log->path, err, err_size);
  return n;
}

int
sqlite_log_remove (struct sqlite_log *log, char *const *ids, size_t n, char *err,
                   size_t err_size)
{
  /* One statement for the N: the column has no index, so each statement
     reads the table once. */
  sqlite3_str *sql = sqlite3_str_new (log->db);
  sqlite3_stmt *stmt = NULL;
  sqlite3_str_appendall (sql, "DELETE FROM offer WHERE uid IN (");
  for (size_t i = 0; i < n; i++)
    sqlite3_str_appendall (sql, i ? ", ?" : "?");
  sqlite3_str_appendall (sql, ")");
  char *text = sqlite3_str_finish (sql);
  int rc = text ? sqlite3_prepare_v2 (log->db, text, -1, &stmt, NULL) : SQLITE_NOMEM;
  sqlite3_free (text);
  for (size_t i = 0; i < n && rc == SQLITE_OK; i++)
    rc = sqlite3_bind_text (stmt, (int) i + 1, ids[i], -1, SQLITE_STATIC);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return log_error (log, "cannot remove the screenings sent from the desk's outbox", err,
                      err_size);
  /* They are on the server now: nothing of them stays in the desk's files
     to outlive the days the server keeps them. */
  truncate_wal (log);
  return 0;
}

int
sqlite_log_count (struct sqlite_log *log, char *err, size_t err_size)
{
  sqlite3_stmt *stmt;
  int n = -1;
  if (sqlite3_prepare_v2 (log->db, "SELECT count(*) FROM offer", -1, &stmt, NULL) == SQLITE_OK
      && sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  if (n < 0)
    log_error (log, log->path, err, err_size);
  return n;
}
