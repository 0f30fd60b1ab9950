/* layout.c -- where each part of a frame goes on the grid. Text is broken
   into lines by wrap.c and measured in display columns; right-to-left lines
   are reordered by bidi.c when the frame says so. */
#include <config.h>
#include "layout.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "bidi.h"
#include "i18n.h"
#include "system.h"
#include "wrap.h"

static const wchar_t ellipsis[] = L"\x2026";

/* What every placing function needs. */
struct place
{
  const struct frame *frame;
  struct canvas *canvas;
};

/* --- The canvas ---------------------------------------------------------- */

static bool
grow (void **buf, size_t *size, size_t need, size_t elem, bool *failed)
{
  if (need <= *size)
    return true;
  size_t n = *size ? *size : 64;
  while (n < need)
    n *= 2;
  void *bigger = realloc (*buf, n * elem);
  if (!bigger)
    {
      *failed = true;
      return false;
    }
  *buf = bigger;
  *size = n;
  return true;
}

/* Adds a span of the N characters at S, already in painting order, of
   WIDTH columns, at (ROW, COL). */
static void
add_span (struct canvas *c, int row, int col, const wchar_t *s, size_t n, int width,
          enum style style)
{
  if (n == 0 || row < 0 || row >= c->rows || col < 0 || col >= c->cols)
    return;
  if (!grow ((void **) &c->text, &c->text_size, c->text_length + n + 1, sizeof *c->text,
             &c->out_of_memory)
      || !grow ((void **) &c->spans, &c->span_size, c->span_count + 1, sizeof *c->spans,
                &c->out_of_memory))
    return;
  memcpy (c->text + c->text_length, s, n * sizeof *s);
  c->spans[c->span_count++] = (struct span) {
    .row = row, .col = col, .width = width, .style = style,
    .start = c->text_length, .length = n };
  c->text_length += n;
  c->text[c->text_length++] = L'\0';    /* curses reads strings to their end */
}

/* WIDTH blanks in STYLE: a bar, a highlighted item's background. */
static void
fill (struct canvas *c, int row, int col, int width, enum style style)
{
  if (col + width > c->cols)
    width = c->cols - col;
  if (width <= 0)
    return;
  wchar_t *blanks = malloc ((size_t) width * sizeof *blanks);
  if (!blanks)
    {
      c->out_of_memory = true;
      return;
    }
  wmemset (blanks, L' ', (size_t) width);
  add_span (c, row, col, blanks, (size_t) width, width, style);
  free (blanks);
}

static void
add_target (struct canvas *c, int top, int height, int left, int width, int item)
{
  if (c->target_count < CANVAS_MAX_TARGETS)
    c->targets[c->target_count++] = (struct target) { top, height, left, width, item };
}

void
canvas_free (struct canvas *c)
{
  if (c->text)
    explicit_bzero (c->text, c->text_size * sizeof *c->text);
  free (c->text);
  free (c->spans);
  if (c->has_code)
    qr_free (&c->code);
  memset (c, 0, sizeof *c);
}

int
canvas_hit (const struct canvas *c, int row, int col)
{
  for (size_t i = 0; i < c->target_count; i++)
    {
      const struct target *t = &c->targets[i];
      if (row >= t->top && row < t->top + t->height && col >= t->left && col < t->left + t->width)
        return t->item;
    }
  return TARGET_NONE;
}

/* --- Text ---------------------------------------------------------------- */

int
text_width (const char *text)
{
  wchar_t *wide = wrap_decode (text);
  int width = wide ? wrap_width (wide, wcslen (wide)) : 0;
  free (wide);
  return width;
}

int
text_rows (const char *text, int width)
{
  wchar_t *wide = wrap_decode (text);
  if (!wide)
    return 1;
  int rows = (int) wrap_text (wide, width, NULL, 0);
  free (wide);
  return rows;
}

/* TEXT decoded and broken into lines of WIDTH columns: returns the wide
   text (to free, with *LINES) and sets *COUNT, or NULL. */
static wchar_t *
break_lines (const char *text, int width, struct wrap_line **lines, size_t *count)
{
  wchar_t *wide = wrap_decode (text);
  *lines = NULL;
  *count = 0;
  if (!wide || width <= 0)
    {
      free (wide);
      return NULL;
    }
  size_t n = wrap_text (wide, width, NULL, 0);
  *lines = calloc (n ? n : 1, sizeof **lines);
  if (!*lines)
    {
      free (wide);
      return NULL;
    }
  *count = wrap_text (wide, width, *lines, n);
  return wide;
}

/* Places the N characters at S at (Y, X), as many as fit MAX_WIDTH
   columns; the BEFORE characters before S are the earlier lines of its
   paragraph. Where the program reorders text, a line in a right-to-left
   frame is reordered for the terminal and aligned right, and so is a
   left-to-right line that holds right-to-left words. Returns the columns
   used. */
static int
put (const struct place *p, int y, int x, const wchar_t *s, size_t before, size_t n,
     int max_width, enum style style)
{
  const struct frame *f = p->frame;
  int used = 0;
  size_t i = 0;
  if (x < 0)
    return 0;
  if (x + max_width > p->canvas->cols)
    max_width = p->canvas->cols - x;
  while (i < n)
    {
      int w = wrap_width (s + i, 1);
      if (used + w > max_width)
        break;
      used += w;
      i++;
    }
  if (i == 0)
    return 0;
  if (f->reorder && (f->rtl || bidi_has_rtl (s, i)))
    {
      wchar_t *visual = malloc (i * sizeof *visual);
      size_t m = visual ? bidi_visual_line (s, i, before, f->rtl, visual) : 0;
      if (m > 0)
        {
          /* A ligature makes the line narrower than its letters. */
          used = wrap_width (visual, m);
          add_span (p->canvas, y, f->rtl ? x + max_width - used : x, visual, m, used, style);
          free (visual);
          return used;
        }
      free (visual);
    }
  add_span (p->canvas, y, x, s, i, used, style);
  return used;
}

/* Places UTF-8 TEXT wrapped into the box at (Y, X) of WIDTH columns and at
   most MAX_ROWS rows; a text that needs more rows ends with an ellipsis.
   Returns the rows used. */
static int
place_text (const struct place *p, int y, int x, int width, int max_rows, const char *text,
            enum style style)
{
  struct wrap_line *lines;
  size_t needed;
  if (max_rows <= 0 || width <= 0)
    return 0;
  wchar_t *wide = break_lines (text, width, &lines, &needed);
  if (!wide)
    return 0;
  size_t shown = needed < (size_t) max_rows ? needed : (size_t) max_rows;
  for (size_t i = 0; i < shown; i++)
    {
      const struct wrap_line *line = &lines[i];
      bool cut = i + 1 == shown && needed > shown;
      int room = cut ? width - 1 : width;
      /* The ellipsis marks where the text goes on: after the line, which
         is to its left when the text runs right to left. */
      bool rtl = p->frame->rtl && p->frame->reorder;
      int used = put (p, y + (int) i, cut && rtl ? x + 1 : x, wide + line->start, line->start,
                      line->length, room, style);
      if (cut)
        add_span (p->canvas, y + (int) i, rtl ? x + width - used - 1 : x + used, ellipsis, 1, 1,
                  style);
    }
  free (lines);
  free (wide);
  return (int) shown;
}

/* Places rows FIRST .. FIRST + ROWS - 1 of TEXT at (Y, X): a window on a
   text longer than the screen. The text is WIDTH columns wide, its lines
   after the first HANG columns further in (a bullet's text under its
   first word), on the right of the box when it runs right to left. */
static void
place_lines (const struct place *p, int y, int x, int width, int hang, int first, int rows,
             const char *text, enum style style)
{
  struct wrap_line *lines;
  size_t needed;
  wchar_t *wide = break_lines (text, width - hang, &lines, &needed);
  if (!wide)
    return;
  for (int r = 0; r < rows; r++)
    {
      size_t i = (size_t) (first + r);
      /* Right to left, put aligns a line with the box's right edge. */
      int in = (i == 0) == p->frame->rtl ? hang : 0;
      if (first + r >= 0 && i < needed)
        put (p, y + r, x + in, wide + lines[i].start, lines[i].start, lines[i].length,
             width - hang, style);
    }
  free (lines);
  free (wide);
}

/* Places TEXT, one line, at (Y, X) as it is, in any direction of text: a
   mark or a number, not words. */
static void
place_mark (const struct place *p, int y, int x, const char *text, enum style style)
{
  wchar_t *wide = wrap_decode (text);
  if (wide)
    {
      size_t n = wcslen (wide);
      int w = wrap_width (wide, n);
      if (x >= 0 && x + w <= p->canvas->cols)
        add_span (p->canvas, y, x, wide, n, w, style);
    }
  free (wide);
}

static void
place_glyph (const struct place *p, int y, int x, const char *utf8, const char *ascii,
             enum style style)
{
  place_mark (p, y, x, glyph (utf8, ascii), style);
}

/* --- Bars ---------------------------------------------------------------- */

static void
place_bar (const struct place *p, int y, const char *text)
{
  fill (p->canvas, y, 0, p->canvas->cols, STYLE_BAR);
  if (text)
    place_text (p, y, 1, p->canvas->cols - 2, 1, text, STYLE_BAR);
}

static int place_button (const struct place *p, int y, int x, const char *label, int item);

/* The title bar: the title, and after it the buttons that every screen of
   the flow has ("Numbers now", then "Start over" at the far end): on the
   right, or mirrored on the left when the text runs right to left. */
static void
place_title (const struct place *p)
{
  const struct frame *f = p->frame;
  int cols = p->canvas->cols, used = 0;
  bool rtl = f->rtl;
  /* TRANSLATORS: a button on the title bar: erase everything and start
     again (a confirmation follows); at most 12 columns. */
  const char *start_over = _("Start over");
  /* TRANSLATORS: a button on the title bar: the numbers to save, at once,
     skipping the rest; at most 12 columns. */
  const char *numbers_now = _("Numbers now");
  const char *words[2] = { start_over, numbers_now };
  const char *glyphs[2] = { glyph ("\xE2\x86\xBA", "*"), glyph ("\xE2\x98\x8E", "#") };
  const bool shown[2] = { f->start_over_button, f->numbers_button };
  const int targets[2] = { TARGET_START_OVER, TARGET_NUMBERS };
  char label[128];

  fill (p->canvas, 0, 0, cols, STYLE_BAR);
  /* A title too long to stand beside the buttons' words keeps the buttons'
     symbols only, and its own words whole. */
  int room = cols - 2 - text_width (f->title) - 1;
  for (int i = 0; i < 2; i++)
    if (shown[i])
      {
        int w = text_width (words[i]) + 5;
        room -= (w < 12 ? 12 : w) + 1;
      }
  for (int i = 0; i < 2; i++)
    if (shown[i])
      {
        if (room >= 0)
          snprintf (label, sizeof label, " %s %s ", glyphs[i], words[i]);
        else
          snprintf (label, sizeof label, " %s ", glyphs[i]);
        used += place_button (p, 0, rtl ? used : -1 - used, label, targets[i]) + 1;
      }
  if (cols - used - 2 > 0)
    place_text (p, 0, rtl ? used + 1 : 1, cols - used - 2, 1, f->title, STYLE_BAR);
}

/* A button labelled LABEL on row Y at column X (negative: that far from the
   right edge), as wide as its label and at least 12 columns for a finger.
   Returns its width. */
static int
place_button (const struct place *p, int y, int x, const char *label, int item)
{
  int w = text_width (label) + 2;
  w = w < 12 ? 12 : w;
  if (x < 0)
    x = p->canvas->cols + x - w;
  place_text (p, y, x, w, 1, label, STYLE_BUTTON);
  add_target (p->canvas, y, 1, x, w, item);
  return w;
}

static void
place_footer (const struct place *p)
{
  const struct frame *f = p->frame;
  int cols = p->canvas->cols;
  int y = p->canvas->rows - 1;
  int left = 0, right = cols;
  /* TRANSLATORS: a button on the bottom row, for touch screens, at most
     10 columns: it opens the instructions, and must not read as "help" in
     the sense of rescue, which a frightened person may look for. */
  const char *help = _("How to use");
  /* TRANSLATORS: a button on the bottom row that blanks the screen at
     once, when someone is watching; at most 10 columns. */
  const char *hide = _("Hide");
  /* TRANSLATORS: a button on the bottom row: the screen before; at most
     10 columns. */
  const char *back = _("Back");
  char label[128], listen[128] = "";

  if (f->listen == LISTEN_VOICE)
    {
      /* TRANSLATORS: a button on the bottom row when the kiosk reads
         screens aloud: hear this screen (again); at most 10 columns. */
      const char *word = _("Listen");
      snprintf (listen, sizeof listen, " %s %s ", glyph ("\xE2\x99\xAA", "~"), word);
    }
  else if (f->listen == LISTEN_NO_VOICE)
    {
      /* TRANSLATORS: instead of Listen, in a language the kiosk cannot
         read aloud (it has no voice for it); at most 10 columns. */
      const char *word = _("No voice");
      snprintf (listen, sizeof listen, " %s%s %s ", glyph ("\xE2\x99\xAA", "~"),
                glyph ("\xE2\x9C\x95", "x"), word);
    }
  place_bar (p, y, NULL);
  /* Right to left the bar is mirrored: Back at the right, pointing right,
     How to use and Hide at the left. */
  if (f->rtl)
    {
      snprintf (label, sizeof label, " %s %s ", glyph ("\xE2\x9C\x95", "x"), hide);
      left = place_button (p, y, 0, label, TARGET_HIDE) + 1;
      snprintf (label, sizeof label, " ? %s ", help);
      left += place_button (p, y, left, label, TARGET_HELP);
      if (f->back)
        {
          snprintf (label, sizeof label, " %s %s ", glyph ("\xE2\x96\xB6", ">"), back);
          right -= place_button (p, y, -1, label, TARGET_BACK) + 1;
        }
      if (listen[0])
        right -= place_button (p, y, -1 - (cols - right), listen, TARGET_LISTEN) + 1;
    }
  else
    {
      snprintf (label, sizeof label, " %s %s ", glyph ("\xE2\x9C\x95", "x"), hide);
      right -= place_button (p, y, -1, label, TARGET_HIDE) + 1;
      snprintf (label, sizeof label, " ? %s ", help);
      right -= place_button (p, y, -1 - (cols - right), label, TARGET_HELP);
      if (f->back)
        {
          snprintf (label, sizeof label, " %s %s ", glyph ("\xE2\x97\x80", "<"), back);
          left = place_button (p, y, 0, label, TARGET_BACK) + 1;
        }
      if (listen[0])
        left += place_button (p, y, left, listen, TARGET_LISTEN) + 1;
    }
  /* Hints whole or not at all: the buttons say the same to a finger. */
  if (f->hints && right - left - 2 >= text_width (f->hints))
    place_text (p, y, left + 1, right - left - 2, 1, f->hints, STYLE_BAR);
}

/* --- The list ------------------------------------------------------------ */

enum { ITEM_MARK = 5 };    /* "> 1  " before an item's label */

/* The rows items FROM to TO (included) take. */
static int
rows_of (const int *rows, size_t from, size_t to)
{
  int used = 0;
  for (size_t i = from; i <= to; i++)
    used += rows[i];
  return used;
}

/* Which items fit in MAX_ROWS: from HINT on (the list's place before), moved
   as little as keeps SELECTED in view. Sets *FIRST, and whether blank rows
   separate the items; returns how many are shown. */
static size_t
visible_items (const int *rows, size_t count, size_t selected, size_t hint, int max_rows,
               size_t *first, bool *spaced)
{
  int total = rows_of (rows, 0, count - 1);
  /* A blank row between items makes larger touch targets when it fits. */
  *spaced = total + (int) count - 1 <= max_rows;
  if (total <= max_rows)
    {
      *first = 0;
      return count;
    }
  /* Scrolling: a row above and one below for "more above" and "more below". */
  int room = max_rows - 2;
  size_t from = hint < selected ? hint : selected;
  while (from < selected && rows_of (rows, from, selected) > room)
    from++;
  /* At the end of the list the window is full, not half blank. */
  int rest = rows_of (rows, from, count - 1);
  while (from > 0 && rest + rows[from - 1] <= room)
    rest += rows[--from];
  size_t shown = 0;
  int used = 0;
  while (from + shown < count && used + rows[from + shown] <= room)
    used += rows[from + shown++];
  *first = from;
  return shown ? shown : 1;
}

/* The first item of the page that ends with item LAST in view, in ROOM. */
static size_t
page_ending_at (const int *rows, size_t last, int room)
{
  size_t from = last;
  int used = rows[last];
  while (from > 0 && used + rows[from - 1] <= room)
    used += rows[--from];
  return from;
}

/* Marks more of the list above or below on row Y: GLYPH (or ASCII) and
   WORDS; the whole row is a touch target that pages the list. */
static void
place_list_mark (const struct place *p, int y, int x, int width, const char *glyph_utf8,
                 const char *ascii, const char *words, int target)
{
  char *mark = NULL;
  if (asprintf (&mark, "%s %s", glyph (glyph_utf8, ascii), words) < 0)
    return;
  place_text (p, y, x + 2, width - 2, 1, mark, STYLE_STRONG);
  add_target (p->canvas, y, 1, x, width, target);
  free (mark);
}

/* Places the frame's items, numbered, in the box at (Y, X), WIDTH columns
   by MAX_ROWS rows, the selected one highlighted, each a touch target;
   a list longer than that scrolls, from item HINT if it can. Returns the
   rows used. */
static int
place_items (const struct place *p, int y, int x, int width, int max_rows, size_t hint)
{
  enum { MARK = ITEM_MARK };
  const struct frame *f = p->frame;
  size_t count = f->item_count;
  int rows[FRAME_MAX_ITEMS];
  size_t first, shown;
  bool spaced;
  int row = y;

  if (count == 0 || max_rows <= 0)
    return 0;
  for (size_t i = 0; i < count; i++)
    rows[i] = text_rows (f->items[i].label, width - MARK);
  shown = visible_items (rows, count, f->selected, hint, max_rows, &first, &spaced);
  bool scrolled = shown < count;
  struct canvas *c = p->canvas;
  c->list_first = first;
  /* A page on keeps the last item in view; a page back ends with the first. */
  size_t last = first + shown - 1;
  c->list_next = last + 1 >= count ? first : last > first ? last : last + 1;
  c->list_prev = first > 0 ? page_ending_at (rows, first, max_rows - 2) : 0;

  if (scrolled)
    {
      if (first > 0)
        /* TRANSLATORS: shown while more of a list is above the screen, a
           button to show it; one line: a few words. */
        place_list_mark (p, row, x, width, "\xE2\x96\xB2", "^", _("more above"),
                         TARGET_SCROLL_UP);
      row++;
    }
  for (size_t i = first; i < first + shown && row < y + max_rows; i++)
    {
      const struct frame_item *item = &f->items[i];
      bool on = i == f->selected;
      enum style style = on ? STYLE_SELECTED : STYLE_NORMAL;
      int room = y + max_rows - row - (scrolled ? 1 : 0);
      int height = rows[i] < room ? rows[i] : room;
      char mark[32];

      if (height <= 0)
        break;
      if (on)
        for (int r = 0; r < height; r++)
          fill (p->canvas, row + r, x, width, STYLE_SELECTED);
      /* Items past 9 have no number key; they are reached by arrows and
         taps. Right to left, the mark and the number are mirrored, beside
         the text at the right. */
      bool rtl = p->frame->rtl;
      const char *arrow = rtl ? glyph ("\xE2\x97\x80", "<") : glyph ("\xE2\x96\xB6", ">");
      if (i < 9)
        snprintf (mark, sizeof mark, rtl ? "%2$zu %1$s" : "%1$s %2$zu", on ? arrow : " ", i + 1);
      else
        snprintf (mark, sizeof mark, rtl ? "  %s" : "%s", on ? arrow : "");
      place_mark (p, row, rtl ? x + width - 3 : x, mark, style);
      int label_x = rtl ? x : x + MARK;
      place_text (p, row, label_x, width - MARK, height, item->label, style);
      if (item->note && height == 1)
        {
          /* The note goes after the label on its row, dim, if it fits. */
          int used = text_width (item->label);
          int space = width - MARK - used - 3;
          if (space >= text_width (item->note))
            place_text (p, row, rtl ? x : x + MARK + used + 3, space, 1, item->note,
                        on ? STYLE_SELECTED_DIM : STYLE_DIM);
        }
      /* The item's own rows: a tap on the blank row between two items
         chooses neither. */
      add_target (p->canvas, row, height, x, width, (int) i);
      row += height + (spaced ? 1 : 0);
    }
  if (scrolled && first + shown < count)
    /* TRANSLATORS: shown while more of a list or a text is below the
       screen, a button to show it; one line: a few words. */
    place_list_mark (p, y + max_rows - 1, x, width, "\xE2\x96\xBC", "v", _("more below"),
                     TARGET_SCROLL_DOWN);
  return scrolled ? max_rows : row - y;
}

/* --- The text that scrolls ----------------------------------------------- */

/* Places the frame's text in the box at (Y, X), WIDTH by ROWS, from row
   SCROLL on, clamped to what the text allows. Marks more above and more
   below, as touch targets for scrolling. */
static void
place_blocks (const struct place *p, int y, int x, int width, int rows)
{
  const struct frame *f = p->frame;
  struct canvas *c = p->canvas;
  int height = 0;

  if (rows <= 0)
    return;
  for (size_t i = 0; i < f->text_count; i++)
    height += text_rows (f->text[i].text, width - f->text[i].indent - f->text[i].hang)
              + f->text[i].gap;
  c->text_rows = rows;
  c->scroll_max = height > rows ? height - rows : 0;
  /* Scrolling past either end stops there. */
  c->scroll = f->scroll > c->scroll_max ? c->scroll_max : f->scroll < 0 ? 0 : f->scroll;

  int top = 0;    /* the current block's first row in the whole text */
  c->text_first_block = f->text_count;
  c->text_end_block = f->text_count;
  for (size_t i = 0; i < f->text_count; i++)
    {
      if (top >= c->scroll + rows)
        {
          c->text_end_block = i;
          break;
        }
      /* For speech: where a scroll's new words start. */
      if (top >= c->scroll && c->text_first_block == f->text_count)
        c->text_first_block = i;
      const struct frame_block *b = &f->text[i];
      int w = width - b->indent;
      int lines = text_rows (b->text, w - b->hang);
      int first = c->scroll - top > 0 ? c->scroll - top : 0;
      int at = y + top + first - c->scroll;
      int shown = lines - first;
      if (at + shown > y + rows)
        shown = y + rows - at;
      if (shown > 0)
        place_lines (p, at, x + b->indent, w, b->hang, first, shown, b->text, b->style);
      top += lines + b->gap;
    }

  if (c->scroll > 0)
    {
      int mark_row = y > 0 ? y - 1 : y;
      place_glyph (p, mark_row, x + width - 2, "\xE2\x96\xB2", "^", STYLE_NORMAL);
      /* The whole row, which holds nothing else: a finger need not find
         the mark. */
      add_target (c, mark_row, 1, x, width, TARGET_SCROLL_UP);
    }
  if (c->scroll < c->scroll_max)
    {
      char *mark = NULL;
      if (asprintf (&mark, "%s %s", glyph ("\xE2\x96\xBC", "v"), _("more below")) < 0)
        return;
      int w = text_width (mark);
      place_text (p, y + rows, x + width - w, w, 1, mark, STYLE_STRONG);
      add_target (c, y + rows, 1, x, width, TARGET_SCROLL_DOWN);
      free (mark);
    }
}

/* --- QR codes ------------------------------------------------------------ */

void
layout_code_size (const struct qr_image *image, int *rows, int *cols)
{
  bool halves = i18n_is_utf8 ();
  *cols = qr_text_cols (image) * (halves ? 1 : 2);
  *rows = halves ? qr_text_rows (image) : qr_text_cols (image);
}

/* Places the first of the frame's codes that fits at the right of the
   screen, with its caption under it, leaving BELOW rows at the foot free.
   Returns the columns it takes (0: none), and sets *BOTTOM to the first
   row under it. */
static int
place_code (const struct place *p, int below, int *bottom)
{
  const struct frame *f = p->frame;
  struct canvas *c = p->canvas;
  int top = f->top;

  *bottom = top;
  for (size_t i = 0; i < f->code_count; i++)
    {
      const struct frame_code *code = &f->codes[i];
      struct qr_image image;
      int rows, cols;
      if (code->needs_large && (c->cols < 120 || c->rows < 40))
        continue;
      if (qr_make (code->payload, &image) != 0)
        continue;
      layout_code_size (&image, &rows, &cols);
      int x = c->cols - cols - 1;
      if (code->needs_large ? top + rows + 2 > c->rows - 1 - below || x < 50
                            : rows + top + 2 > c->rows - 1 || x < 30)
        {
          qr_free (&image);
          if (code->needs_large)
            continue;
          /* TRANSLATORS: shown instead of the QR code; at most 3 lines of
             30 columns. */
          const char *too_small = _("The window is too small for the QR code.");
          *bottom = top + place_text (p, top, c->cols - 31, 30, 3, too_small, STYLE_STRONG);
          return 31;
        }
      c->has_code = true;
      c->code = image;
      c->code_row = top;
      c->code_col = x;
      /* The caption repeats the number in the list: it gives way to the
         foot's text when that needs the rows. */
      int caption_rows = text_rows (code->caption, cols);
      if (code->needs_large)
        caption_rows = 2;
      else if (top + rows + caption_rows > c->rows - 1 - below)
        caption_rows = 0;
      *bottom = top + rows + place_text (p, top + rows, x, cols, caption_rows, code->caption,
                                         STYLE_NORMAL);
      return cols + 1;
    }
  return 0;
}

/* The fewest rows the list of F at WIDTH can be shown in: all its items,
   or, scrolled, the tallest between its "more" marks. */
static int
list_least_rows (const struct frame *f, int width)
{
  int total = 0, tallest = 0;
  for (size_t i = 0; i < f->item_count; i++)
    {
      int h = text_rows (f->items[i].label, width - ITEM_MARK);
      total += h;
      tallest = h > tallest ? h : tallest;
    }
  return total < tallest + 2 ? total : tallest + 2;
}

/* The rows the foot's blocks take whole at the full width (below a code). */
static int
foot_rows_whole (const struct place *p)
{
  const struct frame *f = p->frame;
  int rows = 0;
  for (size_t i = 0; i < f->foot_count; i++)
    rows += text_rows (f->foot[i].text, p->canvas->cols - 4);
  return rows;
}

/* The foot's blocks at the bottom: below the code at the full width, else
   beside it at WIDTH; at most ROOM rows (or six, if ROOM is less), the last
   block (a source) first. Returns the rows used. */
static int
place_foot (const struct place *p, int width, int code_bottom, int room)
{
  const struct frame *f = p->frame;
  int rows = p->canvas->rows;
  int info_width = p->canvas->cols - 4;

  if (f->foot_count == 0)
    return 0;
  if (rows - 1 - foot_rows_whole (p) < code_bottom)
    info_width = width;
  /* The last block is the source: where a number comes from and when it
     was copied must be readable; then what to know of the number, as much
     as the rows the list can spare hold. */
  int heights[FRAME_MAX_FOOT];
  int left = room > 6 ? room : 6, total = 0;
  for (size_t k = f->foot_count; k-- > 0;)
    {
      int h = text_rows (f->foot[k].text, info_width);
      heights[k] = h > left ? left : h;
      left -= heights[k];
      total += heights[k];
    }
  int y = rows - 1 - total;
  for (size_t k = 0; k < f->foot_count; k++)
    y += place_text (p, y, 2, info_width, heights[k], f->foot[k].text, f->foot[k].style);
  return total;
}

/* --- Frames -------------------------------------------------------------- */

static void
layout_centred (const struct place *p)
{
  const struct frame *f = p->frame;
  struct canvas *c = p->canvas;
  int width = c->cols - 8 < 70 ? c->cols - 8 : 70;
  int row = c->rows / 2 + f->top;

  for (size_t i = 0; i < f->lead_count; i++)
    {
      const struct frame_block *b = &f->lead[i];
      int w = text_width (b->text);
      /* A one-line text is centred on its own width; a longer one is
         wrapped to WIDTH. */
      if (w > width)
        w = width;
      row += place_text (p, row, (c->cols - w) / 2, w, b->max_rows ? b->max_rows : 4, b->text,
                         b->style) + b->gap;
    }
}

static void
layout_page (const struct place *p)
{
  const struct frame *f = p->frame;
  struct canvas *c = p->canvas;
  int x = f->margin;
  int end = c->rows - 1;           /* the first row that is not the body's */
  int width = c->cols - 2 * x;
  int row = f->top;
  int code_bottom = f->top;

  if (f->code_count > 0)
    {
      int taken = place_code (p, foot_rows_whole (p), &code_bottom);
      if (taken > 0)
        width = c->cols - 3 - taken;
    }
  for (size_t i = 0; i < f->lead_count && row < end - 1; i++)
    {
      const struct frame_block *b = &f->lead[i];
      int room = end - row;
      int max = b->max_rows > 0 && b->max_rows < room ? b->max_rows : room;
      row += place_text (p, row, x + b->indent, width - b->indent, max, b->text, b->style)
             + b->gap;
    }
  /* The foot (a contact's note and source) may take the rows but those the
     list cannot do without: all of it when it is short, else its tallest
     item between the "more" marks, the rest of it a scroll away; and the
     blank row between them, unless the foot needs that too. */
  int room = end - row - list_least_rows (f, width);
  int blank = foot_rows_whole (p) < room ? 1 : 0;
  int foot_rows = place_foot (p, width, code_bottom, room - blank);
  if (foot_rows > 0)
    end -= foot_rows + blank;
  if (f->text_count > 0)
    {
      /* The text scrolls above the list, which keeps two rows an item. */
      int list_rows = 2 * (int) f->item_count;
      place_blocks (p, row, x, width, end - list_rows - 1 - row);
      place_items (p, end - list_rows, x, width, list_rows, 0);
    }
  else
    place_items (p, row, x, width, end - row, f->scroll > 0 ? (size_t) f->scroll : 0);
}

/* The rows a FRAME_CODE page has for its code and what goes with it. */
static int
code_page_room (int rows)
{
  return rows - 2;    /* between the bars */
}

bool
layout_code_fits (const char *payload, int rows, int cols)
{
  struct qr_image image;
  int code_rows, code_cols;
  if (qr_make (payload, &image) != 0)
    return false;
  layout_code_size (&image, &code_rows, &code_cols);
  qr_free (&image);
  /* The code and at least one row under it for what it holds. */
  return code_rows + 1 <= code_page_room (rows) && code_cols <= cols;
}

static void
layout_code_page (const struct place *p)
{
  const struct frame *f = p->frame;
  struct canvas *c = p->canvas;
  int x = f->margin, width = c->cols - 2 * x;
  int top = 1, room = code_page_room (c->rows);
  struct qr_image image;
  int code_rows, code_cols;

  if (f->code_count == 0 || !layout_code_fits (f->codes[0].payload, c->rows, c->cols)
      || qr_make (f->codes[0].payload, &image) != 0)
    {
      int y = top + 1 + place_text (p, top + 1, x, width, 3,
                                _("The window is too small for the QR code."), STYLE_STRONG);
      for (size_t i = 0; i < f->foot_count && y < c->rows - 1; i++)
        y += place_text (p, y + 1, x, width, c->rows - 2 - y, f->foot[i].text, f->foot[i].style)
             + 1;
      return;
    }
  layout_code_size (&image, &code_rows, &code_cols);
  /* Under the code what it holds comes first; the lead only where rows
     are left, a blank row between. */
  int left = room - code_rows, foot_rows = 0, lead_rows = 0;
  for (size_t i = 0; i < f->foot_count; i++)
    {
      int h = text_rows (f->foot[i].text, width);
      h = h < left - foot_rows ? h : left - foot_rows;
      foot_rows += h > 0 ? h : 0;
    }
  left -= foot_rows;
  for (size_t i = 0; i < f->lead_count; i++)
    lead_rows += text_rows (f->lead[i].text, width);
  bool with_lead = lead_rows > 0 && lead_rows + 1 <= left;
  int used = code_rows + foot_rows + (with_lead ? lead_rows + 1 : 0);
  int y = top + (room - used) / 2;    /* the whole block centred */

  if (with_lead)
    {
      for (size_t i = 0; i < f->lead_count; i++)
        y += place_text (p, y, x, width, lead_rows, f->lead[i].text, f->lead[i].style);
      y++;
    }
  c->has_code = true;
  c->code = image;
  c->code_row = y;
  c->code_col = (c->cols - code_cols) / 2;
  y += code_rows;
  for (size_t i = 0; i < f->foot_count && y < top + room; i++)
    {
      /* Each line of what the code holds is centred under it. */
      const char *text = f->foot[i].text;
      int w = text_width (text) < width ? text_width (text) : width;
      y += place_text (p, y, (c->cols - w) / 2, w, top + room - y, text, f->foot[i].style);
    }
}

void
layout_frame (const struct frame *frame, int rows, int cols, struct canvas *canvas)
{
  struct place p = { frame, canvas };

  canvas_free (canvas);
  canvas->rows = rows > 0 ? rows : 0;
  canvas->cols = cols > 0 ? cols : 0;
  if (canvas->rows == 0 || canvas->cols == 0)
    return;
  if (frame->title)
    place_title (&p);
  if (frame->footer)
    place_footer (&p);
  if (frame->layout == FRAME_CENTRED)
    layout_centred (&p);
  else if (frame->layout == FRAME_CODE)
    layout_code_page (&p);
  else
    layout_page (&p);
  if (frame->whole_screen)
    {
      canvas->targets[0] = (struct target) { 0, canvas->rows, 0, canvas->cols, 0 };
      canvas->target_count = 1;
    }
}
