/* speech_engine.c -- the voice, with libespeak-ng: each utterance is a
   piece of SSML naming its voice, queued for espeak-ng's own thread, which
   plays it on the audio device or writes it to a WAV file. */
#include <config.h>
#include "speech_engine.h"

#include <errno.h>
#include <espeak-ng/espeak_ng.h>
#include <fcntl.h>
#include <espeak-ng/speak_lib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* The WAV file of the tests, its samples counted to fill its header. */
static FILE *wav_file;
static unsigned long wav_samples;
static int sample_rate;
static int opened;
/* Set while the voice is cut off: espeak-ng's thread, back in on_samples
   with the next piece, ends the synthesis there instead of handing it
   over (returning 1), so that not one piece more is written after Hide. */
static int cutting_off;
/* The pieces handed over so far (headless scripts wait for them), and for
   the tests a FIFO that paces them, one byte a piece, as a sound card
   takes them (SAFEJOB_SPEECH_PACE, with the WAV file only). */
static unsigned long pieces;
static int pace_fd = -1;

static void
status_message (espeak_ng_STATUS status, const char *what, char *err, size_t err_size)
{
  char message[512];
  espeak_ng_GetStatusCodeMessage (status, message, sizeof message);
  snprintf (err, err_size, "%s: %s", what, message);
}

static void
put_le (unsigned long value, int bytes)
{
  for (int i = 0; i < bytes; i++)
    fputc ((int) ((value >> (8 * i)) & 0xff), wav_file);
}

/* The RIFF header for the samples written so far. */
static void
write_wav_header (void)
{
  unsigned long data = 2 * wav_samples;
  fseek (wav_file, 0, SEEK_SET);
  fputs ("RIFF", wav_file);
  put_le (36 + data, 4);
  fputs ("WAVEfmt ", wav_file);
  put_le (16, 4);
  put_le (1, 2);                          /* PCM */
  put_le (1, 2);                          /* mono */
  put_le ((unsigned long) sample_rate, 4);
  put_le (2UL * (unsigned long) sample_rate, 4);
  put_le (2, 2);
  put_le (16, 2);
  fputs ("data", wav_file);
  put_le (data, 4);
  fseek (wav_file, 0, SEEK_END);
}

/* espeak-ng's thread hands over the samples of the file's audio. */
static int
on_samples (short *samples, int count, espeak_EVENT *events)
{
  (void) events;
  if (!wav_file || !samples || count <= 0)
    return 0;
  if (pace_fd >= 0)
    {
      char token;
      while (read (pace_fd, &token, 1) < 0 && errno == EINTR)
        continue;
    }
  if (__atomic_load_n (&cutting_off, __ATOMIC_SEQ_CST))
    return 1;
  fwrite (samples, sizeof *samples, (size_t) count, wav_file);
  /* At once, as a sound card would get them: the benchmark times a key to
     its first sample by the file's size. */
  fflush (wav_file);
  wav_samples += (unsigned long) count;
  __atomic_add_fetch (&pieces, 1, __ATOMIC_SEQ_CST);
  return 0;
}

unsigned long
speech_engine_pieces (void)
{
  return __atomic_load_n (&pieces, __ATOMIC_SEQ_CST);
}

int
speech_engine_open (const char *device, const char *wav, int rate, int volume, char *err,
                    size_t err_size)
{
  espeak_ng_STATUS status;
  espeak_ng_InitializePath (NULL);
  status = espeak_ng_Initialize (NULL);
  if (status != ENS_OK)
    {
      status_message (status, "cannot start espeak-ng", err, err_size);
      return -1;
    }
  if (wav)
    {
      wav_file = fopen (wav, "wb");
      if (!wav_file)
        {
          snprintf (err, err_size, "cannot write %s", wav);
          espeak_ng_Terminate ();
          return -1;
        }
      /* Asynchronous, the samples to the callback: as a sound card would
         take them, on espeak-ng's thread. */
      status = espeak_ng_InitializeOutput (0, 0, NULL);
      espeak_SetSynthCallback (on_samples);
      const char *pace = getenv ("SAFEJOB_SPEECH_PACE");
      /* Opened without waiting for a writer; then each read waits for a
         byte while the test holds the FIFO open, and none once it has
         closed it (end of file): the voice then runs free, and a test
         that went wrong ends instead of hanging. */
      if (pace && *pace && (pace_fd = open (pace, O_RDONLY | O_NONBLOCK | O_CLOEXEC)) >= 0)
        fcntl (pace_fd, F_SETFL, 0);
    }
  else
    status = espeak_ng_InitializeOutput (ENOUTPUT_MODE_SPEAK_AUDIO, 0, device);
  if (status != ENS_OK)
    {
      status_message (status, device ? device : "the default audio device", err, err_size);
      if (wav_file)
        fclose (wav_file);
      wav_file = NULL;
      espeak_ng_Terminate ();
      return -1;
    }
  sample_rate = espeak_ng_GetSampleRate ();
  if (wav_file)
    write_wav_header ();
  if (rate)
    espeak_SetParameter (espeakRATE, rate, 0);
  if (volume)
    espeak_SetParameter (espeakVOLUME, volume, 0);
  opened = 1;
  return 0;
}

/* TEXT in SSML's escapes, appended to OUT at O. */
static char *
escaped (char *o, const char *text)
{
  for (const char *c = text; *c; c++)
    switch (*c)
      {
      case '<': o = stpcpy (o, "&lt;"); break;
      case '>': o = stpcpy (o, "&gt;"); break;
      case '&': o = stpcpy (o, "&amp;"); break;
      case '"': o = stpcpy (o, "&quot;"); break;
      default: *o++ = *c; break;
      }
  *o = '\0';
  return o;
}

int
speech_engine_say (const char *voice, const char *text, char *err, size_t err_size)
{
  if (!opened)
    {
      snprintf (err, err_size, "the voice engine is not started");
      return -1;
    }
  /* The voice goes with its words: utterances in several languages (the
     picker's) are queued one after the other, each in its own. */
  size_t size = strlen (voice) + 6 * strlen (text) + 64;
  char *ssml = malloc (size);
  if (!ssml)
    {
      snprintf (err, err_size, "out of memory");
      return -1;
    }
  char *o = ssml + sprintf (ssml, "<speak><voice name=\"");
  o = escaped (o, voice);
  o = stpcpy (o, "\">");
  o = escaped (o, text);
  strcpy (o, "</voice></speak>");
  espeak_ERROR rc = espeak_Synth (ssml, strlen (ssml) + 1, 0, POS_CHARACTER, 0,
                                  espeakCHARS_UTF8 | espeakSSML | espeakENDPAUSE, NULL, NULL);
  explicit_bzero (ssml, size);
  free (ssml);
  if (rc != EE_OK)
    {
      snprintf (err, err_size, rc == EE_BUFFER_FULL ? "the voice's queue is full"
                                                    : "the voice engine failed");
      return -1;
    }
  return 0;
}

void
speech_engine_cancel (void)
{
  if (!opened)
    return;
  /* espeak_Cancel returns once the synthesis has stopped. */
  __atomic_store_n (&cutting_off, 1, __ATOMIC_SEQ_CST);
  espeak_Cancel ();
  __atomic_store_n (&cutting_off, 0, __ATOMIC_SEQ_CST);
}

void
speech_engine_close (void)
{
  if (!opened)
    return;
  /* A file takes all that was queued; a person's headphones are cut. */
  if (wav_file)
    espeak_Synchronize ();
  else
    espeak_Cancel ();
  espeak_ng_Terminate ();
  if (wav_file)
    {
      write_wav_header ();
      fclose (wav_file);
      wav_file = NULL;
    }
  if (pace_fd >= 0)
    close (pace_fd);
  pace_fd = -1;
  opened = 0;
}
