/* i18n.h -- the program's locale, and switching the language at run time. */
#ifndef SAFEJOB_I18N_H
#define SAFEJOB_I18N_H

#include <stdbool.h>

/* Sets the locale from the environment and binds the message catalogue.
   Catalogues are looked up under $SAFEJOB_LOCALEDIR when it is set (tests use
   the build tree), else under the installed locale directory.
   A process started with no locale at all (LANG, LC_* unset, as under some
   service managers) gets C.UTF-8, so that the kiosk can show every script.
   Returns false, with a message on stderr, when no locale can be set. */
bool i18n_init (void);

/* Binds the message catalogue alone, as i18n_init does, for a program
   that sets its own locale (safejob-content). */
void i18n_bind (void);

/* Shows every later message in the language CODE (a catalogue name such as
   "ne"), even when the matching system locale is not installed: the
   catalogue is chosen with LANGUAGE and the messages locale is at least
   C.UTF-8, under which glibc honours LANGUAGE. */
void i18n_use (const char *code);

/* The catalogue in use ("ne"). */
const char *i18n_current (void);

/* MSGID translated into the language CODE, without changing the current
   language (the attract screen speaks every offered language in turn). */
const char *i18n_gettext_in (const char *code, const char *msgid)
  __attribute__ ((format_arg (2)));

/* True when the terminal's character set, as the locale says, is UTF-8. */
bool i18n_is_utf8 (void);

#endif /* SAFEJOB_I18N_H */
