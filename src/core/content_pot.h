/* content_pot.h -- the content's translatable strings as a message template. */
#ifndef SAFEJOB_CONTENT_POT_H
#define SAFEJOB_CONTENT_POT_H

#include <stdio.h>
#include "content_compile.h"

/* Writes BUILD's messages to OUT in PO format, one entry per distinct
   string with every file:line it comes from and what it is, for xgettext
   to merge into the program's template. Returns 0, or -1 on a write error. */
int content_pot_write (const struct content_build *build, FILE *out);

#endif /* SAFEJOB_CONTENT_POT_H */
