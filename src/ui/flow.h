/* flow.h -- the kiosk's navigation, with no terminal: input (keys, taps, the
   wheel) becomes an action on the screen in front of the person, and the
   screen changes the state; a second without input moves screens that tick,
   asks "still there?" and resets an idle session. ui.c feeds it from a
   terminal, headless.c from a script; both show what flow_render lays out. */
#ifndef SAFEJOB_FLOW_H
#define SAFEJOB_FLOW_H

#include <stdbool.h>
#include <wchar.h>
#include "app.h"
#include "frame.h"
#include "layout.h"

/* The keys that mean something besides characters. */
enum input_key
{
  IN_UP, IN_DOWN, IN_LEFT, IN_RIGHT, IN_PAGE_UP, IN_PAGE_DOWN, IN_HOME, IN_END,
  IN_ENTER, IN_BACKSPACE, IN_F1, IN_F2, IN_F3, IN_F5, IN_F6, IN_F12, IN_OTHER
};

enum input_kind
{
  INPUT_KEY,          /* a function key: .key */
  INPUT_CHAR,         /* a character, control characters included: .c */
  INPUT_TAP,          /* a click or a tap, released at (.row, .col) */
  INPUT_WHEEL_UP,
  INPUT_WHEEL_DOWN,
  INPUT_NOTHING,      /* input that means nothing (a press before its release) */
};

struct input
{
  enum input_kind kind;
  enum input_key key;
  wint_t c;
  int row, col;
};

struct flow
{
  struct app *app;
  struct frame frame;          /* the screen on show */
  struct canvas canvas;        /* as laid out, with its touch targets */
  bool too_small;
  double last_input;           /* for the idle reset */
  double chord_started;        /* Ctrl-X of the staff chord */
  /* The input guard (app.h): when the screen last changed, and the run of
     one key (a key held down repeats) that the last input belongs to. */
  double changed_at;
  bool new_screen;             /* since the terminal last painted one whole */
  uint64_t words;              /* frame_words_hash of the screen on show */
  char words_language[16];     /* the language its words are in */
  struct input last;
  double last_at, run_started;
};

/* Starts the flow on APP at time NOW (seconds, any clock that only moves
   forward). */
void flow_init (struct flow *flow, struct app *app, double now);

/* Frees what the flow holds; the app is the caller's. */
void flow_free (struct flow *flow);

/* Builds the current screen's frame and lays it out on ROWS x COLS (the
   too-small message below 60 x 20). Returns the canvas to paint. */
const struct canvas *flow_render (struct flow *flow, int rows, int cols);

/* Acts on IN, which arrived at NOW, on the screen last rendered. */
void flow_input (struct flow *flow, struct input in, double now);

/* A second without input at NOW: screens that move on their own move, a
   person who walked away gets "still there?". Returns whether the screen
   changed. */
bool flow_tick (struct flow *flow, double now);

#endif /* SAFEJOB_FLOW_H */
