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
          char err[400];
          if (!engine.open || !engine.say || !engine.cancel || !engine.close)
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
  return status;
}

void
speech_release (void)
{
  if (engine_state > 0)
    engine.close ();
  engine_state = 0;
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

/* Says U after cutting off what was being said. */
static void
say (const struct speech_settings *settings, const struct utterances *u)
{
  cut_off (settings);
  FILE *log = log_file (settings);
  bool audio = settings->device || settings->wav;
  for (size_t i = 0; i < u->count; i++)
    {
      const char *voice = languages_voice (u->list[i].language);
      if (log)
        fprintf (log, "%s\t%s%s\n", u->list[i].language, voice ? "" : "(no voice) ",
                 u->list[i].text);
      const struct engine *e = voice && audio ? started (settings) : NULL;
      char err[400];
      if (e && e->say (voice, u->list[i].text, err, sizeof err) != 0 && !status[0])
        {
          snprintf (status, sizeof status, "%s", err);
          syslog (LOG_ERR, "speech: %s", err);
        }
    }
  if (log)
    fflush (log);
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
  struct utterances u = { NULL, 0, 0 };
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
