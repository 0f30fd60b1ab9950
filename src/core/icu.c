/* icu.c -- ICU's break iterators, loaded with dlopen on first use.
   ICU renames its functions by version (ubrk_open is ubrk_open_72 in
   ICU 72), and its headers say how: the names looked up here are the
   headers' own, so they match the library of the same version. */
#include <config.h>
#include "icu.h"

#include <dlfcn.h>

#define ICU_STRING_(x) #x
#define ICU_STRING(x) ICU_STRING_ (x)

static struct icu_break functions;
static int loaded;        /* 0: not tried yet, 1: loaded, -1: failed */

const struct icu_break *
icu_break (void)
{
  if (loaded == 0)
    {
      /* Kept open for the life of the process, like a linked library. */
      void *library = dlopen ("libicuuc.so." ICU_STRING (U_ICU_VERSION_MAJOR_NUM),
                              RTLD_NOW | RTLD_LOCAL);
      loaded = -1;
      if (library)
        {
          functions.open = (__typeof__ (functions.open)) dlsym (library, ICU_STRING (ubrk_open));
          functions.set_text = (__typeof__ (functions.set_text))
            dlsym (library, ICU_STRING (ubrk_setText));
          functions.following = (__typeof__ (functions.following))
            dlsym (library, ICU_STRING (ubrk_following));
          functions.next = (__typeof__ (functions.next)) dlsym (library, ICU_STRING (ubrk_next));
          if (functions.open && functions.set_text && functions.following && functions.next)
            loaded = 1;
        }
    }
  return loaded > 0 ? &functions : NULL;
}
