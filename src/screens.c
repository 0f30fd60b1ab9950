/* screens.c -- what the screens share: dispatch and the frame. */
#include <config.h>
#include "screens.h"

#include <stdio.h>

#include "offers_log.h"
#include "risk.h"
#include "system.h"

const struct screen *
screen_current (const struct app *app)
{
  switch (app->session.screen)
    {
    case SCREEN_ATTRACT:
      return &screen_attract;
    case SCREEN_NEUTRAL:
      return &screen_neutral;
    case SCREEN_HELP:
      return &screen_help;
    case SCREEN_STILL_THERE:
      return &screen_still_there;
    case SCREEN_OFFER:
      return &screen_offer;
    case SCREEN_QUESTION:
      return &screen_question;
    case SCREEN_RESULT:
      return &screen_result;
    case SCREEN_NATIONALITY:
      return &screen_nationality;
    case SCREEN_DESTINATION:
      return &screen_destination;
    case SCREEN_CONTACTS:
      return &screen_contacts;
    case SCREEN_ARTICLES:
      return &screen_articles;
    case SCREEN_ARTICLE:
      return &screen_article;
    case SCREEN_OUT_OF_SERVICE:
      return &screen_out_of_service;
    case SCREEN_PIN:
      return &screen_pin;
    case SCREEN_STAFF:
      return &screen_staff;
    case SCREEN_STAFF_PAGE:
      return &screen_staff_page;
    case SCREEN_LANGUAGE:
    default:
      return &screen_language;
    }
}

void
screen_frame_hints (struct app *app, struct view *view, const char *title, const char *hints)
{
  draw_header (view, title);
  /* The picker has a Back button only when opened from Help mid-flow. */
  draw_footer (view, hints, screen_current (app)->has_back || app->session.changing_language);
}

void
screen_frame (struct app *app, struct view *view, const char *title)
{
  /* TRANSLATORS: key hints on the bottom row, between the Back button and
     the Help and Hide buttons; keep it under 40 columns. */
  screen_frame_hints (app, view, title, _("\xE2\x86\x91\xE2\x86\x93 Enter  1-9"));
}

void
screen_show_question (struct app *app, size_t index)
{
  struct session *s = &app->session;
  session_show (s, SCREEN_QUESTION);
  s->question = index;
  if (s->answers[index] != SESSION_UNANSWERED)
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
    }
}
