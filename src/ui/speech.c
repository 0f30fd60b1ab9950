/* speech.c -- when the kiosk speaks, and to what: the voice engine (a
   module loaded on first use, as the slip renderer is), and for the tests
   a log of what was said, in order.

   The log and the WAV file are the tests' sound card; main.c names them
   from the environment only outside kiosk mode, for what is said holds a
   person's answers. */
#include <config.h>
#include "speech.h"

#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <syslog.h>
#include "clips.h"
#include "languages.h"
#include "speech_engine.h"
#include "system.h"

/* --- The engine module ------------------------------------------------------ */

struct engine
{
  __typeof__ (speech_engine_open) *open;
  __typeof__ (speech_engine_say) *say;
  __typeof__ (speech_engine_cancel) *cancel;
  __typeof__ (speech_engine_close) *close;
  __typeof__ (speech_engine_pieces) *pieces;
  __typeof__ (speech_engine_play) *play;
  __typeof__ (speech_engine_trouble) *trouble;
};

static struct engine engine;
static int engine_state;       /* 0: not tried, 1: speaking, -1: failed */
static char status[512];

/* The engine, started on first use with SETTINGS; NULL when it cannot be
   (the failure reported once, to syslog and to staff). */
static const struct engine *
started (const struct speech_settings *settings)
{
  if (engine_state == 0)
    {
      const char *path = settings->module ? settings->module : SPEECH_MODULE;
      void *library = dlopen (path, RTLD_NOW | RTLD_LOCAL);
      engine_state = -1;
      if (!library)
        snprintf (status, sizeof status, "cannot load the voice: %s", dlerror ());
      else
        {
          engine.open = (__typeof__ (engine.open)) dlsym (library, "speech_engine_open");
          engine.say = (__typeof__ (engine.say)) dlsym (library, "speech_engine_say");
          engine.cancel = (__typeof__ (engine.cancel)) dlsym (library, "speech_engine_cancel");
          engine.close = (__typeof__ (engine.close)) dlsym (library, "speech_engine_close");
          engine.pieces = (__typeof__ (engine.pieces)) dlsym (library, "speech_engine_pieces");
          engine.play = (__typeof__ (engine.play)) dlsym (library, "speech_engine_play");
          engine.trouble = (__typeof__ (engine.trouble)) dlsym (library, "speech_engine_trouble");
          char err[400];
          if (!engine.open || !engine.say || !engine.cancel || !engine.close || !engine.play
              || !engine.trouble)
            snprintf (status, sizeof status, "%s is not safejob's voice", path);
          else if (engine.open (settings->device, settings->wav, settings->rate, settings->volume,
                                err, sizeof err) != 0)
            snprintf (status, sizeof status, "the voice cannot speak: %s", err);
          else
            engine_state = 1;
        }
      if (engine_state < 0)
        syslog (LOG_ERR, "speech: %s", status);
    }
  return engine_state > 0 ? &engine : NULL;
}

const char *
speech_status (void)
{
  if (!status[0] && engine_state > 0)
    return engine.trouble ();
  return status;
}

/* --- Recorded clips ----------------------------------------------------------- */

/* The content database's clips, opened the first time speech needs them
   (never with speech off). */
static struct clips *clips;
static bool clips_opened;

static struct clips *
clips_of (const struct speech_settings *settings)
{
  if (!clips_opened && settings->content_db)
    clips = clips_open (settings->content_db);
  clips_opened = true;
  return clips;
}

static bool
has_clip (const char *language, const char *text)
{
  return clips_has (clips, language, text);
}

/* Each language's count, asked of the database once: the bottom bar asks
   at every redraw, and the clips do not change while the kiosk runs. */
static struct
{
  char language[16];
  size_t count;
} counted[64];
static size_t counted_languages;

size_t
speech_clip_count (const struct speech_settings *settings, const char *language)
{
  if (settings->mode == SPEECH_OFF)
    return 0;
  for (size_t i = 0; i < counted_languages; i++)
    if (strcmp (counted[i].language, language) == 0)
      return counted[i].count;
  size_t n = clips_count (clips_of (settings), language);
  if (counted_languages < ARRAY_SIZE (counted) && strlen (language) < sizeof counted->language)
    {
      strcpy (counted[counted_languages].language, language);
      counted[counted_languages++].count = n;
    }
  return n;
}

bool
speech_can_say (const struct speech_settings *settings, const struct frame *frame,
                const char *language)
{
  if (languages_voice (language))
    return true;
  if (speech_clip_count (settings, language) == 0)
    return false;
  /* No voice, some clips: heard where this screen has one. */
  struct utterances u = { .has_clip = has_clip };
  speech_text_screen (frame, 0, language, &u);
  bool heard = false;
  for (size_t i = 0; i < u.count; i++)
    heard |= u.list[i].clip;
  utterances_clear (&u);
  return heard;
}

void
speech_release (void)
{
  if (engine_state > 0)
    engine.close ();
  engine_state = 0;
  clips_close (clips);
  clips = NULL;
  clips_opened = false;
  counted_languages = 0;
}

/* --- Saying ----------------------------------------------------------------- */

static FILE *
log_file (const struct speech_settings *settings)
{
  static FILE *log;
  if (!log && settings->log)
    log = fopen (settings->log, "a");
  return log;
}

static void
cut_off (const struct speech_settings *settings)
{
  FILE *log = log_file (settings);
  if (log)
    {
      fputs ("-\tsilence\n", log);
      fflush (log);
    }
  if (engine_state > 0)
    engine.cancel ();
}

/* Hands utterance U to the engine E: its clip, or its words in VOICE. */
static int
hand_over (const struct engine *e, const struct utterance *u, const char *voice, char *err,
           size_t err_size)
{
  if (!u->clip)
    return e->say (voice, u->text, err, err_size);
  void *audio;
  size_t size;
  if (clips_get (clips, u->language, u->text, &audio, &size) != 0)
    {
      snprintf (err, err_size, "a recorded clip cannot be read from the content database");
      return -1;
    }
  int rc = e->play (audio, size, err, err_size);
  free (audio);
  return rc;
}

/* Says U after cutting off what was being said. */
static void
say (const struct speech_settings *settings, const struct utterances *u)
{
  cut_off (settings);
  FILE *log = log_file (settings);
  bool audio = settings->device || settings->wav;
  for (size_t i = 0; i < u->count; i++)
    {
      const struct utterance *said = &u->list[i];
      const char *voice = languages_voice (said->language);
      if (log)
        {
          fprintf (log, "%s\t%s", said->language,
                   said->clip ? "(clip) " : voice ? "" : "(no voice) ");
          /* A clip's text is as written, line breaks and all. */
          for (const char *c = said->text; *c; c++)
            putc (*c == '\n' ? ' ' : *c, log);
          putc ('\n', log);
        }
      const struct engine *e = (voice || said->clip) && audio ? started (settings) : NULL;
      char err[400];
      if (e && hand_over (e, said, voice, err, sizeof err) != 0 && !status[0])
        {
          snprintf (status, sizeof status, "%s", err);
          syslog (LOG_ERR, "speech: %s", err);
        }
    }
  if (log)
    fflush (log);
  /* The device gone after the voice started (unplugged headphones): said
     once, to syslog; staff see it on the self-test page. */
  static bool trouble_told;
  if (engine_state > 0 && !trouble_told && engine.trouble ()[0])
    {
      syslog (LOG_ERR, "speech: %s", engine.trouble ());
      trouble_told = true;
    }
}

void
speech_render (struct speech_state *state, const struct speech_settings *settings, long screen,
               uint64_t words, const struct frame *frame, const struct canvas *canvas,
               const char *language)
{
  if (settings->mode == SPEECH_OFF)
    return;
  bool moved = screen == state->screen && frame->selected != state->selected;
  bool scrolled = screen == state->screen && canvas->text_rows > 0
                  && canvas->scroll != state->scroll;
  /* New words on the same screen with the highlight where it was (a
     status line, the attract screen's next language) are a new screen; with
     the highlight moved (the picker speaks the language highlighted, a
     contact shows its note), the item says it. */
  bool new_screen = screen != state->screen || (words != state->words && !moved && !scrolled);
  bool repeat = state->repeat;
  state->screen = screen;
  state->words = words;
  state->selected = frame->selected;
  state->scroll = canvas->text_rows > 0 ? canvas->scroll : 0;
  state->repeat = false;

  /* The attract and neutral screens (centred, with nothing to read or
     choose) are silence: whoever comes next has said nothing yet. */
  if (frame->layout == FRAME_CENTRED)
    {
      if (new_screen)
        cut_off (settings);
      return;
    }
  bool automatic = settings->mode == SPEECH_ON;
  struct utterances u = { .has_clip = clips_of (settings) ? has_clip : NULL };
  if (repeat || (automatic && new_screen))
    speech_text_screen (frame, canvas->text_first_block, language, &u);
  else if (automatic && moved)
    speech_text_item (frame, frame->selected, language, &u);
  else if (automatic && scrolled)
    speech_text_blocks (frame, canvas->text_first_block, canvas->text_end_block, language, &u);
  if (u.count > 0)
    say (settings, &u);
  utterances_clear (&u);
}

bool
speech_started (void)
{
  return engine_state > 0;
}

unsigned long
speech_pieces (void)
{
  return engine_state > 0 && engine.pieces ? engine.pieces () : 0;
}

void
speech_repeat (struct speech_state *state)
{
  state->repeat = true;
}

void
speech_silence (const struct speech_settings *settings)
{
  if (settings->mode != SPEECH_OFF)
    cut_off (settings);
}
