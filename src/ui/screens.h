/* screens.h -- the kiosk's screens. Each builds a frame from the state of the
   application and says what choosing one of its items, going back, typing
   and a second without input do to that state. None of them paints or reads
   a key: flow.c turns input into these calls, layout.c and a renderer show
   the frame. To add a screen: an id in session.h, a file with its functions,
   and its line in the table in screens.c (see HACKING.md). */
#ifndef SAFEJOB_SCREENS_H
#define SAFEJOB_SCREENS_H

#include <stdbool.h>
#include <stddef.h>
#include <wchar.h>
#include "app.h"
#include "frame.h"

struct screen
{
  /* Fills FRAME (reset, with the session's highlight and scroll set) with
     what the screen shows. Never changes APP. */
  void (*build) (const struct app *app, struct frame *frame);
  /* The person chose the item whose value is VALUE. */
  void (*choose) (struct app *app, int value);
  /* Back (Esc, Backspace, the Back button). */
  void (*back) (struct app *app);
  /* Forms: types C into the highlighted field, or erases its last
     character when C is 0; returns whether anything changed (false: an
     empty field, so Backspace goes back). NULL on screens without fields. */
  bool (*type) (struct app *app, wint_t c);
  /* A second without input; returns whether the screen changed. NULL:
     nothing moves on its own. */
  bool (*tick) (struct app *app);
  /* The language the screen's words are in, when not the session's (the
     picker speaks the language highlighted). NULL: the session's. */
  const char *(*words_language) (const struct app *app);
};

/* Every screen, indexed by enum screen_id: the table in screens.c has a
   line for each, and a unit test checks none is missing. */
extern const struct screen *const screens[SCREEN_COUNT];

/* Each screen's file defines its own. */
extern const struct screen screen_attract, screen_neutral, screen_help, screen_still_there,
  screen_language, screen_offer, screen_question, screen_result, screen_nationality,
  screen_destination, screen_contacts, screen_articles, screen_article,
  screen_out_of_service, screen_pin, screen_staff, screen_staff_page, screen_start_over,
  screen_review, screen_code;

/* The smallest window the flow is laid out for; below it the kiosk asks for
   a larger window and waits. */
enum { SCREEN_MIN_ROWS = 20, SCREEN_MIN_COLS = 60 };

/* Shows the too-small message for a window of ROWS x COLS. */
void build_too_small (struct frame *frame, int rows, int cols);

/* The staff key chord: asks for the PIN (or opens the menu if it is open).
   Does nothing when no staff PIN is set. */
void screen_open_staff (struct app *app);

/* Frames shared by the screens: the title bar, the bottom bar with Back
   when the person can go back, and the usual key hints. */
void screen_frame (const struct app *app, struct frame *frame, const char *title, bool back);

/* Shows question INDEX with its earlier answer, if any, highlighted. */
void screen_show_question (struct app *app, size_t index);

/* On the language picker, highlights the language in use (the session's,
   counted among those the terminal can show). */
void screen_highlight_language (struct app *app);
/* The code of the language at POSITION in the picker's list, or NULL. */
const char *screen_language_at (size_t position);

/* "Numbers now": the nationality screen from wherever the person is, the
   kiosk's default highlighted; Back from it returns there. */
void screen_numbers_now (struct app *app);

/* Shows the nationality screen, the kiosk's default highlighted. */
void screen_show_countries (struct app *app);

/* Shows the destination screen again, the destination chosen highlighted
   (Back from the contacts). */
void screen_show_destination_chosen (struct app *app);

/* Shows every answer given, before the result: "see my result"
   highlighted, or, back from changing the answer to QUESTION, that one. */
void screen_show_review (struct app *app, size_t question);

/* Shows the result; in office mode, first looks up the offer's history. */
void screen_show_result (struct app *app);

/* The frames printed on paper (print.h), in the current language: the
   numbers to save with their notes, sources and codes, and the result.
   PAPER has been reset. */
void screen_contacts_paper (const struct app *app, struct frame *paper);
void screen_result_paper (const struct app *app, struct frame *paper);

#endif /* SAFEJOB_SCREENS_H */
