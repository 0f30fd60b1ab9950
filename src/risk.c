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

void
risk_assess (const struct checklist *list, const int *answers,
             struct risk_result *result)
{
  memset (result, 0, sizeof *result);
  for (size_t q = 0; q < list->count; q++)
    {
      const struct checklist_question *question = &list->questions[q];
      if (answers[q] < 0 || (size_t) answers[q] >= question->option_count)
        continue;
      const struct checklist_option *option = &question->options[answers[q]];
      result->score += option->weight;
      result->critical |= option->critical;
      if (option->weight > 0 && result->sign_count < RISK_MAX_SIGNS)
        result->signs[result->sign_count++] = (struct risk_sign) { question, option };
    }
  qsort (result->signs, result->sign_count, sizeof result->signs[0], compare_signs);

  if (result->critical || result->score >= list->high_from)
    result->level = RISK_HIGH;
  else if (result->score >= list->medium_from)
    result->level = RISK_MEDIUM;
  else
    result->level = RISK_LOW;
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
