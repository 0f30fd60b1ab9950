/* content_db.h -- the content database: written by the compiler, read by
   the kiosk. */
#ifndef SAFEJOB_CONTENT_DB_H
#define SAFEJOB_CONTENT_DB_H

#include <stddef.h>
#include "content.h"

/* Writes CONTENT to a new database at PATH, through a temporary file that
   is renamed into place, so an interrupted build never leaves half a
   database. Returns 0, or -1 with a message in ERR (ERR_SIZE bytes). */
int content_db_write (const struct content *content, const char *path,
                      char *err, size_t err_size);

/* Loads the database at PATH, opened read-only, into *CONTENT. Refuses a
   missing, corrupt or foreign file and one of another schema version.
   Returns 0, or -1 with a message in ERR; free *CONTENT with content_free
   either way. */
int content_db_load (const char *path, struct content *content, char *err,
                     size_t err_size);

#endif /* SAFEJOB_CONTENT_DB_H */
