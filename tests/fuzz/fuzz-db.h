/* fuzz-db.h -- a fuzzer's input as an SQLite file (fuzz-db.c). */
#ifndef SAFEJOB_FUZZ_DB_H
#define SAFEJOB_FUZZ_DB_H

#include <stddef.h>
#include <stdint.h>

/* A private directory for the harness's files, made on the first call
   under $TMPDIR (or /tmp) and removed at exit. */
const char *fuzz_db_dir (void);

/* Removes every file in that directory: a database and its journals, and
   whatever the code under test moved aside or left behind. */
void fuzz_db_clean (void);

/* Makes the database file PATH from the SIZE bytes of DATA: the bytes
   themselves when they start with SQLite's header, else the bytes run as
   SQL in a new database, statement by statement (one that fails is
   skipped). Returns 0, or -1 when no file could be made. */
int fuzz_db_make (const char *path, const uint8_t *data, size_t size);

#endif /* SAFEJOB_FUZZ_DB_H */
