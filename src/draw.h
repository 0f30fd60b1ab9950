/* draw.h -- drawing primitives shared by the screens. Everything drawn is
   measured in display columns and clipped to the window; list items are
   recorded as touch targets so a click or tap can choose them. */
#ifndef SAFEJOB_DRAW_H
#define SAFEJOB_DRAW_H

#include <stdbool.h>
#include <stddef.h>
#include "qr.h"

enum { VIEW_MAX_TARGETS = 32 };

/* Colour pairs; on a terminal without colours, or in the monochrome
   theme, attributes alone carry the meaning. */
enum draw_pair
{
  PAIR_NORMAL,
  PAIR_BAR,
  PAIR_QR,         /* dark on light: a QR code's colours, whatever the theme */
  PAIR_QR_DARK,    /* a dark module drawn as a blank cell (ASCII terminals) */
  PAIR_HIGH,
  PAIR_MEDIUM,
  PAIR_LOW,
  PAIR_SELECTED,
  PAIR_COUNT
};

/* In the order of settings_theme_find's names. */
enum draw_theme { THEME_DEFAULT, THEME_CONTRAST, THEME_MONO };


/* What a tap hits: a list item (0, 1, ...) or one of the bar's buttons. */
enum
{
  TARGET_NONE = -1,
  TARGET_BACK = -2,
  TARGET_HELP = -3,
  TARGET_HIDE = -4,
  TARGET_SCROLL_UP = -5,     /* the "more above" and "more below" marks */
  TARGET_SCROLL_DOWN = -6,
};

struct target
{
  int top, height;   /* rows; a list item spans the whole width of its list */
  int left, width;
  int item;          /* an item index, or a TARGET_ button */
};

struct view
{
  int rows, cols;
  struct target targets[VIEW_MAX_TARGETS];
  size_t target_count;
  /* How much one page is on this frame: the rows of its scrolling text,
     and the list items on screen at once (0 when there is none). */
  int text_rows;
  int list_items;
};

/* Sets up the colours of THEME once the terminal is open. */
void draw_init_colours (enum draw_theme theme);

/* Whether the frame's text is right to left and reordered by the program
   (for terminals without bidi, such as xterm, foot and kitty). */
void draw_set_rtl (bool on);

/* Clears the screen and the targets for a new frame. */
void draw_begin (struct view *view);

/* Draws UTF-8 TEXT wrapped into the box at (Y, X) of WIDTH columns and at
   most MAX_ROWS rows, with ATTR and colour PAIR; a text that needs more rows
   ends with an ellipsis. Returns the rows used. */
int draw_text (int y, int x, int width, int max_rows, const char *text,
               unsigned long attr, enum draw_pair pair);

/* Draws rows FIRST .. FIRST + ROWS - 1 of UTF-8 TEXT wrapped to WIDTH
   columns, at (Y, X): a window on a text longer than the screen. */
void draw_text_lines (int y, int x, int width, int first, int rows, const char *text,
                      unsigned long attr);

/* The display width of TEXT on one line. */
int draw_text_width (const char *text);

/* The rows TEXT needs when wrapped to WIDTH columns. */
int draw_text_rows (const char *text, int width);

/* The title bar on the top row. */
void draw_header (const struct view *view, const char *title);

/* The bottom row: buttons a finger can hit (Back when BACK is true, Help
   and Hide on the right) around the key HINTS. */
void draw_footer (struct view *view, const char *hints, bool back);

/* A glyph in the terminal's character set: the UTF-8 one, or its ASCII
   stand-in when the terminal is not UTF-8. */
const char *draw_glyph (const char *utf8, const char *ascii);

/* Draws COUNT numbered list items in the box at (Y, X), WIDTH columns by
   MAX_ROWS rows, with SELECTED highlighted, and records each as a target.
   Returns the rows used. */
int draw_items (struct view *view, int y, int x, int width, int max_rows,
                const char *const *labels, size_t count, size_t selected);

/* The same, with NOTES[i] (or NULL) shown dim after LABELS[i]: a language's
   English name after its own. */
int draw_items_noted (struct view *view, int y, int x, int width, int max_rows,
                      const char *const *labels, const char *const *notes, size_t count,
                      size_t selected);

/* A paragraph of a text longer than the screen. */
struct text_block
{
  const char *text;
  unsigned long attr;
  enum draw_pair pair;
  int indent;            /* columns */
  int gap;               /* blank rows after it */
};

/* Draws the COUNT blocks in the box at (Y, X), WIDTH by ROWS, from text row
   *SCROLL on, which it first clamps to what the text allows. Marks more
   above and more below, as touch targets for scrolling. */
void draw_blocks (struct view *view, int y, int x, int width, int rows,
                  const struct text_block *blocks, size_t count, int *scroll);

/* The size IMAGE takes on screen, quiet zone included: half blocks on a
   UTF-8 terminal, two cells a module elsewhere. */
void draw_qr_size (const struct qr_image *image, int *rows, int *cols);

/* Draws IMAGE, dark on light, with its top-left corner at (Y, X). */
void draw_qr (int y, int x, const struct qr_image *image);

/* The item or button under the cell (Y, X), or TARGET_NONE. */
int view_hit (const struct view *view, int y, int x);

#endif /* SAFEJOB_DRAW_H */
