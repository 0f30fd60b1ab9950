/* frame.h -- what one screen shows, built from the application state once
   per key: a title, text blocks with semantic styles, a list of items with
   the highlighted one, key hints, and (for the contacts) QR codes. A frame
   knows nothing of the terminal: layout.c places it on a grid of cells, and
   a renderer paints that (draw.c on a terminal, a text dump for tests). */
#ifndef SAFEJOB_FRAME_H
#define SAFEJOB_FRAME_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "arena.h"

/* What a piece of text is, not how a terminal shows it: draw.c chooses the
   attributes and colours per theme. */
enum style
{
  STYLE_NORMAL,
  STYLE_STRONG,      /* what the person reads first: a question, a heading */
  STYLE_DIM,         /* secondary: progress, sources, a language's English name */
  STYLE_TITLE,       /* an article's title */
  STYLE_HIGH,        /* the HIGH level's banner; also errors and alarms */
  STYLE_MEDIUM,      /* the MEDIUM level's banner; also notices */
  STYLE_LOW,         /* the LOW level's banner */
  /* Used by the layout, not by screens: */
  STYLE_BAR,         /* the title and bottom bars */
  STYLE_BUTTON,      /* a button on the bottom bar */
  STYLE_SELECTED,    /* the highlighted item */
  STYLE_SELECTED_DIM,
  STYLE_COUNT
};

enum frame_limits
{
  FRAME_MAX_LEAD = 24,     /* blocks above the list (or the text) */
  FRAME_MAX_TEXT = 160,    /* blocks of the text that scrolls */
  FRAME_MAX_FOOT = 4,      /* blocks at the bottom (a contact's note, its source) */
  FRAME_MAX_ITEMS = 128,
  FRAME_MAX_CODES = 6,      /* on paper, the cards of a long list */
};

/* A paragraph. */
struct frame_block
{
  const char *text;     /* UTF-8; newlines are hard breaks */
  enum style style;
  int indent;           /* columns before it */
  int hang;             /* further columns before its lines after the first:
                           a bullet's text stands under its first word */
  int gap;              /* blank rows after it */
  int max_rows;         /* at most this many rows, the last cut with an
                           ellipsis; 0: as many as it needs */
};

/* A choice. */
struct frame_item
{
  const char *label;    /* may hold a newline: a second line */
  const char *note;     /* dim after the label when it fits, or NULL */
  int value;            /* what choosing it means to its screen */
  bool field;           /* a text field: typing goes into it */
  const char *language; /* the language the label is in, when not the
                           frame's (the picker's names), or NULL */
};

/* A QR code beside the list (FRAME_PAGE) or alone on its rows (FRAME_CODE),
   and what to say under it. */
struct frame_code
{
  const char *payload;
  const char *caption;
  bool needs_large;     /* only on a large screen (one code with every number) */
};

enum frame_layout
{
  FRAME_PAGE,           /* bars, the lead, then a list or a scrolling text */
  FRAME_CENTRED,        /* the lead centred on the screen (attract, neutral) */
  FRAME_CODE,           /* the lead, the first code, then the foot, each on rows
                           of its own: a terminal that shapes or reorders text
                           (mlterm) moves whatever follows text on a row */
};

struct frame
{
  enum frame_layout layout;
  /* The window the frame will be laid out in, known before it is built:
     a screen offers only what that window can show. */
  int window_rows, window_cols;
  const char *title;    /* the title bar's text; NULL: no title bar */
  bool footer;          /* the bottom bar with its buttons */
  bool back;            /* a Back button on it */
  /* Buttons on the title bar, for every screen of the flow: the numbers
     at once, and starting again (after a confirmation). */
  bool numbers_button, start_over_button;
  const char *hints;    /* key hints on the bottom bar */
  bool reorder;         /* the program reorders right-to-left text (the
                           terminal does not) */
  bool rtl;             /* and this text runs right to left: the frame is
                           mirrored */
  bool names_languages; /* it names the offered languages, each in its own
                           script (the picker, out of service) */
  int top;              /* FRAME_PAGE: the lead's first row (default 2);
                           FRAME_CENTRED: rows from the middle (negative) */
  int margin;           /* FRAME_PAGE: blank columns left and right (2) */

  size_t lead_count;
  struct frame_block lead[FRAME_MAX_LEAD];

  /* A text longer than the screen, scrolled from row SCROLL on, with the
     list (if any) pinned under it. */
  size_t text_count;
  struct frame_block text[FRAME_MAX_TEXT];
  int scroll;
  bool arrows_scroll;   /* the arrow keys scroll the text (nothing to choose
                           in it) rather than move the highlight */

  size_t item_count;
  struct frame_item items[FRAME_MAX_ITEMS];
  size_t selected;
  bool any_key;         /* any key or tap chooses the first item */
  bool whole_screen;    /* the whole screen is one target: item 0 */

  size_t code_count;    /* the first that fits is drawn */
  struct frame_code codes[FRAME_MAX_CODES];
  size_t foot_count;
  struct frame_block foot[FRAME_MAX_FOOT];
  bool spell_numbers;   /* spoken, its phone numbers are read digit by digit */
  /* With speech on, the bottom bar's Listen button, or the mark that
     says the language has no voice (instead of a silence with no
     reason). */
  enum { LISTEN_NONE, LISTEN_VOICE, LISTEN_NO_VOICE } listen;

  struct arena strings; /* owns what frame_printf made; wiped on reset */
};

/* Empties FRAME for a new screen, wiping the text it made: nothing of a
   person's answers outlives the frame it was shown in. */
void frame_reset (struct frame *frame);

/* Frees what FRAME holds (wiped first). */
void frame_free (struct frame *frame);

/* A string formatted like printf and owned by FRAME; "" when out of
   memory. */
const char *frame_printf (struct frame *frame, const char *format, ...)
  __attribute__ ((format (printf, 2, 3)));

/* Adds a block to the lead, the scrolling text or the foot; returns it, so
   that a caller can set its indent or gap (a frame full of blocks returns a
   scratch block that is not shown). */
struct frame_block *frame_lead (struct frame *frame, const char *text, enum style style,
                                int max_rows, int gap);
struct frame_block *frame_text (struct frame *frame, const char *text, enum style style,
                                int indent, int gap);
struct frame_block *frame_foot (struct frame *frame, const char *text, enum style style);

/* Adds a choice whose meaning to its screen is VALUE. */
struct frame_item *frame_item (struct frame *frame, const char *label, int value);

/* The frame's item I's value, or -1 when there is no such item. */
int frame_item_value (const struct frame *frame, size_t i);

/* A hash of FRAME's words outside its list (title, lead, text, foot):
   what changes when more than the highlight moves. */
uint64_t frame_words_hash (const struct frame *frame);

/* A glyph in the terminal's character set: the UTF-8 one, or its ASCII
   stand-in when the terminal is not UTF-8. */
const char *glyph (const char *utf8, const char *ascii);

#endif /* SAFEJOB_FRAME_H */
