/* ui.c -- owns the terminal: opens and restores it, reads keys, mouse clicks
   and resizes, turns them into actions for the current screen, and redraws.
   Screens never read input themselves. */
#include <config.h>
#include "ui.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wctype.h>
#include <unistd.h>
#include <curses.h>
#include "bidi.h"
#include "draw.h"
#include "i18n.h"
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
};

struct action
{
  enum action_kind kind;
  size_t item;
  wint_t c;
};

/* Keys, as wget_wch returns them: function keys (KEY_CODE_YES) and
   characters are told apart by IS_FUNCTION. */
static const struct binding
{
  wint_t key;
  bool is_function;
  enum action_kind kind;
} bindings[] = {
  { KEY_UP, true, ACT_UP },
  { KEY_DOWN, true, ACT_DOWN },
  { KEY_PPAGE, true, ACT_PAGE_UP },
  { KEY_NPAGE, true, ACT_PAGE_DOWN },
  { KEY_LEFT, true, ACT_BACK },
  { KEY_ENTER, true, ACT_OK },
  { KEY_BACKSPACE, true, ACT_BACK },
  { L'\r', false, ACT_OK },
  { L'\n', false, ACT_OK },
  { L' ', false, ACT_OK },
  { 27, false, ACT_BACK },       /* Esc */
  { 127, false, ACT_BACK },      /* Backspace on most terminals */
  { 8, false, ACT_BACK },        /* Ctrl-H */
  { KEY_F (1), true, ACT_HELP },
  { L'?', false, ACT_HELP },
  { KEY_F (12), true, ACT_HIDE },
};

/* Ctrl-X, Ctrl-S: two control keys in a row, which nobody presses by
   chance and which no touch screen sends. */
enum { STAFF_CHORD_FIRST = 0x18, STAFF_CHORD_SECOND = 0x13 };

static volatile sig_atomic_t stop_requested;

/* Tests through a pseudo-terminal (tests/vtdrive.c) send this character,
   which no keyboard has, after their keys, when SAFEJOB_TEST_SYNC is set:
   the program answers, in the terminal's output after the frame it drew,
   with an escape sequence that terminals ignore. Keys are read in order,
   so the answer means every key before it was acted on and drawn: the test
   reads the screen then, instead of waiting for a moment of silence. */
enum { TEST_PING = 0xE000 };
static bool test_sync;
static unsigned long test_pongs;

static void
answer_test_ping (void)
{
  char pong[64];
  int n = snprintf (pong, sizeof pong, "\033]5379;%lu\007", test_pongs++);
  /* After refresh(), ncurses has written its buffer: this comes after it. */
  if (write (STDOUT_FILENO, pong, (size_t) n) != n)
    test_sync = false;
}

static void
on_terminate (int sig)
{
  (void) sig;
  stop_requested = 1;
}

/* raw mode turns Ctrl-C, Ctrl-\\ and Ctrl-Z into keys; the signals could
   still come from elsewhere. SIGTERM (systemd) and SIGHUP (the terminal
   is gone) end the program cleanly; in kiosk mode nothing else does. A
   file-size limit makes writes fail rather than kill the kiosk. */
static void
catch_signals (bool kiosk_mode)
{
  struct sigaction sa;
  memset (&sa, 0, sizeof sa);
  sa.sa_handler = on_terminate;
  sigemptyset (&sa.sa_mask);
  sigaction (SIGTERM, &sa, NULL);
  sigaction (SIGHUP, &sa, NULL);
  if (!kiosk_mode)
    sigaction (SIGINT, &sa, NULL);
  sa.sa_handler = SIG_IGN;
  if (kiosk_mode)
    sigaction (SIGINT, &sa, NULL);
  sigaction (SIGQUIT, &sa, NULL);
  sigaction (SIGTSTP, &sa, NULL);
  sigaction (SIGXFSZ, &sa, NULL);
}

static bool
too_small (const struct view *view)
{
  return view->rows < UI_MIN_ROWS || view->cols < UI_MIN_COLS;
}

static void
draw_too_small (const struct view *view)
{
  char size[128];
  int width = view->cols - 2;
  int row = view->rows / 2 - 1;

  /* TRANSLATORS: %1$d x %2$d is the smallest size, %3$d x %4$d the window's
     (columns x rows). */
  snprintf (size, sizeof size, _("It needs %1$d x %2$d; it is %3$d x %4$d."),
            UI_MIN_COLS, UI_MIN_ROWS, view->cols, view->rows);
  row = row < 0 ? 0 : row;
  row += draw_text (row, 1, width, 2, _("Please make the window larger."), A_BOLD,
                    PAIR_NORMAL);
  draw_text (row, 1, width, view->rows - row, size, A_NORMAL, PAIR_NORMAL);
}

static void
redraw (struct app *app, struct view *view)
{
  draw_set_rtl (!app->terminal_bidi && bidi_language_is_rtl (i18n_current ()));
  draw_begin (view);
  if (too_small (view))
    draw_too_small (view);
  else
    screen_current (app)->draw (app, view);
  refresh ();
}

/* After an Esc, characters already waiting are the rest of an escape
   sequence that ncurses did not know (a person cannot type that fast):
   swallow the whole sequence, or its digits would choose answers. But a
   key ncurses did recognise (F12, quick-hide, above all) or another Esc is
   a key of its own that came in the same read: it is put back, and the Esc
   counts. Returns true when a sequence was swallowed with the Esc. */
static bool
swallow_escape_sequence (void)
{
  wint_t c;
  bool any = false;
  nodelay (stdscr, TRUE);
  int status = get_wch (&c);
  if (status == KEY_CODE_YES)
    ungetch ((int) c);
  else if (status == OK && (c == 27 || (test_sync && c == TEST_PING)))
    unget_wch (c);
  else if (status == OK)
    {
      any = true;
      if (c == L'[' || c == L'O' || c == L']')
        /* CSI, SS3, OSC: parameters and intermediates up to a final byte. */
        while ((status = get_wch (&c)) == OK && !(c >= 0x40 && c <= 0x7E && c != L'['))
          if (test_sync && c == TEST_PING)
            {
              unget_wch (c);
              break;
            }
    }
  nodelay (stdscr, FALSE);
  timeout (1000);
  return any;
}

/* True when the person has been away long enough to be asked. */
static bool
idle_expired (const struct app *app, double idle)
{
  enum screen_id screen = app->session.screen;
  return app->idle_seconds > 0 && idle >= app->idle_seconds
         && screen != SCREEN_ATTRACT && screen != SCREEN_NEUTRAL
         && screen != SCREEN_STILL_THERE && screen != SCREEN_OUT_OF_SERVICE;
}

static struct action
mouse_action (const struct view *view)
{
  struct action action = { ACT_NONE, 0, 0 };
  MEVENT event;

  if (getmouse (&event) != OK)
    return action;
  /* A tap arrives as press then release: act on the release, so a long
     press still counts and a drag off the target does not. */
  if (event.bstate & (BUTTON1_RELEASED | BUTTON1_CLICKED))
    {
      int item = view_hit (view, event.y, event.x);
      if (item >= 0)
        action = (struct action) { ACT_PICK, (size_t) item, 0 };
      else if (item == TARGET_BACK)
        action.kind = ACT_BACK;
      else if (item == TARGET_HELP)
        action.kind = ACT_HELP;
      else if (item == TARGET_HIDE)
        action.kind = ACT_HIDE;
      else if (item == TARGET_SCROLL_UP)
        action.kind = ACT_PAGE_UP;
      else if (item == TARGET_SCROLL_DOWN)
        action.kind = ACT_PAGE_DOWN;
    }
  else if (event.bstate & BUTTON4_PRESSED)
    action.kind = ACT_UP;
#ifdef BUTTON5_PRESSED
  else if (event.bstate & BUTTON5_PRESSED)
    action.kind = ACT_DOWN;
#endif
  return action;
}

static struct action
key_action (const struct app *app, int status, wint_t key, const struct view *view)
{
  const struct screen *screen = screen_current (app);
  bool is_function = status == KEY_CODE_YES;
  bool in_field = screen->editable && screen->editable (app, app->session.selected);

  if (is_function && key == KEY_MOUSE)
    return mouse_action (view);
  /* In a form's field, characters (digits included) are text, and
     Backspace erases. */
  if (in_field && !is_function && key >= L' ' && key != 127 && iswprint (key))
    return (struct action) { ACT_TYPE, 0, key };
  if (in_field && ((is_function && key == KEY_BACKSPACE) || (!is_function && (key == 127 || key == 8))))
    return (struct action) { ACT_ERASE, 0, 0 };
  /* Ctrl-C ends a developer's run; a kiosk ignores it. */
  if (!is_function && key == 3)
    return (struct action) { app->kiosk_mode ? ACT_NONE : ACT_QUIT, 0, 0 };
  /* Ctrl-Z and Ctrl-\ (suspend, quit) do nothing, not even "any key". */
  if (!is_function && (key == 26 || key == 28))
    return (struct action) { ACT_NONE, 0, 0 };
  if (!is_function && key >= L'1' && key <= L'9')
    return (struct action) { ACT_PICK, (size_t) (key - L'1'), 0 };
  for (size_t i = 0; i < ARRAY_SIZE (bindings); i++)
    if (bindings[i].key == key && bindings[i].is_function == is_function)
      return (struct action) { bindings[i].kind, 0, 0 };
  return (struct action) { ACT_ANY, 0, 0 };
}

/* Moves the highlight, or the text when TEXT is true, by DELTA items or
   lines. */
static void
move_by (struct app *app, const struct screen *screen, int delta, bool text)
{
  struct session *s = &app->session;
  size_t items = screen->items (app);

  if (text && screen->scroll_by)
    screen->scroll_by (app, delta);
  else if (delta < 0)
    s->selected = s->selected > (size_t) -delta ? s->selected - (size_t) -delta : 0;
  else if (items > 0)
    s->selected = s->selected + (size_t) delta < items ? s->selected + (size_t) delta
                                                      : items - 1;
}

static void
apply (struct app *app, const struct view *view, struct action action)
{
  const struct screen *screen = screen_current (app);
  struct session *s = &app->session;
  size_t items = screen->items (app);
  /* A page is what is on screen less one line (or item), which stays in
     view to read on from: paging never jumps over a line. */
  int text_page = view->text_rows > 1 ? view->text_rows - 1 : 1;
  int list_page = view->list_items > 1 ? view->list_items - 1 : 1;

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
  if (screen->any_key)
    {
      if (action.kind != ACT_NONE)
        screen->choose (app, 0);
      return;
    }

  switch (action.kind)
    {
    case ACT_HELP:
      if (s->screen != SCREEN_HELP)
        session_overlay (s, SCREEN_HELP);
      break;
    case ACT_UP:
      move_by (app, screen, -1, screen->arrows_scroll);
      break;
    case ACT_DOWN:
      move_by (app, screen, 1, screen->arrows_scroll);
      break;
    case ACT_PAGE_UP:
      move_by (app, screen, screen->scroll_by ? -text_page : -list_page, true);
      break;
    case ACT_PAGE_DOWN:
      move_by (app, screen, screen->scroll_by ? text_page : list_page, true);
      break;
    case ACT_OK:
      if (s->selected < items)
        screen->choose (app, s->selected);
      break;
    case ACT_PICK:
      if (action.item < items)
        {
          s->selected = action.item;
          /* A tap on a form's field puts the typing there. */
          if (!(screen->editable && screen->editable (app, action.item)))
            screen->choose (app, action.item);
        }
      break;
    case ACT_TYPE:
      screen->type (app, action.c);
      break;
    case ACT_ERASE:
      if (!screen->type (app, 0))
        screen->back (app);
      break;
    case ACT_BACK:
      screen->back (app);
      break;
    case ACT_NONE:
    case ACT_ANY:
    default:
      break;
    }
}

int
ui_run (struct app *app)
{
  const char *term = getenv ("TERM");
  struct view view;
  SCREEN *screen;

  if (!term || !*term)
    {
      fprintf (stderr, _("%s: TERM is not set; set it to your terminal's type, "
                         "for example TERM=xterm-256color\n"), PACKAGE);
      return -1;
    }
  screen = newterm (NULL, stdout, stdin);
  if (!screen)
    {
      fprintf (stderr, _("%s: cannot use the terminal type '%s'\n"), PACKAGE, term);
      return -1;
    }
  set_term (screen);
  catch_signals (app->kiosk_mode);
  raw ();
  noecho ();
  nonl ();
  keypad (stdscr, TRUE);
  curs_set (0);
  set_escdelay (25);
  /* Wake every second, so that a termination signal is seen soon. */
  timeout (1000);
  mousemask (BUTTON1_PRESSED | BUTTON1_RELEASED | BUTTON1_CLICKED | BUTTON4_PRESSED
#ifdef BUTTON5_PRESSED
             | BUTTON5_PRESSED
#endif
             , NULL);
  mouseinterval (0);
  draw_init_colours ((enum draw_theme) app->theme);
  /* Right-to-left text reordered here must not be reordered again by a
     terminal that follows the terminal-wg bidi proposal: explicit mode. */
  if (!app->terminal_bidi)
    putp ("\033[8l");

  test_sync = getenv ("SAFEJOB_TEST_SYNC") != NULL;
  bool dirty = true;
  double last_input = app_clock ();
  double chord_started = -1e9;
  while (!app->quit && !stop_requested)
    {
      wint_t key;
      int status;

      if (dirty)
        {
          redraw (app, &view);
          /* The first frame says the program answers pings. */
          if (test_sync && test_pongs == 0)
            answer_test_ping ();
        }
      status = get_wch (&key);
      dirty = status != ERR;
      if (status == ERR)
        {
          /* A second without input: screens that move on their own tick,
             and a person who walked away gets "still there?". */
          const struct screen *on_screen = screen_current (app);
          if (on_screen->tick)
            dirty = on_screen->tick (app);
          if (idle_expired (app, app_clock () - last_input))
            {
              session_overlay (&app->session, SCREEN_STILL_THERE);
              app->session.countdown = app->idle_countdown;
              dirty = true;
            }
          continue;
        }
      if (status == KEY_CODE_YES && key == KEY_RESIZE)
        continue;
      if (test_sync && status == OK && key == TEST_PING)
        {
          answer_test_ping ();
          dirty = false;
          continue;
        }
      last_input = app_clock ();
      if (status == OK && key == 27 && swallow_escape_sequence ())
        continue;
      /* The staff key chord: Ctrl-X, then Ctrl-S within two seconds. */
      if (status == OK && key == STAFF_CHORD_FIRST)
        {
          chord_started = last_input;
          continue;
        }
      if (status == OK && key == STAFF_CHORD_SECOND && last_input - chord_started < 2)
        {
          screen_open_staff (app);
          continue;
        }
      struct action action = key_action (app, status, key, &view);
      if (too_small (&view) && action.kind != ACT_QUIT)
        continue;
      apply (app, &view, action);
    }

  endwin ();
  delscreen (screen);
  return 0;
}
