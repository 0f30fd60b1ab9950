/* clips_build.h -- recorded clips for the voice (issue 20): clips.txt in
   the content sources names, for a language, the exact text a clip says
   and its audio file; safejob-content checks each file and puts its bytes
   into the content database with the rest. */
#ifndef SAFEJOB_CLIPS_BUILD_H
#define SAFEJOB_CLIPS_BUILD_H

#include <stddef.h>
#include "arena.h"
#include "content_db.h"
#include "diag.h"

/* The clips' source, beside the four content files; it may be missing. */
#define CLIPS_SOURCE "clips.txt"

/* The samples a second of a clip: espeak-ng's voices', so that the
   player plays clips and sentences alike on one output. */
enum { CLIP_RATE = 22050, CLIP_SECONDS_MAX = 60 };

/* Reads DIR/clips.txt when there is one, and the audio files it names
   (relative to DIR), into *CLIPS and *COUNT, allocated from ARENA. Each
   file must be one libsndfile reads (WAV, FLAC, Ogg), mono, at the
   voice's rate (22050 Hz), of sound, at most a minute long. Problems go to
   DIAG as FILE:LINE: MESSAGE. Returns the number of errors. */
int clips_build (const char *dir, struct arena *arena, struct diag *diag,
                 struct content_clip **clips, size_t *count);

/* VERSION (the content's, a hex digest of its sources) with the clips
   folded in, so that a changed recording makes a new content version.
   Returns a string from ARENA, or NULL when out of memory. */
const char *clips_version (const char *version, const struct content_clip *clips, size_t count,
                           struct arena *arena);

#endif /* SAFEJOB_CLIPS_BUILD_H */
