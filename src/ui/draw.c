/* draw.c -- paints a canvas (layout.c decided where everything goes) on the
   terminal with curses: the only code that does. */
#include <config.h>
#include "draw.h"

#include <stdlib.h>
#include <curses.h>
#include "i18n.h"

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

/* How each style looks. */
static attr_t
style_attr (enum style style)
{
  switch (style)
    {
    case STYLE_STRONG:
      return A_BOLD;
    case STYLE_DIM:
      return A_DIM;
    case STYLE_TITLE:
      return A_BOLD | A_UNDERLINE;
    case STYLE_HIGH:
      return A_BOLD | pair_attr (PAIR_HIGH);
    case STYLE_MEDIUM:
      return A_BOLD | pair_attr (PAIR_MEDIUM);
    case STYLE_LOW:
      return A_BOLD | pair_attr (PAIR_LOW);
    case STYLE_BAR:
      return A_BOLD | pair_attr (PAIR_BAR);
    case STYLE_BUTTON:
      return A_BOLD | A_REVERSE;
    case STYLE_SELECTED:
      return A_BOLD | pair_attr (PAIR_SELECTED);
    case STYLE_SELECTED_DIM:
      return A_BOLD | A_DIM | pair_attr (PAIR_SELECTED);
    case STYLE_NORMAL:
    case STYLE_COUNT:
    default:
      return A_NORMAL;
    }
}

static void
draw_code (int y, int x, const struct qr_image *image)
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

void
draw_canvas (const struct canvas *canvas)
{
  erase ();
  for (size_t i = 0; i < canvas->span_count; i++)
    {
      const struct span *s = &canvas->spans[i];
      attr_t attr = style_attr (s->style);
      attron (attr);
      mvaddnwstr (s->row, s->col, canvas->text + s->start, (int) s->length);
      attroff (attr);
    }
  if (canvas->has_code)
    draw_code (canvas->code_row, canvas->code_col, &canvas->code);
}
