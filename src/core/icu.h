/* icu.h -- ICU's break iterators, loaded the first time a text needs them.
   safejob is not linked with ICU: starting a process linked with it costs
   about 1 ms and 3 MiB (bench/README.md), and most texts never need it. */
#ifndef SAFEJOB_ICU_H
#define SAFEJOB_ICU_H

#include <unicode/ubrk.h>

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

#endif /* SAFEJOB_ICU_H */
