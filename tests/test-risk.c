/* test-risk.c -- the risk engine on the built-in and on synthetic checklists. */
#include <config.h>

#include <string.h>
#include "risk.h"
#include "session.h"
#include "tap.h"

static int
option_index (const struct checklist_question *q, const char *id)
{
  for (size_t i = 0; i < q->option_count; i++)
    if (strcmp (q->options[i].id, id) == 0)
      return (int) i;
  return -1;
}

int
main (void)
{
  const struct checklist *builtin = checklist_builtin ();
  const struct checklist_question *route = &builtin->questions[0];
  struct risk_result r;
  int answers[SESSION_MAX_QUESTIONS];

  ok (builtin->count >= 1 && builtin->count <= SESSION_MAX_QUESTIONS,
      "the built-in checklist has questions, no more than a session holds");

  answers[0] = option_index (route, "overland");
  risk_assess (builtin, answers, &r);
  ok (r.level == RISK_HIGH, "crossing a border overland after a flight is high risk");
  ok (r.sign_count == 1 && r.signs[0]->why && r.signs[0]->advice,
      "the critical sign is explained, with advice");

  answers[0] = option_index (route, "direct");
  risk_assess (builtin, answers, &r);
  ok (r.level == RISK_LOW && r.sign_count == 0, "a direct flight on a work visa is low risk");

  answers[0] = option_index (route, "unknown");
  risk_assess (builtin, answers, &r);
  ok (r.level == RISK_MEDIUM, "not knowing the route is medium risk");
  ok (r.sign_count == 1 && r.signs[0]->unknown && r.signs[0]->advice,
      "\"I don't know\" comes with advice on how to find out");

  answers[0] = SESSION_UNANSWERED;
  risk_assess (builtin, answers, &r);
  ok (r.level == RISK_LOW && r.score == 0, "an unanswered question adds nothing");
  answers[0] = 99;
  risk_assess (builtin, answers, &r);
  ok (r.score == 0, "an out-of-range answer is ignored, not read past the options");

  /* A critical sign outranks heavier but ordinary ones, and several
     ordinary signs add up to high. */
  static const struct checklist_question synthetic[] = {
    { "a", "A", 2, { { "a0", "", 0, false, false, NULL, NULL },
                     { "a1", "", 35, false, false, "heavy", NULL } } },
    { "b", "B", 2, { { "b0", "", 0, false, false, NULL, NULL },
                     { "b1", "", 10, true, false, "critical", NULL } } },
    { "c", "C", 2, { { "c0", "", 0, false, false, NULL, NULL },
                     { "c1", "", 30, false, false, "medium", NULL } } },
  };
  const struct checklist list = { 3, synthetic };
  int three[3] = { 1, 1, 1 };
  risk_assess (&list, three, &r);
  ok (r.sign_count == 3 && strcmp (r.signs[0]->why, "critical") == 0
      && strcmp (r.signs[1]->why, "heavy") == 0 && strcmp (r.signs[2]->why, "medium") == 0,
      "signs come most serious first: critical, then by weight");
  int two[3] = { 1, 0, 1 };
  risk_assess (&list, two, &r);
  ok (r.level == RISK_HIGH && r.score == 65, "ordinary signs add up to high");
  int one[3] = { 0, 0, 1 };
  risk_assess (&list, one, &r);
  ok (r.level == RISK_MEDIUM, "one ordinary sign of weight 30 is medium");

  ok (strcmp (risk_level_name (RISK_HIGH), "HIGH RISK") == 0
      && strcmp (risk_level_name (RISK_LOW), "LOW RISK") == 0,
      "levels are named in words, not only in colour");
  return tap_done ();
}
