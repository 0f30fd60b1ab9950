/* report.h -- the screening report of "safejob screen": the result document
   (result.h) as text for people or JSON for programs. It says what the
   kiosk's result screen says, from the same document. */
#ifndef SAFEJOB_REPORT_H
#define SAFEJOB_REPORT_H

#include <stdio.h>
#include "result.h"

enum report_format { REPORT_TEXT, REPORT_JSON };

/* Writes RESULT to OUT in FORMAT. LANGUAGE is the catalogue its texts are
   in ("" for the default), which the JSON names. Returns 0, or -1 on a
   write error. */
int report_write (const struct result *result, const char *language, enum report_format format,
                  FILE *out);

#endif /* SAFEJOB_REPORT_H */
