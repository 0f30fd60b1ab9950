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
  const struct checklist_option *x = *(const struct checklist_option *const *) a;
  const struct checklist_option *y = *(const struct checklist_option *const *) b;
  if (x->critical != y->critical)
    return x->critical ? -1 : 1;
  return (y->weight > x->weight) - (y->weight < x->weight);
}

void
risk_assess (const struct checklist *list, const int *answers,
             struct risk_result *result)
{
  bool critical = false;

  memset (result, 0, sizeof *result);
  for (size_t q = 0; q < list->count; q++)
    {
      const struct checklist_question *question = &list->questions[q];
      if (answers[q] < 0 || (size_t) answers[q] >= question->option_count)
        continue;
      const struct checklist_option *option = &question->options[answers[q]];
      result->score += option->weight;
      critical |= option->critical;
      if (option->weight > 0 && result->sign_count < RISK_MAX_SIGNS)
        result->signs[result->sign_count++] = option;
    }
  qsort (result->signs, result->sign_count, sizeof result->signs[0], compare_signs);

  if (critical || result->score >= list->high_from)
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
