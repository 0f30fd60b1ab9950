/* clips.h -- the content database's recorded clips (issue 20), found by
   the language and the exact text they say, one at a time, when the voice
   is about to say it: a kiosk never holds a language's recordings in
   memory, and one with speech off never opens them. */
#ifndef SAFEJOB_CLIPS_H
#define SAFEJOB_CLIPS_H

#include <stdbool.h>
#include <stddef.h>

struct clips;

/* The clips of the content database at PATH, opened read-only; NULL when
   it has none (a database from before clips, or none recorded) or cannot
   be read: then everything is synthesized. */
struct clips *clips_open (const char *path);

/* Whether a clip says TEXT in LANGUAGE. */
bool clips_has (struct clips *clips, const char *language, const char *text);

/* The audio file's bytes of the clip that says TEXT in LANGUAGE, in a
   buffer to free, and its size. Returns 0, or -1 when there is none. */
int clips_get (struct clips *clips, const char *language, const char *text, void **audio,
               size_t *size);

/* How many clips LANGUAGE has (staff see it, and a language with clips
   but no voice still speaks). */
size_t clips_count (struct clips *clips, const char *language);

void clips_close (struct clips *clips);

#endif /* SAFEJOB_CLIPS_H */
