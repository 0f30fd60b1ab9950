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

/* A message whose English word means two things on screen, told apart by
   CONTEXT for translators (msgctxt): "none" as no voice, and as nothing
   counted. As gettext's pgettext: the catalogue's key is CONTEXT, EOT,
   MSGID, and an untranslated message is the English MSGID. */
#if ENABLE_NLS
# define C_(context, msgid) context_gettext (context "\004" msgid, msgid)
static inline const char *
context_gettext (const char *key, const char *msgid)
{
  const char *text = gettext (key);
  return text == key ? msgid : text;
}
#else
# define C_(context, msgid) (msgid)
#endif

#define ARRAY_SIZE(a) (sizeof (a) / sizeof (a)[0])

#endif /* SAFEJOB_SYSTEM_H */
