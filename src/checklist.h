/* checklist.h -- the job-offer checklist: questions, answer options, weights.
   Text fields hold untranslated msgids; the screens translate them. */
#ifndef SAFEJOB_CHECKLIST_H
#define SAFEJOB_CHECKLIST_H

#include <stdbool.h>
#include <stddef.h>

enum
{
  CHECKLIST_MAX_OPTIONS = 9,     /* number keys 1-9 reach every option */
  CHECKLIST_MAX_QUESTIONS = 64,  /* the answers of a session or a screening */
  CHECKLIST_UNANSWERED = -1,     /* an answer not given */
};

struct checklist_option
{
  const char *id;
  const char *text;
  int weight;            /* risk points, 0 for a safe answer */
  bool critical;         /* a warning sign that makes the result high on its own */
  bool unknown;          /* the "I don't know" answer */
  const char *why;       /* why this answer is a warning sign; NULL when it is not one */
  const char *advice;    /* what to do about it; may be NULL */
};

struct checklist_question
{
  const char *id;
  const char *text;
  const char *source;    /* the documented warning sign it checks */
  size_t option_count;
  struct checklist_option options[CHECKLIST_MAX_OPTIONS];
};

struct checklist
{
  size_t count;
  const struct checklist_question *questions;
  int medium_from;       /* risk points from which a result is medium */
  int high_from;         /* and high */
};

#endif /* SAFEJOB_CHECKLIST_H */
