/* sql.h -- running one SQLite statement with its values bound, every result
   code checked: the one way the databases of this program are written. */
#ifndef SAFEJOB_SQL_H
#define SAFEJOB_SQL_H

#include <sqlite3.h>
#include <stddef.h>

/* Prepares SQL on DB, binds the values after FORMAT in order (one letter
   each: 'i' an int, 's' a string, NULL binding NULL, 'b' a blob given as
   its bytes and their size_t count), steps it to its end
   and finalizes it. Returns SQLITE_OK, or the first failing result code
   (sqlite3_errmsg (DB) says why). */
int sql_run (sqlite3 *db, const char *sql, const char *format, ...);

/* Why the last call on DB (NULL: it could not be made) failed on the
   database at PATH, in words an operator can act on: SQLite's message,
   then what to look at ("the folder ... does not exist", "the disk that
   holds it is full", "another program is using it"...). Written into BUF,
   which it returns. */
const char *sql_why (sqlite3 *db, const char *path, char *buf, size_t size);

#endif /* SAFEJOB_SQL_H */
