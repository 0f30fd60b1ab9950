/* fuzz-db.c -- turns a fuzzer's input into an SQLite file, for the
   harnesses of the database loaders (fuzz-content-db.c, fuzz-stats-db.c),
   in a directory of the harness's own (fuzz-compile.c writes there too).

   An input that starts with SQLite's header is the file itself: mutating
   a real database finds damaged pages, headers and records. Any other
   input is run as SQL in a new database: random bytes almost never make a
   file with the right tables, and SQL does, so the fuzzer reaches what a
   loader does with a well-formed file of odd rows (NULL where the schema
   said NOT NULL, positions with gaps, numbers out of range), which is
   where a loader trusts too much. The seeds can then be text in the tree.
   Built with -DFUZZ_DB_MAIN it is a command, "fuzz-db SQL DB", with which
   test-fuzz.sh makes a database file of each SQL seed as well: the fuzzer
   reaches a NULL in a record faster by flipping a byte of a file than by
   editing SQL. */
#include <config.h>
#include "fuzz-db.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sqlite3.h>

static char dir[4096];

static void
remove_dir (void)
{
  fuzz_db_clean ();
  rmdir (dir);
}

const char *
fuzz_db_dir (void)
{
  if (!dir[0])
    {
      const char *tmp = getenv ("TMPDIR");
      snprintf (dir, sizeof dir, "%s/safejob-fuzz-XXXXXX", tmp && *tmp ? tmp : "/tmp");
      if (!mkdtemp (dir))
        {
          perror (dir);
          exit (2);
        }
      atexit (remove_dir);
    }
  return dir;
}

void
fuzz_db_clean (void)
{
  DIR *d = opendir (fuzz_db_dir ());
  struct dirent *e;
  char path[4096 + 256];

  if (!d)
    return;
  while ((e = readdir (d)))
    if (strcmp (e->d_name, ".") != 0 && strcmp (e->d_name, "..") != 0)
      {
        snprintf (path, sizeof path, "%s/%s", dir, e->d_name);
        unlink (path);
      }
  closedir (d);
}

/* SQL that runs too long is stopped: the run is about the loader. */
static int
progress (void *steps)
{
  return ++*(int *) steps > 2000;
}

/* Nothing reaches outside the database: ATTACH (and VACUUM INTO, which
   attaches) could write a file anywhere. */
static int
authorize (void *unused, int action, const char *a, const char *b, const char *c,
           const char *d)
{
  (void) unused, (void) a, (void) b, (void) c, (void) d;
  return action == SQLITE_ATTACH || action == SQLITE_DETACH ? SQLITE_DENY : SQLITE_OK;
}

int
fuzz_db_make (const char *path, const uint8_t *data, size_t size)
{
  static const char header[] = "SQLite format 3";

  if (size >= sizeof header && memcmp (data, header, sizeof header) == 0)
    {
      FILE *f = fopen (path, "wb");
      if (!f)
        return -1;
      size_t written = fwrite (data, 1, size, f);
      return fclose (f) == 0 && written == size ? 0 : -1;
    }

  char *sql = malloc (size + 1);
  sqlite3 *db = NULL;
  int steps = 0;
  if (!sql)
    return -1;
  memcpy (sql, data, size);
  sql[size] = '\0';
  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) == SQLITE_OK)
    {
      sqlite3_limit (db, SQLITE_LIMIT_ATTACHED, 0);
      sqlite3_limit (db, SQLITE_LIMIT_LENGTH, 1 << 20);
      sqlite3_set_authorizer (db, authorize, NULL);
      sqlite3_progress_handler (db, 1000, progress, &steps);
      /* Statement by statement, as the sqlite3 shell runs a file: one that
         fails is skipped (to the next semicolon when it does not even
         parse), so that a mutation that breaks one statement keeps the
         others. */
      for (const char *at = sql; *at;)
        {
          sqlite3_stmt *stmt = NULL;
          const char *tail = NULL;
          if (sqlite3_prepare_v2 (db, at, -1, &stmt, &tail) == SQLITE_OK && stmt)
            while (sqlite3_step (stmt) == SQLITE_ROW)
              continue;
          sqlite3_finalize (stmt);
          if (!stmt || !tail || tail <= at)
            {
              tail = strchr (at, ';');
              tail = tail ? tail + 1 : at + strlen (at);
            }
          at = tail;
        }
    }
  sqlite3_close (db);
  free (sql);
  return access (path, F_OK);
}

#ifdef FUZZ_DB_MAIN
int
main (int argc, char **argv)
{
  char *data = NULL;
  size_t size = 0;
  FILE *in = argc == 3 ? fopen (argv[1], "rb") : NULL;
  FILE *mem = open_memstream (&data, &size);
  char buf[8192];
  size_t n;

  if (!in || !mem)
    {
      fprintf (stderr, "usage: fuzz-db SQL DB\n");
      return 2;
    }
  while ((n = fread (buf, 1, sizeof buf, in)) > 0)
    fwrite (buf, 1, n, mem);
  fclose (in);
  fclose (mem);
  unlink (argv[2]);
  int rc = fuzz_db_make (argv[2], (const uint8_t *) data, size);
  free (data);
  return rc == 0 ? 0 : 1;
}
#endif
