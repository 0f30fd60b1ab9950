/* icu.h -- ICU's break iterators and language names, loaded the first
   time they are needed.
   safejob is not linked with ICU: starting a process linked with it costs
   about 1 ms and 3 MiB (bench/README.md), and most texts never need it. */
#ifndef SAFEJOB_ICU_H
#define SAFEJOB_ICU_H

#include <unicode/ubrk.h>
#include <unicode/uloc.h>
#include <unicode/ustring.h>

/* The few functions of ICU's C API that line breaking uses. */
struct icu_break
{
  __typeof__ (ubrk_open) *open;
  __typeof__ (ubrk_setText) *set_text;
  __typeof__ (ubrk_following) *following;
  __typeof__ (ubrk_next) *next;
};

/* The functions of the ICU this program was built against, loaded on the
   first call; NULL if that ICU cannot be loaded (callers then do without
   it: libicuNN comes with libicu-dev, so only a broken install lacks it). */
const struct icu_break *icu_break (void);

/* The few that name a language from CLDR's data: its name in a language,
   and the script it is written in (a language a translator added with
   its catalogue alone: languages.c). */
struct icu_locale
{
  __typeof__ (uloc_getDisplayName) *display_name;
  __typeof__ (uloc_addLikelySubtags) *add_likely_subtags;
  __typeof__ (uloc_getScript) *script;
  __typeof__ (u_strToUTF8) *to_utf8;
};

/* Those functions, loaded as icu_break's are; NULL if they cannot be. */
const struct icu_locale *icu_locale (void);

#endif /* SAFEJOB_ICU_H */
