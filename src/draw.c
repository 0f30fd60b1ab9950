/* draw.c -- the curses side of text layout: wrapped text, bars, list items
   and QR codes. Layout decisions come from wrap.c; this file only paints. */
#include <config.h>
#include "draw.h"

#include <stdlib.h>
#include <string.h>
#include <curses.h>
#include "system.h"
#include "bidi.h"
#include "i18n.h"
#include "wrap.h"

enum { MAX_LINES = 64 };

static const wchar_t ellipsis[] = L"\x2026";

/* The terminal's theme: set once when the terminal opens. */
static enum draw_theme theme;
static bool colours;

void
draw_init_colours (enum draw_theme chosen)
{
  theme = chosen;
  colours = has_colors ();
  if (!colours)
    return;
  start_color ();
  use_default_colors ();
  /* Dark modules must be dark whatever the theme and the terminal's own
     background, or phones cannot read the code. */
  init_pair (PAIR_QR, COLOR_BLACK, COLOR_WHITE);
  init_pair (PAIR_QR_DARK, COLOR_WHITE, COLOR_BLACK);
  if (theme == THEME_CONTRAST)
    {
      /* Bright text on black, black on bright for what matters. */
      init_pair (PAIR_NORMAL, COLOR_WHITE, COLOR_BLACK);
      init_pair (PAIR_BAR, COLOR_BLACK, COLOR_WHITE);
      init_pair (PAIR_HIGH, COLOR_WHITE, COLOR_RED);
      init_pair (PAIR_MEDIUM, COLOR_BLACK, COLOR_YELLOW);
      init_pair (PAIR_LOW, COLOR_BLACK, COLOR_GREEN);
      init_pair (PAIR_SELECTED, COLOR_BLACK, COLOR_YELLOW);
      bkgd (COLOR_PAIR (PAIR_NORMAL) | A_BOLD);
    }
  else if (theme == THEME_DEFAULT)
    {
      init_pair (PAIR_BAR, COLOR_WHITE, COLOR_BLUE);
      init_pair (PAIR_HIGH, COLOR_WHITE, COLOR_RED);
      init_pair (PAIR_MEDIUM, COLOR_BLACK, COLOR_YELLOW);
      init_pair (PAIR_LOW, COLOR_BLACK, COLOR_GREEN);
    }
}

/* The attribute of PAIR in this theme; monochrome has only attributes, but
   a QR code keeps its explicit colours where the terminal has them. */
static attr_t
pair_attr (enum draw_pair pair)
{
  bool qr = pair == PAIR_QR || pair == PAIR_QR_DARK;
  if (!colours || pair == PAIR_NORMAL || (theme == THEME_MONO && !qr))
    {
      if (pair == PAIR_HIGH || pair == PAIR_MEDIUM || pair == PAIR_LOW || pair == PAIR_BAR
          || pair == PAIR_SELECTED)
        return A_REVERSE;
      return 0;
    }
  if (pair == PAIR_SELECTED && theme != THEME_CONTRAST)
    return A_REVERSE;
  return COLOR_PAIR (pair);
}

void
draw_begin (struct view *view)
{
  erase ();
  getmaxyx (stdscr, view->rows, view->cols);
  view->target_count = 0;
}

/* Whether this frame's text runs right to left and is reordered here. */
static bool rtl;

void
draw_set_rtl (bool on)
{
  rtl = on;
}

/* Paints the N characters at S at (Y, X), never past the right edge; a
   right-to-left line is reordered for the terminal and aligned right. */
static void
put_wide (int y, int x, const wchar_t *s, size_t n, int max_width)
{
  int used = 0;
  size_t i = 0;
  while (i < n)
    {
      int w = wrap_width (s + i, 1);
      if (used + w > max_width)
        break;
      used += w;
      i++;
    }
  if (i == 0)
    return;
  /* Terminated, like every string given to curses: ncurses may read a
     wide string up to its end whatever the count (ASan found a read past a
     bare buffer here). */
  wchar_t *visual = rtl ? malloc ((i + 1) * sizeof *visual) : NULL;
  if (visual && bidi_visual_line (s, i, visual))
    {
      visual[i] = L'\0';
      mvaddnwstr (y, x + max_width - wrap_width (visual, i), visual, (int) i);
      free (visual);
      return;
    }
  free (visual);
  mvaddnwstr (y, x, s, (int) i);
}

int
draw_text_width (const char *text)
{
  wchar_t *wide = wrap_decode (text);
  int width = wide ? wrap_width (wide, wcslen (wide)) : 0;
  free (wide);
  return width;
}

int
draw_text_rows (const char *text, int width)
{
  wchar_t *wide = wrap_decode (text);
  if (!wide)
    return 1;
  int rows = (int) wrap_text (wide, width, NULL, 0);
  free (wide);
  return rows;
}

int
draw_text (int y, int x, int width, int max_rows, const char *text,
           unsigned long attr, enum draw_pair pair)
{
  struct wrap_line lines[MAX_LINES];
  wchar_t *wide;
  size_t needed, shown;

  if (max_rows <= 0 || width <= 0)
    return 0;
  wide = wrap_decode (text);
  if (!wide)
    return 0;
  needed = wrap_text (wide, width, lines, MAX_LINES);
  shown = needed < (size_t) max_rows ? needed : (size_t) max_rows;
  if (shown > MAX_LINES)
    shown = MAX_LINES;

  attron ((attr_t) attr | pair_attr (pair));
  for (size_t i = 0; i < shown; i++)
    {
      const struct wrap_line *line = &lines[i];
      bool cut = i + 1 == shown && needed > shown;
      int room = cut ? width - 1 : width;
      put_wide (y + (int) i, x, wide + line->start, line->length, room);
      if (cut)
        {
          int at = line->width < room ? line->width : room;
          mvaddwstr (y + (int) i, x + at, ellipsis);
        }
    }
  attroff ((attr_t) attr | pair_attr (pair));
  free (wide);
  return (int) shown;
}

void
draw_text_lines (int y, int x, int width, int first, int rows, const char *text,
                 unsigned long attr)
{
  struct wrap_line lines[MAX_LINES];
  wchar_t *wide = wrap_decode (text);
  if (!wide || width <= 0)
    {
      free (wide);
      return;
    }
  size_t needed = wrap_text (wide, width, lines, MAX_LINES);
  attron ((attr_t) attr);
  for (int r = 0; r < rows; r++)
    {
      size_t i = (size_t) (first + r);
      if (first + r < 0 || i >= needed || i >= MAX_LINES)
        continue;
      put_wide (y + r, x, wide + lines[i].start, lines[i].length, width);
    }
  attroff ((attr_t) attr);
  free (wide);
}

static void
draw_bar (int y, int cols, const char *text)
{
  attr_t attr = A_BOLD | pair_attr (PAIR_BAR);
  attron (attr);
  mvhline (y, 0, ' ', cols);
  attroff (attr);
  draw_text (y, 1, cols - 2, 1, text, attr, PAIR_NORMAL);
}

void
draw_header (const struct view *view, const char *title)
{
  draw_bar (0, view->cols, title);
}

const char *
draw_glyph (const char *utf8, const char *ascii)
{
  static int utf8_terminal = -1;
  if (utf8_terminal < 0)
    utf8_terminal = i18n_is_utf8 ();
  return utf8_terminal ? utf8 : ascii;
}

static void
add_button (struct view *view, int x, int width, int item)
{
  if (view->target_count < VIEW_MAX_TARGETS)
    view->targets[view->target_count++] = (struct target) {
      .top = view->rows - 1, .height = 1, .left = x, .width = width, .item = item };
}

/* Draws a button labelled LABEL at (Y, X), sized to its label; returns its
   width. */
static int
draw_button (struct view *view, int y, int x, const char *label, int item)
{
  int w = draw_text_width (label) + 2;
  w = w < 12 ? 12 : w;
  if (x < 0)
    x = view->cols + x - w;    /* from the right edge */
  draw_text (y, x, w, 1, label, A_BOLD | A_REVERSE, PAIR_NORMAL);
  add_button (view, x, w, item);
  return w;
}

void
draw_footer (struct view *view, const char *hints, bool back)
{
  /* TRANSLATORS: buttons on the bottom row, for touch screens; each at most
     10 columns. */
  const char *help = _("Help"), *hide = _("Hide"), *back_label = _("Back");
  char label[128];
  int y = view->rows - 1;
  int left = 0, right = view->cols;

  draw_bar (y, view->cols, "");
  snprintf (label, sizeof label, " %s %s ", draw_glyph ("\xE2\x9C\x95", "x"), hide);
  right -= draw_button (view, y, -1 - (view->cols - right), label, TARGET_HIDE) + 1;
  snprintf (label, sizeof label, " ? %s ", help);
  right -= draw_button (view, y, -1 - (view->cols - right), label, TARGET_HELP);
  if (back)
    {
      snprintf (label, sizeof label, " %s %s ", draw_glyph ("\xE2\x97\x80", "<"), back_label);
      left = draw_button (view, y, 0, label, TARGET_BACK) + 1;
    }
  if (right - left - 2 > 0)
    draw_text (y, left + 1, right - left - 2, 1, hints, A_BOLD, PAIR_BAR);
}

/* Which items fit: from *FIRST on, as many as MAX_ROWS holds, keeping
   SELECTED in view. Returns how many, and whether blank rows separate them. */
static size_t
visible_items (const int *rows, size_t count, size_t selected, int max_rows,
               size_t *first, bool *spaced)
{
  int total = 0;
  for (size_t i = 0; i < count; i++)
    total += rows[i];
  /* A blank row between items makes larger touch targets when it fits. */
  *spaced = total + (int) count - 1 <= max_rows;
  if (total <= max_rows)
    {
      *first = 0;
      return count;
    }
  /* Scrolling: one row above and one below may be needed for the arrows. */
  int room = max_rows - 2;
  size_t from = 0;
  for (;;)
    {
      int used = 0;
      for (size_t i = from; i <= selected && i < count; i++)
        used += rows[i];
      if (used <= room || from == selected)
        break;
      from++;
    }
  size_t shown = 0;
  int used = 0;
  while (from + shown < count && used + rows[from + shown] <= room)
    used += rows[from + shown++];
  *first = from;
  return shown ? shown : 1;
}

int
draw_items (struct view *view, int y, int x, int width, int max_rows,
            const char *const *labels, size_t count, size_t selected)
{
  return draw_items_noted (view, y, x, width, max_rows, labels, NULL, count, selected);
}

int
draw_items_noted (struct view *view, int y, int x, int width, int max_rows,
                  const char *const *labels, const char *const *notes, size_t count,
                  size_t selected)
{
  enum { MARK = 5, MAX_ITEMS = 128 };    /* "> 1  " before the label */
  int rows[MAX_ITEMS];
  size_t first, shown;
  bool spaced;
  int row = y;

  if (count > MAX_ITEMS)
    count = MAX_ITEMS;
  if (count == 0 || max_rows <= 0)
    return 0;
  for (size_t i = 0; i < count; i++)
    rows[i] = draw_text_rows (labels[i], width - MARK);
  shown = visible_items (rows, count, selected, max_rows, &first, &spaced);
  bool scrolled = shown < count;

  if (scrolled)
    {
      if (first > 0)
        mvaddstr (row, x + 2, draw_glyph ("\xE2\x96\xB2", "^"));   /* more above */
      row++;
    }
  for (size_t i = first; i < first + shown && row < y + max_rows; i++)
    {
      bool on = i == selected;
      attr_t attr = on ? pair_attr (PAIR_SELECTED) | A_BOLD : A_NORMAL;
      int room = y + max_rows - row - (scrolled ? 1 : 0);
      int height = rows[i] < room ? rows[i] : room;
      char mark[32];

      if (height <= 0)
        break;
      attron (attr);
      for (int r = 0; r < height; r++)
        mvhline (row + r, x, ' ', width);
      /* Items past 9 have no number key; they are reached by arrows and taps. */
      const char *arrow = draw_glyph ("\xE2\x96\xB6", ">");
      if (i < 9)
        snprintf (mark, sizeof mark, "%s%s%zu", on ? arrow : " ", " ", i + 1);
      else
        snprintf (mark, sizeof mark, "%s", on ? arrow : "");
      mvaddstr (row, x, mark);
      attroff (attr);
      draw_text (row, x + MARK, width - MARK, height, labels[i], attr, PAIR_NORMAL);
      if (notes && notes[i] && height == 1)
        {
          /* The note goes after the label on its row, dim, if it fits. */
          int used = draw_text_width (labels[i]);
          int space = width - MARK - used - 3;
          if (space >= draw_text_width (notes[i]))
            draw_text (row, x + MARK + used + 3, space, 1, notes[i], attr | A_DIM, PAIR_NORMAL);
        }

      if (view->target_count < VIEW_MAX_TARGETS)
        view->targets[view->target_count++] = (struct target) {
          .top = row, .height = height + (spaced ? 1 : 0),
          .left = x, .width = width, .item = (int) i };
      row += height + (spaced ? 1 : 0);
    }
  if (scrolled && first + shown < count)
    mvaddstr (y + max_rows - 1, x + 2, draw_glyph ("\xE2\x96\xBC", "v"));   /* more below */
  return scrolled ? max_rows : row - y;
}

void
draw_blocks (struct view *view, int y, int x, int width, int rows,
             const struct text_block *blocks, size_t count, int *scroll)
{
  int height = 0;
  for (size_t i = 0; i < count; i++)
    height += draw_text_rows (blocks[i].text, width - blocks[i].indent) + blocks[i].gap;
  int last = height > rows ? height - rows : 0;
  /* Scrolling past either end stops there; the clamped place is kept so the
     next key moves from what is on screen. */
  *scroll = *scroll > last ? last : *scroll < 0 ? 0 : *scroll;

  int top = 0;    /* the current block's first row in the whole text */
  for (size_t i = 0; i < count && top < *scroll + rows; i++)
    {
      const struct text_block *b = &blocks[i];
      int w = width - b->indent;
      int lines = draw_text_rows (b->text, w);
      int first = *scroll - top > 0 ? *scroll - top : 0;
      int at = y + top + first - *scroll;
      int shown = lines - first;
      if (at + shown > y + rows)
        shown = y + rows - at;
      if (shown > 0)
        {
          attr_t attr = (attr_t) b->attr | pair_attr (b->pair);
          draw_text_lines (at, x + b->indent, w, first, shown, b->text, attr);
        }
      top += lines + b->gap;
    }

  char mark[64];
  if (*scroll > 0)
    {
      snprintf (mark, sizeof mark, "%s", draw_glyph ("\xE2\x96\xB2", "^"));
      mvaddstr (y > 0 ? y - 1 : y, x + width - 2, mark);
      if (view->target_count < VIEW_MAX_TARGETS)
        view->targets[view->target_count++] = (struct target) {
          y > 0 ? y - 1 : y, 1, x + width - 12, 12, TARGET_SCROLL_UP };
    }
  if (*scroll < last)
    {
      /* TRANSLATORS: shown while more text is below the screen. */
      snprintf (mark, sizeof mark, "%s %s", draw_glyph ("\xE2\x96\xBC", "v"), _("more below"));
      int w = draw_text_width (mark);
      draw_text (y + rows, x + width - w, w, 1, mark, A_BOLD, PAIR_NORMAL);
      if (view->target_count < VIEW_MAX_TARGETS)
        view->targets[view->target_count++] = (struct target) {
          y + rows, 1, x + width - w - 2, w + 2, TARGET_SCROLL_DOWN };
    }
}

void
draw_qr_size (const struct qr_image *image, int *rows, int *cols)
{
  bool halves = i18n_is_utf8 ();
  *cols = qr_text_cols (image) * (halves ? 1 : 2);
  *rows = halves ? qr_text_rows (image) : qr_text_cols (image);
}

void
draw_qr (int y, int x, const struct qr_image *image)
{
  int cols = qr_text_cols (image);

  if (!i18n_is_utf8 ())
    {
      /* Two cells a module, one row a module: blanks painted dark or light
         where the terminal has colours, "##" where it has none. */
      for (int r = 0; r < cols; r++)
        for (int c = 0; c < cols; c++)
          {
            bool dark = qr_is_dark (image, c - QR_QUIET_ZONE, r - QR_QUIET_ZONE);
            attr_t attr = colours ? COLOR_PAIR (dark ? PAIR_QR_DARK : PAIR_QR) : A_NORMAL;
            attron (attr);
            mvaddstr (y + r, x + 2 * c, colours || !dark ? "  " : "##");
            attroff (attr);
          }
      return;
    }

  int rows = qr_text_rows (image);
  wchar_t *line = malloc ((size_t) (cols + 1) * sizeof *line);
  attr_t attr = pair_attr (PAIR_QR);
  if (!line)
    return;
  attron (attr);
  for (int r = 0; r < rows; r++)
    {
      qr_render_row (image, r, line);
      /* Without colours the terminal's own light-on-dark must do: draw the
         light modules instead, so that dark stays dark. */
      for (int c = 0; !colours && c < cols; c++)
        line[c] = line[c] == L' ' ? L'\x2588' : line[c] == L'\x2588' ? L' '
                  : line[c] == L'\x2580' ? L'\x2584' : L'\x2580';
      mvaddnwstr (y + r, x, line, cols);
    }
  attroff (attr);
  free (line);
}

int
view_hit (const struct view *view, int y, int x)
{
  for (size_t i = 0; i < view->target_count; i++)
    {
      const struct target *t = &view->targets[i];
      if (y >= t->top && y < t->top + t->height && x >= t->left
          && x < t->left + t->width)
        return t->item;
    }
  return TARGET_NONE;
}
