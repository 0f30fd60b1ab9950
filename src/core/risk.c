/* risk.c -- the risk engine: no terminal, no I/O. */
#include <config.h>
#include "risk.h"

#include <stdlib.h>
#include <string.h>
#include "system.h"

/* Most serious first: critical signs, then by weight. */
static int
compare_signs (const void *a, const void *b)
{
  const struct risk_sign *sa = a, *sb = b;
  const struct checklist_option *x = sa->answer, *y = sb->answer;
  if (x->critical != y->critical)
    return x->critical ? -1 : 1;
  if (x->weight != y->weight)
    return y->weight > x->weight ? 1 : -1;
  /* Equal signs keep the checklist's order (qsort alone is not stable). */
  return (sa->question > sb->question) - (sa->question < sb->question);
}

/* The strongest first, then in the checklist's order. */
static int
compare_protections (const void *a, const void *b)
{
  const struct risk_protection *pa = a, *pb = b;
  if (pa->answer->credit != pb->answer->credit)
    return pb->answer->credit > pa->answer->credit ? 1 : -1;
  return (pa->question > pb->question) - (pa->question < pb->question);
}

static enum risk_level
level_of (const struct checklist *list, int points)
{
  return points >= list->high_from ? RISK_HIGH
         : points >= list->medium_from ? RISK_MEDIUM : RISK_LOW;
}

/* The "I don't know" option of QUESTION, or -1. */
static int
unknown_option (const struct checklist_question *question)
{
  for (size_t o = 0; o < question->option_count; o++)
    if (question->options[o].unknown)
      return (int) o;
  return -1;
}

static const struct checklist_rule *
rule_for (const struct checklist *list, const char *origin, size_t question, size_t option)
{
  if (!origin || !*origin)
    return NULL;
  for (size_t i = 0; i < list->rule_count; i++)
    {
      const struct checklist_rule *r = &list->rules[i];
      if (r->question == question && r->option == option && strcmp (r->origin, origin) == 0)
        return r;
    }
  return NULL;
}

void
risk_assess_for (const struct checklist *list, const int *answers, const char *origin,
                 struct risk_result *result)
{
  bool routine = false;   /* a sign that alone reaches the medium threshold */

  memset (result, 0, sizeof *result);
  for (size_t q = 0; q < list->count; q++)
    {
      const struct checklist_question *question = &list->questions[q];
      int chosen = answers[q];
      bool skipped = chosen < 0 || (size_t) chosen >= question->option_count;
      if (skipped)
        {
          chosen = unknown_option (question);
          if (chosen < 0)
            continue;
          result->skipped++;
        }
      const struct checklist_rule *rule = rule_for (list, origin, q, (size_t) chosen);
      const struct checklist_option *option = rule ? &rule->sign : &question->options[chosen];
      result->against += option->weight;
      result->in_favour += option->credit;
      result->critical |= option->critical;
      routine |= option->weight >= list->medium_from;
      if (option->weight > 0 && result->sign_count < RISK_MAX_SIGNS)
        result->signs[result->sign_count++] = (struct risk_sign) { question, option, rule,
                                                                   skipped };
      if (option->credit > 0 && result->protection_count < RISK_MAX_PROTECTIONS)
        result->protections[result->protection_count++] = (struct risk_protection) {
          question, option };
    }
  qsort (result->signs, result->sign_count, sizeof result->signs[0], compare_signs);
  qsort (result->protections, result->protection_count, sizeof result->protections[0],
         compare_protections);

  result->score = result->against - result->in_favour;
  result->level_without = result->critical ? RISK_HIGH : level_of (list, result->against);
  if (result->critical)
    result->level = RISK_HIGH;
  else
    {
      enum risk_level level = level_of (list, result->score);
      if (result->level_without > RISK_LOW && level < result->level_without - 1)
        level = result->level_without - 1;
      if (routine && level < RISK_MEDIUM)
        level = RISK_MEDIUM;
      result->level = level;
    }
}

void
risk_assess (const struct checklist *list, const int *answers, struct risk_result *result)
{
  risk_assess_for (list, answers, NULL, result);
}

const char *
risk_level_name (enum risk_level level)
{
  switch (level)
    {
    case RISK_HIGH:
      /* TRANSLATORS: the result's headline; at most 30 columns. */
      return N_("HIGH RISK");
    case RISK_MEDIUM:
      /* TRANSLATORS: the result's headline; at most 30 columns. */
      return N_("MEDIUM RISK");
    case RISK_LOW:
    default:
      /* TRANSLATORS: the result's headline; at most 30 columns. */
      return N_("LOW RISK");
    }
}

const char *
risk_level_summary (enum risk_level level)
{
  switch (level)
    {
    case RISK_HIGH:
      return N_("Stop: this offer shows the signs of a trafficking lure.");
    case RISK_MEDIUM:
      return N_("Be careful: check these points before you accept or travel.");
    case RISK_LOW:
    default:
      return N_("No warning signs in your answers. Still check the offer before you go.");
    }
}

const char *
risk_level_symbol (enum risk_level level)
{
  static const char *const symbols[] = { "(\xE2\x9C\x93)", "(!)", "(!!!)" };
  return symbols[level];
}

const char *
risk_level_id (enum risk_level level)
{
  static const char *const ids[] = { "low", "medium", "high" };
  return ids[level];
}
