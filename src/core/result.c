/* result.c -- the result document, assembled from the risk engine's verdict
   and the content, translated once. */
#include <config.h>
#include "result.h"

#include <string.h>
#include "system.h"

void
result_build (struct result *result, const struct content *content, const int *answers,
              const char *nationality, const struct offer *offer,
              const struct offer_earlier *earlier, size_t earlier_count)
{
  const struct checklist *list = &content->checklist;

  memset (result, 0, sizeof *result);
  result->content = content;
  risk_assess_for (list, answers, nationality, &result->risk);
  result->nationality = nationality && *nationality ? content_country (content, nationality)
                                                    : NULL;
  if (!result->risk.critical && result->risk.level_without > result->risk.level)
    result->level_without = _(risk_level_name (result->risk.level_without));
  result->symbol = risk_level_symbol (result->risk.level);
  result->level_text = _(risk_level_name (result->risk.level));
  result->summary = _(risk_level_summary (result->risk.level));
  /* A low result with signs must not say there are none. */
  if (result->risk.level == RISK_LOW && result->risk.sign_count > 0)
    /* TRANSLATORS: the summary of a low result that still found warning
       signs (their count is shown on the next line). */
    result->summary = ngettext ("Low risk, but check the warning sign below before you go.",
                                "Low risk, but check the warning signs below before you go.",
                                result->risk.sign_count);
  for (size_t i = 0; i < result->risk.sign_count; i++)
    {
      const struct risk_sign *sign = &result->risk.signs[i];
      result->signs[result->sign_count++] = (struct result_sign) {
        .question = sign->question, .answer = sign->answer, .rule = sign->rule,
        .skipped = sign->skipped,
        .question_text = _(sign->question->text), .answer_text = _(sign->answer->text),
        .why = sign->answer->why ? _(sign->answer->why) : "",
        .advice = sign->answer->advice ? _(sign->answer->advice) : NULL,
      };
    }
  for (size_t i = 0; i < result->risk.protection_count; i++)
    {
      const struct risk_protection *p = &result->risk.protections[i];
      result->protections[result->protection_count++] = (struct result_protection) {
        .question = p->question, .answer = p->answer,
        .question_text = _(p->question->text), .answer_text = _(p->answer->text),
        .because = p->answer->because ? _(p->answer->because) : "",
      };
    }
  for (size_t i = 0; i < content->advice_count && i < RESULT_MAX_ADVICE; i++)
    result->advice[result->advice_count++] = _(content->advice[i]);
  for (size_t q = 0; q < list->count && q < CHECKLIST_MAX_QUESTIONS; q++)
    if (answers[q] == CHECKLIST_UNANSWERED)
      result->unanswered[result->unanswered_count++] = &list->questions[q];
  result->offer = offer && !offer_is_empty (offer) ? offer : NULL;
  for (size_t i = 0; i < earlier_count && i < RESULT_MAX_EARLIER; i++)
    result->earlier[result->earlier_count++] = earlier[i];
}
