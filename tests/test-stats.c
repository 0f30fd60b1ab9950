/* test-stats.c -- the anonymous usage figures: counts add up, exports are
   right, old days go, and the database itself refuses free text. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sqlite3.h>
#include "stats.h"
#include "tap.h"

static char path[] = "/tmp/safejob-stats-XXXXXX";

static long
query_number (const char *sql)
{
  sqlite3 *db;
  sqlite3_stmt *stmt;
  long n = -1;
  if (sqlite3_open (path, &db) == SQLITE_OK
      && sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK)
    {
      if (sqlite3_step (stmt) == SQLITE_ROW)
        n = sqlite3_column_int64 (stmt, 0);
      sqlite3_finalize (stmt);
    }
  sqlite3_close (db);
  return n;
}

/* Whether the database accepts SQL (an INSERT). */
static bool
accepts (const char *sql)
{
  sqlite3 *db;
  bool ok_ = false;
  if (sqlite3_open (path, &db) == SQLITE_OK)
    ok_ = sqlite3_exec (db, sql, NULL, NULL, NULL) == SQLITE_OK;
  sqlite3_close (db);
  return ok_;
}

static void
export (struct stats *stats, enum stats_format format, const char *from, const char *to,
        char *buf, size_t size)
{
  char err[256];
  FILE *out = fmemopen (buf, size, "w");
  if (stats_write (stats, format, from, to, "ktm-1", out, err, sizeof err) != 0)
    snprintf (buf, size, "error: %s", err);
  fclose (out);
}

int
main (void)
{
  char err[256], buf[8192];
  int fd = mkstemp (path);
  close (fd);
  remove (path);

  struct stats *stats = stats_open (path, err, sizeof err);
  ok (stats != NULL, "a new database is created (%s)", stats ? "" : err);
  ok (query_number ("PRAGMA user_version") == STATS_SCHEMA_VERSION, "its schema is versioned");
  ok (query_number ("SELECT count (*) FROM pragma_journal_mode WHERE journal_mode = 'wal'") == 1,
      "it is in WAL mode");

  struct stats_session a = {
    .day = "2026-11-20", .language = "ne", .destination = "KH", .level = "high",
    .reached = STATS_REACHED_CONTACTS, .contacts_shown = true, .qr_shown = true,
    .sign_count = 2, .signs = { "passport.kept", "route.overland" },
  };
  struct stats_session b = {
    .day = "2026-11-21", .language = "th", .destination = "", .level = "none",
    .reached = STATS_REACHED_CHECKLIST,
  };
  ok (stats_record (stats, &a, err, sizeof err) == 0 && stats_record (stats, &a, err, sizeof err) == 0
      && stats_record (stats, &b, err, sizeof err) == 0, "sessions are recorded (%s)", err);
  ok (query_number ("SELECT sum (sessions) FROM sessions") == 3, "each session is counted once");
  ok (query_number ("SELECT count (*) FROM sessions") == 2,
      "identical sessions share one row: counts, not records");
  ok (query_number ("SELECT sessions FROM signs WHERE sign = 'passport.kept'") == 2,
      "warning signs are counted by day and destination");

  export (stats, STATS_CSV, NULL, NULL, buf, sizeof buf);
  ok (strcmp (buf, "kiosk,day,language,destination,level,reached,contacts,qr,printed,sessions\n"
                   "ktm-1,2026-11-20,ne,KH,high,contacts,1,1,0,2\n"
                   "ktm-1,2026-11-21,th,,none,checklist,0,0,0,1\n") == 0,
      "the CSV export carries the kiosk id and every count:\n%s", buf);
  export (stats, STATS_CSV, "2026-11-21", "2026-11-21", buf, sizeof buf);
  ok (!strstr (buf, "2026-11-20") && strstr (buf, "2026-11-21"), "a date range limits the export");
  export (stats, STATS_CSV_SIGNS, NULL, NULL, buf, sizeof buf);
  ok (strstr (buf, "kiosk,day,destination,sign,sessions\n")
      && strstr (buf, "ktm-1,2026-11-20,KH,route.overland,2\n"), "the signs export:\n%s", buf);
  export (stats, STATS_JSON, NULL, "2026-11-20", buf, sizeof buf);
  ok (strstr (buf, "\"kiosk\": \"ktm-1\"") && strstr (buf, "\"to\": \"2026-11-20\"")
      && strstr (buf, "{\"day\": \"2026-11-20\", \"language\": \"ne\", \"destination\": \"KH\"")
      && strstr (buf, "\"sessions\": 2}") && strstr (buf, "\"sign\": \"passport.kept\"")
      && !strstr (buf, "2026-11-21"), "the JSON export:\n%s", buf);
  export (stats, STATS_TEXT, NULL, NULL, buf, sizeof buf);
  ok (strstr (buf, "Sessions: 3, from 2026-11-20 to 2026-11-21")
      && strstr (buf, "Contacts shown: 2") && strstr (buf, "high") && strstr (buf, "passport.kept"),
      "the summary:\n%s", buf);

  /* Retention: days older than N before today go. */
  ok (stats_prune (stats, "2026-11-30", 5, err, sizeof err) == 0
      && query_number ("SELECT count (*) FROM sessions WHERE day = '2026-11-20'") == 0
      && query_number ("SELECT count (*) FROM sessions WHERE day = '2026-11-21'") == 0
      && query_number ("SELECT count (*) FROM signs") == 0,
      "days more than 5 days old are deleted");
  stats_record (stats, &b, err, sizeof err);
  ok (stats_prune (stats, "2026-11-25", 5, err, sizeof err) == 0
      && query_number ("SELECT count (*) FROM sessions") == 1, "newer days are kept");

  /* No column can hold free text: each gets a name, a sentence, a phone
     number or a time, and the database refuses it. */
  static const char *const refused[] = {
    "INSERT INTO sessions VALUES ('2026-11-21 14:03', 'ne', 'KH', 'high', 'result', 0, 0, 0, 1)",
    "INSERT INTO sessions VALUES ('Ram Bahadur', 'ne', 'KH', 'high', 'result', 0, 0, 0, 1)",
    "INSERT INTO sessions VALUES ('2026-11-21', 'Ram Bahadur', 'KH', 'high', 'result', 0, 0, 0, 1)",
    "INSERT INTO sessions VALUES ('2026-11-21', '9841234567', 'KH', 'high', 'result', 0, 0, 0, 1)",
    "INSERT INTO sessions VALUES ('2026-11-21', 'ne', 'Golden Jobs', 'high', 'result', 0, 0, 0, 1)",
    "INSERT INTO sessions VALUES ('2026-11-21', 'ne', 'KH', 'very bad', 'result', 0, 0, 0, 1)",
    "INSERT INTO sessions VALUES ('2026-11-21', 'ne', 'KH', 'high', 'my phone', 0, 0, 0, 1)",
    "INSERT INTO sessions VALUES ('2026-11-21', 'ne', 'KH', 'high', 'result', 'yes', 0, 0, 1)",
    "INSERT INTO sessions VALUES ('2026-11-21', 'ne', 'KH', 'high', 'result', 0, 'a', 0, 1)",
    "INSERT INTO sessions VALUES ('2026-11-21', 'ne', 'KH', 'high', 'result', 0, 0, 2, 1)",
    "INSERT INTO sessions VALUES ('2026-11-21', 'ne', 'KH', 'high', 'result', 0, 0, 0, 'many')",
    "INSERT INTO signs VALUES ('2026-11-21', 'KH', 'Agent Mr Chan +855 12 345 678', 1)",
    "INSERT INTO signs VALUES ('2026-11-21', 'KH', 'called me on sunday', 1)",
    "INSERT INTO signs VALUES ('21/11/2026', 'KH', 'passport.kept', 1)",
    "INSERT INTO signs VALUES ('2026-11-21', 'Cambodia', 'passport.kept', 1)",
  };
  bool all_refused = true;
  for (size_t i = 0; i < sizeof refused / sizeof refused[0]; i++)
    if (accepts (refused[i]))
      {
        all_refused = false;
        printf ("# accepted: %s\n", refused[i]);
      }
  ok (all_refused, "every column refuses free text, names, numbers and times");
  ok (accepts ("INSERT INTO sessions VALUES ('2026-11-22', 'zh_CN', '', 'low', 'result', 0, 0, 0, 1)"),
      "while values of the closed sets are accepted");
  ok (query_number ("SELECT count (*) FROM pragma_table_info ('sessions')") == 9
      && query_number ("SELECT count (*) FROM pragma_table_info ('signs')") == 4
      && query_number ("SELECT count (*) FROM sqlite_schema WHERE type = 'table'") == 2,
      "the schema has these columns and tables and no others");
  stats_close (stats);

  /* A database of another version is refused, not overwritten. */
  accepts ("PRAGMA user_version = 99");
  stats = stats_open (path, err, sizeof err);
  ok (!stats && strstr (err, "version 99"), "another version is refused: %s", err);
  stats_close (stats);

  /* Where it cannot be written, opening says why. */
  stats = stats_open ("/nonexistent/dir/stats.db", err, sizeof err);
  ok (!stats && strstr (err, "/nonexistent/dir/stats.db"), "an impossible path says so: %s", err);
  stats_close (stats);

  ok (stats_valid_day ("2026-11-21") && !stats_valid_day ("2026-11-2")
      && !stats_valid_day ("21-11-2026") && !stats_valid_day ("2026/11/21"),
      "dates are written YYYY-MM-DD");
  remove (path);
  char wal[64];
  snprintf (wal, sizeof wal, "%s-wal", path);
  remove (wal);
  snprintf (wal, sizeof wal, "%s-shm", path);
  remove (wal);
  return tap_done ();
}
