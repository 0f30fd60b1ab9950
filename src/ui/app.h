/* app.h -- what the screens work on: the session and the content. */
#ifndef SAFEJOB_APP_H
#define SAFEJOB_APP_H

#include <stdbool.h>
#include "content.h"
#include "pin.h"
#include "risk.h"
#include "selftest.h"
#include "session.h"
#include "speech.h"
#include "stats.h"

struct offers_log;

/* Input that comes within this long after a new screen shows is dropped:
   a second tap of a double tap, a touch screen's bounce, a key that
   repeats. A double tap's second touch comes within some 100 to 300 ms
   (desktops take up to 500 ms as one double click), while nobody reads a
   new question and chooses an answer in under 400 ms: no answer a person
   meant is lost, none they did not see is given. */
enum { APP_INPUT_GUARD_MS = 400 };

struct app
{
  struct session session;
  const struct content *content;
  bool quit;                 /* set to leave the main loop */
  double now;                /* seconds on the flow's clock, at the last input or tick */
  int idle_seconds;          /* without input, ask "still there?"; 0: never */
  double input_guard;        /* seconds after a new screen when input is dropped */
  int idle_countdown;        /* and wipe after this many more seconds */
  int theme;                 /* enum draw_theme */
  const char *default_nationality;   /* ISO codes preselected on the contacts' */
  const char *default_destination;   /* country screens, or NULL */
  bool terminal_bidi;        /* the terminal reorders right-to-left text itself */
  const char *printer;       /* the receipt printer's device or file, or NULL */
  char print_status[256];    /* how the last print went... */
  enum screen_id print_screen;       /* ...shown on this screen (contacts or result) */
  /* Anonymous usage figures, written as each session ends. */
  const char *stats_db;      /* NULL: none kept */
  int stats_keep_days;       /* older days are deleted; 0 keeps all */
  long stats_saved, stats_failed;   /* sessions since start */
  char stats_status[256];    /* why the last write failed, or "" */
  bool figures_pending;      /* a session ended; its figures are not written yet */
  struct stats_session pending_figures;
  /* Kiosk mode: the signal keys do nothing, and staff open their menu with
     a key chord and the PIN. */
  bool kiosk_mode;
  const char *staff_pin_hash;        /* NULL: no staff menu */
  const char *kiosk_id;
  struct pin_guard pin_guard;        /* wrong PINs and the lock-out... */
  const char *pin_lock_path;         /* ...kept in this file, or NULL */
  char pin_entry[PIN_MAX_DIGITS + 1];
  const char *pin_message;           /* a msgid: why the PIN was refused */
  bool staff_open;                   /* the PIN was given: the menu is open */
  int staff_page;                    /* enum staff_page on the staff's page screen */
  char *staff_text;                  /* that page's text (malloc'd), or NULL */
  char staff_status[256];            /* how the last printer test went */
  /* The start-up self-test failed: the out-of-service screen is shown. */
  bool out_of_service;
  struct selftest_paths paths;       /* what the self-test checks */
  /* Office mode: staff screen an offer and keep it in the office log. */
  bool office;
  struct offers_log *log;    /* NULL when it could not be opened */
  char log_status[512];      /* why not, or what happened to the last save */
  const char *offer_problem;         /* a msgid: why the form cannot go on */
  /* Speech: how the kiosk speaks, and what it last said of the screen. */
  struct speech_settings speech;
  struct speech_state spoken;
};

/* Ends the session: takes what the usage figures keep of it (if it went
   past the language picker), wipes it and returns to the attract screen in
   the default language: the next person must see nothing of the last one.
   The figures are written by app_save_figures, once the next screen is on
   show. */
void app_reset (struct app *app);

/* Writes the figures of the session that ended last, if not yet done. */
void app_save_figures (struct app *app);

/* Assesses the session's answers into *RESULT, with the rules of the
   kiosk's nationality (the people it serves are mostly of it). */
void app_assess (const struct app *app, struct risk_result *result);

/* Seconds on a clock that only moves forward (for idle times and the
   PIN lock-out: changing the wall clock must not shorten them). */
double app_clock (void);

/* Replaces the staff page's text with TEXT (malloc'd, or NULL). */
void app_staff_text (struct app *app, char *text);

/* Fills *OUT with what the usage figures keep of the current session;
   pointers refer to the content and the session. Returns false when the
   session is not one to count (nobody picked a language). */
struct stats_session;
bool app_session_figures (const struct app *app, struct stats_session *out);

#endif /* SAFEJOB_APP_H */
