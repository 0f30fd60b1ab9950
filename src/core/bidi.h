/* bidi.h -- right-to-left text for terminals that do not reorder it. */
#ifndef SAFEJOB_BIDI_H
#define SAFEJOB_BIDI_H

#include <stdbool.h>
#include <stddef.h>
#include <wchar.h>

/* Writes the N characters of the line IN (logical order) to OUT in visual
   order, left to right as a terminal paints them, with Arabic letters in
   their joined forms (GNU FriBidi does the Unicode bidirectional
   algorithm): a right-to-left paragraph when RTL, else a left-to-right one
   that may hold right-to-left words (a language's own name). Latin words
   keep their order, and numbers, dates and web addresses read left to
   right as a whole. The BEFORE characters before IN are the earlier lines
   of its paragraph, which say what a number at the start of the line
   belongs to. Returns the characters written to OUT (at most N: a ligature
   takes one for two), or 0 if it cannot. */
size_t bidi_visual_line (const wchar_t *in, size_t n, size_t before, bool rtl, wchar_t *out);

/* Whether the N characters at S hold a right-to-left letter. */
bool bidi_has_rtl (const wchar_t *s, size_t n);

/* True for the languages written right to left (Arabic, Urdu...). */
bool bidi_language_is_rtl (const char *code);

#endif /* SAFEJOB_BIDI_H */
