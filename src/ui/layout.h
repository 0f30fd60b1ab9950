/* layout.h -- places a frame on a grid of ROWS x COLS cells: a canvas of
   text runs in display order, at most one QR code, and the touch targets. No
   terminal here: draw.c paints a canvas on one, canvas_dump writes it as
   text for tests, and both show the same cells. */
#ifndef SAFEJOB_LAYOUT_H
#define SAFEJOB_LAYOUT_H

#include <stdbool.h>
#include <stddef.h>
#include <wchar.h>
#include "frame.h"
#include "qr.h"

enum { CANVAS_MAX_TARGETS = 48 };

/* What a tap hits: a list item (0, 1, ...) or one of the bar's buttons. */
enum
{
  TARGET_NONE = -1,
  TARGET_BACK = -2,
  TARGET_HELP = -3,
  TARGET_HIDE = -4,
  TARGET_SCROLL_UP = -5,     /* the "more above" and "more below" marks */
  TARGET_SCROLL_DOWN = -6,
  TARGET_NUMBERS = -7,       /* the title bar's "Numbers now" */
  TARGET_START_OVER = -8,    /* and "Start over" */
  TARGET_LISTEN = -9,        /* the bottom bar's Listen (speech) */
};

struct target
{
  int top, height;   /* rows */
  int left, width;   /* columns */
  int item;          /* an item index, or a TARGET_ button */
};

/* A run of characters on one row, in the order the terminal paints them
   (right-to-left text already reordered), never past the right edge. */
struct span
{
  int row, col;
  int width;         /* display columns */
  enum style style;
  size_t start, length;    /* in the canvas's text */
};

struct canvas
{
  int rows, cols;
  wchar_t *text;
  size_t text_length, text_size;
  struct span *spans;          /* in painting order: later ones cover earlier */
  size_t span_count, span_size;
  /* A QR code, quiet zone included, with its top-left cell. */
  bool has_code;
  struct qr_image code;
  int code_row, code_col;
  struct target targets[CANVAS_MAX_TARGETS];
  size_t target_count;
  /* What the flow needs to know of the screen as laid out. */
  int text_rows;       /* rows the scrolling text has on screen; 0: none */
  int scroll;          /* its first row on screen, within 0..scroll_max */
  int scroll_max;
  size_t text_first_block;   /* the first text block starting on screen */
  size_t text_end_block;     /* and the first past the screen */
  size_t list_first;   /* the first list item on screen */
  size_t list_next;    /* the first of the list's next page (list_first: none) */
  size_t list_prev;    /* and of the page before */
  bool out_of_memory;
};

/* Lays FRAME out on a ROWS x COLS grid into *CANVAS, which it empties
   first (a zeroed canvas is empty). Everything is measured in display
   columns and clipped to the grid. */
void layout_frame (const struct frame *frame, int rows, int cols, struct canvas *canvas);

/* Frees what CANVAS holds, wiped first, and leaves it empty. */
void canvas_free (struct canvas *canvas);

/* The item or button under the cell (ROW, COL), or TARGET_NONE. */
int canvas_hit (const struct canvas *canvas, int row, int col);

/* Writes CANVAS as UTF-8 text, a row a line without trailing blanks; the
   QR code in half blocks (or "##" a dark module on an ASCII terminal).
   Returns a string to free, or NULL when out of memory. */
char *canvas_dump (const struct canvas *canvas);

/* The display width of TEXT on one line, and the rows it needs wrapped to
   WIDTH columns. */
int text_width (const char *text);
int text_rows (const char *text, int width);

/* The size a QR code takes on screen, quiet zone included: half blocks on a
   UTF-8 terminal, two cells a module elsewhere. */
void layout_code_size (const struct qr_image *image, int *rows, int *cols);

/* Whether a FRAME_CODE page shows the code for PAYLOAD in a ROWS x COLS
   window. */
bool layout_code_fits (const char *payload, int rows, int cols);

#endif /* SAFEJOB_LAYOUT_H */
