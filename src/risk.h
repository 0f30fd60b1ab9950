/* risk.h -- turns checklist answers into a risk level with its reasons. */
#ifndef SAFEJOB_RISK_H
#define SAFEJOB_RISK_H

#include "checklist.h"

enum risk_level { RISK_LOW, RISK_MEDIUM, RISK_HIGH };

enum { RISK_MAX_SIGNS = 64 };

struct risk_result
{
  enum risk_level level;
  int score;                      /* sum of the chosen options' weights */
  size_t sign_count;              /* warning signs found, most serious first */
  const struct checklist_option *signs[RISK_MAX_SIGNS];
};

/* Assesses ANSWERS (one option index per question of LIST, or a negative
   number for a question not answered) into *RESULT. A critical option makes
   the level high on its own; otherwise the score decides, against the
   list's thresholds. */
void risk_assess (const struct checklist *list, const int *answers,
                  struct risk_result *result);

/* The level's name, an untranslated msgid ("High risk"). */
const char *risk_level_name (enum risk_level level);

#endif /* SAFEJOB_RISK_H */
