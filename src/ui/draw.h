/* draw.h -- the one module that paints: a laid-out canvas on the terminal,
   in the colours of the chosen theme. */
#ifndef SAFEJOB_DRAW_H
#define SAFEJOB_DRAW_H

#include "layout.h"

/* In the order of settings_theme_find's names. */
enum draw_theme { THEME_DEFAULT, THEME_CONTRAST, THEME_MONO };

/* Sets up the colours of THEME once the terminal is open. */
void draw_init_colours (enum draw_theme theme);

/* Paints CANVAS over the whole screen (the caller refreshes). */
void draw_canvas (const struct canvas *canvas);

#endif /* SAFEJOB_DRAW_H */
