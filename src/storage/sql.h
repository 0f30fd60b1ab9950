/* sql.h -- running one SQLite statement with its values bound, every result
   code checked: the one way the databases of this program are written. */
#ifndef SAFEJOB_SQL_H
#define SAFEJOB_SQL_H

#include <sqlite3.h>

/* Prepares SQL on DB, binds the values after FORMAT in order (one letter
   each: 'i' an int, 's' a string, NULL binding NULL), steps it to its end
   and finalizes it. Returns SQLITE_OK, or the first failing result code
   (sqlite3_errmsg (DB) says why). */
int sql_run (sqlite3 *db, const char *sql, const char *format, ...);

#endif /* SAFEJOB_SQL_H */
