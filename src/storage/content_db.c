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
#include "sql.h"
#include "system.h"

static const char schema[] =
  "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;"
  "CREATE TABLE question (position INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE,"
  " text TEXT NOT NULL, source TEXT NOT NULL);"
  "CREATE TABLE option (question INTEGER NOT NULL REFERENCES question (position),"
  " position INTEGER NOT NULL, id TEXT NOT NULL, text TEXT NOT NULL,"
  " weight INTEGER NOT NULL CHECK (weight BETWEEN 0 AND 100),"
  " critical INTEGER NOT NULL, unknown INTEGER NOT NULL, why TEXT, advice TEXT,"
  " credit INTEGER NOT NULL CHECK (credit BETWEEN 0 AND 100), because TEXT,"
  " PRIMARY KEY (question, position));"
  "CREATE TABLE rule (position INTEGER PRIMARY KEY, id TEXT NOT NULL,"
  " origin TEXT NOT NULL, question INTEGER NOT NULL, option INTEGER NOT NULL,"
  " weight INTEGER NOT NULL CHECK (weight BETWEEN 0 AND 100), critical INTEGER NOT NULL,"
  " why TEXT, advice TEXT, source TEXT NOT NULL,"
  " FOREIGN KEY (question, option) REFERENCES option (question, position));"
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
  " PRIMARY KEY (contact, position));"
  /* Recorded clips, keyed by what they say. A database without the table
     (before issue 20) has none: the table is not part of what a kiosk
     must find, so the schema version stays. */
  "CREATE TABLE clip (language TEXT NOT NULL, text TEXT NOT NULL, audio BLOB NOT NULL,"
  " PRIMARY KEY (language, text)) WITHOUT ROWID;";

static int
write_all (sqlite3 *db, const struct content *ct, const struct content_clip *clips,
           size_t clip_count)
{
  int rc = sqlite3_exec (db, schema, NULL, NULL, NULL);

  if (rc == SQLITE_OK)
    rc = sql_run (db, "INSERT INTO meta VALUES ('version', ?)", "s", ct->version);
  if (rc == SQLITE_OK)
    rc = sql_run (db, "INSERT INTO meta VALUES ('medium_from', ?), ('high_from', ?)", "ii",
              ct->checklist.medium_from, ct->checklist.high_from);
  for (size_t i = 0; rc == SQLITE_OK && i < ct->advice_count; i++)
    rc = sql_run (db, "INSERT INTO advice VALUES (?, ?)", "is", (int) i, ct->advice[i]);
  if (rc == SQLITE_OK && ct->newest_check)
    rc = sql_run (db, "INSERT INTO meta VALUES ('newest_check', ?)", "s", ct->newest_check);
  for (size_t q = 0; rc == SQLITE_OK && q < ct->checklist.count; q++)
    {
      const struct checklist_question *qu = &ct->checklist.questions[q];
      rc = sql_run (db, "INSERT INTO question VALUES (?, ?, ?, ?)", "isss", (int) q, qu->id,
                qu->text, qu->source);
      for (size_t o = 0; rc == SQLITE_OK && o < qu->option_count; o++)
        {
          const struct checklist_option *op = &qu->options[o];
          rc = sql_run (db, "INSERT INTO option VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        "iissiiissis", (int) q, (int) o, op->id, op->text, op->weight,
                        op->critical, op->unknown, op->why, op->advice, op->credit, op->because);
        }
    }
  for (size_t i = 0; rc == SQLITE_OK && i < ct->checklist.rule_count; i++)
    {
      const struct checklist_rule *ru = &ct->checklist.rules[i];
      rc = sql_run (db, "INSERT INTO rule VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", "issiiiisss",
                (int) i, ru->id, ru->origin, (int) ru->question, (int) ru->option,
                ru->sign.weight, ru->sign.critical, ru->sign.why, ru->sign.advice, ru->source);
    }
  for (size_t a = 0; rc == SQLITE_OK && a < ct->article_count; a++)
    {
      const struct article *ar = &ct->articles[a];
      rc = sql_run (db, "INSERT INTO article VALUES (?, ?, ?, ?)", "isss", (int) a, ar->id,
                ar->title, ar->source);
      for (size_t s = 0; rc == SQLITE_OK && s < ar->section_count; s++)
        {
          const struct article_section *se = &ar->sections[s];
          rc = sql_run (db, "INSERT INTO section VALUES (?, ?, ?)", "iis", (int) a, (int) s,
                    se->heading);
          for (size_t p = 0; rc == SQLITE_OK && p < se->paragraph_count; p++)
            rc = sql_run (db, "INSERT INTO paragraph VALUES (?, ?, ?, ?)", "iiis", (int) a,
                      (int) s, (int) p, se->paragraphs[p]);
        }
    }
  for (size_t c = 0; rc == SQLITE_OK && c < ct->country_count; c++)
    rc = sql_run (db, "INSERT INTO country VALUES (?, ?, ?, ?)", "issi", (int) c,
              ct->countries[c].code, ct->countries[c].name, (int) ct->countries[c].roles);
  for (size_t c = 0; rc == SQLITE_OK && c < ct->contact_count; c++)
    {
      const struct contact *k = &ct->contacts[c];
      rc = sql_run (db, "INSERT INTO contact VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                "isisssssssssss", (int) c, k->id, (int) k->kind, k->country, k->serves,
                k->name, k->audience, k->hours, k->url, k->address, k->note, k->source,
                k->published, k->copied);
      for (size_t p = 0; rc == SQLITE_OK && p < k->phone_count; p++)
        rc = sql_run (db, "INSERT INTO phone VALUES (?, ?, ?, ?, ?)", "iisss", (int) c, (int) p,
                  k->phones[p].display, k->phones[p].dial, k->phones[p].only_in);
    }
  for (size_t i = 0; rc == SQLITE_OK && i < clip_count; i++)
    rc = sql_run (db, "INSERT INTO clip VALUES (?, ?, ?)", "ssb", clips[i].language,
                  clips[i].text, clips[i].audio, clips[i].size);
  return rc;
}

int
content_db_write (const struct content *content, const struct content_clip *clips, size_t count,
                  const char *path, char *err, size_t err_size)
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
    rc = write_all (db, content, clips, count);
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

/* The text of column COL, one the compiler always writes (NOT NULL in its
   layout), copied into ARENA. A NULL there, in a file made some other way,
   sets *MISSING: the screens and reports use these texts without a check. */
static const char *
required_text (sqlite3_stmt *stmt, int col, struct arena *arena, bool *missing)
{
  const char *s = column_text (stmt, col, arena);
  *missing |= !s;
  return s;
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

/* Ends a statement that was read row by row with RC the last step's
   result: whether it was read to its end and finalized cleanly. A
   statement that could not be prepared (a table missing), a step that
   failed (a damaged page) or rows left over are a broken database, never
   fewer rows taken as the whole. */
static bool
read_to_end (sqlite3_stmt *stmt, int rc)
{
  if (!stmt)
    return false;
  return sqlite3_finalize (stmt) == SQLITE_OK && rc == SQLITE_DONE;
}

/* Reads every table into CT. Returns 0, or -1 with why in WHY: a table
   missing or damaged, or rows the compiler never writes (positions with
   gaps, a child without its parent), which would put texts in the wrong
   place, or past an array. */
static int
load_all (sqlite3 *db, struct content *ct, const char **why)
{
  struct arena *a = &ct->arena;
  sqlite3_stmt *stmt;
  bool ok = true;        /* every statement read to its end */
  bool dense = true;     /* positions from 0 without gaps, children with parents */
  bool incomplete = false;   /* a text the compiler requires is missing */
  int rc = SQLITE_DONE;
  int nq = count_rows (db, "question"), na = count_rows (db, "article");
  int nc = count_rows (db, "country"), nk = count_rows (db, "contact");
  int nv = count_rows (db, "advice"), nr = count_rows (db, "rule");

  if (nq < 0 || na < 0 || nc < 0 || nk < 0 || nv < 0 || nr < 0)
    {
      *why = "a table is missing";
      return -1;
    }
  /* The compiler's limits, checked again: a session keeps an answer per
     question in an array of CHECKLIST_MAX_QUESTIONS. */
  if (nq == 0 || nq > CHECKLIST_MAX_QUESTIONS)
    {
      *why = nq == 0 ? "the checklist has no questions"
                     : "the checklist has more questions than the program can keep answers for";
      return -1;
    }
  struct checklist_rule *rs = arena_alloc (a, ((size_t) nr + 1) * sizeof *rs);
  struct checklist_question *qs = arena_alloc (a, ((size_t) nq + 1) * sizeof *qs);
  ct->articles = arena_alloc (a, ((size_t) na + 1) * sizeof *ct->articles);
  ct->countries = arena_alloc (a, ((size_t) nc + 1) * sizeof *ct->countries);
  ct->contacts = arena_alloc (a, ((size_t) nk + 1) * sizeof *ct->contacts);
  ct->advice = arena_alloc (a, ((size_t) nv + 1) * sizeof *ct->advice);
  if (!qs || !ct->articles || !ct->countries || !ct->contacts || !ct->advice || !rs)
    return -1;
  ct->checklist.questions = qs;
  ct->checklist.rules = rs;

  /* Positions are dense from 0, as the compiler writes them; the bounds
     checks keep a hand-edited database from writing out of the arrays. */
  stmt = prepare (db, "SELECT key, value FROM meta");
  while (stmt && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
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
  ok &= read_to_end (stmt, rc);

  stmt = prepare (db, "SELECT id, text, source, position FROM question ORDER BY position");
  while (stmt && (rc = sqlite3_step (stmt)) == SQLITE_ROW && ct->checklist.count < (size_t) nq)
    {
      dense &= sqlite3_column_int (stmt, 3) == (int) ct->checklist.count;
      qs[ct->checklist.count++] = (struct checklist_question) {
        .id = required_text (stmt, 0, a, &incomplete),
        .text = required_text (stmt, 1, a, &incomplete),
        .source = required_text (stmt, 2, a, &incomplete) };
    }
  ok &= read_to_end (stmt, rc);

  stmt = prepare (db, "SELECT question, id, text, weight, critical, unknown, why, advice,"
                      " credit, because FROM option ORDER BY question, position");
  while (stmt && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int q = sqlite3_column_int (stmt, 0);
      if (q < 0 || (size_t) q >= ct->checklist.count
          || qs[q].option_count == CHECKLIST_MAX_OPTIONS)
        {
          dense = false;
          continue;
        }
      struct checklist_option *o = &qs[q].options[qs[q].option_count++];
      *o = (struct checklist_option) {
        .id = column_text (stmt, 1, a), .text = column_text (stmt, 2, a),
        .weight = sqlite3_column_int (stmt, 3), .critical = sqlite3_column_int (stmt, 4),
        .unknown = sqlite3_column_int (stmt, 5), .why = column_text (stmt, 6, a),
        .advice = column_text (stmt, 7, a), .credit = sqlite3_column_int (stmt, 8),
        .because = column_text (stmt, 9, a) };
      /* What the compiler requires, which the screens print without a
         check: a question and an answer have text, a warning sign says why
         and what to do. */
      if (!o->id || !o->text || !qs[q].text || (o->weight > 0 && (!o->why || !o->advice)))
        incomplete = true;
    }
  ok &= read_to_end (stmt, rc);

  /* A rule's sign is its option with the rule's fields in their place. */
  stmt = prepare (db, "SELECT id, origin, question, option, weight, critical, why, advice,"
                      " source FROM rule ORDER BY position");
  while (stmt && (rc = sqlite3_step (stmt)) == SQLITE_ROW && ct->checklist.rule_count < (size_t) nr)
    {
      int q = sqlite3_column_int (stmt, 2), o = sqlite3_column_int (stmt, 3);
      const unsigned char *origin = sqlite3_column_text (stmt, 1);
      if (q < 0 || (size_t) q >= ct->checklist.count || o < 0
          || (size_t) o >= qs[q].option_count || !origin || strlen ((const char *) origin) != 2)
        continue;
      struct checklist_rule *ru = &rs[ct->checklist.rule_count++];
      *ru = (struct checklist_rule) { .id = required_text (stmt, 0, a, &incomplete),
                                      .question = (size_t) q, .option = (size_t) o,
                                      .sign = qs[q].options[o],
                                      .source = required_text (stmt, 8, a, &incomplete) };
      memcpy (ru->origin, origin, 2);
      ru->sign.weight = sqlite3_column_int (stmt, 4);
      ru->sign.critical = sqlite3_column_int (stmt, 5);
      ru->sign.why = column_text (stmt, 6, a);
      ru->sign.advice = column_text (stmt, 7, a);
    }
  ok &= read_to_end (stmt, rc);

  stmt = prepare (db, "SELECT text FROM advice ORDER BY position");
  while (stmt && (rc = sqlite3_step (stmt)) == SQLITE_ROW && ct->advice_count < (size_t) nv)
    ct->advice[ct->advice_count++] = required_text (stmt, 0, a, &incomplete);
  ok &= read_to_end (stmt, rc);

  stmt = prepare (db, "SELECT id, title, source, position FROM article ORDER BY position");
  while (stmt && (rc = sqlite3_step (stmt)) == SQLITE_ROW && ct->article_count < (size_t) na)
    {
      dense &= sqlite3_column_int (stmt, 3) == (int) ct->article_count;
      ct->articles[ct->article_count++] = (struct article) {
        .id = required_text (stmt, 0, a, &incomplete),
        .title = required_text (stmt, 1, a, &incomplete),
        .source = required_text (stmt, 2, a, &incomplete) };
    }
  ok &= read_to_end (stmt, rc);

  stmt = prepare (db, "SELECT s.article, s.heading, count(p.position), s.position FROM section s"
                      " LEFT JOIN paragraph p ON p.article = s.article AND p.section = s.position"
                      " GROUP BY s.article, s.position ORDER BY s.article, s.position");
  while (stmt && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int ai = sqlite3_column_int (stmt, 0);
      int np = sqlite3_column_int (stmt, 2);
      if (ai < 0 || (size_t) ai >= ct->article_count || np < 0)
        {
          dense = false;
          continue;
        }
      struct article *art = &ct->articles[ai];
      /* A section's paragraphs are counted by its position: a gap would
         give a section another one's room. */
      if (sqlite3_column_int (stmt, 3) != (int) art->section_count)
        {
          dense = false;
          continue;
        }
      struct article_section *bigger = arena_alloc (a, (art->section_count + 1) * sizeof *bigger);
      const char **texts = arena_alloc (a, ((size_t) np + 1) * sizeof *texts);
      if (!bigger || !texts)
        {
          *why = "out of memory";
          ok = false;
          break;
        }
      if (art->section_count)
        memcpy (bigger, art->sections, art->section_count * sizeof *bigger);
      bigger[art->section_count++] = (struct article_section) {
        required_text (stmt, 1, a, &incomplete), 0, texts, (size_t) np };
      art->sections = bigger;
    }
  ok &= read_to_end (stmt, rc);

  stmt = prepare (db, "SELECT article, section, text FROM paragraph"
                      " ORDER BY article, section, position");
  while (stmt && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int ai = sqlite3_column_int (stmt, 0), si = sqlite3_column_int (stmt, 1);
      if (ai < 0 || (size_t) ai >= ct->article_count || si < 0
          || (size_t) si >= ct->articles[ai].section_count
          || ct->articles[ai].sections[si].paragraph_count
             == ct->articles[ai].sections[si].paragraph_room)
        {
          dense = false;
          continue;
        }
      struct article_section *se = &ct->articles[ai].sections[si];
      se->paragraphs[se->paragraph_count++] = required_text (stmt, 2, a, &incomplete);
    }
  ok &= read_to_end (stmt, rc);

  stmt = prepare (db, "SELECT code, name, roles FROM country ORDER BY position");
  while (stmt && (rc = sqlite3_step (stmt)) == SQLITE_ROW && ct->country_count < (size_t) nc)
    ct->countries[ct->country_count++] = (struct country) {
      required_text (stmt, 0, a, &incomplete), required_text (stmt, 1, a, &incomplete),
      (unsigned) sqlite3_column_int (stmt, 2) };
  ok &= read_to_end (stmt, rc);

  stmt = prepare (db, "SELECT id, kind, country, serves, name, audience, hours, url, address,"
                      " note, source, published, copied, position FROM contact"
                      " ORDER BY position");
  while (stmt && (rc = sqlite3_step (stmt)) == SQLITE_ROW && ct->contact_count < (size_t) nk)
    {
      int kind = sqlite3_column_int (stmt, 1);
      /* Phones name their contact by its position: no gaps. */
      dense &= sqlite3_column_int (stmt, 13) == (int) ct->contact_count;
      ct->contacts[ct->contact_count++] = (struct contact) {
        .id = required_text (stmt, 0, a, &incomplete),
        .kind = kind >= CONTACT_EMBASSY && kind <= CONTACT_ORGANISATION
                ? (enum contact_kind) kind : CONTACT_ORGANISATION,
        .country = required_text (stmt, 2, a, &incomplete),
        .serves = required_text (stmt, 3, a, &incomplete),
        .name = required_text (stmt, 4, a, &incomplete), .audience = column_text (stmt, 5, a),
        .hours = column_text (stmt, 6, a), .url = column_text (stmt, 7, a),
        .address = column_text (stmt, 8, a), .note = column_text (stmt, 9, a),
        .source = required_text (stmt, 10, a, &incomplete),
        .published = required_text (stmt, 11, a, &incomplete),
        .copied = required_text (stmt, 12, a, &incomplete) };
    }
  ok &= read_to_end (stmt, rc);

  stmt = prepare (db, "SELECT contact, display, dial, only_in FROM phone"
                      " ORDER BY contact, position");
  while (stmt && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int ci = sqlite3_column_int (stmt, 0);
      if (ci < 0 || (size_t) ci >= ct->contact_count
          || ct->contacts[ci].phone_count == CONTACT_MAX_PHONES)
        {
          dense = false;
          continue;
        }
      struct contact *k = &ct->contacts[ci];
      k->phones[k->phone_count++] = (struct phone) { required_text (stmt, 1, a, &incomplete),
                                                     required_text (stmt, 2, a, &incomplete),
                                                     column_text (stmt, 3, a) };
    }
  ok &= read_to_end (stmt, rc);
  if (!ok)
    *why = *why ? *why : "a table cannot be read to its end";
  else if (!dense)
    *why = "rows in places the compiler never puts them (positions with gaps, or a row "
           "without its parent)";
  else if (incomplete)
    *why = "a text the compiler always writes is missing (a question or an answer without "
           "its text, a contact without its country...), or a warning sign without why it "
           "matters and what to do";
  /* Country codes are two capital letters, as the compiler checks: the
     office form and the contacts copy two bytes of them. */
  for (size_t c = 0; ok && dense && !incomplete && c < ct->country_count; c++)
    {
      const char *code = ct->countries[c].code;
      if (strlen (code) != 2 || code[0] < 'A' || code[0] > 'Z' || code[1] < 'A' || code[1] > 'Z')
        {
          *why = "a country code that is not two capital letters";
          incomplete = true;
        }
    }
  /* Every question has an answer to give. */
  for (size_t q = 0; ok && dense && !incomplete && q < ct->checklist.count; q++)
    if (qs[q].option_count < 2)
      {
        *why = "a question with fewer than two answers";
        incomplete = true;
      }
  return ok && dense && !incomplete ? 0 : -1;
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
      char why[8192];
      diag_format (err, err_size, "%s: %s", path, sql_why (db, path, why, sizeof why));
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

  const char *why = NULL;
  if (load_all (db, content, &why) != 0 || content->checklist.count == 0
      || content->checklist.high_from <= content->checklist.medium_from)
    {
      int code = sqlite3_errcode (db);
      diag_format (err, err_size, "%s: cannot read the content (%s)", path,
                   why && code != SQLITE_OK && code != SQLITE_DONE && code != SQLITE_ROW
                   ? sqlite3_errmsg (db) : why ? why
                   : content->checklist.count == 0 ? "it has no checklist" : "it has no scoring");
      sqlite3_close (db);
      return -1;
    }
  sqlite3_close (db);
  return 0;
}
