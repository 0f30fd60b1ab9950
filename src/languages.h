/* languages.h -- the languages the kiosk offers on its picker. */
#ifndef SAFEJOB_LANGUAGES_H
#define SAFEJOB_LANGUAGES_H

#include <stddef.h>

struct language
{
  const char *code;          /* gettext catalogue name, as in po/LINGUAS ("ne") */
  const char *native_name;   /* the language's name in its own script: never translated */
  const char *english_name;  /* shown smaller, for staff and for people who read Latin script */
};

/* The number of offered languages; index 0 is the default. */
size_t languages_count (void);

/* The language at INDEX (< languages_count ()). */
const struct language *languages_get (size_t index);

/* The index of the language whose code is CODE, or -1 if none is offered. */
int languages_find (const char *code);

#endif /* SAFEJOB_LANGUAGES_H */
