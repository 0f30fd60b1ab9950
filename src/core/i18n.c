/* i18n.c -- locale set-up and run-time language switching.
   Kiosk images rarely have ne_NP.UTF-8 and friends generated, so the language
   is not chosen with setlocale: LC_ALL stays a UTF-8 locale that exists
   (C.UTF-8 at least) and the catalogue is chosen with LANGUAGE. */
#include <config.h>
#include "i18n.h"

#include <langinfo.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "system.h"

static bool
locale_is_unset (void)
{
  static const char *const vars[] = { "LC_ALL", "LC_CTYPE", "LC_MESSAGES", "LANG" };
  for (size_t i = 0; i < ARRAY_SIZE (vars); i++)
    {
      const char *value = getenv (vars[i]);
      if (value && *value)
        return false;
    }
  return true;
}

bool
i18n_init (void)
{
  if (locale_is_unset ())
    {
      if (!setlocale (LC_ALL, "C.UTF-8"))
        setlocale (LC_ALL, "");
    }
  else if (!setlocale (LC_ALL, ""))
    {
      fprintf (stderr, "safejob: the locale set in the environment is not "
               "installed; using C.UTF-8\n");
      if (!setlocale (LC_ALL, "C.UTF-8"))
        return false;
    }

  i18n_bind ();
  return true;
}

void
i18n_bind (void)
{
#if ENABLE_NLS
  const char *dir = getenv ("SAFEJOB_LOCALEDIR");
  bindtextdomain (PACKAGE, dir && *dir ? dir : LOCALEDIR);
  bind_textdomain_codeset (PACKAGE, "UTF-8");
  textdomain (PACKAGE);
#endif
}

/* The catalogue in use, so that i18n_gettext_in can come back to it. */
static char current[16] = "en";

void
i18n_use (const char *code)
{
  snprintf (current, sizeof current, "%s", code);
#if ENABLE_NLS
  /* glibc ignores LANGUAGE when the messages locale is plain "C". */
  const char *messages = setlocale (LC_MESSAGES, NULL);
  if (messages && (strcmp (messages, "C") == 0 || strcmp (messages, "POSIX") == 0))
    setlocale (LC_MESSAGES, "C.UTF-8");
  setenv ("LANGUAGE", code, 1);
  /* Setting the domain again tells glibc the catalogues changed; without it
     every later lookup returns the language found first. */
  textdomain (textdomain (NULL));
#else
  (void) code;
#endif
}

bool
i18n_is_utf8 (void)
{
  return strcmp (nl_langinfo (CODESET), "UTF-8") == 0;
}

const char *
i18n_gettext_in (const char *code, const char *msgid)
{
  char saved[sizeof current];
  memcpy (saved, current, sizeof saved);
  i18n_use (code);
  const char *text = gettext (msgid);   /* stays valid: catalogues stay loaded */
  i18n_use (saved);
  return text;
}

const char *
i18n_current (void)
{
  return current;
}
