/* test-session.c -- a reset leaves nothing of the last person. */
#include <config.h>

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

  session_reset (&s);
  int all_clear = 1;
  for (size_t i = 0; i < SESSION_MAX_QUESTIONS; i++)
    all_clear &= s.answers[i] == SESSION_UNANSWERED;
  ok (all_clear, "every answer is wiped");
  ok (s.screen == SCREEN_LANGUAGE, "the next person starts at the language picker");
  ok (s.language == 0 && s.question == 0 && s.selected == 0,
      "language, question and highlight are back to the start");

  s.selected = 2;
  session_show (&s, SCREEN_RESULT);
  ok (s.screen == SCREEN_RESULT && s.selected == 0,
      "showing a screen highlights its first item");
  return tap_done ();
}
