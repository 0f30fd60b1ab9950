/* risk.h -- turns checklist answers into a risk level with its reasons: what
   counted against the offer and what counted for it. */
#ifndef SAFEJOB_RISK_H
#define SAFEJOB_RISK_H

#include "checklist.h"

enum risk_level { RISK_LOW, RISK_MEDIUM, RISK_HIGH };

enum { RISK_MAX_SIGNS = 64, RISK_MAX_PROTECTIONS = 64 };

/* A warning sign: an answer with risk points. */
struct risk_sign
{
  const struct checklist_question *question;
  const struct checklist_option *answer;   /* the option, or its nationality's rule's sign */
  const struct checklist_rule *rule;       /* that rule, or NULL */
  bool skipped;                            /* not answered: counted as "I don't know" */
};

/* A protection: an answer saying the person checked something with
   someone who can tell (the government, the embassy), with points for the
   offer. */
struct risk_protection
{
  const struct checklist_question *question;
  const struct checklist_option *answer;
};

struct risk_result
{
  enum risk_level level;
  int score;                      /* against - in_favour: what the thresholds compare */
  int against;                    /* the signs' weights, added up */
  int in_favour;                  /* the protections' credits, added up */
  bool critical;                  /* a critical answer was given */
  enum risk_level level_without;  /* the level the signs alone would give */
  size_t skipped;                 /* questions not answered, counted as "I don't know" */
  size_t sign_count;              /* warning signs found, most serious first */
  struct risk_sign signs[RISK_MAX_SIGNS];
  size_t protection_count;        /* protections, the strongest first */
  struct risk_protection protections[RISK_MAX_PROTECTIONS];
};

/* Assesses ANSWERS (one option index per question of LIST, or a negative
   number for a question not answered) for a person of nationality ORIGIN
   (an ISO code, or NULL or "" when not known) into *RESULT.

   A question not answered counts as its "I don't know" answer: leaving a
   question out is never better than saying one does not know. A rule of
   ORIGIN's replaces the answer it names. The signs' weights add up against
   the offer, the protections' credits for it, and the difference is compared
   with the list's thresholds, with three limits: a critical sign makes the
   level high whatever counts for the offer; what counts for it lowers the
   level the signs alone give by one step at most; and a sign that alone
   reaches the medium threshold keeps the level at least medium. */
void risk_assess_for (const struct checklist *list, const int *answers, const char *origin,
                      struct risk_result *result);

/* risk_assess_for with no nationality known. */
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
