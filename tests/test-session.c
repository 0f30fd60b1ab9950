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
  for (size_t i = 0; i < CHECKLIST_MAX_QUESTIONS; i++)
    s.answers[i] = 1;
  s.nationality = s.destination = 3;
  snprintf (s.offer.field[OFFER_AGENCY], sizeof s.offer.field[0], "Golden Jobs");

  session_reset (&s);
  int all_clear = 1;
  for (size_t i = 0; i < CHECKLIST_MAX_QUESTIONS; i++)
    all_clear &= s.answers[i] == CHECKLIST_UNANSWERED;
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

  /* Changing the language mid-flow: question 5, its option 2 highlighted,
     an article's scroll kept; "still there?" over the picker on the way. */
  session_reset (&s);
  session_show (&s, SCREEN_QUESTION);
  s.question = 5;
  s.selected = 2;
  s.answers[0] = 3;
  s.language = 4;
  session_overlay (&s, SCREEN_HELP);
  ok (session_can_change_language (&s), "Help over a question offers a change of language");
  session_start_language_change (&s);
  ok (s.screen == SCREEN_LANGUAGE && s.selected == 4,
      "the picker opens with the language in use highlighted");
  session_overlay (&s, SCREEN_STILL_THERE);
  session_return (&s);
  ok (s.screen == SCREEN_LANGUAGE && s.changing_language,
      "\"still there?\" over the picker returns to it, still changing the language");
  session_end_language_change (&s);
  ok (s.screen == SCREEN_QUESTION && s.question == 5 && s.selected == 2 && s.answers[0] == 3
      && !s.changing_language,
      "then the same question comes back, highlight and answers kept");
  session_overlay (&s, SCREEN_HELP);
  session_start_language_change (&s);
  session_reset (&s);
  ok (!s.changing_language, "a reset ends a change of language too");
  session_show (&s, SCREEN_LANGUAGE);
  session_overlay (&s, SCREEN_HELP);
  ok (!session_can_change_language (&s), "Help over the first picker offers no change");
  return tap_done ();
}
