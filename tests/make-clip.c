/* make-clip.c -- recorded clips for the tests, and a check that a clip was
   played: tests/test-speech-clips.sh has no recordings of people (nobody
   should invent those), so it makes tones with libsndfile, in the formats
   content may ship, and looks for them, sample for sample, in the kiosk's
   audio.

   Usage: make-clip FILE SECONDS [RATE [CHANNELS [HZ]]]
            a tone (440 Hz; HZ 0: silence) in the format of FILE's
            extension (.wav: 16-bit PCM, .flac, .ogg: Vorbis)
          make-clip --played AUDIO CLIP
            exits 0 when CLIP's samples, decoded, are in AUDIO's in a row */
#include <config.h>

#include <math.h>
#include <sndfile.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The samples of the file at PATH, decoded; NULL when it cannot be read. */
static short *
samples_of (const char *path, sf_count_t *count)
{
  SF_INFO info = { 0 };
  SNDFILE *f = sf_open (path, SFM_READ, &info);
  if (!f)
    {
      fprintf (stderr, "make-clip: %s: %s\n", path, sf_strerror (NULL));
      return NULL;
    }
  short *samples = malloc ((size_t) (info.frames * info.channels + 1) * sizeof *samples);
  *count = samples ? sf_read_short (f, samples, info.frames * info.channels) : 0;
  sf_close (f);
  return samples;
}

static int
played (const char *audio_path, const char *clip_path)
{
  sf_count_t n_audio, n_clip;
  short *audio = samples_of (audio_path, &n_audio), *clip = samples_of (clip_path, &n_clip);
  int found = 0;
  for (sf_count_t i = 0; audio && clip && n_clip > 0 && i + n_clip <= n_audio && !found; i++)
    found = memcmp (audio + i, clip, (size_t) n_clip * sizeof *clip) == 0;
  free (audio);
  free (clip);
  return found ? 0 : 1;
}

int
main (int argc, char **argv)
{
  if (argc == 4 && strcmp (argv[1], "--played") == 0)
    return played (argv[2], argv[3]);
  if (argc < 3 || argc > 6)
    {
      fprintf (stderr, "usage: make-clip FILE SECONDS [RATE [CHANNELS [HZ]]]\n"
                       "       make-clip --played AUDIO CLIP\n");
      return 2;
    }
  const char *path = argv[1], *dot = strrchr (path, '.');
  double seconds = atof (argv[2]), hz = argc > 5 ? atof (argv[5]) : 440;
  SF_INFO info = { .samplerate = argc > 3 ? atoi (argv[3]) : 22050,
                   .channels = argc > 4 ? atoi (argv[4]) : 1 };
  if (dot && strcmp (dot, ".ogg") == 0)
    info.format = SF_FORMAT_OGG | SF_FORMAT_VORBIS;
  else if (dot && strcmp (dot, ".flac") == 0)
    info.format = SF_FORMAT_FLAC | SF_FORMAT_PCM_16;
  else
    info.format = SF_FORMAT_WAV | SF_FORMAT_PCM_16;
  SNDFILE *f = sf_open (path, SFM_WRITE, &info);
  if (!f)
    {
      fprintf (stderr, "make-clip: %s: %s\n", path, sf_strerror (NULL));
      return 1;
    }
  sf_count_t frames = (sf_count_t) (seconds * info.samplerate);
  for (sf_count_t i = 0; i < frames; i++)
    {
      short s = (short) (12000 * sin (2 * M_PI * hz * (double) i / info.samplerate));
      for (int c = 0; c < info.channels; c++)
        sf_write_short (f, &s, 1);
    }
  sf_close (f);
  return 0;
}
