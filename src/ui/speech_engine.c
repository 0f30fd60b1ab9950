/* speech_engine.c -- the voice. One thread of its own plays, one after
   the other, what speech.c queues: sentences synthesized by libespeak-ng,
   and recorded clips decoded by libsndfile. It writes them to the
   headphones' ALSA device, or for the tests into a WAV file. One player
   and one output, so that a clip and the sentence after it never fight
   for the device, and cutting off stops either at once. */
#include <config.h>
#include "speech_engine.h"

#include <alsa/asoundlib.h>
#include <errno.h>
#include <espeak-ng/espeak_ng.h>
#include <espeak-ng/speak_lib.h>
#include <fcntl.h>
#include <pthread.h>
#include <sndfile.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* --- The output: the device, or the tests' WAV file -------------------------- */

static snd_pcm_t *pcm;
static FILE *wav_file;
static unsigned long wav_samples;
static int sample_rate;
static int clip_volume;        /* percent, applied to clips (the voice has its own) */

/* What is queued or playing belongs to a generation; cutting off starts a
   new one, and the player drops what is not of the current one. Pieces of
   audio are written under output_lock, which cutting off takes too: once
   speech_engine_cancel returns, not one piece more is written. */
static pthread_mutex_t output_lock = PTHREAD_MUTEX_INITIALIZER;
static unsigned long generation;
/* The pieces written so far (headless scripts wait for them), and for the
   tests a FIFO that paces them, one byte a piece, as a sound card takes
   them (SAFEJOB_SPEECH_PACE, with the WAV file only). */
static unsigned long pieces;
static int pace_fd = -1;
/* Why the device stopped taking audio (unplugged headphones), once. */
static char trouble[256];

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

/* Writes COUNT samples for an utterance of generation OF. Returns 0, or 1
   when that generation was cut off (or the device is gone): stop. */
static int
output (const short *samples, size_t count, unsigned long of)
{
  if (pace_fd >= 0)
    {
      char token;
      while (read (pace_fd, &token, 1) < 0 && errno == EINTR)
        continue;
    }
  pthread_mutex_lock (&output_lock);
  int stop = of != generation || trouble[0];
  if (!stop && wav_file)
    {
      fwrite (samples, sizeof *samples, count, wav_file);
      /* At once, as a sound card would get them: the benchmark times a key
         to its first sample by the file's size. */
      fflush (wav_file);
      wav_samples += count;
    }
  else if (!stop)
    while (count > 0)
      {
        snd_pcm_sframes_t n = snd_pcm_writei (pcm, samples, count);
        if (n < 0)
          n = snd_pcm_recover (pcm, (int) n, 1);
        if (n < 0)
          {
            snprintf (trouble, sizeof trouble, "the audio device stopped: %s",
                      snd_strerror ((int) n));
            stop = 1;
            break;
          }
        samples += n;
        count -= (size_t) n;
      }
  if (!stop)
    pieces++;
  pthread_mutex_unlock (&output_lock);
  return stop;
}

/* --- The queue and its player ------------------------------------------------- */

struct item
{
  struct item *next;
  unsigned long generation;
  char *ssml;                    /* a sentence to synthesize, or */
  unsigned char *clip;           /* a recorded clip: an audio file's bytes */
  size_t size;
};

static pthread_mutex_t queue_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t queue_changed = PTHREAD_COND_INITIALIZER;
static struct item *head, **tail = &head;
static bool closing;
static pthread_t player;
static int opened;

static void
item_free (struct item *item)
{
  if (item->ssml)
    explicit_bzero (item->ssml, strlen (item->ssml));
  free (item->ssml);
  free (item->clip);
  free (item);
}

/* espeak-ng's own thread synthesizes a sentence at a time for the player,
   and hands the samples over here; 1 ends that synthesis. The sentence is
   told by its serial (espeak_Synth's user data): one the player no longer
   waits for, cut off, writes nothing. The end of the sentence (no
   samples) wakes the player for the next item. */
static unsigned long synthesis_serial, synthesis_generation, synthesis_ended;

static int
on_samples (short *samples, int count, espeak_EVENT *events)
{
  unsigned long serial = events ? (unsigned long) (uintptr_t) events->user_data : 0;
  if (serial != __atomic_load_n (&synthesis_serial, __ATOMIC_SEQ_CST))
    return 1;
  if (!samples)
    {
      pthread_mutex_lock (&queue_lock);
      synthesis_ended = serial;
      pthread_cond_broadcast (&queue_changed);
      pthread_mutex_unlock (&queue_lock);
      return 0;
    }
  if (count <= 0)
    return 0;
  return output (samples, (size_t) count,
                 __atomic_load_n (&synthesis_generation, __ATOMIC_SEQ_CST));
}

/* Says ITEM's sentence with espeak-ng, and waits for its end or a cut.
   Called and returns with queue_lock held. */
static void
synthesize (const struct item *item)
{
  static unsigned long serial;
  serial++;
  __atomic_store_n (&synthesis_generation, item->generation, __ATOMIC_SEQ_CST);
  __atomic_store_n (&synthesis_serial, serial, __ATOMIC_SEQ_CST);
  pthread_mutex_unlock (&queue_lock);
  espeak_ERROR rc = espeak_Synth (item->ssml, strlen (item->ssml) + 1, 0, POS_CHARACTER, 0,
                                  espeakCHARS_UTF8 | espeakSSML | espeakENDPAUSE, NULL,
                                  (void *) (uintptr_t) serial);
  pthread_mutex_lock (&queue_lock);
  while (rc == EE_OK && synthesis_ended != serial
         && item->generation == __atomic_load_n (&generation, __ATOMIC_SEQ_CST))
    pthread_cond_wait (&queue_changed, &queue_lock);
}

/* A clip's bytes, read by libsndfile as a file. */
struct memory
{
  const unsigned char *data;
  sf_count_t size, at;
};

static sf_count_t
memory_length (void *m)
{
  return ((struct memory *) m)->size;
}

static sf_count_t
memory_seek (sf_count_t offset, int whence, void *m)
{
  struct memory *mem = m;
  sf_count_t to = whence == SEEK_SET ? offset : whence == SEEK_CUR ? mem->at + offset
                                                                    : mem->size + offset;
  if (to < 0 || to > mem->size)
    return -1;
  return mem->at = to;
}

static sf_count_t
memory_read (void *buffer, sf_count_t count, void *m)
{
  struct memory *mem = m;
  if (count > mem->size - mem->at)
    count = mem->size - mem->at;
  memcpy (buffer, mem->data + mem->at, (size_t) count);
  mem->at += count;
  return count;
}

static sf_count_t
memory_write (const void *buffer, sf_count_t count, void *m)
{
  (void) buffer, (void) count, (void) m;
  return 0;
}

static sf_count_t
memory_tell (void *m)
{
  return ((struct memory *) m)->at;
}

/* Plays ITEM's clip, a buffer at a time, until its end or a cut. */
static void
play_clip (const struct item *item)
{
  static SF_VIRTUAL_IO io = { memory_length, memory_seek, memory_read, memory_write,
                              memory_tell };
  struct memory mem = { item->clip, (sf_count_t) item->size, 0 };
  SF_INFO info = { 0 };
  SNDFILE *clip = sf_open_virtual (&io, SFM_READ, &info, &mem);
  if (!clip || info.channels != 1 || info.samplerate != sample_rate)
    {
      /* safejob-content refuses such a clip: only a voice of another rate
         (an MBROLA one) gets here. */
      pthread_mutex_lock (&output_lock);
      if (!trouble[0])
        snprintf (trouble, sizeof trouble, "a recorded clip cannot be played: %s",
                  clip ? "it is not mono at the voice's rate" : sf_strerror (NULL));
      pthread_mutex_unlock (&output_lock);
      if (clip)
        sf_close (clip);
      return;
    }
  /* About 46 ms a buffer, as espeak-ng hands its samples over. */
  short samples[1024];
  sf_count_t n;
  while ((n = sf_read_short (clip, samples, 1024)) > 0)
    {
      if (clip_volume && clip_volume != 100)
        for (sf_count_t i = 0; i < n; i++)
          {
            long v = (long) samples[i] * clip_volume / 100;
            samples[i] = (short) (v > 32767 ? 32767 : v < -32768 ? -32768 : v);
          }
      if (output (samples, (size_t) n, item->generation))
        break;
    }
  sf_close (clip);
}

static void *
play (void *unused)
{
  (void) unused;
  pthread_mutex_lock (&queue_lock);
  for (;;)
    {
      while (!head && !closing)
        pthread_cond_wait (&queue_changed, &queue_lock);
      if (!head)
        break;
      struct item *item = head;
      head = item->next;
      if (!head)
        tail = &head;
      if (item->generation == __atomic_load_n (&generation, __ATOMIC_SEQ_CST))
        {
          if (item->ssml)
            synthesize (item);
          else
            {
              pthread_mutex_unlock (&queue_lock);
              play_clip (item);
              pthread_mutex_lock (&queue_lock);
            }
        }
      item_free (item);
    }
  pthread_mutex_unlock (&queue_lock);
  return NULL;
}

static int
enqueue (struct item *item, char *err, size_t err_size)
{
  if (!opened)
    {
      item_free (item);
      snprintf (err, err_size, "the voice engine is not started");
      return -1;
    }
  pthread_mutex_lock (&queue_lock);
  item->generation = __atomic_load_n (&generation, __ATOMIC_SEQ_CST);
  item->next = NULL;
  *tail = item;
  tail = &item->next;
  pthread_cond_broadcast (&queue_changed);
  pthread_mutex_unlock (&queue_lock);
  return 0;
}

/* --- The interface ------------------------------------------------------------ */

/* ALSA's own messages would go to standard error, the kiosk's screen:
   what went wrong is said once, in the engine's words, to staff. */
static void
quiet (const char *file, int line, const char *function, int err, const char *format, ...)
{
  (void) file, (void) line, (void) function, (void) err, (void) format;
}

static int
open_device (const char *device, char *err, size_t err_size)
{
  const char *name = device ? device : "default";
  snd_lib_error_set_handler (quiet);
  int rc = snd_pcm_open (&pcm, name, SND_PCM_STREAM_PLAYBACK, 0);
  /* A tenth of a second of buffer: short enough that a cut is heard at
     once, long enough not to stutter. ALSA converts the rate if the
     device needs another one. */
  if (rc == 0)
    rc = snd_pcm_set_params (pcm, SND_PCM_FORMAT_S16_LE, SND_PCM_ACCESS_RW_INTERLEAVED, 1,
                             (unsigned) sample_rate, 1, 100000);
  if (rc < 0)
    {
      snprintf (err, err_size, "cannot open the audio device '%s': %s", name, snd_strerror (rc));
      if (pcm)
        snd_pcm_close (pcm);
      pcm = NULL;
      return -1;
    }
  return 0;
}

int
speech_engine_open (const char *device, const char *wav, int rate, int volume, char *err,
                    size_t err_size)
{
  espeak_ng_InitializePath (NULL);
  espeak_ng_STATUS status = espeak_ng_Initialize (NULL);
  /* The samples to the callback, on espeak-ng's thread, a sentence at a
     time for the player. (Its synchronous mode would synthesize on the
     player's thread, but espeak-ng 1.51 can then hang in
     espeak_ng_Terminate.) */
  if (status == ENS_OK)
    status = espeak_ng_InitializeOutput (0, 0, NULL);
  if (status != ENS_OK)
    {
      char message[512];
      espeak_ng_GetStatusCodeMessage (status, message, sizeof message);
      snprintf (err, err_size, "cannot start espeak-ng: %s", message);
      espeak_ng_Terminate ();
      return -1;
    }
  espeak_SetSynthCallback (on_samples);
  sample_rate = espeak_ng_GetSampleRate ();
  if (wav)
    {
      wav_file = fopen (wav, "wb");
      if (!wav_file)
        {
          snprintf (err, err_size, "cannot write %s", wav);
          espeak_ng_Terminate ();
          return -1;
        }
      write_wav_header ();
      const char *pace = getenv ("SAFEJOB_SPEECH_PACE");
      /* Opened without waiting for a writer; then each read waits for a
         byte while the test holds the FIFO open, and none once it has
         closed it (end of file): the voice then runs free, and a test
         that went wrong ends instead of hanging. */
      if (pace && *pace && (pace_fd = open (pace, O_RDONLY | O_NONBLOCK | O_CLOEXEC)) >= 0)
        fcntl (pace_fd, F_SETFL, 0);
    }
  else if (open_device (device, err, err_size) != 0)
    {
      espeak_ng_Terminate ();
      return -1;
    }
  if (rate)
    espeak_SetParameter (espeakRATE, rate, 0);
  if (volume)
    espeak_SetParameter (espeakVOLUME, volume, 0);
  clip_volume = volume;
  trouble[0] = '\0';
  closing = false;
  if (pthread_create (&player, NULL, play, NULL) != 0)
    {
      snprintf (err, err_size, "cannot start the voice's thread");
      speech_engine_close ();
      return -1;
    }
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
  /* The voice goes with its words: utterances in several languages (the
     picker's) are queued one after the other, each in its own. */
  size_t size = strlen (voice) + 6 * strlen (text) + 64;
  struct item *item = calloc (1, sizeof *item);
  char *ssml = item ? malloc (size) : NULL;
  if (!ssml)
    {
      free (item);
      snprintf (err, err_size, "out of memory");
      return -1;
    }
  char *o = ssml + sprintf (ssml, "<speak><voice name=\"");
  o = escaped (o, voice);
  o = stpcpy (o, "\">");
  o = escaped (o, text);
  strcpy (o, "</voice></speak>");
  item->ssml = ssml;
  return enqueue (item, err, err_size);
}

int
speech_engine_play (const void *clip, size_t size, char *err, size_t err_size)
{
  struct item *item = calloc (1, sizeof *item);
  unsigned char *copy = item ? malloc (size ? size : 1) : NULL;
  if (!copy)
    {
      free (item);
      snprintf (err, err_size, "out of memory");
      return -1;
    }
  memcpy (copy, clip, size);
  item->clip = copy;
  item->size = size;
  return enqueue (item, err, err_size);
}

void
speech_engine_cancel (void)
{
  if (!opened)
    return;
  /* What is queued is dropped by the player; what it is writing stops at
     its next piece. Taking output_lock waits out a piece being written:
     after it, the generation is new and no piece more goes out. */
  pthread_mutex_lock (&output_lock);
  __atomic_add_fetch (&generation, 1, __ATOMIC_SEQ_CST);
  if (pcm)
    {
      /* What the device holds already is dropped too, unheard. */
      snd_pcm_drop (pcm);
      snd_pcm_prepare (pcm);
    }
  pthread_mutex_unlock (&output_lock);
  /* The player, waiting for a sentence's end, goes on to the next item. */
  pthread_mutex_lock (&queue_lock);
  pthread_cond_broadcast (&queue_changed);
  pthread_mutex_unlock (&queue_lock);
}

unsigned long
speech_engine_pieces (void)
{
  pthread_mutex_lock (&output_lock);
  unsigned long n = pieces;
  pthread_mutex_unlock (&output_lock);
  return n;
}

const char *
speech_engine_trouble (void)
{
  static char copy[sizeof trouble];
  pthread_mutex_lock (&output_lock);
  memcpy (copy, trouble, sizeof copy);
  pthread_mutex_unlock (&output_lock);
  return copy;
}

void
speech_engine_close (void)
{
  /* A file takes all that was queued; a person's headphones are cut. */
  if (pcm)
    speech_engine_cancel ();
  pthread_mutex_lock (&queue_lock);
  bool running = opened;
  closing = true;
  pthread_cond_broadcast (&queue_changed);
  pthread_mutex_unlock (&queue_lock);
  if (running)
    pthread_join (player, NULL);
  espeak_ng_Terminate ();
  if (wav_file)
    {
      write_wav_header ();
      fclose (wav_file);
      wav_file = NULL;
    }
  if (pcm)
    snd_pcm_close (pcm);
  pcm = NULL;
  if (pace_fd >= 0)
    close (pace_fd);
  pace_fd = -1;
  opened = 0;
}
