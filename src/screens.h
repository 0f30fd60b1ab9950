/* screens.h -- the screens of the kiosk flow. A screen draws the session and
   turns the choice of one of its items, or "back", into a change of session;
   moving the highlight is common to all and done by ui.c. */
#ifndef SAFEJOB_SCREENS_H
#define SAFEJOB_SCREENS_H

#include <stdbool.h>
#include <stddef.h>
#include <curses.h>
#include "app.h"
#include "draw.h"

struct screen
{
  void (*draw) (struct app *app, struct view *view);
  size_t (*items) (const struct app *app);       /* choosable items on screen */
  void (*choose) (struct app *app, size_t item);
  void (*back) (struct app *app);
  /* For screens that scroll text rather than move a highlight: moves the
     view by LINES (negative: up); NULL for lists. */
  void (*scroll_by) (struct app *app, int lines);
  /* Whether the arrow keys scroll (a text to read) rather than move the
     highlight (a text with choices under it, which Page Up/Down scroll). */
  bool arrows_scroll;
  /* For forms: whether ITEM is a text field, and typing into the
     highlighted one (C is a character, or 0 to erase the last one; returns
     whether anything changed). NULL elsewhere. */
  bool (*editable) (const struct app *app, size_t item);
  bool (*type) (struct app *app, wint_t c);
  /* Called each second without input; returns whether to redraw. */
  bool (*tick) (struct app *app);
  /* Any key or tap chooses item 0 (the attract and neutral screens). */
  bool any_key;
  /* Whether the person can go back from here (a Back button is shown). */
  bool has_back;
};

extern const struct screen screen_language;
extern const struct screen screen_question;
extern const struct screen screen_result;
extern const struct screen screen_nationality;
extern const struct screen screen_destination;
extern const struct screen screen_contacts;
extern const struct screen screen_articles;
extern const struct screen screen_article;
extern const struct screen screen_offer;
extern const struct screen screen_attract;
extern const struct screen screen_neutral;
extern const struct screen screen_help;
extern const struct screen screen_still_there;
extern const struct screen screen_out_of_service;
extern const struct screen screen_pin;
extern const struct screen screen_staff;
extern const struct screen screen_staff_page;

/* The staff key chord: asks for the PIN (or opens the menu if it is open).
   Does nothing when no staff PIN is set. */
void screen_open_staff (struct app *app);

/* The screen the session is on. */
const struct screen *screen_current (const struct app *app);

/* Layout shared by the screens: the first body row and the key hints. */
enum { BODY_TOP = 2, LABEL_MAX = 512 };
void screen_frame (struct app *app, struct view *view, const char *title);
void screen_frame_hints (struct app *app, struct view *view, const char *title,
                         const char *hints);

/* Shows question INDEX with its earlier answer, if any, highlighted. */
void screen_show_question (struct app *app, size_t index);

/* Shows the nationality screen, the kiosk's default highlighted. */
void screen_show_countries (struct app *app);

/* Shows the result; in office mode, first looks up the offer's history. */
void screen_show_result (struct app *app);

#endif /* SAFEJOB_SCREENS_H */
