/* session.c -- the per-visit state and its wiping. */
#include <config.h>
#include "session.h"

#include <string.h>

void
session_reset (struct session *session)
{
  /* explicit_bzero: the compiler may not drop the wipe of answers that are
     about to be overwritten. */
  explicit_bzero (session, sizeof *session);
  for (size_t i = 0; i < CHECKLIST_MAX_QUESTIONS; i++)
    session->answers[i] = CHECKLIST_UNANSWERED;
  session->nationality = SESSION_NO_COUNTRY;
  session->destination = SESSION_NO_COUNTRY;
  session->screen = SCREEN_ATTRACT;
}

void
session_show (struct session *session, enum screen_id screen)
{
  session->screen = screen;
  session->started |= screen == SCREEN_OFFER || screen == SCREEN_QUESTION;
  session->saw_result |= screen == SCREEN_RESULT;
  session->saw_contacts |= screen == SCREEN_CONTACTS;
  session->selected = 0;
  session->scroll = 0;
}

static struct session_place
place_of (const struct session *session)
{
  return (struct session_place) { session->screen, session->selected, session->scroll };
}

static void
go_to (struct session *session, struct session_place place)
{
  session->screen = place.screen;
  session->selected = place.selected;
  session->scroll = place.scroll;
}

void
session_overlay (struct session *session, enum screen_id screen)
{
  /* Over another overlay, the place under that one stays the way back:
     else the way back would lead to the overlay, and from it to itself. */
  if (session->screen != SCREEN_HELP && session->screen != SCREEN_STILL_THERE
      && session->screen != SCREEN_START_OVER && session->screen != SCREEN_PIN)
    session->overlaid = place_of (session);
  session_show (session, screen);
}

void
session_return (struct session *session)
{
  go_to (session, session->overlaid);
}

void
session_numbers_now (struct session *session)
{
  /* From Help or "start over?", the place under it. */
  struct session_place from = session->screen == SCREEN_HELP
                              || session->screen == SCREEN_START_OVER
                              ? session->overlaid : place_of (session);
  session_show (session, SCREEN_NATIONALITY);
  session->numbers_now = true;
  session->before_numbers = from;
}

void
session_end_numbers (struct session *session)
{
  session->numbers_now = false;
  go_to (session, session->before_numbers);
}

bool
session_can_change_language (const struct session *session)
{
  switch (session->overlaid.screen)
    {
    case SCREEN_OFFER:
    case SCREEN_QUESTION:
    case SCREEN_REVIEW:
    case SCREEN_RESULT:
    case SCREEN_NATIONALITY:
    case SCREEN_DESTINATION:
    case SCREEN_CONTACTS:
    case SCREEN_CODE:
    case SCREEN_ARTICLES:
    case SCREEN_ARTICLE:
      return session->screen == SCREEN_HELP;
    default:
      return false;
    }
}

void
session_start_language_change (struct session *session)
{
  /* Help's own return place; "still there?" on the picker overwrites that
     one, not this. */
  session->before_language = session->overlaid;
  session->changing_language = true;
  session_show (session, SCREEN_LANGUAGE);
  session->selected = session->language;
}

void
session_end_language_change (struct session *session)
{
  session->changing_language = false;
  go_to (session, session->before_language);
}
