/* clips_build.c -- reading and checking recorded clips (clips_build.h).
   A clip is played instead of the voice where its text is, exactly, what
   a screen says: so its text is checked only for being there, and its
   audio for being one the kiosk's player can play, heard. */
#include <config.h>
#include "clips_build.h"

#include <errno.h>
#include <sndfile.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "languages.h"
#include "record.h"
#include "system.h"

/* Reads the audio file at PATH into ARENA and checks it; problems are
   reported at FILE:LINE (the field naming it). */
static bool
read_audio (const char *path, const char *file, int line, struct arena *arena,
            struct diag *diag, struct content_clip *clip)
{
  FILE *f = fopen (path, "rb");
  struct stat st;
  if (!f || fstat (fileno (f), &st) != 0)
    {
      diag_error (diag, file, line, "cannot read the clip %s: %s", path, strerror (errno));
      if (f)
        fclose (f);
      return false;
    }
  /* A minute of uncompressed audio is 2.6 MB; more is not a clip. */
  if (!S_ISREG (st.st_mode) || st.st_size <= 0 || st.st_size > 16 * 1024 * 1024)
    {
      diag_error (diag, file, line, "the clip %s is not an audio file of at most 16 MB", path);
      fclose (f);
      return false;
    }
  unsigned char *bytes = arena_alloc (arena, (size_t) st.st_size);
  bool read = bytes && fread (bytes, 1, (size_t) st.st_size, f) == (size_t) st.st_size;
  fclose (f);
  if (!read)
    {
      diag_error (diag, file, line, "cannot read the clip %s", path);
      return false;
    }
  clip->audio = bytes;
  clip->size = (size_t) st.st_size;

  SF_INFO info = { 0 };
  SNDFILE *sound = sf_open (path, SFM_READ, &info);
  if (!sound)
    {
      diag_error (diag, file, line, "the clip %s is not audio that can be played: %s", path,
                  sf_strerror (NULL));
      return false;
    }
  bool ok = false;
  if (info.channels != 1 || info.samplerate != CLIP_RATE)
    diag_error (diag, file, line,
                "the clip %s is %d channel%s at %d Hz: it must be mono at %d Hz (sox IN -c 1 "
                "-r %d OUT converts it)", path, info.channels, info.channels == 1 ? "" : "s",
                info.samplerate, CLIP_RATE, CLIP_RATE);
  else if (info.frames <= 0 || info.frames > (sf_count_t) CLIP_RATE * CLIP_SECONDS_MAX)
    diag_error (diag, file, line, "the clip %s is %s: at most %d seconds", path,
                info.frames <= 0 ? "empty" : "too long", CLIP_SECONDS_MAX);
  else
    {
      /* Heard: its loudest sample at least 1% of full scale. */
      short samples[4096];
      sf_count_t n;
      int loudest = 0;
      while ((n = sf_read_short (sound, samples, ARRAY_SIZE (samples))) > 0)
        for (sf_count_t i = 0; i < n; i++)
          if (abs (samples[i]) > loudest)
            loudest = abs (samples[i]);
      if (sf_error (sound) != SF_ERR_NO_ERROR)
        diag_error (diag, file, line, "the clip %s is damaged: %s", path, sf_strerror (sound));
      else if (loudest < 328)
        diag_error (diag, file, line, "the clip %s is silent", path);
      else
        ok = true;
    }
  sf_close (sound);
  return ok;
}

/* Checks record R (a [clip ID]) and reads its audio into CLIP. */
static bool
build_clip (const char *dir, const struct record *r, struct arena *arena, struct diag *diag,
            struct content_clip *clip)
{
  static const char *const keys[] = { "language", "text", "file" };
  bool ok = true;
  if (strcmp (r->type, "clip") != 0)
    {
      diag_error (diag, r->file, r->line, "unknown record type '%s' (%s holds clip records)",
                  r->type, CLIPS_SOURCE);
      return false;
    }
  for (size_t i = 0; i < r->field_count; i++)
    {
      const struct field *f = &r->fields[i];
      bool known = false;
      for (size_t k = 0; k < ARRAY_SIZE (keys); k++)
        known |= strcmp (f->key, keys[k]) == 0;
      if (!known)
        {
          diag_error (diag, r->file, f->line, "clip '%s': unknown field '%s'", r->id, f->key);
          ok = false;
        }
      else if (record_field (r, f->key) != f)
        {
          diag_error (diag, r->file, f->line, "clip '%s': '%s' given twice", r->id, f->key);
          ok = false;
        }
    }
  for (size_t k = 0; k < ARRAY_SIZE (keys); k++)
    if (!record_field (r, keys[k]) || !record_field (r, keys[k])->value[0])
      {
        diag_error (diag, r->file, r->line, "clip '%s' has no %s", r->id, keys[k]);
        ok = false;
      }
  if (!ok)
    return false;
  const struct field *language = record_field (r, "language");
  if (!languages_known (language->value))
    {
      diag_error (diag, r->file, language->line, "clip '%s': '%s' is not a language of the kiosk",
                  r->id, language->value);
      ok = false;
    }
  clip->language = language->value;
  clip->text = record_field (r, "text")->value;
  const struct field *file = record_field (r, "file");
  size_t len = strlen (dir) + strlen (file->value) + 2;
  char *path = arena_alloc (arena, len);
  if (!path)
    return false;
  snprintf (path, len, "%s/%s", dir, file->value);
  return read_audio (path, r->file, file->line, arena, diag, clip) && ok;
}

int
clips_build (const char *dir, struct arena *arena, struct diag *diag, struct content_clip **clips,
             size_t *count)
{
  int errors_before = diag->errors;
  *clips = NULL;
  *count = 0;
  size_t len = strlen (dir) + sizeof CLIPS_SOURCE + 1;
  char *path = arena_alloc (arena, len);
  if (!path)
    return ++diag->errors - errors_before;
  snprintf (path, len, "%s/%s", dir, CLIPS_SOURCE);
  if (access (path, F_OK) != 0 && errno == ENOENT)
    return 0;

  struct record_file source;
  if (record_file_read (path, arena, diag, &source) != 0)
    return diag->errors - errors_before;
  struct content_clip *list = arena_alloc (arena, (source.count + 1) * sizeof *list);
  if (!list)
    return ++diag->errors - errors_before;
  size_t n = 0;
  for (size_t i = 0; i < source.count; i++)
    {
      const struct record *r = &source.records[i];
      struct content_clip clip = { 0 };
      if (!build_clip (dir, r, arena, diag, &clip))
        continue;
      bool twin = false;
      for (size_t k = 0; k < n && !twin; k++)
        if (strcmp (list[k].language, clip.language) == 0 && strcmp (list[k].text, clip.text) == 0)
          {
            diag_error (diag, r->file, r->line, "clip '%s' says the same text as another in '%s'",
                        r->id, clip.language);
            twin = true;
          }
      if (!twin)
        list[n++] = clip;
    }
  *clips = list;
  *count = n;
  return diag->errors - errors_before;
}

/* FNV-1a over BYTES, continuing HASH. */
static uint64_t
fnv (uint64_t hash, const void *bytes, size_t size)
{
  const unsigned char *b = bytes;
  for (size_t i = 0; i < size; i++)
    hash = (hash ^ b[i]) * 0x100000001b3ULL;
  return hash;
}

const char *
clips_version (const char *version, const struct content_clip *clips, size_t count,
               struct arena *arena)
{
  if (count == 0)
    return version;
  uint64_t hash = fnv (0xcbf29ce484222325ULL, version, strlen (version) + 1);
  for (size_t i = 0; i < count; i++)
    {
      hash = fnv (hash, clips[i].language, strlen (clips[i].language) + 1);
      hash = fnv (hash, clips[i].text, strlen (clips[i].text) + 1);
      hash = fnv (hash, clips[i].audio, clips[i].size);
    }
  char text[24];
  snprintf (text, sizeof text, "%012llx", (unsigned long long) (hash & 0xffffffffffffULL));
  return arena_strdup (arena, text);
}
