/* speech_engine.h -- the voice: libespeak-ng for sentences, libsndfile
   for recorded clips and ALSA for the headphones, in a module of its own
   (safejob-speech.so) that speech.c loads the first time it speaks, so
   that a kiosk with speech off never loads those libraries or voices. */
#ifndef SAFEJOB_SPEECH_ENGINE_H
#define SAFEJOB_SPEECH_ENGINE_H

#include <stddef.h>

/* Starts the engine: its audio to DEVICE (an ALSA device name, NULL for
   the system's default), or, with WAV set, into that file as 16-bit mono
   WAV instead (for tests, which have no sound card). RATE in words a
   minute and VOLUME (100: normal) when not 0. Returns 0, or -1 with why
   in ERR. */
int speech_engine_open (const char *device, const char *wav, int rate, int volume, char *err,
                        size_t err_size);

/* Queues TEXT (UTF-8) to be said with the voice VOICE (espeak-ng's name,
   such as "ne" or "cmn") and returns at once: speech never holds the
   person's input up. Returns 0, or -1 with why in ERR. */
int speech_engine_say (const char *voice, const char *text, char *err, size_t err_size);

/* Queues a recorded clip: SIZE bytes of an audio file that libsndfile
   reads (WAV, FLAC, Ogg), mono at the voice's rate (22050 Hz), copied.
   It is played in turn with what is said, and cut off the same way.
   Returns 0, or -1 with why in ERR. */
int speech_engine_play (const void *clip, size_t size, char *err, size_t err_size);

/* Stops what is being said and drops what is queued, at once: into a WAV
   file, not one piece of audio more is written. */
void speech_engine_cancel (void);

/* How many pieces of audio the WAV file has been given (headless scripts
   wait for them). With SAFEJOB_SPEECH_PACE naming a FIFO, each piece
   waits for a byte from it first, as a sound card takes them in turn. */
unsigned long speech_engine_pieces (void);

/* Why the voice stopped being heard after it started (the device gone,
   a clip it cannot play), or "": reported once, to staff. */
const char *speech_engine_trouble (void);

/* Ends the engine: a WAV file gets all that was queued first; a sound
   card is cut off. */
void speech_engine_close (void);

#endif /* SAFEJOB_SPEECH_ENGINE_H */
