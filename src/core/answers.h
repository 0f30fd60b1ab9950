/* answers.h -- the answers format of "safejob screen": one "question =
   answer" a line, with the ids of content/checklist.txt ("visa = tourist"),
   and the offer's details as "offer.agency = ...". */
#ifndef SAFEJOB_ANSWERS_H
#define SAFEJOB_ANSWERS_H

#include <stdio.h>
#include "content.h"
#include "diag.h"
#include "offer.h"

/* Reads answers from IN (named NAME in messages) into ANSWERS (one option
   index per question of CONTENT's checklist, CHECKLIST_UNANSWERED where not
   answered), OFFER and NATIONALITY (3 bytes: the person's nationality,
   "nationality = NP", an origin of CONTENT's countries; "" when not given).
   Reports every problem to DIAG as "NAME:LINE: ..." naming the unknown
   question or answer and the valid ones. Returns the number of errors. */
int answers_read (FILE *in, const char *name, const struct content *content,
                  int *answers, struct offer *offer, char *nationality,
                  struct diag *diag);

#endif /* SAFEJOB_ANSWERS_H */
