/* checklist.h -- the job-offer checklist: questions, answer options, weights,
   and the rules that weigh an answer differently for people of some
   nationalities. Text fields hold untranslated msgids; the screens translate
   them. */
#ifndef SAFEJOB_CHECKLIST_H
#define SAFEJOB_CHECKLIST_H

#include <stdbool.h>
#include <stddef.h>

enum
{
  CHECKLIST_MAX_OPTIONS = 9,     /* number keys 1-9 reach every option */
  CHECKLIST_MAX_QUESTIONS = 64,  /* the answers of a session or a screening */
  CHECKLIST_UNANSWERED = -1,     /* an answer not given */
  CHECKLIST_ID_MAX = 40,         /* "question.option" as the usage figures keep it */
};

struct checklist_option
{
  const char *id;
  const char *text;
  int weight;            /* risk points against the offer, 0 for a safe answer */
  bool critical;         /* a warning sign that makes the result high on its own */
  bool unknown;          /* the "I don't know" answer */
  const char *why;       /* why this answer is a warning sign; NULL when it is not one */
  const char *advice;    /* what to do about it; may be NULL */
  int credit;            /* points for the offer: a protection the person checked */
  const char *because;   /* why it counts for the offer; NULL when credit is 0 */
};

struct checklist_question
{
  const char *id;
  const char *text;
  const char *source;    /* the documented warning sign it checks */
  size_t option_count;
  struct checklist_option options[CHECKLIST_MAX_OPTIONS];
};

/* For people of one nationality, one answer counts as SIGN instead of the
   option itself: its own government bans or does not approve what the answer
   says (a destination, for example), or names its own licensing office. SIGN
   keeps the option's id and text; its weight, critical flag, why and advice
   are the rule's where the rule gives them. */
struct checklist_rule
{
  const char *id;        /* the rule's record id, "destination.indonesia" */
  char origin[3];        /* ISO 3166-1 alpha-2 code of the nationality */
  size_t question;       /* index into the checklist's questions */
  size_t option;         /* index into that question's options */
  struct checklist_option sign;
  const char *source;    /* who says so, and when */
};

struct checklist
{
  size_t count;
  const struct checklist_question *questions;
  int medium_from;       /* risk points from which a result is medium */
  int high_from;         /* and high */
  size_t rule_count;
  const struct checklist_rule *rules;
};

#endif /* SAFEJOB_CHECKLIST_H */
