/* offers_log.c -- the office log of screened offers (SQLite). */
#include <config.h>
#include "offers_log.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "diag.h"
#include "export.h"
#include "sql.h"
#include "system.h"

/* Version 2: the names' keys drop legal forms and plural s (version 1's
   kept every letter); a version 1 log is re-keyed when opened. */
enum { LOG_SCHEMA_VERSION = 2 };

struct offers_log
{
  sqlite3 *db;
  int keep_days;
  char path[4096];
};

/* Writes into ERR what went wrong: WHAT, then why in an operator's words. */
static void
log_error (const struct offers_log *log, const char *what, char *err, size_t err_size)
{
  char why[8192];
  diag_format (err, err_size, "%s: %s", what, sql_why (log->db, log->path, why, sizeof why));
}

static const char schema[] =
  "CREATE TABLE offer (id INTEGER PRIMARY KEY, day TEXT NOT NULL,"
  " agency TEXT NOT NULL, agency_key TEXT NOT NULL,"
  " licence TEXT NOT NULL, licence_key TEXT NOT NULL,"
  " employer TEXT NOT NULL, employer_key TEXT NOT NULL,"
  " title TEXT NOT NULL, country TEXT NOT NULL, offer_date TEXT NOT NULL,"
  " level TEXT NOT NULL CHECK (level IN ('low', 'medium', 'high')),"
  " score INTEGER NOT NULL, signs TEXT NOT NULL, content_version TEXT NOT NULL);"
  "CREATE INDEX offer_agency ON offer (agency_key);"
  "CREATE INDEX offer_licence ON offer (licence_key);"
  "CREATE INDEX offer_employer ON offer (employer_key);";

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

/* Computes every row's keys again, in one transaction, and marks the log
   as of this version. Returns 0, or -1 (SQLite's error on the handle). */
static int
rekey (struct offers_log *log)
{
  sqlite3_stmt *rows = NULL;
  int rc = sqlite3_exec (log->db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2 (log->db, "SELECT id, agency, licence, employer FROM offer", -1,
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
  if (rc == SQLITE_DONE)
    {
      char *sql = sqlite3_mprintf ("PRAGMA user_version = %d; COMMIT;", LOG_SCHEMA_VERSION);
      rc = sql ? sqlite3_exec (log->db, sql, NULL, NULL, NULL) : SQLITE_NOMEM;
      sqlite3_free (sql);
    }
  if (rc != SQLITE_OK)
    {
      sqlite3_exec (log->db, "ROLLBACK", NULL, NULL, NULL);
      return -1;
    }
  return 0;
}

struct offers_log *
offers_log_open (const char *path, bool create, int keep_days, const char *today, char *err,
                 size_t err_size)
{
  struct offers_log *log = calloc (1, sizeof *log);
  int flags = SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0);
  int version = -1;
  sqlite3_stmt *stmt = NULL;

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
  if (sqlite3_prepare_v2 (log->db, "PRAGMA user_version", -1, &stmt, NULL) != SQLITE_OK
      || sqlite3_step (stmt) != SQLITE_ROW)
    goto fail;
  version = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  stmt = NULL;
  if (version == 0)
    {
      char *sql = sqlite3_mprintf ("BEGIN IMMEDIATE; %s PRAGMA user_version = %d; COMMIT;",
                                   schema, LOG_SCHEMA_VERSION);
      int rc = sqlite3_exec (log->db, sql, NULL, NULL, NULL);
      sqlite3_free (sql);
      if (rc != SQLITE_OK)
        goto fail;
    }
  else if (version == 1 && rekey (log) != 0)
    goto fail;
  else if (version != 1 && version != LOG_SCHEMA_VERSION)
    {
      diag_format (err, err_size, "%s: office log version %d; this program uses version %d", path,
           version, LOG_SCHEMA_VERSION);
      offers_log_close (log);
      return NULL;
    }
  log->keep_days = keep_days;
  if (offers_log_forget (log, today, keep_days, err, err_size) < 0)
    {
      offers_log_close (log);
      return NULL;
    }
  return log;

fail:
  log_error (log, path, err, err_size);
  sqlite3_finalize (stmt);
  offers_log_close (log);
  return NULL;
}

int
offers_log_forget (struct offers_log *log, const char *today, int keep_days, char *err,
                   size_t err_size)
{
  char modifier[32];
  snprintf (modifier, sizeof modifier, "-%d days", keep_days);
  if (sql_run (log->db, "DELETE FROM offer WHERE day < date (?1, ?2)", "ss", today, modifier)
      != SQLITE_OK)
    {
      log_error (log, "cannot forget old screenings", err, err_size);
      return -1;
    }
  int forgotten = sqlite3_changes (log->db);
  /* The write-ahead log still holds the pages as they were before, rows
     and all: copy the new ones into the database and empty it. A reader
     holding it open keeps the old frames until the next time. */
  if (forgotten > 0)
    sqlite3_exec (log->db, "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL);
  return forgotten;
}

void
offers_log_close (struct offers_log *log)
{
  if (!log)
    return;
  sqlite3_close (log->db);
  free (log);
}

int
offers_log_earlier_high (struct offers_log *log, const struct offer *offer,
                         struct offer_earlier *out, size_t max, char *err,
                         size_t err_size)
{
  static const enum offer_field fields[] = { OFFER_AGENCY, OFFER_LICENCE, OFFER_EMPLOYER };
  static const char *const sql[] = {
    "SELECT agency, max(day) FROM offer WHERE level = 'high' AND agency_key = ?",
    "SELECT licence, max(day) FROM offer WHERE level = 'high' AND licence_key = ?",
    "SELECT employer, max(day) FROM offer WHERE level = 'high' AND employer_key = ?",
  };
  size_t n = 0;

  for (size_t i = 0; i < ARRAY_SIZE (fields) && n < max; i++)
    {
      char key[OFFER_TEXT_MAX + 1];
      sqlite3_stmt *stmt;
      offers_log_key (fields[i], offer->field[fields[i]], key, sizeof key);
      if (!*key)
        continue;
      if (sqlite3_prepare_v2 (log->db, sql[i], -1, &stmt, NULL) != SQLITE_OK)
        {
          log_error (log, log->path, err, err_size);
          return -1;
        }
      sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
      if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_text (stmt, 1))
        {
          out[n].field = fields[i];
          snprintf (out[n].value, sizeof out[n].value, "%s", sqlite3_column_text (stmt, 0));
          snprintf (out[n].day, sizeof out[n].day, "%s", sqlite3_column_text (stmt, 1));
          n++;
        }
      sqlite3_finalize (stmt);
    }
  return (int) n;
}

int
offers_log_add (struct offers_log *log, const char *day, const struct offer *offer,
                const struct risk_result *result, const char *content_version, char *err,
                size_t err_size)
{
  char keys[3][OFFER_TEXT_MAX + 1];
  char signs[2048] = "";
  int rc;

  /* A desk that runs for months forgets as it goes, not only at start;
     first, so that a failure leaves nothing half done. */
  if (offers_log_forget (log, day, log->keep_days, err, err_size) < 0)
    return -1;
  offers_log_key (OFFER_AGENCY, offer->field[OFFER_AGENCY], keys[0], sizeof keys[0]);
  offers_log_key (OFFER_LICENCE, offer->field[OFFER_LICENCE], keys[1], sizeof keys[1]);
  offers_log_key (OFFER_EMPLOYER, offer->field[OFFER_EMPLOYER], keys[2], sizeof keys[2]);
  for (size_t i = 0; i < result->sign_count; i++)
    {
      char one[160];
      snprintf (one, sizeof one, "%s%s.%s", i ? " " : "", result->signs[i].question->id,
                result->signs[i].answer->id);
      if (strlen (signs) + strlen (one) < sizeof signs)
        strcat (signs, one);
    }
  rc = sql_run (log->db, "INSERT INTO offer (day, agency, agency_key, licence, licence_key,"
                " employer, employer_key, title, country, offer_date, level, score,"
                " signs, content_version)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", "sssssssssssiss", day,
                offer->field[OFFER_AGENCY], keys[0], offer->field[OFFER_LICENCE], keys[1],
                offer->field[OFFER_EMPLOYER], keys[2], offer->field[OFFER_TITLE],
                offer->field[OFFER_COUNTRY], offer->field[OFFER_DATE],
                risk_level_id (result->level), result->score, signs,
                content_version ? content_version : "");
  if (rc != SQLITE_OK)
    {
      log_error (log, "cannot record the screening", err, err_size);
      return -1;
    }
  return 0;
}

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

int
offers_log_export (struct offers_log *log, enum offers_format format, FILE *out, char *err,
                   size_t err_size)
{
  static const char *const columns[] = {
    "day", "agency", "licence", "employer", "title", "country", "offer_date", "level",
    "score", "signs", "content_version",
  };
  sqlite3_stmt *stmt;
  int n = 0, rc;

  if (sqlite3_prepare_v2 (log->db, "SELECT day, agency, licence, employer, title, country,"
                          " offer_date, level, score, signs, content_version FROM offer"
                          " ORDER BY day, id", -1, &stmt, NULL) != SQLITE_OK)
    {
      log_error (log, log->path, err, err_size);
      return -1;
    }
  if (format == OFFERS_CSV)
    csv_row (out, columns, ARRAY_SIZE (columns));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *v[ARRAY_SIZE (columns)];
      for (size_t c = 0; c < ARRAY_SIZE (columns); c++)
        {
          v[c] = (const char *) sqlite3_column_text (stmt, (int) c);
          v[c] = v[c] ? v[c] : "";
        }
      if (format == OFFERS_CSV)
        csv_row (out, v, ARRAY_SIZE (columns));
      else
        {
          /* day, level, score, then agency (licence) / employer / title /
             country, written so that no control code in the log reaches
             the terminal */
          char cells[96];
          snprintf (cells, sizeof cells, "%s  %-6s %4s  ", v[0], v[7], v[8]);
          export_text (out, cells);
          export_text (out, *v[1] ? v[1] : "-");
          if (*v[2])
            {
              fputs (" (", out);
              export_text (out, v[2]);
              fputc (')', out);
            }
          for (int c = 3; c <= 5; c++)
            if (*v[c])
              {
                fputs (" / ", out);
                export_text (out, v[c]);
              }
          fputc ('\n', out);
        }
      n++;
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      log_error (log, log->path, err, err_size);
      return -1;
    }
  return n;
}
