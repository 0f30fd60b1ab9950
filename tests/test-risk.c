/* test-risk.c -- the risk engine on synthetic checklists: signs against,
   protections for, the limits on what protections can do, questions left
   out, and the rules of a nationality. */
#include <config.h>

#include <string.h>
#include "risk.h"
#include "session.h"
#include "tap.h"

#define SAFE(name) { .id = name, .text = "", .weight = 0 }
#define SIGN(name, w) { .id = name, .text = "", .weight = (w), .why = "why " name, \
                        .advice = "advice " name }
#define CRITICAL(name, w) { .id = name, .text = "", .weight = (w), .critical = true, \
                            .why = "why " name, .advice = "advice " name }
#define UNKNOWN(name, w) { .id = name, .text = "", .weight = (w), .unknown = true, \
                           .why = "why " name, .advice = "advice " name }
#define CHECKED(name, c) { .id = name, .text = "", .credit = (c), .because = "because " name }

static struct checklist
list_of (const struct checklist_question *questions, size_t count)
{
  return (struct checklist) { .count = count, .questions = questions, .medium_from = 20,
                              .high_from = 60 };
}

int
main (void)
{
  static const struct checklist_question route[] = {
    { .id = "route", .text = "How will you travel?", .source = "test", .option_count = 3,
      .options = { SAFE ("direct"), CRITICAL ("overland", 100), UNKNOWN ("unknown", 30) } },
  };
  const struct checklist one_question = list_of (route, 1);
  struct risk_result r;
  int answers[CHECKLIST_MAX_QUESTIONS];

  answers[0] = 1;
  risk_assess (&one_question, answers, &r);
  ok (r.level == RISK_HIGH, "a critical sign alone is high risk");
  ok (r.sign_count == 1 && r.signs[0].answer == &route[0].options[1]
      && r.signs[0].question == &route[0] && !r.signs[0].skipped,
      "and is the sign shown");

  answers[0] = 0;
  risk_assess (&one_question, answers, &r);
  ok (r.level == RISK_LOW && r.sign_count == 0, "a safe answer is low risk, with no signs");

  answers[0] = 2;
  risk_assess (&one_question, answers, &r);
  ok (r.level == RISK_MEDIUM, "\"I don't know\" of weight 30 is medium risk");
  ok (r.sign_count == 1 && r.signs[0].answer->unknown && r.signs[0].answer->advice,
      "\"I don't know\" comes with advice on how to find out");

  /* Leaving a question out is never better than saying "I don't know". */
  answers[0] = CHECKLIST_UNANSWERED;
  risk_assess (&one_question, answers, &r);
  ok (r.level == RISK_MEDIUM && r.score == 30 && r.skipped == 1,
      "an unanswered question counts as its \"I don't know\" (score %d)", r.score);
  ok (r.sign_count == 1 && r.signs[0].skipped && r.signs[0].answer == &route[0].options[2],
      "and its sign says that it was not answered");
  answers[0] = 99;
  risk_assess (&one_question, answers, &r);
  ok (r.score == 30 && r.signs[0].skipped,
      "an out-of-range answer is not read past the options: it counts as unanswered");
  static const struct checklist_question no_unknown[] = {
    { .id = "q", .text = "Q", .source = "test", .option_count = 2,
      .options = { SAFE ("a"), SIGN ("b", 30) } },
  };
  const struct checklist without = list_of (no_unknown, 1);
  answers[0] = CHECKLIST_UNANSWERED;
  risk_assess (&without, answers, &r);
  ok (r.level == RISK_LOW && r.score == 0 && r.skipped == 0,
      "a question with no \"I don't know\" left out adds nothing");

  /* A critical sign outranks heavier but ordinary ones, and several
     ordinary signs add up to high. */
  static const struct checklist_question synthetic[] = {
    { .id = "a", .text = "A", .source = "test", .option_count = 2,
      .options = { SAFE ("a0"), SIGN ("heavy", 35) } },
    { .id = "b", .text = "B", .source = "test", .option_count = 2,
      .options = { SAFE ("b0"), CRITICAL ("critical", 10) } },
    { .id = "c", .text = "C", .source = "test", .option_count = 2,
      .options = { SAFE ("c0"), SIGN ("medium", 30) } },
  };
  const struct checklist list = list_of (synthetic, 3);
  int three[3] = { 1, 1, 1 };
  risk_assess (&list, three, &r);
  ok (r.sign_count == 3 && strcmp (r.signs[0].answer->id, "critical") == 0
      && strcmp (r.signs[1].answer->id, "heavy") == 0
      && strcmp (r.signs[2].answer->id, "medium") == 0,
      "signs come most serious first: critical, then by weight");
  int two[3] = { 1, 0, 1 };
  risk_assess (&list, two, &r);
  ok (r.level == RISK_HIGH && r.score == 65, "ordinary signs add up to high");
  int one[3] = { 0, 0, 1 };
  risk_assess (&list, one, &r);
  ok (r.level == RISK_MEDIUM, "one ordinary sign of weight 30 is medium");

  struct checklist stricter = list_of (synthetic, 3);
  stricter.medium_from = 5;
  stricter.high_from = 30;
  risk_assess (&stricter, one, &r);
  ok (r.level == RISK_HIGH, "the thresholds come with the checklist, not from the code");

  /* What the person checked counts for the offer. */
  static const struct checklist_question guarded[] = {
    { .id = "pay", .text = "Pay", .source = "test", .option_count = 3,
      .options = { SAFE ("normal"), SIGN ("toogood", 35), UNKNOWN ("unknown", 15) } },
    { .id = "hurry", .text = "Hurry", .source = "test", .option_count = 3,
      .options = { SAFE ("no"), SIGN ("yes", 30), UNKNOWN ("unknown", 10) } },
    { .id = "passport", .text = "Passport", .source = "test", .option_count = 3,
      .options = { SAFE ("me"), CRITICAL ("kept", 100), UNKNOWN ("unknown", 15) } },
    { .id = "agency", .text = "Agency", .source = "test", .option_count = 3,
      .options = { CHECKED ("verified", 15), SAFE ("unchecked"), UNKNOWN ("unknown", 25) } },
    { .id = "visa", .text = "Visa", .source = "test", .option_count = 3,
      .options = { CHECKED ("checked", 25), SAFE ("work"), UNKNOWN ("unknown", 25) } },
    { .id = "small", .text = "Small", .source = "test", .option_count = 3,
      .options = { SAFE ("none"), SIGN ("some", 10), UNKNOWN ("unknown", 10) } },
    { .id = "little", .text = "Little", .source = "test", .option_count = 3,
      .options = { SAFE ("none"), SIGN ("some", 10), UNKNOWN ("unknown", 10) } },
    { .id = "contract", .text = "Contract", .source = "test", .option_count = 3,
      .options = { SAFE ("signed"), CHECKED ("read", 20), UNKNOWN ("unknown", 20) } },
  };
  const struct checklist guard = list_of (guarded, 8);
  int plain[8] = { 1, 1, 0, 1, 1, 0, 0, 0 };
  risk_assess (&guard, plain, &r);
  ok (r.level == RISK_HIGH && r.protection_count == 0,
      "two ordinary signs with nothing checked: high");
  int checked[8] = { 1, 1, 0, 0, 0, 0, 0, 0 };
  risk_assess (&guard, checked, &r);
  ok (r.level == RISK_MEDIUM && r.against == 65 && r.in_favour == 40 && r.score == 25,
      "the same two signs with the agency and the visa checked: medium (%d against, %d for)",
      r.against, r.in_favour);
  ok (r.level_without == RISK_HIGH, "and the result says the signs alone would be high");
  ok (r.protection_count == 2 && strcmp (r.protections[0].answer->id, "checked") == 0
      && strcmp (r.protections[1].answer->id, "verified") == 0
      && r.protections[0].question == &guarded[4],
      "it carries the protections, the strongest first, with their questions");
  ok (r.sign_count == 2 && strcmp (r.signs[0].answer->id, "toogood") == 0,
      "and the signs against, most serious first");
  int kept[8] = { 0, 0, 1, 0, 0, 0, 0, 1 };
  risk_assess (&guard, kept, &r);
  ok (r.level == RISK_HIGH && r.score < 60 && r.in_favour == 60,
      "a critical sign is high whatever was checked (score %d)", r.score);
  int routine[8] = { 0, 1, 0, 0, 0, 0, 0, 1 };
  risk_assess (&guard, routine, &r);
  ok (r.level == RISK_MEDIUM && r.score < 0,
      "a sign that alone reaches medium keeps the result medium, however much was checked");
  int smalls[8] = { 0, 0, 0, 0, 1, 1, 1, 0 };
  risk_assess (&guard, smalls, &r);
  ok (r.level == RISK_LOW && r.level_without == RISK_MEDIUM,
      "small signs that add up to medium can be lowered to low by what was checked");
  int unknowns[8] = { 2, 2, 2, 0, 0, 2, 2, 1 };   /* 15 + 10 + 15 + 10 + 10 = 60 */
  risk_assess (&guard, unknowns, &r);
  ok (r.against == 60 && r.level_without == RISK_HIGH && r.score < 20
      && r.level == RISK_MEDIUM,
      "what was checked lowers the level by one step at most: high becomes medium, not low");

  /* The rules of a nationality replace the answer they name. */
  static const struct checklist_question where[] = {
    { .id = "destination", .text = "Where?", .source = "test", .option_count = 3,
      .options = { SIGN ("thailand", 5), SAFE ("other"), UNKNOWN ("unknown", 25) } },
  };
  static const struct checklist_rule rules[] = {
    { .id = "destination.indonesia", .origin = "ID", .question = 0, .option = 0,
      .sign = { .id = "thailand", .text = "", .weight = 100, .critical = true,
                .why = "not a placement country", .advice = "do not go" },
      .source = "test" },
  };
  struct checklist ruled = list_of (where, 1);
  ruled.rules = rules;
  ruled.rule_count = 1;
  answers[0] = 0;
  risk_assess_for (&ruled, answers, "ID", &r);
  ok (r.level == RISK_HIGH && r.sign_count == 1 && r.signs[0].rule == &rules[0]
      && r.signs[0].answer == &rules[0].sign,
      "a nationality's rule replaces the answer: its sign, critical, is high");
  risk_assess_for (&ruled, answers, "PH", &r);
  ok (r.level == RISK_LOW && r.sign_count == 1 && !r.signs[0].rule && r.score == 5,
      "another nationality gets the answer's own weight");
  risk_assess_for (&ruled, answers, NULL, &r);
  ok (r.score == 5 && !r.signs[0].rule, "and so does a person of no known nationality");
  answers[0] = 1;
  risk_assess_for (&ruled, answers, "ID", &r);
  ok (r.level == RISK_LOW && r.sign_count == 0, "a rule touches only the answers it names");

  ok (strcmp (risk_level_name (RISK_HIGH), "HIGH RISK") == 0
      && strcmp (risk_level_name (RISK_LOW), "LOW RISK") == 0,
      "levels are named in words, not only in colour");
  return tap_done ();
}
