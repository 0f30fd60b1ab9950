/* test-speech.c -- what a screen says aloud (speech_text.c), and the voice
   that says it (speech_engine.c, libespeak-ng) writing to a WAV file as a
   sound card would play it: speech is heard, in each language with a
   voice, as long as its words need; a phone number is given to it digit
   by digit. */
#include <config.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "speech.h"
#include "speech_engine.h"
#include "tap.h"

/* The utterances' texts, "LANG: TEXT" a line. */
static char *
said (const struct utterances *u)
{
  static char text[8192];
  text[0] = '\0';
  for (size_t i = 0; i < u->count; i++)
    {
      size_t n = strlen (text);
      snprintf (text + n, sizeof text - n, "%s: %s\n", u->list[i].language, u->list[i].text);
    }
  return text;
}

/* The WAV file at PATH: its seconds of sound, and how loud (RMS of the
   samples, 0 to 32767). */
static bool
wav_measure (const char *path, double *seconds, double *rms)
{
  FILE *f = fopen (path, "rb");
  unsigned char header[44];
  if (!f || fread (header, 1, sizeof header, f) != sizeof header
      || memcmp (header, "RIFF", 4) != 0 || memcmp (header + 8, "WAVE", 4) != 0)
    {
      if (f)
        fclose (f);
      return false;
    }
  unsigned rate = header[24] | header[25] << 8 | (unsigned) header[26] << 16;
  unsigned long samples = 0;
  double sum = 0;
  short sample;
  while (fread (&sample, sizeof sample, 1, f) == 1)
    {
      sum += (double) sample * sample;
      samples++;
    }
  fclose (f);
  *seconds = rate ? (double) samples / rate : 0;
  *rms = samples ? sqrt (sum / (double) samples) : 0;
  return rate > 0;
}

/* Says TEXT with VOICE into a WAV file of its own; its seconds and RMS. */
static bool
speak_to_wav (const char *voice, const char *text, double *seconds, double *rms)
{
  char path[] = "/tmp/safejob-speech.XXXXXX";
  char err[512];
  int fd = mkstemp (path);
  if (fd < 0)
    return false;
  close (fd);
  bool spoken = speech_engine_open (NULL, path, 0, 0, err, sizeof err) == 0
                && speech_engine_say (voice, text, err, sizeof err) == 0;
  if (!spoken)
    printf ("# %s\n", err);
  speech_engine_close ();
  bool measured = spoken && wav_measure (path, seconds, rms);
  unlink (path);
  return measured;
}

int
main (void)
{
  /* --- What is said -------------------------------------------------------- */
  char *spelled = speech_spell_numbers ("Call +977 1 4200 408 or 1177, 24 hours.");
  ok (spelled && strcmp (spelled, "Call + 9 7 7, 1, 4 2 0 0, 4 0 8 or 1 1 7 7, 24 hours.") == 0,
      "phone numbers are read digit by digit, their groups apart; short numbers as numbers: %s",
      spelled);
  free (spelled);

  static struct frame frame;
  frame_reset (&frame);
  frame.title = "Check a job offer";
  frame_lead (&frame, "Question 1 of 2", STYLE_DIM, 0, 1);
  frame_lead (&frame, "In which country is the job?", STYLE_STRONG, 0, 1);
  frame_item (&frame, "Myanmar", 0);
  frame_item (&frame, "I don't know", 1);
  frame_foot (&frame, "Source: a dated report", STYLE_DIM);
  struct utterances u = { 0 };
  ok (speech_text_screen (&frame, 0, "en", &u) == 0 && u.count == 1
      && strcmp (said (&u), "en: Check a job offer. Question 1 of 2. In which country is the job? "
                            "Press 1 for Myanmar. Press 2 for I don't know\n") == 0,
      "a question is said whole: the title, the question, each answer with its key, "
      "and no source:\n%s", said (&u));
  utterances_clear (&u);
  ok (speech_text_item (&frame, 1, "en", &u) == 0
      && strcmp (said (&u), "en: Press 2 for I don't know\n") == 0,
      "the item highlighted is said alone: %s", said (&u));
  utterances_clear (&u);

  /* A question mark of another script ends the question too: no ". "
     after it (the voice would read a second stop). */
  frame_reset (&frame);
  frame_lead (&frame, "\xd9\x81\xd9\x8a \xd8\xa3\xd9\x8a \xd8\xa8\xd9\x84\xd8\xaf\xd8\x9f",
              STYLE_STRONG, 0, 1);
  frame_item (&frame, "X", 0);
  ok (speech_text_screen (&frame, 0, "ar", &u) == 0 && strstr (said (&u), "\xd8\x9f P")
      && !strstr (said (&u), "\xd8\x9f."), "an Arabic question mark ends the question:\n%s",
      said (&u));
  utterances_clear (&u);

  /* The picker: each language in its own. */
  frame_reset (&frame);
  frame.title = "safejob: check a job offer before you go";
  frame_item (&frame, "English", 0)->language = "en";
  frame_item (&frame, "\xe0\xa4\xa8\xe0\xa5\x87\xe0\xa4\xaa\xe0\xa4\xbe\xe0\xa4\xb2\xe0\xa5\x80", 1)
    ->language = "ne";
  ok (speech_text_screen (&frame, 0, "en", &u) == 0 && u.count == 2
      && strcmp (u.list[1].language, "ne") == 0,
      "the picker's languages are each said in their own:\n%s", said (&u));
  utterances_clear (&u);

  /* A page of numbers. */
  frame_reset (&frame);
  frame.title = "Numbers to save";
  frame.spell_numbers = true;
  frame_item (&frame, "Nepal: Foreign Employment Board\n+977 1 4200 408", 0);
  ok (speech_text_screen (&frame, 0, "en", &u) == 0
      && strstr (said (&u), "Press 1 for Nepal: Foreign Employment Board, + 9 7 7, 1, 4 2 0 0, "
                            "4 0 8"),
      "on the contacts, a number is read digit by digit:\n%s", said (&u));
  utterances_clear (&u);
  frame_free (&frame);

  /* --- The voice ------------------------------------------------------------- */
  static const struct { const char *voice, *text; } voices[] = {
    { "en", "In which country is the job? Press 1 for Myanmar. Press 2 for I don't know." },
    { "ne", "\xe0\xa4\x95\xe0\xa4\xbe\xe0\xa4\xae \xe0\xa4\x95\xe0\xa5\x81\xe0\xa4\xa8 "
            "\xe0\xa4\xa6\xe0\xa5\x87\xe0\xa4\xb6\xe0\xa4\xae\xe0\xa4\xbe \xe0\xa4\x9b?" },
    { "ar", "\xd9\x81\xd9\x8a \xd8\xa3\xd9\x8a \xd8\xa8\xd9\x84\xd8\xaf \xd8\xa7\xd9\x84\xd8\xb9"
            "\xd9\x85\xd9\x84\xd8\x9f" },
  };
  for (size_t i = 0; i < sizeof voices / sizeof *voices; i++)
    {
      double seconds = 0, rms = 0;
      bool heard = speak_to_wav (voices[i].voice, voices[i].text, &seconds, &rms);
      ok (heard && seconds > 0.5 && seconds < 30 && rms > 300,
          "%s: the voice is heard (%.1f s, RMS %.0f)", voices[i].voice, seconds, rms);
    }
  /* Its length follows the words. */
  double shorter = 0, longer = 0, rms = 0;
  bool both = speak_to_wav ("en", "Press 1.", &shorter, &rms)
         && speak_to_wav ("en", "Press 1 for Myanmar. Press 2 for Cambodia. Press 3 for Laos. "
                                "Press 4 for Thailand.", &longer, &rms);
  ok (both && longer > 3 * shorter, "four choices take longer (%.1f s) than one word (%.1f s)",
      longer, shorter);

  return tap_done ();
}
