/* ui.c -- owns the terminal: opens and restores it, reads keys, mouse clicks
   and resizes, hands them to the flow, and paints what it lays out. Screens
   never read input themselves. */
#include <config.h>
#include "ui.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>
#include <curses.h>
#include <term.h>
#include "draw.h"
#include "flow.h"
#include "i18n.h"
#include "languages.h"
#include "system.h"

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

/* What a program killed by a fault writes to leave the terminal usable
   (the main screen, the cursor, no mouse reports, its modes): made when the
   terminal opens, as a signal handler may do no more than write it. */
static char restore_bytes[256];
static size_t restore_length;
static struct termios saved_modes;
static bool have_saved_modes;

static void
add_restore (const char *bytes)
{
  if (bytes && bytes != (const char *) -1 && restore_length + strlen (bytes) < sizeof restore_bytes)
    {
      memcpy (restore_bytes + restore_length, bytes, strlen (bytes));
      restore_length += strlen (bytes);
    }
}

static void
prepare_restore (void)
{
  restore_length = 0;
  add_restore (tigetstr ("sgr0"));
  /* Mouse reports off: terminfo's XM with 0, as ncurses itself does. */
  char *mouse = tigetstr ("XM");
  if (mouse && mouse != (char *) -1)
    add_restore (tiparm (mouse, 0));
  add_restore (tigetstr ("cnorm"));
  add_restore (tigetstr ("rmcup"));
}

/* A crash (SIGSEGV...), an abort, a sanitizer's report: the terminal is
   put back, then the signal does what it would have done (a core dump, its
   exit status for systemd to restart the kiosk). */
static void
on_fault (int sig)
{
  if (restore_length && write (STDOUT_FILENO, restore_bytes, restore_length) < 0)
    restore_length = 0;
  if (have_saved_modes)
    tcsetattr (STDIN_FILENO, TCSANOW, &saved_modes);
  if (sig)
    raise (sig);    /* SA_RESETHAND: its own action this time */
}

/* The sanitizers end a program with _exit after their report, unless it
   asks to be called first (a weak reference: absent, no sanitizer). */
extern void __sanitizer_set_death_callback (void (*callback) (void)) __attribute__ ((weak));

static void
on_sanitizer_death (void)
{
  on_fault (0);
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
  static const int faults[] = { SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT, SIGTRAP, SIGSYS };
  sa.sa_handler = on_fault;
  sa.sa_flags = SA_RESETHAND | SA_NODEFER;
  for (size_t i = 0; i < ARRAY_SIZE (faults); i++)
    sigaction (faults[i], &sa, NULL);
  if (__sanitizer_set_death_callback)
    __sanitizer_set_death_callback (on_sanitizer_death);
}

/* The keys curses reports that mean something here. */
static const struct
{
  int curses_key;
  enum input_key key;
} function_keys[] = {
  { KEY_UP, IN_UP }, { KEY_DOWN, IN_DOWN }, { KEY_LEFT, IN_LEFT }, { KEY_RIGHT, IN_RIGHT },
  { KEY_PPAGE, IN_PAGE_UP }, { KEY_NPAGE, IN_PAGE_DOWN }, { KEY_HOME, IN_HOME },
  { KEY_END, IN_END }, { KEY_ENTER, IN_ENTER }, { KEY_BACKSPACE, IN_BACKSPACE },
  { KEY_F (1), IN_F1 }, { KEY_F (2), IN_F2 }, { KEY_F (3), IN_F3 },
  { KEY_F (5), IN_F5 }, { KEY_F (6), IN_F6 }, { KEY_F (12), IN_F12 },
};

/* Whether each new screen is painted whole on a cleared terminal: one that
   shapes and reorders text itself (mlterm, bidi = terminal) lays glyphs out
   in cells other than those curses counts, so that blanks curses believes
   it wrote can leave an earlier screen's words (a previous person's
   language) or push a QR code's rows apart. Other terminals get only the
   cells that changed. */
static bool repaint_screens;

/* mlterm shapes text with HarfBuzz, but finds the script of a run itself
   only for Arabic, Hebrew and the Indic scripts from Devanagari to
   Malayalam (mlterm 3.9.0, uitoolkit/libotl/hb.c); every other run is
   shaped as the script its 'ot_script' setting names, Latin unless set.
   Burmese and Khmer shaped as Latin show their vowel signs after the
   consonant instead of before it, and Sinhala's too. So mlterm ($MLTERM
   set) is told (its own OSC 5379, which no other terminal gets: the Linux
   console would print it) the script of the language each screen's words
   are in. */
static char terminal_script[8];
static bool terminal_is_mlterm;   /* the sequence is mlterm's own: no other gets it */

/* Whether mlterm shapes SCRIPT right without being told. */
static bool
script_found_by_terminal (const char *script)
{
  static const char *const found[] = { "Latn", "Cyrl", "Hans", "Deva", "Beng", "Arab" };
  for (size_t i = 0; i < ARRAY_SIZE (found); i++)
    if (strcmp (script, found[i]) == 0)
      return true;
  return false;
}

/* The script to tell the terminal for FRAME, whose words are in LANGUAGE.
   A screen that names every language in its own script (the picker, out
   of service) in a language the terminal shapes anyway is shaped as
   Burmese, or else Khmer, if offered: their names are the two that need
   it (a sign drawn before the consonant it follows). */
static const char *
script_for (const struct frame *frame, const char *language)
{
  const char *script = languages_script (language);
  if (!frame->names_languages || !script_found_by_terminal (script))
    return script;
  static const char *const names_need[] = { "Mymr", "Khmr" };
  for (size_t n = 0; n < ARRAY_SIZE (names_need); n++)
    for (size_t i = 0; i < languages_count (); i++)
      if (strcmp (languages_get (i)->script, names_need[n]) == 0)
        return names_need[n];
  return script;
}

/* Tells the terminal to shape text as SCRIPT; true when that changed. */
static bool
tell_terminal_script (const char *script)
{
  if (strcmp (script, terminal_script) == 0)
    return false;
  snprintf (terminal_script, sizeof terminal_script, "%s", script);
  printf ("\033]5379;ot_script=%s\007", script);
  fflush (stdout);
  return true;
}

static void
redraw (struct flow *flow)
{
  int rows, cols;
  getmaxyx (stdscr, rows, cols);
  draw_canvas (flow_render (flow, rows, cols));
  /* A new script is applied to what is drawn after it: the whole screen. */
  if (terminal_is_mlterm
      && tell_terminal_script (script_for (&flow->frame, flow->words_language)))
    flow->new_screen = true;
  bool whole = flow->new_screen && repaint_screens;
  flow->new_screen = false;
  if (whole)
    clearok (curscr, TRUE);
  refresh ();
  /* And mlterm draws glyphs past their cells, which its own updates never
     erase: xterm's "refresh the window" (XTWINOPS 7) repaints every pixel. */
  if (whole)
    {
      putp ("\033[7t");
      fflush (stdout);
    }
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

/* What a mouse event means: a tap acts on its release, so a long press
   still counts and a drag off the target does not. */
static struct input
mouse_input (void)
{
  struct input in = { .kind = INPUT_NOTHING };
  MEVENT event;

  if (getmouse (&event) != OK)
    return in;
  if (event.bstate & (BUTTON1_RELEASED | BUTTON1_CLICKED))
    in = (struct input) { .kind = INPUT_TAP, .row = event.y, .col = event.x };
  else if (event.bstate & BUTTON4_PRESSED)
    in.kind = INPUT_WHEEL_UP;
#ifdef BUTTON5_PRESSED
  else if (event.bstate & BUTTON5_PRESSED)
    in.kind = INPUT_WHEEL_DOWN;
#endif
  return in;
}

/* What get_wch read, as input for the flow. */
static struct input
to_input (int status, wint_t key)
{
  if (status == OK)
    return (struct input) { .kind = INPUT_CHAR, .c = key };
  if (key == KEY_MOUSE)
    return mouse_input ();
  for (size_t i = 0; i < ARRAY_SIZE (function_keys); i++)
    if (function_keys[i].curses_key == (int) key)
      return (struct input) { .kind = INPUT_KEY, .key = function_keys[i].key };
  return (struct input) { .kind = INPUT_KEY, .key = IN_OTHER };
}

int
ui_run (struct app *app)
{
  const char *term = getenv ("TERM");
  SCREEN *screen;

  if (!term || !*term)
    {
      fprintf (stderr, _("%s: TERM is not set; set it to your terminal's type, "
                         "for example TERM=xterm-256color\n"), PACKAGE);
      return -1;
    }
  have_saved_modes = tcgetattr (STDIN_FILENO, &saved_modes) == 0;
  screen = newterm (NULL, stdout, stdin);
  if (!screen)
    {
      fprintf (stderr, _("%s: cannot use the terminal type '%s'\n"), PACKAGE, term);
      return -1;
    }
  set_term (screen);
  prepare_restore ();
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
  /* mlterm says so in its environment, whatever TERM it sets. */
  terminal_is_mlterm = getenv ("MLTERM") != NULL;
  repaint_screens = app->terminal_bidi || terminal_is_mlterm;

  /* The ping is a UTF-8 character: a terminal in another character set
     cannot send it whole. */
  test_sync = getenv ("SAFEJOB_TEST_SYNC") != NULL && i18n_is_utf8 ();
  struct flow flow;
  flow_init (&flow, app, app_clock ());
  bool dirty = true;
  while (!app->quit && !stop_requested)
    {
      wint_t key;
      int status;

      if (dirty)
        {
          redraw (&flow);
          /* A session that ended is counted once the next screen shows. */
          app_save_figures (app);
          /* The first frame says the program answers pings. */
          if (test_sync && test_pongs == 0)
            answer_test_ping ();
        }
      status = get_wch (&key);
      dirty = status != ERR;
      if (status == ERR)
        {
          /* A second without input. */
          dirty = flow_tick (&flow, app_clock ());
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
      if (status == OK && key == 27 && swallow_escape_sequence ())
        {
          /* Still input: the idle time starts again. */
          flow_input (&flow, (struct input) { .kind = INPUT_NOTHING }, app_clock ());
          continue;
        }
      flow_input (&flow, to_input (status, key), app_clock ());
    }
  flow_free (&flow);

  /* The terminal may be a person's own: its script back to mlterm's default. */
  if (terminal_script[0])
    tell_terminal_script ("Latn");
  endwin ();
  delscreen (screen);
  return 0;
}
