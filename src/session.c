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
  session->screen = SCREEN_LANGUAGE;
}

void
session_show (struct session *session, enum screen_id screen)
{
  session->screen = screen;
  session->selected = 0;
  session->scroll = 0;
}
