/* bidi.h -- right-to-left text for terminals that do not reorder it. */
#ifndef SAFEJOB_BIDI_H
#define SAFEJOB_BIDI_H

#include <stdbool.h>
#include <stddef.h>
#include <wchar.h>

/* Writes the N characters of the line IN (logical order, a right-to-left
   paragraph) to OUT in visual order, left to right as a terminal paints
   them, with Arabic letters in their joined forms (GNU FriBidi does the
   Unicode bidirectional algorithm). Numbers and Latin words keep their own
   order. Returns false, leaving OUT a copy of IN, if it cannot. */
bool bidi_visual_line (const wchar_t *in, size_t n, wchar_t *out);

/* True for the languages written right to left (Arabic, Urdu...). */
bool bidi_language_is_rtl (const char *code);

#endif /* SAFEJOB_BIDI_H */
