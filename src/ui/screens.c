/* screens.c -- the table of screens, and what they share. */
#include <config.h>
#include "screens.h"

#include <stdio.h>

#include "offers_log.h"
#include "risk.h"
#include "system.h"

const struct screen *const screens[SCREEN_COUNT] = {
  [SCREEN_ATTRACT] = &screen_attract,
  [SCREEN_NEUTRAL] = &screen_neutral,
  [SCREEN_HELP] = &screen_help,
  [SCREEN_STILL_THERE] = &screen_still_there,
  [SCREEN_LANGUAGE] = &screen_language,
  [SCREEN_OFFER] = &screen_offer,
  [SCREEN_QUESTION] = &screen_question,
  [SCREEN_RESULT] = &screen_result,
  [SCREEN_NATIONALITY] = &screen_nationality,
  [SCREEN_DESTINATION] = &screen_destination,
  [SCREEN_CONTACTS] = &screen_contacts,
  [SCREEN_ARTICLES] = &screen_articles,
  [SCREEN_ARTICLE] = &screen_article,
  [SCREEN_OUT_OF_SERVICE] = &screen_out_of_service,
  [SCREEN_PIN] = &screen_pin,
  [SCREEN_STAFF] = &screen_staff,
  [SCREEN_STAFF_PAGE] = &screen_staff_page,
  [SCREEN_START_OVER] = &screen_start_over,
  [SCREEN_REVIEW] = &screen_review,
  [SCREEN_CODE] = &screen_code,
};

void
screen_frame (const struct app *app, struct frame *frame, const char *title, bool back)
{
  (void) app;
  frame->title = title;
  frame->footer = true;
  frame->back = back;
  frame->numbers_button = true;
  frame->start_over_button = true;
  /* Symbols, not words: the arrows, the Enter key's return arrow (printed
     on most Enter keys) and the digits read the same in every language,
     where an English key name would not (issue 17). */
  frame->hints = "\xE2\x86\x91\xE2\x86\x93 \xE2\x86\xB5  1-9";
}

void
build_too_small (struct frame *frame, int rows, int cols)
{
  frame->top = rows / 2 - 1 > 0 ? rows / 2 - 1 : 0;
  frame->margin = 1;
  frame_lead (frame, _("Please make the window larger."), STYLE_STRONG, 2, 0);
  /* TRANSLATORS: %1$d x %2$d is the smallest size, %3$d x %4$d the window's
     (columns x rows). */
  frame_lead (frame, frame_printf (frame, _("It needs %1$d x %2$d; it is %3$d x %4$d."),
                                   SCREEN_MIN_COLS, SCREEN_MIN_ROWS, cols, rows),
              STYLE_NORMAL, 0, 0);
}

void
screen_show_question (struct app *app, size_t index)
{
  struct session *s = &app->session;
  session_show (s, SCREEN_QUESTION);
  s->question = index;
  if (s->answers[index] != CHECKLIST_UNANSWERED)
    s->selected = (size_t) s->answers[index];
}

void
screen_show_result (struct app *app)
{
  struct session *s = &app->session;
  session_show (s, SCREEN_RESULT);
  s->earlier_count = 0;
  if (app->office && app->log)
    {
      char err[256];
      int n = offers_log_earlier_high (app->log, &s->offer, s->earlier,
                                       ARRAY_SIZE (s->earlier), err, sizeof err);
      if (n < 0)
        snprintf (app->log_status, sizeof app->log_status, "%s", err);
      else
        s->earlier_count = (size_t) n;
      if (n >= 0 && offers_log_trouble (app->log))
        /* TRANSLATORS: on an office desk's result; %s says why, in English. */
        snprintf (app->log_status, sizeof app->log_status,
                  _("The shared office log cannot be reached, so earlier results are only "
                    "those waiting on this desk. (%s)"), offers_log_trouble (app->log));
    }
}
