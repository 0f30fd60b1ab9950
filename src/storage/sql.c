/* sql.c -- one statement, bound, stepped and finalized. */
#include <config.h>
#include "sql.h"

#include <errno.h>
#include <libgen.h>
#include <pwd.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

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
    else if (format[i] == 'b')
      {
        const void *bytes = va_arg (ap, const void *);
        size_t size = va_arg (ap, size_t);
        rc = sqlite3_bind_blob64 (stmt, i + 1, bytes, size, SQLITE_STATIC);
      }
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

/* The name of the user this program runs as, for "the user kiosk cannot". */
static const char *
user_name (void)
{
  const struct passwd *pw = getpwuid (geteuid ());
  return pw ? pw->pw_name : "running this program";
}

/* Why the database file at PATH cannot be opened, from what the file
   system says of it and its folder; "" when nothing there explains it. */
static const char *
cannot_open (const char *path, char *buf, size_t size)
{
  char copy[4096];
  struct stat st;
  snprintf (copy, sizeof copy, "%s", path);
  const char *dir = dirname (copy);
  if (stat (dir, &st) != 0)
    snprintf (buf, size, "the folder %s %s", dir,
              errno == ENOENT ? "does not exist: create it, or name another file" : strerror (errno));
  else if (!S_ISDIR (st.st_mode))
    snprintf (buf, size, "%s is not a folder", dir);
  else if (access (dir, W_OK | X_OK) != 0)
    snprintf (buf, size, "the user %s cannot write in the folder %s (SQLite writes its journal "
              "there): give it to that user, or name another file", user_name (), dir);
  else if (stat (path, &st) == 0 && S_ISDIR (st.st_mode))
    snprintf (buf, size, "%s is a folder, not a file", path);
  else if (access (path, F_OK) == 0 && access (path, R_OK | W_OK) != 0)
    snprintf (buf, size, "the user %s cannot read and write %s", user_name (), path);
  else
    buf[0] = '\0';
  return buf;
}

const char *
sql_why (sqlite3 *db, const char *path, char *buf, size_t size)
{
  char advice[4608] = "";
  const char *message = db ? sqlite3_errmsg (db) : "out of memory";
  int code = db ? sqlite3_extended_errcode (db) & 0xff : SQLITE_NOMEM;
  /* An I/O error says more by the system's own error: a write past the
     disk's end or the file's size limit is a full disk to an operator. */
  int system = db ? sqlite3_system_errno (db) : 0;
  if (code == SQLITE_IOERR && (system == ENOSPC || system == EFBIG || system == EDQUOT))
    code = SQLITE_FULL;
  else if (code == SQLITE_IOERR && system == EROFS)
    code = SQLITE_READONLY;
  switch (code)
    {
    case SQLITE_CANTOPEN:
      cannot_open (path, advice, sizeof advice);
      break;
    case SQLITE_READONLY:
      snprintf (advice, sizeof advice, "%s, or its folder, cannot be written by the user %s, "
                "or the disk is mounted read-only", path, user_name ());
      break;
    case SQLITE_FULL:
      snprintf (advice, sizeof advice, "the disk that holds %s is full, or the file has reached "
                "its size limit: free some space (df -h)", path);
      break;
    case SQLITE_IOERR:
      snprintf (advice, sizeof advice, "the system could not read or write %s (%s): the disk "
                "may be failing or gone, or the file was removed (the kernel log says more: "
                "journalctl -k)", path, system ? strerror (system) : "no reason given");
      break;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      snprintf (advice, sizeof advice, "another program is using %s (fuser -v %s shows which); "
                "try again when it is done", path, path);
      break;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      snprintf (advice, sizeof advice, "%s is damaged or is not this program's database", path);
      break;
    default:
      break;
    }
  if (advice[0])
    snprintf (buf, size, "%s: %s", message, advice);
  else
    snprintf (buf, size, "%s", message);
  return buf;
}
