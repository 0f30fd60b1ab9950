/* report.h -- the screening report of "safejob screen", as text for people
   or JSON for programs. It says what the kiosk's result screen says: the
   same engine, the same level, the same signs in the same order. */
#ifndef SAFEJOB_REPORT_H
#define SAFEJOB_REPORT_H

#include <stdio.h>
#include "content.h"
#include "offer.h"
#include "risk.h"

enum report_format { REPORT_TEXT, REPORT_JSON };

/* An earlier high-risk screening of the same agency, licence or employer. */
struct report_earlier
{
  enum offer_field field;          /* which detail matched */
  char value[OFFER_TEXT_MAX + 1];  /* as it was written then */
  char day[11];                    /* YYYY-MM-DD */
};

struct report
{
  const struct content *content;
  const int *answers;              /* as given to risk_assess */
  const struct risk_result *result;
  const struct offer *offer;       /* may be empty */
  const struct report_earlier *earlier;
  size_t earlier_count;
  const char *language;            /* catalogue code the text is in */
  const char *nationality;         /* the person's, whose rules were applied; "" or NULL */
};

/* Writes REPORT to OUT in FORMAT, translated into the current language.
   Returns 0, or -1 on a write error. */
int report_write (const struct report *report, enum report_format format, FILE *out);

#endif /* SAFEJOB_REPORT_H */
