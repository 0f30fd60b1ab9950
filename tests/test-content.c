/* test-content.c -- compiling the fixture, writing the database, loading it
   back; refusing missing, foreign, old and damaged databases. */
#include <config.h>

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sqlite3.h>
#include "content_compile.h"
#include "contact_list.h"
#include "content_db.h"
#include "tap.h"

static char dir[] = "/tmp/safejob-test-content-XXXXXX";
static char db_path[256];

static const struct contact *
find_contact (const struct content *ct, const char *id)
{
  for (size_t i = 0; i < ct->contact_count; i++)
    if (strcmp (ct->contacts[i].id, id) == 0)
      return &ct->contacts[i];
  return NULL;
}

/* Loads PATH, expecting failure; true when the message contains WANT. */
static int
refused (const char *path, const char *want)
{
  struct content ct;
  char err[512] = "";
  int rc = content_db_load (path, &ct, err, sizeof err);
  content_free (&ct);
  if (rc == 0 || !strstr (err, want))
    printf ("#   got: rc %d, '%s'\n", rc, err);
  return rc != 0 && strstr (err, want) != NULL;
}

static void
copy_file (const char *from, const char *to)
{
  FILE *in = fopen (from, "rb"), *out = fopen (to, "wb");
  char buf[4096];
  size_t n;
  while (in && out && (n = fread (buf, 1, sizeof buf, in)) > 0)
    fwrite (buf, 1, n, out);
  if (in)
    fclose (in);
  if (out)
    fclose (out);
}

int
main (void)
{
  const char *srcdir = getenv ("srcdir");
  char fixture[512], other[300], err[512];
  struct content_build build;
  struct content loaded;
  FILE *devnull = fopen ("/dev/null", "w");
  struct diag diag = { devnull, 0 };

  if (!setlocale (LC_ALL, "C.UTF-8") || !mkdtemp (dir))
    {
      printf ("1..0 # SKIP no C.UTF-8 locale or no temporary directory\n");
      return 0;
    }
  snprintf (fixture, sizeof fixture, "%s/tests/content", srcdir ? srcdir : ".");
  snprintf (db_path, sizeof db_path, "%s/content.db", dir);

  ok (content_compile (fixture, &build, &diag) == 0, "the fixture compiles without errors");
  ok (build.content.checklist.count == 2 && build.content.country_count == 3
      && build.content.contact_count == 3 && build.content.article_count == 1,
      "every record is in the model");
  ok (build.message_count > 10, "translatable strings are collected (%zu)", build.message_count);
  ok (content_db_write (&build.content, NULL, 0, db_path, err, sizeof err) == 0, "the database is written");
  ok (access (db_path, F_OK) == 0, "it is renamed into place");

  ok (content_db_load (db_path, &loaded, err, sizeof err) == 0, "and loads back: %s", err);
  const struct checklist_question *q = &loaded.checklist.questions[0];
  ok (loaded.checklist.count == 2 && strcmp (q->id, "route") == 0 && q->option_count == 3,
      "questions and options keep their order");
  ok (strcmp (q->options[1].text, "By air to another city, then by car across a border") == 0,
      "continued lines are joined with one space");
  ok (q->options[1].critical && q->options[1].weight == 100 && q->options[2].unknown
      && !q->options[0].critical, "weights and flags survive");
  ok (strcmp (q->source, "IOM Asia-Pacific, 24 Jul 2023") == 0, "a question keeps its source");
  const struct article *a = &loaded.articles[0];
  ok (a->section_count == 2 && a->sections[0].paragraph_count == 2
      && strcmp (a->sections[1].paragraphs[0], "A flight to a big city, then a drive.") == 0,
      "articles keep sections and paragraphs in order");
  const struct contact *th = find_contact (&loaded, "th-1300");
  ok (th && th->phone_count == 2 && strcmp (th->phones[1].dial, "+66991301300") == 0
      && strcmp (th->phones[1].display, "+66 99 130 1300") == 0,
      "phones keep how they are written and what is dialled");
  ok (th && strcmp (th->copied, "2026-11-21") == 0 && strcmp (th->published, "2018-09-12") == 0
      && strcmp (th->source, "Komchadluek, 12 Sep 2018") == 0,
      "contacts keep their source, its date and the day they were copied");
  ok (th && th->phones[0].only_in && strcmp (th->phones[0].only_in, "TH") == 0
      && strcmp (th->phones[0].display, "1300") == 0 && !th->phones[1].only_in,
      "a number keeps the one country it works in, apart from how it is written");
  ok (loaded.checklist.medium_from == 20 && loaded.checklist.high_from == 60,
      "the scoring thresholds come from the content");
  ok (loaded.advice_count == 1 && strcmp (loaded.advice[0], "Never hand over your passport.") == 0,
      "general advice comes from the content");
  ok (loaded.newest_check && strcmp (loaded.newest_check, "2026-11-21") == 0,
      "the newest check date is recorded");
  ok (loaded.version && strlen (loaded.version) == 12
      && strcmp (loaded.version, build.content.version) == 0,
      "the content version (a digest of the sources) is recorded");
  const struct country *ph = content_country (&loaded, "PH");
  ok (ph && ph->roles == (COUNTRY_ORIGIN | COUNTRY_DESTINATION) && !content_country (&loaded, "XX"),
      "countries keep their roles");

  /* Which contacts help whom (test-contacts.c has the rules one by one). */
  const struct contact *np = find_contact (&loaded, "np-1177");
  ok (np && np->kind == CONTACT_POLICE && !np->audience, "a contact keeps its kind");
  static struct contact_list list;
  contact_list_build (&loaded, "NP", "TH", &list);
  ok (list.there == 1 && strcmp (list.entries[0].contact.id, "th-1300") == 0 && list.count == 2
      && list.entries[1].group == CONTACT_GROUP_HOME,
      "a Nepali going to Thailand: the Thai line, then Nepal's, which works only at home");
  contact_list_build (&loaded, "PH", "TH", &list);
  ok (list.count == 2 && strcmp (list.entries[0].contact.id, "ph-embassy-th") == 0,
      "a Filipino going to Thailand: the embassy first, not Nepal's police");
  contact_list_build (&loaded, "NP", NULL, &list);
  ok (list.there == 0 && list.count == 1, "with no destination, only the number for home");
  content_free (&loaded);
  content_free (&build.content);

  /* Numbers as the content writes them. */
  char dial[PHONE_MAX];
  ok (phone_parse ("+66 99 130 1300", dial, sizeof dial) && strcmp (dial, "+66991301300") == 0,
      "an international number with spaces");
  ok (phone_parse ("1343", dial, sizeof dial) && phone_parse ("+63-2-1348", dial, sizeof dial),
      "a short code, and hyphens");
  ok (!phone_parse ("0800-1000", dial, sizeof dial) && !phone_parse ("+0 1234 5678", dial, sizeof dial)
      && !phone_parse ("12", dial, sizeof dial) && !phone_parse ("1300 ", dial, sizeof dial)
      && !phone_parse ("+1 234 567 890 123 456", dial, sizeof dial)
      && !phone_parse ("13 00a", dial, sizeof dial) && !phone_parse ("+", dial, sizeof dial)
      && !phone_parse ("1300 inside TH", dial, sizeof dial),
      "domestic, malformed, too short and too long numbers are refused");

  /* Databases the kiosk must refuse with a clear message. */
  snprintf (other, sizeof other, "%s/missing.db", dir);
  ok (refused (other, "No such file or directory"), "a missing database");
  snprintf (other, sizeof other, "%s/text.db", dir);
  FILE *f = fopen (other, "w");
  fputs ("this is not a database, but it is long enough to have a header..........\n", f);
  fclose (f);
  ok (refused (other, "not a content database"), "a file that is not a database");
  ok (refused (dir, "not a regular file"), "a directory");

  snprintf (other, sizeof other, "%s/old.db", dir);
  copy_file (db_path, other);
  sqlite3 *db;
  sqlite3_open (other, &db);
  sqlite3_exec (db, "PRAGMA user_version = 99", NULL, NULL, NULL);
  sqlite3_close (db);
  char want[128];
  snprintf (want, sizeof want, "content database version 99; this program reads version %d",
            CONTENT_SCHEMA_VERSION);
  ok (refused (other, want), "a database of another schema version");

  snprintf (other, sizeof other, "%s/empty.db", dir);
  sqlite3_open (other, &db);
  char *sql = sqlite3_mprintf ("PRAGMA user_version = %d; CREATE TABLE x (y)",
                               CONTENT_SCHEMA_VERSION);
  sqlite3_exec (db, sql, NULL, NULL, NULL);
  sqlite3_free (sql);
  sqlite3_close (db);
  ok (refused (other, "cannot read the content"), "a database without the content tables");

  snprintf (other, sizeof other, "%s/noscoring.db", dir);
  copy_file (db_path, other);
  sqlite3_open (other, &db);
  sqlite3_exec (db, "DELETE FROM meta WHERE key = 'high_from'", NULL, NULL, NULL);
  sqlite3_close (db);
  ok (refused (other, "it has no scoring"), "a database without scoring thresholds");

  snprintf (other, sizeof other, "%s/damaged.db", dir);
  copy_file (db_path, other);
  f = fopen (other, "r+b");
  fseek (f, 0, SEEK_END);
  long size = ftell (f);
  fseek (f, size / 2, SEEK_SET);
  for (long i = 0; i < size / 4; i++)
    fputc (0x5a, f);
  fclose (f);
  ok (refused (other, "damaged") || refused (other, "malformed") || refused (other, "cannot read"),
      "a database with garbage in its pages");

  /* Databases that pass SQLite's own checks but not the loader's: each
     loaded as good before (or wrote past an array: a gap in the sections'
     positions gave a section another one's room for its paragraphs). */
  static const struct { const char *name, *sql, *what; } broken[] = {
    { "gap.db", "UPDATE section SET position = position + 1"
                " WHERE article = 0 AND position > 0; "
                "UPDATE paragraph SET section = section + 1 WHERE article = 0 AND section > 0",
      "a gap in the positions of an article's sections" },
    { "nooption.db", "DROP TABLE option", "the options' table dropped" },
    { "orphan.db", "INSERT INTO paragraph VALUES (0, 99, 0, 'An orphan')",
      "a paragraph of a section that does not exist" },
    { "questiongap.db", "UPDATE question SET position = position + 100 WHERE position > 0",
      "a gap in the questions' positions" },
    /* Issue 19: each of these crashed a command or showed "(null)". */
    { "manyquestions.db", "WITH RECURSIVE n(i) AS (SELECT 2 UNION ALL SELECT i + 1 FROM n"
                          " WHERE i < 64) INSERT INTO question (id, text, source, position)"
                          " SELECT 'extra' || char(97 + i / 26) || char(97 + i % 26), 'Q?',"
                          " 'test', i FROM n",
      "65 questions, more than a session keeps answers for" },
    { "noquestions.db", "DELETE FROM rule; DELETE FROM option; DELETE FROM question",
      "no questions" },
    { "nowhy.db", "UPDATE option SET why = NULL WHERE weight > 0",
      "a warning sign without why it matters" },
    { "onlyone.db", "DELETE FROM option WHERE question = 0 AND position > 0",
      "a question with one answer" },
    /* Found by tests/fuzz/fuzz-content-db.c: a table made without the
       compiler's NOT NULL let a NULL reach the contacts' list, which
       crashed. */
    { "nullcountry.db", "CREATE TABLE loose AS SELECT * FROM contact; DROP TABLE contact;"
                        " ALTER TABLE loose RENAME TO contact;"
                        " UPDATE contact SET country = NULL WHERE position = 0",
      "a contact without its country, in a table without NOT NULL" },
    /* The office form copies two bytes of a country's code. */
    { "shortcode.db", "UPDATE country SET code = 'X' WHERE position = 0",
      "a country code of one letter" },
  };
  for (size_t i = 0; i < sizeof broken / sizeof broken[0]; i++)
    {
      snprintf (other, sizeof other, "%s/%s", dir, broken[i].name);
      copy_file (db_path, other);
      sqlite3_open (other, &db);
      int rc = sqlite3_exec (db, broken[i].sql, NULL, NULL, NULL);
      sqlite3_close (db);
      ok (rc == SQLITE_OK && refused (other, "cannot read the content"),
          "refused: %s", broken[i].what);
    }

  /* Clean up, or distcheck finds leftovers. */
  const char *names[] = { "content.db", "text.db", "old.db", "empty.db", "damaged.db",
                          "noscoring.db", "gap.db", "nooption.db", "orphan.db",
                          "questiongap.db", "manyquestions.db", "noquestions.db", "nowhy.db",
                          "onlyone.db", "nullcountry.db", "shortcode.db" };
  for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
    {
      snprintf (other, sizeof other, "%s/%s", dir, names[i]);
      unlink (other);
    }
  rmdir (dir);
  fclose (devnull);
  return tap_done ();
}
