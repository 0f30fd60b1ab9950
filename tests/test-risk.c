/* test-risk.c -- the risk engine on the built-in and on synthetic checklists. */
#include <config.h>

#include <string.h>
#include "risk.h"
#include "session.h"
#include "tap.h"

int
main (void)
{
  static const struct checklist_question route[] = {
    { "route", "How will you travel?", "test", 3, {
        { "direct", "", 0, false, false, NULL, NULL },
        { "overland", "", 100, true, false, "why", "advice" },
        { "unknown", "", 30, false, true, "why not knowing", "how to find out" } } },
  };
  const struct checklist one_question = { 1, route, 20, 60 };
  struct risk_result r;
  int answers[CHECKLIST_MAX_QUESTIONS];

  answers[0] = 1;
  risk_assess (&one_question, answers, &r);
  ok (r.level == RISK_HIGH, "a critical sign alone is high risk");
  ok (r.sign_count == 1 && r.signs[0].answer == &route[0].options[1] && r.signs[0].question == &route[0], "and is the sign shown");

  answers[0] = 0;
  risk_assess (&one_question, answers, &r);
  ok (r.level == RISK_LOW && r.sign_count == 0, "a safe answer is low risk, with no signs");

  answers[0] = 2;
  risk_assess (&one_question, answers, &r);
  ok (r.level == RISK_MEDIUM, "\"I don't know\" of weight 30 is medium risk");
  ok (r.sign_count == 1 && r.signs[0].answer->unknown && r.signs[0].answer->advice,
      "\"I don't know\" comes with advice on how to find out");

  answers[0] = CHECKLIST_UNANSWERED;
  risk_assess (&one_question, answers, &r);
  ok (r.level == RISK_LOW && r.score == 0, "an unanswered question adds nothing");
  answers[0] = 99;
  risk_assess (&one_question, answers, &r);
  ok (r.score == 0, "an out-of-range answer is ignored, not read past the options");

  /* A critical sign outranks heavier but ordinary ones, and several
     ordinary signs add up to high. */
  static const struct checklist_question synthetic[] = {
    { "a", "A", "test", 2, { { "a0", "", 0, false, false, NULL, NULL },
                     { "a1", "", 35, false, false, "heavy", NULL } } },
    { "b", "B", "test", 2, { { "b0", "", 0, false, false, NULL, NULL },
                     { "b1", "", 10, true, false, "critical", NULL } } },
    { "c", "C", "test", 2, { { "c0", "", 0, false, false, NULL, NULL },
                     { "c1", "", 30, false, false, "medium", NULL } } },
  };
  const struct checklist list = { 3, synthetic, 20, 60 };
  int three[3] = { 1, 1, 1 };
  risk_assess (&list, three, &r);
  ok (r.sign_count == 3 && strcmp (r.signs[0].answer->why, "critical") == 0
      && strcmp (r.signs[1].answer->why, "heavy") == 0 && strcmp (r.signs[2].answer->why, "medium") == 0,
      "signs come most serious first: critical, then by weight");
  int two[3] = { 1, 0, 1 };
  risk_assess (&list, two, &r);
  ok (r.level == RISK_HIGH && r.score == 65, "ordinary signs add up to high");
  int one[3] = { 0, 0, 1 };
  risk_assess (&list, one, &r);
  ok (r.level == RISK_MEDIUM, "one ordinary sign of weight 30 is medium");

  const struct checklist stricter = { 3, synthetic, 5, 30 };
  risk_assess (&stricter, one, &r);
  ok (r.level == RISK_HIGH, "the thresholds come with the checklist, not from the code");

  ok (strcmp (risk_level_name (RISK_HIGH), "HIGH RISK") == 0
      && strcmp (risk_level_name (RISK_LOW), "LOW RISK") == 0,
      "levels are named in words, not only in colour");
  return tap_done ();
}
