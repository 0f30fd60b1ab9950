/* sql.c -- one statement, bound, stepped and finalized. */
#include <config.h>
#include "sql.h"

#include <stdarg.h>
#include <stddef.h>

int
sql_run (sqlite3 *db, const char *sql, const char *format, ...)
{
  sqlite3_stmt *stmt;
  va_list ap;
  int rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    return rc;
  va_start (ap, format);
  for (int i = 0; format[i] && rc == SQLITE_OK; i++)
    if (format[i] == 'i')
      rc = sqlite3_bind_int (stmt, i + 1, va_arg (ap, int));
    else
      {
        const char *s = va_arg (ap, const char *);
        rc = s ? sqlite3_bind_text (stmt, i + 1, s, -1, SQLITE_STATIC)
               : sqlite3_bind_null (stmt, i + 1);
      }
  va_end (ap);
  if (rc == SQLITE_OK)
    while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
      ;
  int finalized = sqlite3_finalize (stmt);
  if (rc == SQLITE_DONE)
    rc = finalized;
  return rc == SQLITE_DONE ? SQLITE_OK : rc;
}
