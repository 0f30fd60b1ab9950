/* result.h -- a screening's result as one document, built once from the
   answers in the current language: the level, each warning sign with why it
   matters and what to do, the general advice, what was not answered, and
   in an office the offer's earlier high results. The kiosk's result
   screen, the text and JSON reports of "safejob screen" and a printed
   result are renderings of it, so they agree by construction. */
#ifndef SAFEJOB_RESULT_H
#define SAFEJOB_RESULT_H

#include <stdbool.h>
#include <stddef.h>
#include "content.h"
#include "offer.h"
#include "risk.h"

enum { RESULT_MAX_ADVICE = 32, RESULT_MAX_EARLIER = 3 };

struct result_sign
{
  const struct checklist_question *question;
  const struct checklist_option *answer;   /* the option, or its nationality's rule's sign */
  const struct checklist_rule *rule;       /* that rule, or NULL */
  bool skipped;                /* not answered: counted as "I don't know" */
  const char *question_text;   /* translated, as every text below */
  const char *answer_text;
  const char *why;
  const char *advice;          /* what to do; NULL when the content has none */
};

/* What counted for the offer: something the person checked. */
struct result_protection
{
  const struct checklist_question *question;
  const struct checklist_option *answer;
  const char *question_text;
  const char *answer_text;
  const char *because;         /* why it counts */
};

struct result
{
  struct risk_result risk;     /* the level, the score, the signs */
  const struct content *content;
  const char *symbol;          /* the level without colour: "(!!!)" */
  const char *level_text;      /* "HIGH RISK" */
  const char *summary;         /* what the level means for the person */
  const struct country *nationality;   /* whose government's rules counted, or NULL */
  const char *level_without;   /* the level the signs alone give, when what counted
                                  for the offer lowered it; else NULL */
  size_t sign_count;           /* against the offer, the most serious first */
  struct result_sign signs[RISK_MAX_SIGNS];
  size_t protection_count;     /* for the offer, the strongest first */
  struct result_protection protections[RISK_MAX_PROTECTIONS];
  size_t advice_count;         /* for every job abroad */
  const char *advice[RESULT_MAX_ADVICE];
  size_t unanswered_count;     /* questions left out (a screening's file) */
  const struct checklist_question *unanswered[CHECKLIST_MAX_QUESTIONS];
  const struct offer *offer;   /* the offer's details, or NULL */
  size_t earlier_count;        /* earlier high results of this offer's agency... */
  struct offer_earlier earlier[RESULT_MAX_EARLIER];
};

/* Builds *RESULT from ANSWERS (an option index per question of CONTENT's
   checklist, or CHECKLIST_UNANSWERED) for a person of NATIONALITY (an ISO
   code whose government's rules count, or NULL or ""), with OFFER (or
   NULL) and the EARLIER_COUNT records of EARLIER. Texts are translated
   into the current language; they point into the catalogues and CONTENT,
   which must outlive it. */
void result_build (struct result *result, const struct content *content, const int *answers,
                   const char *nationality, const struct offer *offer,
                   const struct offer_earlier *earlier, size_t earlier_count);

#endif /* SAFEJOB_RESULT_H */
