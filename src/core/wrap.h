/* wrap.h -- breaking text into lines by display width, with no terminal. */
#ifndef SAFEJOB_WRAP_H
#define SAFEJOB_WRAP_H

#include <stddef.h>
#include <wchar.h>

struct wrap_line
{
  size_t start;    /* index of the line's first character in the text */
  size_t length;   /* characters in the line, trailing spaces excluded */
  int width;       /* its display width in columns */
};

/* The display width of the N characters at S, in terminal columns: 2 for a
   wide (CJK) character, 0 for a combining mark, 1 for anything unprintable
   (it is drawn as a replacement character). */
int wrap_width (const wchar_t *s, size_t n);

/* Breaks TEXT into lines no wider than WIDTH columns (at least 1). Lines
   break where ICU's line breaker allows (between words, also in Thai, Lao,
   Khmer, Burmese and Chinese) and at newlines; a word wider than WIDTH is
   cut between grapheme clusters, never between a letter and its marks. Stores
   at most MAX lines into LINES and returns how many lines the whole text
   needs, which may be more than MAX. */
size_t wrap_text (const wchar_t *text, int width, struct wrap_line *lines,
                  size_t max);



/* S (UTF-8) with a zero-width space wherever ICU's line breaker allows a
   break between two letters of a script written without spaces between
   words (Thai, Lao, Khmer, Burmese), for a renderer whose own line breaker
   has no dictionary for them (Pango breaks Khmer and Burmese mid-word).
   Returns a new string to free, S's copy when there is nothing to mark, or
   NULL when out of memory. */
char *wrap_mark_breaks (const char *s);

/* Decodes UTF-8 text S into a newly allocated wide string, replacing invalid
   bytes and unprintable characters with U+FFFD so that nothing reaches the
   terminal as a control sequence. Returns NULL only when out of memory. */
wchar_t *wrap_decode (const char *s);
#endif /* SAFEJOB_WRAP_H */
