/* test-stats.c -- the anonymous usage figures: counts add up, exports are
   right, old days go, the database itself refuses free text, and one of
   version 1 is upgraded keeping its counts. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/stat.h>
#include <unistd.h>
#include <sqlite3.h>
#include "dates.h"
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

/* Whether the database refuses SQL (an INSERT) with the error message
   REASON; WHY gets the message, or "accepted". */
static bool
refuses (const char *sql, const char *reason, char *why, size_t why_size)
{
  sqlite3 *db;
  char *msg = NULL;
  int rc = SQLITE_CANTOPEN;
  if (sqlite3_open (path, &db) == SQLITE_OK)
    rc = sqlite3_exec (db, sql, NULL, NULL, &msg);
  snprintf (why, why_size, "%s", rc == SQLITE_OK ? "accepted" : msg ? msg : sqlite3_errmsg (db));
  sqlite3_free (msg);
  sqlite3_close (db);
  return rc != SQLITE_OK && strcmp (why, reason) == 0;
}

/* Whether the database file at PATH holds TEXT anywhere, in a table or in
   a free page. */
static bool
file_holds (const char *text)
{
  FILE *f = fopen (path, "rb");
  char buf[1 << 16];
  size_t len = strlen (text), kept = 0, n;
  bool found = false;
  if (!f)
    return false;
  /* Each read keeps the last LEN - 1 bytes of the one before, for a text
     that straddles two reads. */
  while (!found && (n = fread (buf + kept, 1, sizeof buf - kept, f)) > 0)
    {
      n += kept;
      found = memmem (buf, n, text, len) != NULL;
      kept = n < len - 1 ? n : len - 1;
      memmove (buf, buf + n - kept, kept);
    }
  fclose (f);
  return found;
}

/* Where reports go that are not read. */
static FILE *
devnull_out (void)
{
  static FILE *devnull;
  if (!devnull)
    devnull = fopen ("/dev/null", "w");
  return devnull;
}

static void
remove_db (void)
{
  char name[64];
  remove (path);
  snprintf (name, sizeof name, "%s-wal", path);
  remove (name);
  snprintf (name, sizeof name, "%s-shm", path);
  remove (name);
}

/* The schema of version 1, as safejob wrote it. */
static const char v1_schema[] =
  "CREATE TABLE sessions ("
  " day TEXT NOT NULL CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),"
  " language TEXT NOT NULL CHECK (length (language) BETWEEN 2 AND 12"
  "  AND language NOT GLOB '*[^a-zA-Z_@]*'),"
  " destination TEXT NOT NULL CHECK (destination = '' OR destination GLOB '[A-Z][A-Z]'),"
  " level TEXT NOT NULL CHECK (level IN ('none', 'low', 'medium', 'high')),"
  " reached TEXT NOT NULL CHECK (reached IN ('language', 'checklist', 'result', 'contacts')),"
  " contacts INTEGER NOT NULL CHECK (contacts IN (0, 1)),"
  " qr INTEGER NOT NULL CHECK (qr IN (0, 1)),"
  " printed INTEGER NOT NULL CHECK (printed IN (0, 1)),"
  " sessions INTEGER NOT NULL CHECK (sessions > 0),"
  " PRIMARY KEY (day, language, destination, level, reached, contacts, qr, printed)"
  ") STRICT, WITHOUT ROWID;"
  "CREATE TABLE signs ("
  " day TEXT NOT NULL CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),"
  " destination TEXT NOT NULL CHECK (destination = '' OR destination GLOB '[A-Z][A-Z]'),"
  " sign TEXT NOT NULL CHECK (length (sign) BETWEEN 1 AND 40"
  "  AND sign NOT GLOB '*[^a-z0-9._-]*'),"
  " sessions INTEGER NOT NULL CHECK (sessions > 0),"
  " PRIMARY KEY (day, destination, sign)"
  ") STRICT, WITHOUT ROWID;"
  "PRAGMA user_version = 1;";

/* A database of version 1 holding good counts and rows its checks let
   through: the upgrade keeps the one and drops the other, leaving no trace
   of them in the file. */
static void
test_upgrade (void)
{
  char err[256];
  remove_db ();
  bool made = accepts ("PRAGMA journal_mode = WAL;")
    && accepts (v1_schema)
    && accepts ("INSERT INTO sessions VALUES"
                " ('2026-11-20', 'ne', 'KH', 'high', 'contacts', 1, 1, 0, 5),"
                " ('2026-11-21', 'zh_CN', '', 'none', 'checklist', 0, 0, 0, 2),"
                " ('2026-11-21', 'en@pseudo', 'TH', 'low', 'result', 0, 0, 1, 1),"
                " ('2026-19-39', 'ne', 'KH', 'high', 'result', 0, 0, 0, 7),"
                " ('2026-11-21', 'RamBahadur', 'KH', 'high', 'result', 0, 0, 0, 11),"
                " ('2026-11-22', 'ne', 'KH', 'high', 'result', 0, 0, 0, 9841234567)")
    && accepts ("INSERT INTO signs VALUES"
                " ('2026-11-20', 'KH', 'passport.kept', 4),"
                " ('2026-11-20', 'KH', 'route.overland', 3),"
                " ('2026-11-20', 'KH', '9841234567', 13),"
                " ('2026-11-20', 'KH', 'ram.bahadur-9841234567', 17)");
  ok (made && query_number ("PRAGMA user_version") == 1 && file_holds ("9841234567")
      && file_holds ("RamBahadur"), "a database of version 1 takes a phone number and a name");

  struct stats *stats = stats_open (path, err, sizeof err);
  ok (stats != NULL, "a database of version 1 is opened (%s)", stats ? "" : err);
  ok (query_number ("PRAGMA user_version") == STATS_SCHEMA_VERSION,
      "and upgraded to version %d", STATS_SCHEMA_VERSION);
  ok (query_number ("SELECT sum (sessions) FROM sessions") == 8
      && query_number ("SELECT count (*) FROM sessions") == 3
      && query_number ("SELECT sessions FROM sessions WHERE language = 'zh_CN'") == 2
      && query_number ("SELECT sum (sessions) FROM signs") == 7
      && query_number ("SELECT sessions FROM signs WHERE sign = 'route.overland'") == 3,
      "its good counts are kept");
  ok (query_number ("SELECT count (*) FROM sessions WHERE day = '2026-19-39'"
                    " OR language = 'RamBahadur' OR sessions > 86400") == 0
      && query_number ("SELECT count (*) FROM signs WHERE sign GLOB '*[0-9]*'") == 0,
      "its rows that the new checks refuse are dropped");
  ok (query_number ("SELECT count (*) FROM sqlite_schema WHERE type = 'table'") == 2
      && query_number ("SELECT count (*) FROM sqlite_schema WHERE sql LIKE '%+0 days%'") == 2,
      "the old tables are gone, the new ones in their place");

  struct stats_session a = {
    .day = "2026-11-20", .language = "ne", .destination = "KH", .level = "high",
    .reached = STATS_REACHED_CONTACTS, .contacts_shown = true, .qr_shown = true,
    .sign_count = 1, .signs = { "passport.kept" },
  };
  ok (stats_record (stats, &a, err, sizeof err) == 0
      && query_number ("SELECT sessions FROM sessions WHERE language = 'ne'") == 6
      && query_number ("SELECT sessions FROM signs WHERE sign = 'passport.kept'") == 5,
      "a new session adds to the kept counts (%s)", err);
  stats_close (stats);
  ok (!file_holds ("9841234567") && !file_holds ("RamBahadur"),
      "the dropped rows are not left in the file");

  stats = stats_open (path, err, sizeof err);
  ok (stats && query_number ("SELECT sum (sessions) FROM sessions") == 9,
      "the upgraded database opens again as it is (%s)", stats ? "" : err);
  stats_close (stats);
  remove_db ();
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

  /* Exports: no count under STATS_MIN_COUNT (5) alone. Six sessions
     like A on the 20th, five like C with a sign nobody else had, and B
     alone on the 21st: B would be singled out by day, language and
     result. */
  struct stats_session c = {
    .day = "2026-11-20", .language = "en", .destination = "TH", .level = "medium",
    .reached = STATS_REACHED_RESULT, .sign_count = 1, .signs = { "visa.tourist" },
  };
  struct stats_session d = c;
  d.sign_count = 2;
  strcpy (d.signs[1], "hurry.yes");
  for (int i = 0; i < 4; i++)
    stats_record (stats, &a, err, sizeof err);
  for (int i = 0; i < 4; i++)
    stats_record (stats, &c, err, sizeof err);
  stats_record (stats, &d, err, sizeof err);
  export (stats, STATS_CSV, NULL, NULL, buf, sizeof buf);
  ok (strcmp (buf, "kiosk,day,language,destination,level,reached,contacts,qr,printed,sessions\n"
                   "ktm-1,2026-11-20,en,TH,medium,result,0,0,0,5\n"
                   "ktm-1,2026-11-20,ne,KH,high,contacts,1,1,0,6\n"
                   "ktm-1,2026-11-21,*,*,*,*,*,*,*,1\n") == 0,
      "the CSV export carries the kiosk id, the counts of 5 or more, and a day's smaller "
      "ones merged:\n%s", buf);
  export (stats, STATS_CSV, "2026-11-21", "2026-11-21", buf, sizeof buf);
  ok (!strstr (buf, "2026-11-20") && strstr (buf, "2026-11-21"), "a date range limits the export");
  export (stats, STATS_CSV_SIGNS, NULL, NULL, buf, sizeof buf);
  ok (strstr (buf, "kiosk,day,destination,sign,sessions\n")
      && strstr (buf, "ktm-1,2026-11-20,KH,route.overland,6\n")
      && strstr (buf, "ktm-1,2026-11-20,TH,visa.tourist,5\n")
      && strstr (buf, "ktm-1,2026-11-20,*,*,1\n") && !strstr (buf, "hurry"),
      "the signs export merges the sign only one person had:\n%s", buf);
  export (stats, STATS_JSON, NULL, "2026-11-20", buf, sizeof buf);
  ok (strstr (buf, "\"kiosk\": \"ktm-1\"") && strstr (buf, "\"to\": \"2026-11-20\"")
      && strstr (buf, "{\"day\": \"2026-11-20\", \"language\": \"ne\", \"destination\": \"KH\"")
      && strstr (buf, "\"sessions\": 6}") && strstr (buf, "\"sign\": \"passport.kept\"")
      && strstr (buf, "\"sign\": \"*\"") && !strstr (buf, "hurry")
      && !strstr (buf, "2026-11-21"), "the JSON export:\n%s", buf);
  export (stats, STATS_TEXT, NULL, NULL, buf, sizeof buf);
  /* By result: high 6, medium 5, none 1. "none" alone would be the total
     less the others: medium joins it. */
  ok (strstr (buf, "Sessions: 12, from 2026-11-20 to 2026-11-21")
      && strstr (buf, "Contacts shown: 6") && strstr (buf, "  high                            6\n")
      && !strstr (buf, "none ") && !strstr (buf, "medium ")
      && strstr (buf, "By result:\n  high                            6\n"
                      "  (others together)               6\n")
      && strstr (buf, "passport.kept") && !strstr (buf, "hurry") && !strstr (buf, "  th ")
      && strstr (buf, "Counts under 5 are shown only together with others"),
      "the summary shows no count under 5 alone:\n%s", buf);

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
     number or a time, and the database refuses it, by the column's CHECK
     or, for a number, by its type. */
#define CHECK_FAILED "CHECK constraint failed: "
#define NOT_INTEGER "cannot store TEXT value in INTEGER column sessions."
  static const struct { const char *sql, *reason; } refused[] = {
    { "INSERT INTO sessions VALUES ('2026-11-21 14:03', 'ne', 'KH', 'high', 'result', 0, 0, 0, 1)",
      CHECK_FAILED "day" },
    { "INSERT INTO sessions VALUES ('Ram Bahadur', 'ne', 'KH', 'high', 'result', 0, 0, 0, 1)",
      CHECK_FAILED "day" },
    { "INSERT INTO sessions VALUES ('2026-19-39', 'ne', 'KH', 'high', 'result', 0, 0, 0, 1)",
      CHECK_FAILED "day" },
    { "INSERT INTO sessions VALUES ('12:30', 'ne', 'KH', 'high', 'result', 0, 0, 0, 1)",
      CHECK_FAILED "day" },
    { "INSERT INTO sessions VALUES ('2026-11-21', 'Ram Bahadur', 'KH', 'high', 'result', 0, 0, 0, 1)",
      CHECK_FAILED "language" },
    { "INSERT INTO sessions VALUES ('2026-11-21', 'RamBahadur', 'KH', 'high', 'result', 0, 0, 0, 1)",
      CHECK_FAILED "language" },
    { "INSERT INTO sessions VALUES ('2026-11-21', 'RAM', 'KH', 'high', 'result', 0, 0, 0, 1)",
      CHECK_FAILED "language" },
    { "INSERT INTO sessions VALUES ('2026-11-21', 'ram_bahadur', 'KH', 'high', 'result', 0, 0, 0, 1)",
      CHECK_FAILED "language" },
    { "INSERT INTO sessions VALUES ('2026-11-21', '9841234567', 'KH', 'high', 'result', 0, 0, 0, 1)",
      CHECK_FAILED "language" },
    { "INSERT INTO sessions VALUES ('2026-11-21', 'ne', 'Golden Jobs', 'high', 'result', 0, 0, 0, 1)",
      CHECK_FAILED "destination" },
    { "INSERT INTO sessions VALUES ('2026-11-21', 'ne', 'KH', 'very bad', 'result', 0, 0, 0, 1)",
      CHECK_FAILED "level" },
    { "INSERT INTO sessions VALUES ('2026-11-21', 'ne', 'KH', 'high', 'my phone', 0, 0, 0, 1)",
      CHECK_FAILED "reached" },
    { "INSERT INTO sessions VALUES ('2026-11-21', 'ne', 'KH', 'high', 'result', 'yes', 0, 0, 1)",
      NOT_INTEGER "contacts" },
    { "INSERT INTO sessions VALUES ('2026-11-21', 'ne', 'KH', 'high', 'result', 0, 'a', 0, 1)",
      NOT_INTEGER "qr" },
    { "INSERT INTO sessions VALUES ('2026-11-21', 'ne', 'KH', 'high', 'result', 0, 0, 2, 1)",
      CHECK_FAILED "printed" },
    { "INSERT INTO sessions VALUES ('2026-11-21', 'ne', 'KH', 'high', 'result', 0, 0, 0, 'many')",
      NOT_INTEGER "sessions" },
    { "INSERT INTO signs VALUES ('2026-11-21', 'KH', 'Agent Mr Chan +855 12 345 678', 1)",
      CHECK_FAILED "sign" },
    { "INSERT INTO signs VALUES ('2026-11-21', 'KH', 'called me on sunday', 1)",
      CHECK_FAILED "sign" },
    { "INSERT INTO signs VALUES ('2026-11-21', 'KH', 'the agent.took my passport', 1)",
      CHECK_FAILED "sign" },
    { "INSERT INTO signs VALUES ('2026-11-21', 'KH', '9841234567', 1)", CHECK_FAILED "sign" },
    { "INSERT INTO signs VALUES ('2026-11-21', 'KH', 'ram.bahadur-9841234567', 1)",
      CHECK_FAILED "sign" },
    { "INSERT INTO signs VALUES ('2026-11-21', 'KH', 'Ram.Bahadur', 1)", CHECK_FAILED "sign" },
    { "INSERT INTO signs VALUES ('2026-11-21', 'KH', 'ram.bahadur.thapa', 1)", CHECK_FAILED "sign" },
    { "INSERT INTO signs VALUES ('2026-11-21', 'KH', 'rambahadur', 1)", CHECK_FAILED "sign" },
    { "INSERT INTO signs VALUES ('2026-11-21', 'KH', 'passport.', 1)", CHECK_FAILED "sign" },
    { "INSERT INTO signs VALUES ('2026-11-21', 'KH', '12:30', 1)", CHECK_FAILED "sign" },
    { "INSERT INTO signs VALUES ('2026-11-21', 'KH',"
      " 'ram-bahadur-thapa.lives-at-the-corner-house', 1)", CHECK_FAILED "sign" },
    { "INSERT INTO sessions VALUES ('2026-11-21', 'ne', 'KH', 'high', 'result', 0, 0, 0, 9841234567)",
      CHECK_FAILED "sessions" },
    { "INSERT INTO signs VALUES ('2026-11-21', 'KH', 'passport.kept', 9841234567)",
      CHECK_FAILED "sessions" },
    { "INSERT INTO signs VALUES ('21/11/2026', 'KH', 'passport.kept', 1)", CHECK_FAILED "day" },
    { "INSERT INTO signs VALUES ('2026-02-30', 'KH', 'passport.kept', 1)", CHECK_FAILED "day" },
    { "INSERT INTO signs VALUES ('2026-11-21', 'Cambodia', 'passport.kept', 1)",
      CHECK_FAILED "destination" },
  };
  bool all_refused = true;
  for (size_t i = 0; i < sizeof refused / sizeof refused[0]; i++)
    if (!refuses (refused[i].sql, refused[i].reason, buf, sizeof buf))
      {
        all_refused = false;
        printf ("# %s: %s (wanted: %s)\n", refused[i].sql, buf, refused[i].reason);
      }
  ok (all_refused, "every column refuses free text, names, numbers and times");
  ok (accepts ("INSERT INTO sessions VALUES ('2026-11-22', 'zh_CN', '', 'low', 'result', 0, 0, 0, 1)")
      && accepts ("INSERT INTO sessions VALUES ('2024-02-29', 'en@pseudo', 'TH', 'none',"
                  " 'language', 0, 0, 0, 1)")
      && accepts ("INSERT INTO sessions VALUES ('2026-11-22', 'fil', 'PH', 'high', 'result',"
                  " 1, 0, 1, 3)")
      && accepts ("INSERT INTO signs VALUES ('2026-11-22', '', 'recruiter_fee.over-limit', 1)"),
      "while values of the closed sets and the shapes of codes are accepted");
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

  /* The file's time says the day of the last session, not its minute
     (issue 19: the modification time told when the last person left). */
  {
    remove_db ();
    struct stats_session late = {
      .day = "2026-11-20", .language = "ne", .destination = "KH", .level = "low",
      .reached = STATS_REACHED_RESULT,
    };
    stats = stats_open (path, err, sizeof err);
    bool saved = stats && stats_record (stats, &late, err, sizeof err) == 0;
    stats_close (stats);
    struct stat st;
    char wal[128];
    snprintf (wal, sizeof wal, "%s-wal", path);
    struct tm midnight = { .tm_year = 126, .tm_mon = 10, .tm_mday = 20 };
    time_t day = timegm (&midnight);
    ok (saved && stat (path, &st) == 0 && st.st_mtime == day
        && (stat (wal, &st) != 0 || st.st_mtime == day),
        "the figures file's time is the session's day at midnight, not the time it was written");
    remove_db ();
  }

  /* A damaged file (a page overwritten, as a power cut or a failing card
     can leave it) is moved aside whole and the figures start again in a
     new one, which takes the next session; staff are told where the old
     one went (issue 19: it kept taking writes while failing its check). */
  {
    remove_db ();
    struct stats_session one = {
      .day = "2026-11-20", .language = "ne", .destination = "KH", .level = "high",
      .reached = STATS_REACHED_RESULT, .sign_count = 1, .signs = { "passport.kept" },
    };
    stats = stats_open (path, err, sizeof err);
    for (int i = 0; stats && i < 50; i++)
      {
        one.day[9] = (char) ('0' + i % 10);
        stats_record (stats, &one, err, sizeof err);
      }
    stats_close (stats);
    long page = query_number ("PRAGMA page_size");
    FILE *f = fopen (path, "r+b");
    if (f)
      {
        unsigned char junk[64];
        memset (junk, 0xA5, sizeof junk);
        fseek (f, page, SEEK_SET);    /* page 2: a table's first page */
        fwrite (junk, 1, sizeof junk, f);
        fclose (f);
      }
    stats = stats_open (path, err, sizeof err);
    char aside[4096 + 16];
    snprintf (aside, sizeof aside, "%s.damaged", path);
    ok (stats && stats_moved_aside (stats) && strcmp (stats_moved_aside (stats), aside) == 0
        && access (aside, F_OK) == 0,
        "a damaged figures file is moved aside (%s)", stats ? stats_moved_aside (stats) : err);
    ok (stats && stats_record (stats, &one, err, sizeof err) == 0
        && query_number ("SELECT count (*) FROM sessions") == 1,
        "and the next session is kept in a new one (%s)", err);
    stats_close (stats);
    stats = stats_open (path, err, sizeof err);
    ok (stats && !stats_moved_aside (stats), "a whole file is left as it is");
    stats_close (stats);
    unlink (aside);
    remove_db ();
  }

  /* A file of the right version with other tables (no NOT NULL here, and a
     NULL in them) is refused: its reports would crash on the NULL. */
  remove_db ();
  accepts ("CREATE TABLE sessions (day TEXT, language TEXT, destination TEXT, level TEXT,"
           " reached TEXT, contacts INT, qr INT, printed INT, sessions INT);"
           " CREATE TABLE signs (day TEXT, destination TEXT, sign TEXT, sessions INT);"
           " INSERT INTO sessions VALUES ('2026-11-22', NULL, NULL, NULL, NULL, 0, 0, 0, 1);"
           " PRAGMA user_version = 2");
  stats = stats_open (path, err, sizeof err);
  ok (!stats && strstr (err, "not the kiosk's usage figures"),
      "a hand-made file of the right version with a NULL in it is refused: %s", err);
  if (stats)
    stats_write (stats, STATS_TEXT, NULL, NULL, NULL, devnull_out (), err, sizeof err);
  stats_close (stats);

  /* Where it cannot be written, opening says why. */
  stats = stats_open ("/nonexistent/dir/stats.db", err, sizeof err);
  ok (!stats && strstr (err, "/nonexistent/dir/stats.db"), "an impossible path says so: %s", err);
  stats_close (stats);

  ok (date_valid ("2026-11-21") && !date_valid ("2026-11-2") && !date_valid ("2026-02-30")
      && !date_valid ("21-11-2026") && !date_valid ("2026/11/21") && !date_valid ("２026-11-21"),
      "dates are calendar days written YYYY-MM-DD");
  test_upgrade ();
  remove_db ();
  return tap_done ();
}
