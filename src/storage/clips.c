/* clips.c -- the recorded clips, read from the content database. */
#include <config.h>
#include "clips.h"

#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

struct clips
{
  sqlite3 *db;
  sqlite3_stmt *find, *count;
};

struct clips *
clips_open (const char *path)
{
  struct clips *clips = calloc (1, sizeof *clips);
  if (!clips)
    return NULL;
  if (sqlite3_open_v2 (path, &clips->db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK
      || sqlite3_prepare_v2 (clips->db, "SELECT audio FROM clip WHERE language = ? AND text = ?",
                             -1, &clips->find, NULL) != SQLITE_OK
      || sqlite3_prepare_v2 (clips->db, "SELECT count(*) FROM clip WHERE language = ?", -1,
                             &clips->count, NULL) != SQLITE_OK)
    {
      clips_close (clips);
      return NULL;
    }
  /* None recorded: no need to ask for each thing said. */
  sqlite3_stmt *any;
  bool some = sqlite3_prepare_v2 (clips->db, "SELECT 1 FROM clip LIMIT 1", -1, &any, NULL)
                == SQLITE_OK
              && sqlite3_step (any) == SQLITE_ROW;
  sqlite3_finalize (any);
  if (!some)
    {
      clips_close (clips);
      return NULL;
    }
  return clips;
}

/* Steps the lookup of TEXT in LANGUAGE: SQLITE_ROW when there is a clip. */
static int
find (struct clips *clips, const char *language, const char *text)
{
  sqlite3_reset (clips->find);
  sqlite3_bind_text (clips->find, 1, language, -1, SQLITE_STATIC);
  sqlite3_bind_text (clips->find, 2, text, -1, SQLITE_STATIC);
  return sqlite3_step (clips->find);
}

bool
clips_has (struct clips *clips, const char *language, const char *text)
{
  if (!clips)
    return false;
  bool found = find (clips, language, text) == SQLITE_ROW;
  /* The text may be a person's answer: the statement lets go of it. */
  sqlite3_reset (clips->find);
  sqlite3_clear_bindings (clips->find);
  return found;
}

int
clips_get (struct clips *clips, const char *language, const char *text, void **audio,
           size_t *size)
{
  int status = -1;
  if (clips && find (clips, language, text) == SQLITE_ROW)
    {
      const void *bytes = sqlite3_column_blob (clips->find, 0);
      int n = sqlite3_column_bytes (clips->find, 0);
      if (bytes && n > 0 && (*audio = malloc ((size_t) n)))
        {
          memcpy (*audio, bytes, (size_t) n);
          *size = (size_t) n;
          status = 0;
        }
    }
  if (clips)
    {
      sqlite3_reset (clips->find);
      sqlite3_clear_bindings (clips->find);
    }
  return status;
}

size_t
clips_count (struct clips *clips, const char *language)
{
  if (!clips)
    return 0;
  size_t n = 0;
  sqlite3_reset (clips->count);
  sqlite3_bind_text (clips->count, 1, language, -1, SQLITE_STATIC);
  if (sqlite3_step (clips->count) == SQLITE_ROW)
    n = (size_t) sqlite3_column_int64 (clips->count, 0);
  sqlite3_reset (clips->count);
  return n;
}

void
clips_close (struct clips *clips)
{
  if (!clips)
    return;
  sqlite3_finalize (clips->find);
  sqlite3_finalize (clips->count);
  sqlite3_close (clips->db);
  free (clips);
}
