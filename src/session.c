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
  for (size_t i = 0; i < SESSION_MAX_QUESTIONS; i++)
    session->answers[i] = SESSION_UNANSWERED;
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

void
session_overlay (struct session *session, enum screen_id screen)
{
  if (session->screen != SCREEN_HELP && session->screen != SCREEN_STILL_THERE)
    {
      session->return_screen = session->screen;
      session->return_selected = session->selected;
      session->return_scroll = session->scroll;
    }
  session_show (session, screen);
}

void
session_return (struct session *session)
{
  session->screen = session->return_screen;
  session->selected = session->return_selected;
  session->scroll = session->return_scroll;
}
