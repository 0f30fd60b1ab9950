/* speech.h -- the kiosk's voice: a second renderer of the frames. Each new
   screen is spoken in the session's language as it appears (the title, the
   text, each choice with its number key); moving the highlight speaks the
   item highlighted; scrolling a text speaks what came into view. A new
   screen cuts the old one off; Hide and the idle reset silence it.

   What is said is made here, from the frame: speech_text.c. How it is
   said is the engine's (speech_engine.c, a module loaded on first use:
   libespeak-ng and its voices cost nothing while speech is off). */
#ifndef SAFEJOB_SPEECH_H
#define SAFEJOB_SPEECH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "frame.h"
#include "layout.h"

enum speech_mode
{
  SPEECH_OFF,        /* never (the default: a kiosk needs headphones first) */
  SPEECH_ON,         /* every screen as it appears */
  SPEECH_REQUEST,    /* a screen when the person asks (the Listen key) */
};

/* --- What is said (speech_text.c) ----------------------------------------- */

/* One stretch of speech in one language. */
struct utterance
{
  const char *language;    /* a catalogue's code: "ne", "zh_CN" */
  char *text;              /* UTF-8, one line */
  bool clip;               /* a recorded clip says TEXT (as written): it is
                              played, not synthesized, and joins no other */
};

struct utterances
{
  struct utterance *list;
  size_t count, size;
  /* Set by the caller: whether a recorded clip says TEXT in LANGUAGE
     exactly (NULL: none does). */
  bool (*has_clip) (const char *language, const char *text);
};

/* Appends to OUT what FRAME, laid out on CANVAS, says in LANGUAGE: the
   title, the lead, the text on screen from FIRST_BLOCK on, the foot but
   for its sources, and each item with its number key ("Press 2 for ...").
   A frame with spell_numbers set (the contacts) has its phone numbers
   read digit by digit. Each of those pieces that a recorded clip says
   (OUT's has_clip) is a clip utterance of its own. Returns 0, or -1 when
   out of memory. */
int speech_text_screen (const struct frame *frame, size_t first_block, const char *language,
                        struct utterances *out);

/* Appends FRAME's text blocks FIRST to END (not included): what a scroll
   brought into view. */
int speech_text_blocks (const struct frame *frame, size_t first, size_t end,
                        const char *language, struct utterances *out);

/* Appends item I of FRAME, as speech_text_screen says it. */
int speech_text_item (const struct frame *frame, size_t i, const char *language,
                      struct utterances *out);

/* TEXT with each run of three or more digits (a phone number, spaces,
   dashes and a leading plus within it) read digit by digit: the digits
   apart, its groups apart. Returns a string to free, or NULL. */
char *speech_spell_numbers (const char *text);

/* Wipes and frees the utterances (they hold a person's answers); keeps
   has_clip. */
void utterances_clear (struct utterances *u);

/* --- When it is said (speech.c) -------------------------------------------- */

struct speech_settings
{
  enum speech_mode mode;
  const char *device;      /* the headphones' audio device; NULL: none set,
                              nothing is played */
  int rate;                /* words a minute, 80 to 450; 0: the voice's own */
  int volume;              /* 1 to 200 (100: the voice's own); 0: default */
  /* The tests' sound card (never in kiosk mode): what is said, as lines of
     "LANGUAGE<TAB>TEXT" ("-<TAB>silence" when cut off), and the audio as
     WAV; the engine module to load instead of the installed one. */
  const char *log, *wav, *module;
  const char *content_db;  /* where the recorded clips are (clips.h) */
};

/* What was last spoken of the screen on show: enough to speak only what
   changed. Holds no words: a reset clears it whole. */
struct speech_state
{
  long screen;             /* which screen it was (the flow's key) */
  uint64_t words;          /* frame_words_hash of the screen spoken */
  size_t selected;
  int scroll;
  bool repeat;             /* the person asked to hear the screen again */
};

/* Speaks what changed since the last call on SCREEN (a key that tells
   screens apart) whose words hash to WORDS (frame_words_hash): a new
   screen whole, a moved highlight's item, or a
   text's newly shown part; nothing in SPEECH_OFF mode, and in
   SPEECH_REQUEST mode only when speech_repeat asked. */
void speech_render (struct speech_state *state, const struct speech_settings *settings,
                    long screen, uint64_t words, const struct frame *frame,
                    const struct canvas *canvas, const char *language);

/* The Listen key: the screen again, whole, at the next render. */
void speech_repeat (struct speech_state *state);

/* Silence, at once: whatever is being said stops (Hide, a reset, the Stop
   key). */
void speech_silence (const struct speech_settings *settings);

/* The engine's state for staff: "" when all is well or speech is off, or
   why it cannot speak ("no audio device 'x'"). */
const char *speech_status (void);

/* The pieces of audio the tests' WAV file has been given so far (0 when
   the voice is not started): a headless script waits for them. */
unsigned long speech_pieces (void);

/* Whether FRAME can be heard in LANGUAGE: the language has a voice, or
   a recorded clip says some of the screen (else the person sees the "no
   voice" mark, not a Listen button that would say nothing). */
bool speech_can_say (const struct speech_settings *settings, const struct frame *frame,
                     const char *language);

/* How many recorded clips LANGUAGE has (0 with speech off: they are not
   looked at then). */
size_t speech_clip_count (const struct speech_settings *settings, const char *language);

/* Whether the voice was started and speaks. */
bool speech_started (void);

/* Lets go of the engine at exit. */
void speech_release (void);

#endif /* SAFEJOB_SPEECH_H */
