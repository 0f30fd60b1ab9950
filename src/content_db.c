/* content_db.c -- the content database (SQLite). The layout is versioned
   with PRAGMA user_version; a change of layout bumps CONTENT_SCHEMA_VERSION. */
#include <config.h>
#include "content_db.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <sqlite3.h>
#include "diag.h"
#include "system.h"

static const char schema[] =
  "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;"
  "CREATE TABLE question (position INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE,"
  " text TEXT NOT NULL, source TEXT NOT NULL);"
  "CREATE TABLE option (question INTEGER NOT NULL REFERENCES question (position),"
  " position INTEGER NOT NULL, id TEXT NOT NULL, text TEXT NOT NULL,"
  " weight INTEGER NOT NULL CHECK (weight BETWEEN 0 AND 100),"
  " critical INTEGER NOT NULL, unknown INTEGER NOT NULL, why TEXT, advice TEXT,"
  " PRIMARY KEY (question, position));"
  "CREATE TABLE advice (position INTEGER PRIMARY KEY, text TEXT NOT NULL);"
  "CREATE TABLE article (position INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE,"
  " title TEXT NOT NULL, source TEXT NOT NULL);"
  "CREATE TABLE section (article INTEGER NOT NULL REFERENCES article (position),"
  " position INTEGER NOT NULL, heading TEXT NOT NULL, PRIMARY KEY (article, position));"
  "CREATE TABLE paragraph (article INTEGER NOT NULL, section INTEGER NOT NULL,"
  " position INTEGER NOT NULL, text TEXT NOT NULL,"
  " PRIMARY KEY (article, section, position));"
  "CREATE TABLE country (position INTEGER PRIMARY KEY, code TEXT NOT NULL UNIQUE,"
  " name TEXT NOT NULL, roles INTEGER NOT NULL);"
  "CREATE TABLE contact (position INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE,"
  " kind INTEGER NOT NULL, country TEXT NOT NULL, serves TEXT NOT NULL,"
  " name TEXT NOT NULL, audience TEXT, hours TEXT, url TEXT, address TEXT, note TEXT,"
  " source TEXT NOT NULL, published TEXT NOT NULL, copied TEXT NOT NULL);"
  /* only_in: the one country a number can be dialled from; NULL: anywhere. */
  "CREATE TABLE phone (contact INTEGER NOT NULL REFERENCES contact (position),"
  " position INTEGER NOT NULL, display TEXT NOT NULL, dial TEXT NOT NULL, only_in TEXT,"
  " PRIMARY KEY (contact, position));";

/* Runs SQL with the values in FMT bound in order: 'i' an int, 's' a string
   (NULL binds NULL). Returns the SQLite result code. */
static int
run (sqlite3 *db, const char *sql, const char *fmt, ...)
{
  sqlite3_stmt *stmt;
  va_list ap;
  int rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    return rc;
  va_start (ap, fmt);
  for (int i = 0; fmt[i] && rc == SQLITE_OK; i++)
    if (fmt[i] == 'i')
      rc = sqlite3_bind_int (stmt, i + 1, va_arg (ap, int));
    else
      {
        const char *s = va_arg (ap, const char *);
        rc = s ? sqlite3_bind_text (stmt, i + 1, s, -1, SQLITE_STATIC)
               : sqlite3_bind_null (stmt, i + 1);
      }
  va_end (ap);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  return rc == SQLITE_DONE || rc == SQLITE_ROW ? SQLITE_OK : rc;
}

static int
write_all (sqlite3 *db, const struct content *ct)
{
  int rc = sqlite3_exec (db, schema, NULL, NULL, NULL);

  if (rc == SQLITE_OK)
    rc = run (db, "INSERT INTO meta VALUES ('version', ?)", "s", ct->version);
  if (rc == SQLITE_OK)
    rc = run (db, "INSERT INTO meta VALUES ('medium_from', ?), ('high_from', ?)", "ii",
              ct->checklist.medium_from, ct->checklist.high_from);
  for (size_t i = 0; rc == SQLITE_OK && i < ct->advice_count; i++)
    rc = run (db, "INSERT INTO advice VALUES (?, ?)", "is", (int) i, ct->advice[i]);
  if (rc == SQLITE_OK && ct->newest_check)
    rc = run (db, "INSERT INTO meta VALUES ('newest_check', ?)", "s", ct->newest_check);
  for (size_t q = 0; rc == SQLITE_OK && q < ct->checklist.count; q++)
    {
      const struct checklist_question *qu = &ct->checklist.questions[q];
      rc = run (db, "INSERT INTO question VALUES (?, ?, ?, ?)", "isss", (int) q, qu->id,
                qu->text, qu->source);
      for (size_t o = 0; rc == SQLITE_OK && o < qu->option_count; o++)
        {
          const struct checklist_option *op = &qu->options[o];
          rc = run (db, "INSERT INTO option VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", "iissiiiss",
                    (int) q, (int) o, op->id, op->text, op->weight, op->critical,
                    op->unknown, op->why, op->advice);
        }
    }
  for (size_t a = 0; rc == SQLITE_OK && a < ct->article_count; a++)
    {
      const struct article *ar = &ct->articles[a];
      rc = run (db, "INSERT INTO article VALUES (?, ?, ?, ?)", "isss", (int) a, ar->id,
                ar->title, ar->source);
      for (size_t s = 0; rc == SQLITE_OK && s < ar->section_count; s++)
        {
          const struct article_section *se = &ar->sections[s];
          rc = run (db, "INSERT INTO section VALUES (?, ?, ?)", "iis", (int) a, (int) s,
                    se->heading);
          for (size_t p = 0; rc == SQLITE_OK && p < se->paragraph_count; p++)
            rc = run (db, "INSERT INTO paragraph VALUES (?, ?, ?, ?)", "iiis", (int) a,
                      (int) s, (int) p, se->paragraphs[p]);
        }
    }
  for (size_t c = 0; rc == SQLITE_OK && c < ct->country_count; c++)
    rc = run (db, "INSERT INTO country VALUES (?, ?, ?, ?)", "issi", (int) c,
              ct->countries[c].code, ct->countries[c].name, (int) ct->countries[c].roles);
  for (size_t c = 0; rc == SQLITE_OK && c < ct->contact_count; c++)
    {
      const struct contact *k = &ct->contacts[c];
      rc = run (db, "INSERT INTO contact VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                "isisssssssssss", (int) c, k->id, (int) k->kind, k->country, k->serves,
                k->name, k->audience, k->hours, k->url, k->address, k->note, k->source,
                k->published, k->copied);
      for (size_t p = 0; rc == SQLITE_OK && p < k->phone_count; p++)
        rc = run (db, "INSERT INTO phone VALUES (?, ?, ?, ?, ?)", "iisss", (int) c, (int) p,
                  k->phones[p].display, k->phones[p].dial, k->phones[p].only_in);
    }
  return rc;
}

int
content_db_write (const struct content *content, const char *path, char *err,
                  size_t err_size)
{
  size_t len = strlen (path) + 16;
  char *tmp = malloc (len);
  sqlite3 *db = NULL;
  int rc;
  char pragma[64];

  if (!tmp)
    return diag_format (err, err_size, "out of memory");
  snprintf (tmp, len, "%s.tmp%ld", path, (long) getpid ());
  unlink (tmp);
  rc = sqlite3_open_v2 (tmp, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  snprintf (pragma, sizeof pragma, "PRAGMA user_version = %d", CONTENT_SCHEMA_VERSION);
  if (rc == SQLITE_OK)
    rc = sqlite3_exec (db, "BEGIN", NULL, NULL, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_exec (db, pragma, NULL, NULL, NULL);
  if (rc == SQLITE_OK)
    rc = write_all (db, content);
  if (rc == SQLITE_OK)
    rc = sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_exec (db, "VACUUM", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      diag_format (err, err_size, "cannot write %s: %s", tmp, db ? sqlite3_errmsg (db)
                                                           : sqlite3_errstr (rc));
      sqlite3_close (db);
      unlink (tmp);
      free (tmp);
      return -1;
    }
  rc = sqlite3_close (db);
  if (rc != SQLITE_OK || rename (tmp, path) != 0)
    {
      diag_format (err, err_size, "cannot write %s: %s", path,
            rc != SQLITE_OK ? sqlite3_errstr (rc) : strerror (errno));
      unlink (tmp);
      free (tmp);
      return -1;
    }
  free (tmp);
  return 0;
}

/* The text of column COL, copied into the content's arena; NULL stays NULL. */
static const char *
column_text (sqlite3_stmt *stmt, int col, struct arena *arena)
{
  const unsigned char *s = sqlite3_column_text (stmt, col);
  return s ? arena_strdup (arena, (const char *) s) : NULL;
}

/* Prepares SQL, or returns NULL after describing the failure. */
static sqlite3_stmt *
prepare (sqlite3 *db, const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    return NULL;
  return stmt;
}

static int
count_rows (sqlite3 *db, const char *table)
{
  char sql[64];
  snprintf (sql, sizeof sql, "SELECT count(*) FROM %s", table);
  sqlite3_stmt *stmt = prepare (db, sql);
  int n = stmt && sqlite3_step (stmt) == SQLITE_ROW ? sqlite3_column_int (stmt, 0) : -1;
  sqlite3_finalize (stmt);
  return n;
}

static int
load_all (sqlite3 *db, struct content *ct)
{
  struct arena *a = &ct->arena;
  sqlite3_stmt *stmt;
  int nq = count_rows (db, "question"), na = count_rows (db, "article");
  int nc = count_rows (db, "country"), nk = count_rows (db, "contact");
  int nv = count_rows (db, "advice");

  if (nq < 0 || na < 0 || nc < 0 || nk < 0 || nv < 0)
    return -1;
  struct checklist_question *qs = arena_alloc (a, ((size_t) nq + 1) * sizeof *qs);
  ct->articles = arena_alloc (a, ((size_t) na + 1) * sizeof *ct->articles);
  ct->countries = arena_alloc (a, ((size_t) nc + 1) * sizeof *ct->countries);
  ct->contacts = arena_alloc (a, ((size_t) nk + 1) * sizeof *ct->contacts);
  ct->advice = arena_alloc (a, ((size_t) nv + 1) * sizeof *ct->advice);
  if (!qs || !ct->articles || !ct->countries || !ct->contacts || !ct->advice)
    return -1;
  ct->checklist.questions = qs;

  /* Positions are dense from 0, as the compiler writes them; the bounds
     checks keep a hand-edited database from writing out of the arrays. */
  stmt = prepare (db, "SELECT key, value FROM meta");
  while (stmt && sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *key = (const char *) sqlite3_column_text (stmt, 0);
      if (key && strcmp (key, "version") == 0)
        ct->version = column_text (stmt, 1, a);
      else if (key && strcmp (key, "newest_check") == 0)
        ct->newest_check = column_text (stmt, 1, a);
      else if (key && strcmp (key, "medium_from") == 0)
        ct->checklist.medium_from = sqlite3_column_int (stmt, 1);
      else if (key && strcmp (key, "high_from") == 0)
        ct->checklist.high_from = sqlite3_column_int (stmt, 1);
    }
  sqlite3_finalize (stmt);

  stmt = prepare (db, "SELECT id, text, source FROM question ORDER BY position");
  while (stmt && sqlite3_step (stmt) == SQLITE_ROW && ct->checklist.count < (size_t) nq)
    qs[ct->checklist.count++] = (struct checklist_question) {
      .id = column_text (stmt, 0, a), .text = column_text (stmt, 1, a),
      .source = column_text (stmt, 2, a) };
  sqlite3_finalize (stmt);

  stmt = prepare (db, "SELECT question, id, text, weight, critical, unknown, why, advice"
                      " FROM option ORDER BY question, position");
  while (stmt && sqlite3_step (stmt) == SQLITE_ROW)
    {
      int q = sqlite3_column_int (stmt, 0);
      if (q < 0 || (size_t) q >= ct->checklist.count
          || qs[q].option_count == CHECKLIST_MAX_OPTIONS)
        continue;
      qs[q].options[qs[q].option_count++] = (struct checklist_option) {
        .id = column_text (stmt, 1, a), .text = column_text (stmt, 2, a),
        .weight = sqlite3_column_int (stmt, 3), .critical = sqlite3_column_int (stmt, 4),
        .unknown = sqlite3_column_int (stmt, 5), .why = column_text (stmt, 6, a),
        .advice = column_text (stmt, 7, a) };
    }
  sqlite3_finalize (stmt);

  stmt = prepare (db, "SELECT text FROM advice ORDER BY position");
  while (stmt && sqlite3_step (stmt) == SQLITE_ROW && ct->advice_count < (size_t) nv)
    ct->advice[ct->advice_count++] = column_text (stmt, 0, a);
  sqlite3_finalize (stmt);

  stmt = prepare (db, "SELECT id, title, source FROM article ORDER BY position");
  while (stmt && sqlite3_step (stmt) == SQLITE_ROW && ct->article_count < (size_t) na)
    ct->articles[ct->article_count++] = (struct article) {
      .id = column_text (stmt, 0, a), .title = column_text (stmt, 1, a),
      .source = column_text (stmt, 2, a) };
  sqlite3_finalize (stmt);

  stmt = prepare (db, "SELECT s.article, s.heading, count(p.position) FROM section s"
                      " LEFT JOIN paragraph p ON p.article = s.article AND p.section = s.position"
                      " GROUP BY s.article, s.position ORDER BY s.article, s.position");
  while (stmt && sqlite3_step (stmt) == SQLITE_ROW)
    {
      int ai = sqlite3_column_int (stmt, 0);
      int np = sqlite3_column_int (stmt, 2);
      if (ai < 0 || (size_t) ai >= ct->article_count || np < 0)
        continue;
      struct article *art = &ct->articles[ai];
      struct article_section *bigger = arena_alloc (a, (art->section_count + 1) * sizeof *bigger);
      const char **texts = arena_alloc (a, ((size_t) np + 1) * sizeof *texts);
      if (!bigger || !texts)
        break;
      if (art->section_count)
        memcpy (bigger, art->sections, art->section_count * sizeof *bigger);
      bigger[art->section_count++] = (struct article_section) {
        column_text (stmt, 1, a), 0, texts };
      art->sections = bigger;
    }
  sqlite3_finalize (stmt);

  stmt = prepare (db, "SELECT article, section, text FROM paragraph"
                      " ORDER BY article, section, position");
  while (stmt && sqlite3_step (stmt) == SQLITE_ROW)
    {
      int ai = sqlite3_column_int (stmt, 0), si = sqlite3_column_int (stmt, 1);
      if (ai < 0 || (size_t) ai >= ct->article_count || si < 0
          || (size_t) si >= ct->articles[ai].section_count)
        continue;
      struct article_section *se = &ct->articles[ai].sections[si];
      se->paragraphs[se->paragraph_count++] = column_text (stmt, 2, a);
    }
  sqlite3_finalize (stmt);

  stmt = prepare (db, "SELECT code, name, roles FROM country ORDER BY position");
  while (stmt && sqlite3_step (stmt) == SQLITE_ROW && ct->country_count < (size_t) nc)
    ct->countries[ct->country_count++] = (struct country) {
      column_text (stmt, 0, a), column_text (stmt, 1, a),
      (unsigned) sqlite3_column_int (stmt, 2) };
  sqlite3_finalize (stmt);

  stmt = prepare (db, "SELECT id, kind, country, serves, name, audience, hours, url, address,"
                      " note, source, published, copied FROM contact ORDER BY position");
  while (stmt && sqlite3_step (stmt) == SQLITE_ROW && ct->contact_count < (size_t) nk)
    {
      int kind = sqlite3_column_int (stmt, 1);
      ct->contacts[ct->contact_count++] = (struct contact) {
        .id = column_text (stmt, 0, a),
        .kind = kind >= CONTACT_EMBASSY && kind <= CONTACT_ORGANISATION
                ? (enum contact_kind) kind : CONTACT_ORGANISATION,
        .country = column_text (stmt, 2, a), .serves = column_text (stmt, 3, a),
        .name = column_text (stmt, 4, a), .audience = column_text (stmt, 5, a),
        .hours = column_text (stmt, 6, a), .url = column_text (stmt, 7, a),
        .address = column_text (stmt, 8, a), .note = column_text (stmt, 9, a),
        .source = column_text (stmt, 10, a), .published = column_text (stmt, 11, a),
        .copied = column_text (stmt, 12, a) };
    }
  sqlite3_finalize (stmt);

  stmt = prepare (db, "SELECT contact, display, dial, only_in FROM phone"
                      " ORDER BY contact, position");
  while (stmt && sqlite3_step (stmt) == SQLITE_ROW)
    {
      int ci = sqlite3_column_int (stmt, 0);
      if (ci < 0 || (size_t) ci >= ct->contact_count
          || ct->contacts[ci].phone_count == CONTACT_MAX_PHONES)
        continue;
      struct contact *k = &ct->contacts[ci];
      k->phones[k->phone_count++] = (struct phone) { column_text (stmt, 1, a),
                                                     column_text (stmt, 2, a),
                                                     column_text (stmt, 3, a) };
    }
  sqlite3_finalize (stmt);
  return sqlite3_errcode (db) == SQLITE_OK || sqlite3_errcode (db) == SQLITE_DONE
         || sqlite3_errcode (db) == SQLITE_ROW ? 0 : -1;
}

/* PATH as an SQLite URI opened read-only. */
static char *
readonly_uri (const char *path)
{
  size_t len = strlen (path);
  char *uri = malloc (3 * len + 32);
  char *o = uri;
  if (!uri)
    return NULL;
  o += sprintf (o, "file:");
  for (const char *s = path; *s; s++)
    if (*s == '%' || *s == '?' || *s == '#')
      o += sprintf (o, "%%%02X", (unsigned char) *s);
    else
      *o++ = *s;
  strcpy (o, "?mode=ro");
  return uri;
}

int
content_db_load (const char *path, struct content *content, char *err, size_t err_size)
{
  struct stat st;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt;
  int version = -1, rc;
  char *uri;

  memset (content, 0, sizeof *content);
  /* SQLite's own word for a missing file is "unable to open database file":
     say what is wrong in plain words first. */
  if (stat (path, &st) != 0)
    return diag_format (err, err_size, "%s: %s", path, strerror (errno));
  if (!S_ISREG (st.st_mode))
    return diag_format (err, err_size, "%s: not a regular file", path);
  uri = readonly_uri (path);
  if (!uri)
    return diag_format (err, err_size, "out of memory");
  rc = sqlite3_open_v2 (uri, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL);
  free (uri);
  if (rc != SQLITE_OK)
    {
      diag_format (err, err_size, "%s: %s", path, db ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
      sqlite3_close (db);
      return -1;
    }
  sqlite3_db_config (db, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);

  stmt = prepare (db, "PRAGMA user_version");
  if (stmt && sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  if (version < 0)
    {
      diag_format (err, err_size, "%s: not a content database (%s)", path, sqlite3_errmsg (db));
      sqlite3_close (db);
      return -1;
    }
  if (version != CONTENT_SCHEMA_VERSION)
    {
      diag_format (err, err_size, "%s: content database version %d; this program reads version %d "
            "(rebuild it with this version's safejob-content)", path, version,
            CONTENT_SCHEMA_VERSION);
      sqlite3_close (db);
      return -1;
    }
  stmt = prepare (db, "PRAGMA quick_check");
  const unsigned char *verdict = stmt && sqlite3_step (stmt) == SQLITE_ROW
                                 ? sqlite3_column_text (stmt, 0) : NULL;
  if (!verdict || strcmp ((const char *) verdict, "ok") != 0)
    {
      diag_format (err, err_size, "%s: the database is damaged (%s)", path,
            verdict ? (const char *) verdict : sqlite3_errmsg (db));
      sqlite3_finalize (stmt);
      sqlite3_close (db);
      return -1;
    }
  sqlite3_finalize (stmt);

  if (load_all (db, content) != 0 || content->checklist.count == 0
      || content->checklist.high_from <= content->checklist.medium_from)
    {
      diag_format (err, err_size, "%s: cannot read the content (%s)", path,
            sqlite3_errcode (db) != SQLITE_OK ? sqlite3_errmsg (db)
            : content->checklist.count == 0 ? "it has no checklist" : "it has no scoring");
      sqlite3_close (db);
      return -1;
    }
  sqlite3_close (db);
  return 0;
}
