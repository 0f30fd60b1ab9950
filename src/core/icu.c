/* icu.c -- ICU's break iterators and language names, loaded with dlopen
   on first use.
   ICU renames its functions by version (ubrk_open is ubrk_open_72 in
   ICU 72), and its headers say how: the names looked up here are the
   headers' own, so they match the library of the same version. */
#include <config.h>
#include "icu.h"

#include <dlfcn.h>

#define ICU_STRING_(x) #x
#define ICU_STRING(x) ICU_STRING_ (x)

/* libicuuc, kept open for the life of the process like a linked library;
   NULL when it cannot be loaded. */
static void *
library (void)
{
  static void *handle;
  static int tried;
  if (!tried)
    {
      tried = 1;
      handle = dlopen ("libicuuc.so." ICU_STRING (U_ICU_VERSION_MAJOR_NUM), RTLD_NOW | RTLD_LOCAL);
    }
  return handle;
}

#define LOOK_UP(member, name) \
  ((member) = (__typeof__ (member)) dlsym (library (), ICU_STRING (name)))

const struct icu_break *
icu_break (void)
{
  static struct icu_break functions;
  static int loaded;        /* 0: not tried yet, 1: loaded, -1: failed */
  if (loaded == 0)
    loaded = library () && LOOK_UP (functions.open, ubrk_open)
             && LOOK_UP (functions.set_text, ubrk_setText)
             && LOOK_UP (functions.following, ubrk_following)
             && LOOK_UP (functions.next, ubrk_next)
             ? 1 : -1;
  return loaded > 0 ? &functions : NULL;
}

const struct icu_locale *
icu_locale (void)
{
  static struct icu_locale functions;
  static int loaded;
  if (loaded == 0)
    loaded = library () && LOOK_UP (functions.display_name, uloc_getDisplayName)
             && LOOK_UP (functions.add_likely_subtags, uloc_addLikelySubtags)
             && LOOK_UP (functions.script, uloc_getScript)
             && LOOK_UP (functions.to_utf8, u_strToUTF8)
             ? 1 : -1;
  return loaded > 0 ? &functions : NULL;
}
