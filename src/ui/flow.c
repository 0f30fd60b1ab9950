/* flow.c -- input to actions, actions to the screens, and time. */
#include <config.h>
#include "flow.h"

#include <wctype.h>
#include "bidi.h"
#include "i18n.h"
#include "languages.h"
#include "print.h"
#include "screens.h"
#include "system.h"

enum action_kind
{
  ACT_NONE,
  ACT_UP,
  ACT_DOWN,
  ACT_PAGE_UP,
  ACT_PAGE_DOWN,
  ACT_OK,
  ACT_BACK,
  ACT_PICK,     /* choose the item in action.item */
  ACT_HELP,
  ACT_HIDE,     /* quick-hide: wipe and show the neutral screen */
  ACT_ANY,      /* a key that means nothing here, for "press any key" screens */
  ACT_TYPE,     /* type action.c into a form's field */
  ACT_ERASE,    /* erase in a form's field, or go back when it is empty */
  ACT_QUIT,
  ACT_NUMBERS,    /* the contacts at once */
  ACT_START_OVER, /* erase and start again, once confirmed */
  ACT_LISTEN,     /* speak the screen (again) */
  ACT_SILENCE,    /* stop speaking */
};

struct action
{
  enum action_kind kind;
  size_t item;
  wint_t c;
};

/* The keys, function keys and characters apart. */
static const struct binding
{
  enum input_kind kind;    /* INPUT_KEY or INPUT_CHAR */
  wint_t key;              /* an enum input_key, or a character */
  enum action_kind action;
} bindings[] = {
  { INPUT_KEY, IN_UP, ACT_UP },
  { INPUT_KEY, IN_DOWN, ACT_DOWN },
  { INPUT_KEY, IN_PAGE_UP, ACT_PAGE_UP },
  { INPUT_KEY, IN_PAGE_DOWN, ACT_PAGE_DOWN },
  { INPUT_KEY, IN_LEFT, ACT_BACK },
  { INPUT_KEY, IN_ENTER, ACT_OK },
  { INPUT_KEY, IN_BACKSPACE, ACT_BACK },
  { INPUT_KEY, IN_F1, ACT_HELP },
  { INPUT_KEY, IN_F12, ACT_HIDE },
  { INPUT_KEY, IN_F2, ACT_NUMBERS },
  { INPUT_KEY, IN_F3, ACT_START_OVER },
  { INPUT_KEY, IN_F5, ACT_LISTEN },
  { INPUT_KEY, IN_F6, ACT_SILENCE },
  { INPUT_CHAR, L'\r', ACT_OK },
  { INPUT_CHAR, L'\n', ACT_OK },
  { INPUT_CHAR, L' ', ACT_OK },
  { INPUT_CHAR, 27, ACT_BACK },       /* Esc */
  { INPUT_CHAR, 127, ACT_BACK },      /* Backspace on most terminals */
  { INPUT_CHAR, 8, ACT_BACK },        /* Ctrl-H */
  { INPUT_CHAR, L'?', ACT_HELP },
};

/* Ctrl-X, Ctrl-S: two control keys in a row, which nobody presses by
   chance and which no touch screen sends. */
enum { STAFF_CHORD_FIRST = 0x18, STAFF_CHORD_SECOND = 0x13 };
static const double STAFF_CHORD_SECONDS = 2;
/* A key that comes again within this long is held down (keyboards repeat
   every 30 to 100 ms after a first delay of 250 to 660 ms), not pressed
   again. */
static const double KEY_RUN_GAP = 0.25;

static long screen_key (const struct session *s);

static const struct screen *
current (const struct flow *flow)
{
  return screens[flow->app->session.screen];
}

void
flow_init (struct flow *flow, struct app *app, double now)
{
  *flow = (struct flow) { .app = app, .last_input = now, .chord_started = -1e9,
                          .changed_at = -1e9, .last_at = -1e9, .run_started = -1e9 };
  frame_reset (&flow->frame);
  app->now = now;
}

void
flow_free (struct flow *flow)
{
  frame_free (&flow->frame);
  canvas_free (&flow->canvas);
  print_release ();    /* the fonts a printed slip loaded */
  speech_release ();   /* the voice: a WAV file gets what was queued */
}

const struct canvas *
flow_render (struct flow *flow, int rows, int cols)
{
  struct app *app = flow->app;
  struct session *s = &app->session;
  struct frame *frame = &flow->frame;

  frame_reset (frame);
  frame->reorder = !app->terminal_bidi;
  frame->rtl = frame->reorder && bidi_language_is_rtl (i18n_current ());
  /* The neutral screen Hide shows fits any window: it is never held back
     by a request for a larger one. */
  flow->too_small = (rows < SCREEN_MIN_ROWS || cols < SCREEN_MIN_COLS)
                    && s->screen != SCREEN_NEUTRAL;
  if (flow->too_small)
    build_too_small (frame, rows, cols);
  /* The title, buttons and marks are laid out in the screen's language
     too, and in its direction (the picker keeps its own: screen_language.c). */
  const char *words_in = flow->too_small || !current (flow)->words_language
                      ? NULL : current (flow)->words_language (app);
  char session_language[16];
  snprintf (session_language, sizeof session_language, "%s", i18n_current ());
  if (words_in)
    {
      i18n_use (words_in);
      frame->rtl = frame->reorder && bidi_language_is_rtl (words_in);
    }
  if (!flow->too_small)
    {
      frame->selected = s->selected;
      frame->scroll = s->scroll;
      frame->window_rows = rows;
      frame->window_cols = cols;
      current (flow)->build (app, frame);
    }
  /* Speech on: the Listen button, or the mark of a screen that cannot be
     heard (no voice for the language, and no recorded clip of it). */
  if (app->speech.mode != SPEECH_OFF && frame->footer && !flow->too_small)
    frame->listen = speech_can_say (&app->speech, frame,
                                    words_in ? words_in : session_language)
                      ? LISTEN_VOICE : LISTEN_NO_VOICE;
  layout_frame (frame, rows, cols, &flow->canvas);
  uint64_t words = frame_words_hash (frame);
  /* The second renderer: the voice, in the language of the words. */
  if (!flow->too_small)
    speech_render (&app->spoken, &app->speech, screen_key (s), words, frame, &flow->canvas,
                   words_in ? words_in : session_language);
  if (words_in)
    i18n_use (session_language);
  /* New words above or below the list (the picker's line in the language
     highlighted, a contact's note, the attract screen's next language)
     are painted whole by a terminal that shapes text itself, as a new
     screen is: it leaves the old words' marks otherwise (ui.c). */
  if (words != flow->words)
    flow->new_screen = true;
  flow->words = words;
  snprintf (flow->words_language, sizeof flow->words_language, "%s",
            words_in ? words_in : session_language);
  if (!flow->too_small)
    {
      /* The next key moves from what is on screen, not from past an end. */
      if (flow->canvas.text_rows > 0)
        s->scroll = flow->canvas.scroll;
      else
        s->scroll = (int) flow->canvas.list_first;
      /* For the usage figures: a code was on screen to be scanned. */
      s->saw_qr |= flow->canvas.has_code;
    }
  return &flow->canvas;
}

static struct action
tap_action (const struct flow *flow, int row, int col)
{
  int hit = canvas_hit (&flow->canvas, row, col);
  switch (hit)
    {
    case TARGET_BACK:
      return (struct action) { ACT_BACK, 0, 0 };
    case TARGET_HELP:
      return (struct action) { ACT_HELP, 0, 0 };
    case TARGET_HIDE:
      return (struct action) { ACT_HIDE, 0, 0 };
    case TARGET_SCROLL_UP:
      return (struct action) { ACT_PAGE_UP, 0, 0 };
    case TARGET_SCROLL_DOWN:
      return (struct action) { ACT_PAGE_DOWN, 0, 0 };
    case TARGET_NUMBERS:
      return (struct action) { ACT_NUMBERS, 0, 0 };
    case TARGET_LISTEN:
      return (struct action) { ACT_LISTEN, 0, 0 };
    case TARGET_START_OVER:
      return (struct action) { ACT_START_OVER, 0, 0 };
    default:
      if (hit >= 0)
        return (struct action) { ACT_PICK, (size_t) hit, 0 };
      return (struct action) { ACT_NONE, 0, 0 };
    }
}

static bool
in_field (const struct frame *frame)
{
  return frame->selected < frame->item_count && frame->items[frame->selected].field;
}

static struct action
to_action (const struct flow *flow, struct input in)
{
  bool is_char = in.kind == INPUT_CHAR;
  wint_t c = in.c;

  switch (in.kind)
    {
    case INPUT_TAP:
      return tap_action (flow, in.row, in.col);
    case INPUT_WHEEL_UP:
      return (struct action) { ACT_UP, 0, 0 };
    case INPUT_WHEEL_DOWN:
      return (struct action) { ACT_DOWN, 0, 0 };
    case INPUT_NOTHING:
      return (struct action) { ACT_NONE, 0, 0 };
    case INPUT_KEY:
    case INPUT_CHAR:
    default:
      break;
    }
  /* In a form's field, characters (digits included) are text, and
     Backspace erases. */
  if (in_field (&flow->frame))
    {
      if (is_char && c >= L' ' && c != 127 && iswprint (c))
        return (struct action) { ACT_TYPE, 0, c };
      if ((!is_char && in.key == IN_BACKSPACE) || (is_char && (c == 127 || c == 8)))
        return (struct action) { ACT_ERASE, 0, 0 };
    }
  /* Ctrl-C ends a developer's run; a kiosk ignores it. */
  if (is_char && c == 3)
    return (struct action) { flow->app->kiosk_mode ? ACT_NONE : ACT_QUIT, 0, 0 };
  /* Ctrl-Z and Ctrl-\ (suspend, quit) do nothing, not even "any key". */
  if (is_char && (c == 26 || c == 28))
    return (struct action) { ACT_NONE, 0, 0 };
  if (is_char && c >= L'1' && c <= L'9')
    return (struct action) { ACT_PICK, (size_t) (c - L'1'), 0 };
  for (size_t i = 0; i < ARRAY_SIZE (bindings); i++)
    if (bindings[i].kind == in.kind && bindings[i].key == (is_char ? c : (wint_t) in.key))
      return (struct action) { bindings[i].action, 0, 0 };
  return (struct action) { ACT_ANY, 0, 0 };
}

/* Moves the text when TEXT is true and there is one, else the highlight,
   by DELTA lines or items. */
static void
move_by (struct flow *flow, int delta, bool text)
{
  struct session *s = &flow->app->session;
  const struct canvas *canvas = &flow->canvas;
  size_t items = flow->frame.item_count;

  if (text && canvas->text_rows > 0)
    {
      int to = canvas->scroll + delta;
      s->scroll = to < 0 ? 0 : to > canvas->scroll_max ? canvas->scroll_max : to;
    }
  else if (delta < 0)
    s->selected = s->selected > (size_t) -delta ? s->selected - (size_t) -delta : 0;
  else if (items > 0)
    s->selected = s->selected + (size_t) delta < items ? s->selected + (size_t) delta : items - 1;
}

/* Shows the list's next page (FORWARD) or the one before, with its first
   item highlighted; at an end, highlights the item there. */
static void
page_list (struct flow *flow, bool forward)
{
  struct session *s = &flow->app->session;
  const struct canvas *c = &flow->canvas;
  size_t items = flow->frame.item_count;

  if (items == 0)
    return;
  if (forward && c->list_next > c->list_first)
    s->scroll = (int) (s->selected = c->list_next);
  else if (!forward && c->list_first > 0)
    s->scroll = (int) (s->selected = c->list_prev);
  else
    s->selected = forward ? items - 1 : 0;
}

static void
choose (struct flow *flow, size_t item)
{
  current (flow)->choose (flow->app, frame_item_value (&flow->frame, item));
}

static void
apply (struct flow *flow, struct action action)
{
  struct app *app = flow->app;
  struct session *s = &app->session;
  const struct frame *frame = &flow->frame;
  const struct screen *screen = current (flow);
  /* A page is what is on screen less one line (or item), which stays in
     view to read on from: paging never jumps over a line. */
  int text_page = flow->canvas.text_rows > 1 ? flow->canvas.text_rows - 1 : 1;
  bool text = flow->canvas.text_rows > 0;

  /* Quick-hide works everywhere, at once. */
  if (action.kind == ACT_HIDE)
    {
      app_reset (app);
      if (!app->out_of_service)
        session_show (s, SCREEN_NEUTRAL);
      return;
    }
  if (action.kind == ACT_QUIT)
    {
      app->quit = true;
      return;
    }
  /* "Touch the screen or press any key": anything but a mouse press. */
  if (frame->any_key)
    {
      if (action.kind != ACT_NONE)
        choose (flow, 0);
      return;
    }

  switch (action.kind)
    {
    case ACT_HELP:
      if (s->screen != SCREEN_HELP)
        session_overlay (s, SCREEN_HELP);
      break;
    case ACT_NUMBERS:
      if (frame->numbers_button)
        screen_numbers_now (app);
      break;
    case ACT_START_OVER:
      if (frame->start_over_button)
        session_overlay (s, SCREEN_START_OVER);
      break;
    case ACT_LISTEN:
      speech_repeat (&app->spoken);
      break;
    case ACT_SILENCE:
      speech_silence (&app->speech);
      break;
    case ACT_UP:
      /* With a text above a list, Up and the wheel go back up the list,
         then up the text; Down reads the text to its end, then goes down
         the list: either alone reaches every line and every choice. */
      if (text && !frame->arrows_scroll && s->selected == 0)
        move_by (flow, -1, true);
      else
        move_by (flow, -1, frame->arrows_scroll);
      break;
    case ACT_DOWN:
      if (text && !frame->arrows_scroll && flow->canvas.scroll < flow->canvas.scroll_max)
        move_by (flow, 1, true);
      else
        move_by (flow, 1, frame->arrows_scroll);
      break;
    case ACT_PAGE_UP:
      if (text)
        move_by (flow, -text_page, true);
      else
        page_list (flow, false);
      break;
    case ACT_PAGE_DOWN:
      if (text)
        move_by (flow, text_page, true);
      else
        page_list (flow, true);
      break;
    case ACT_OK:
      if (s->selected < frame->item_count)
        choose (flow, s->selected);
      break;
    case ACT_PICK:
      if (action.item < frame->item_count)
        {
          s->selected = action.item;
          /* A tap on a form's field puts the typing there. */
          if (!frame->items[action.item].field)
            choose (flow, action.item);
        }
      break;
    case ACT_TYPE:
      if (screen->type)
        screen->type (app, action.c);
      break;
    case ACT_ERASE:
      if (!screen->type || !screen->type (app, 0))
        screen->back (app);
      break;
    case ACT_BACK:
      screen->back (app);
      break;
    case ACT_NONE:
    case ACT_ANY:
    case ACT_HIDE:
    case ACT_QUIT:
    default:
      break;
    }
}

/* What the person sees as one screen: a new one of these is a new screen,
   a moved highlight or scrolled text is not. */
static long
screen_key (const struct session *s)
{
  return ((long) s->screen * CHECKLIST_MAX_QUESTIONS + (long) s->question) * 1024
         + (long) s->article;
}

static bool
same_input (struct input a, struct input b)
{
  return a.kind == b.kind && (a.kind != INPUT_KEY || a.key == b.key)
         && (a.kind != INPUT_CHAR || a.c == b.c);
}

/* Whether ACTION, from IN at NOW, comes too soon after the screen changed:
   within the guard time, or as a key still held down since before it. Hide
   is never held back. */
static bool
too_soon (struct flow *flow, struct input in, struct action action, double now)
{
  bool run = same_input (in, flow->last) && now - flow->last_at < KEY_RUN_GAP;
  if (!run)
    flow->run_started = now;
  flow->last = in;
  flow->last_at = now;
  if (flow->app->input_guard <= 0 || action.kind == ACT_HIDE || action.kind == ACT_QUIT
      || action.kind == ACT_NONE)
    return false;
  return now - flow->changed_at < flow->app->input_guard || flow->run_started <= flow->changed_at;
}

void
flow_input (struct flow *flow, struct input in, double now)
{
  flow->app->now = now;
  flow->last_input = now;
  /* The staff key chord: Ctrl-X, then Ctrl-S within two seconds. */
  if (in.kind == INPUT_CHAR && in.c == STAFF_CHORD_FIRST)
    {
      flow->chord_started = now;
      return;
    }
  if (in.kind == INPUT_CHAR && in.c == STAFF_CHORD_SECOND
      && now - flow->chord_started < STAFF_CHORD_SECONDS)
    {
      screen_open_staff (flow->app);
      return;
    }
  struct action action = to_action (flow, in);
  if (too_soon (flow, in, action, now))
    return;
  /* A window too small to show the flow still quits and hides. */
  if (flow->too_small && action.kind != ACT_QUIT && action.kind != ACT_HIDE)
    return;
  long before = screen_key (&flow->app->session);
  apply (flow, action);
  if (screen_key (&flow->app->session) != before)
    {
      flow->changed_at = now;
      flow->new_screen = true;
    }
}

/* True when the person has been away long enough to be asked. */
static bool
idle_expired (const struct flow *flow, double now)
{
  const struct app *app = flow->app;
  enum screen_id screen = app->session.screen;
  return app->idle_seconds > 0 && now - flow->last_input >= app->idle_seconds
         && screen != SCREEN_ATTRACT && screen != SCREEN_NEUTRAL
         && screen != SCREEN_STILL_THERE && screen != SCREEN_OUT_OF_SERVICE;
}

bool
flow_tick (struct flow *flow, double now)
{
  struct app *app = flow->app;
  bool changed = false;

  app->now = now;
  long before = screen_key (&app->session);
  if (current (flow)->tick)
    changed = current (flow)->tick (app);
  if (idle_expired (flow, now))
    {
      /* A PIN prompt left alone is closed first (its digits wiped): "still
         there?" then asks over the person's own screen, and Back from the
         prompt cannot come back to the prompt. */
      if (app->session.screen == SCREEN_PIN)
        current (flow)->back (app);
      session_overlay (&app->session, SCREEN_STILL_THERE);
      app->session.countdown = app->idle_countdown;
      changed = true;
    }
  /* A screen that changed by itself ("still there?", the reset after it)
     is as new to the person as one they chose. */
  if (screen_key (&app->session) != before)
    {
      flow->changed_at = now;
      flow->new_screen = true;
    }
  return changed;
}
