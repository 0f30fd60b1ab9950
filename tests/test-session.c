/* test-session.c -- a reset leaves nothing of the last person. */
#include <config.h>

#include <stdio.h>
#include "session.h"
#include "tap.h"

int
main (void)
{
  struct session s;
  session_reset (&s);
  s.language = 1;
  s.question = 3;
  s.selected = 2;
  s.screen = SCREEN_CONTACTS;
  for (size_t i = 0; i < SESSION_MAX_QUESTIONS; i++)
    s.answers[i] = 1;
  s.nationality = s.destination = 3;
  snprintf (s.offer.field[OFFER_AGENCY], sizeof s.offer.field[0], "Golden Jobs");

  session_reset (&s);
  int all_clear = 1;
  for (size_t i = 0; i < SESSION_MAX_QUESTIONS; i++)
    all_clear &= s.answers[i] == SESSION_UNANSWERED;
  ok (all_clear, "every answer is wiped");
  ok (s.screen == SCREEN_ATTRACT, "the next person starts at the attract screen");
  ok (s.language == 0 && s.question == 0 && s.selected == 0,
      "language, question and highlight are back to the start");
  ok (s.nationality == SESSION_NO_COUNTRY && s.destination == SESSION_NO_COUNTRY,
      "nationality and destination are forgotten");
  int offer_clear = 1;
  for (int f = 0; f < OFFER_FIELD_COUNT; f++)
    offer_clear &= s.offer.field[f][0] == '\0';
  ok (offer_clear, "the offer's details are wiped");

  s.selected = 2;
  session_show (&s, SCREEN_RESULT);
  ok (s.screen == SCREEN_RESULT && s.selected == 0,
      "showing a screen highlights its first item");
  return tap_done ();
}
