/* system.h -- declarations every safejob source file shares: gettext glue.
   Include it right after <config.h>. */
#ifndef SAFEJOB_SYSTEM_H
#define SAFEJOB_SYSTEM_H

#if ENABLE_NLS
# include <libintl.h>
# define _(msgid) gettext (msgid)
#else
# define gettext(msgid) (msgid)
# define ngettext(one, many, n) ((n) == 1 ? (one) : (many))
# define _(msgid) (msgid)
#endif
/* Marks a string for translation where it is stored (tables); translate at use. */
#define N_(msgid) (msgid)

#define ARRAY_SIZE(a) (sizeof (a) / sizeof (a)[0])

#endif /* SAFEJOB_SYSTEM_H */
