/* content_db.h -- the content database: written by the compiler, read by
   the kiosk. */
#ifndef SAFEJOB_CONTENT_DB_H
#define SAFEJOB_CONTENT_DB_H

#include <stddef.h>
#include "content.h"

/* A recorded clip (clips_build.h): an audio file's bytes, which say TEXT
   in LANGUAGE exactly. The kiosk reads clips one at a time, when it is
   about to say their text (clips.h), never with the rest of the content. */
struct content_clip
{
  const char *language, *text;
  const void *audio;
  size_t size;
};

/* Writes CONTENT and its COUNT recorded CLIPS to a new database at PATH,
   through a temporary file that is renamed into place, so an interrupted
   build never leaves half a database. Returns 0, or -1 with a message in
   ERR (ERR_SIZE bytes). */
int content_db_write (const struct content *content, const struct content_clip *clips,
                      size_t count, const char *path, char *err, size_t err_size);

/* Loads the database at PATH, opened read-only, into *CONTENT. Refuses a
   missing, corrupt or foreign file and one of another schema version.
   Returns 0, or -1 with a message in ERR; free *CONTENT with content_free
   either way. */
int content_db_load (const char *path, struct content *content, char *err,
                     size_t err_size);

#endif /* SAFEJOB_CONTENT_DB_H */
