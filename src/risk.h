/* risk.h -- turns checklist answers into a risk level with its reasons. */
#ifndef SAFEJOB_RISK_H
#define SAFEJOB_RISK_H

#include "checklist.h"

enum risk_level { RISK_LOW, RISK_MEDIUM, RISK_HIGH };

enum { RISK_MAX_SIGNS = 64 };

struct risk_sign
{
  const struct checklist_question *question;
  const struct checklist_option *answer;
};

struct risk_result
{
  enum risk_level level;
  int score;                      /* sum of the chosen options' weights */
  bool critical;                  /* a critical answer was given */
  size_t sign_count;              /* warning signs found, most serious first */
  struct risk_sign signs[RISK_MAX_SIGNS];
};

/* Assesses ANSWERS (one option index per question of LIST, or a negative
   number for a question not answered) into *RESULT. A critical option makes
   the level high on its own; otherwise the score decides, against the
   list's thresholds. */
void risk_assess (const struct checklist *list, const int *answers,
                  struct risk_result *result);

/* The level's name, an untranslated msgid ("HIGH RISK"). */
const char *risk_level_name (enum risk_level level);

/* What the level means for the person, an untranslated msgid. */
const char *risk_level_summary (enum risk_level level);

/* A symbol that carries the level without colour: "(!!!)", "(!)", a tick. */
const char *risk_level_symbol (enum risk_level level);

/* The level's id in machine-readable output: "low", "medium", "high". */
const char *risk_level_id (enum risk_level level);

#endif /* SAFEJOB_RISK_H */
