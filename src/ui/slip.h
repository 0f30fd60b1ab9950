/* slip.h -- a frame on paper: the receipt printer's raster image of it.

   ESC/POS text mode prints one code page: no Devanagari, no Burmese, no
   Arabic joining, so a slip in the person's language is drawn as dots,
   shaped and ordered by Pango with the fonts the kiosk shows on screen.
   The paper shows the title, the lead, the text, the codes with their
   captions and the foot; a paper has no items, bars or scrolling. */
#ifndef SAFEJOB_SLIP_H
#define SAFEJOB_SLIP_H

#include <stddef.h>
#include "frame.h"

/* The width of 58 mm paper at 203 dots an inch, the common kiosk printer. */
enum { SLIP_DOTS = 384 };

struct slip
{
  int width, height;          /* in dots */
  size_t row_bytes;           /* (width + 7) / 8 */
  unsigned char *bits;        /* height rows, most significant bit first,
                                 1: a black dot */
  int missing_glyphs;         /* characters no installed font could draw */
};

/* Draws FRAME for paper DOTS wide into *SLIP, its text in LANGUAGE (a
   catalogue's code, "" for English: it picks the fonts' forms, such as
   Chinese for zh_CN). Returns 0, or -1 when out of memory (nothing to
   free). */
int slip_render (const struct frame *frame, const char *language, int dots, struct slip *slip);

/* Wipes and frees the dots: a printed result is a person's answers. */
void slip_free (struct slip *slip);

/* Lets go of the fonts and caches the first slip loaded, at exit: a leak
   checker then sees nothing left (fontconfig keeps its caches for the
   process's life otherwise). Safe when nothing was drawn. */
void slip_release_fonts (void);

#endif /* SAFEJOB_SLIP_H */
