/* render_text.c -- the second renderer: a canvas as UTF-8 text, the cells a
   terminal would show, for tests to compare whole screens with diff. */
#include <config.h>
#include "layout.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "i18n.h"
#include "wrap.h"

/* A cell holds a spacing character and the marks that combine with it, as
   a terminal's does; the second column of a wide character holds none. */
enum { CELL_CHARS = 8 };
struct cell
{
  wchar_t c[CELL_CHARS + 1];
  bool tail;
};

static void
put_char (struct cell *row, int cols, int *col, wchar_t ch)
{
  int w = wrap_width (&ch, 1);
  if (w == 0)
    {
      /* A mark joins the character before it. */
      int at = *col - 1;
      while (at > 0 && row[at].tail)
        at--;
      if (at >= 0)
        {
          size_t n = wcslen (row[at].c);
          if (n < CELL_CHARS)
            row[at].c[n] = ch, row[at].c[n + 1] = L'\0';
        }
      return;
    }
  if (*col + w > cols)
    return;
  /* Covering half of a wide character blanks its other half. */
  if (row[*col].tail && *col > 0)
    row[*col - 1] = (struct cell) { { L' ' }, false };
  if (*col + w < cols && row[*col + w].tail)
    row[*col + w] = (struct cell) { { L' ' }, false };
  row[*col] = (struct cell) { { ch }, false };
  if (w == 2)
    row[*col + 1] = (struct cell) { { L'\0' }, true };
  *col += w;
}

static void
put_string (struct cell *row, int cols, int col, const wchar_t *s)
{
  for (; *s; s++)
    put_char (row, cols, &col, *s);
}

static void
paint_code (const struct canvas *canvas, struct cell *grid)
{
  const struct qr_image *image = &canvas->code;
  int cols = qr_text_cols (image);
  if (i18n_is_utf8 ())
    {
      wchar_t *line = malloc ((size_t) (cols + 1) * sizeof *line);
      if (!line)
        return;
      for (int r = 0; r < qr_text_rows (image); r++)
        {
          int y = canvas->code_row + r;
          if (y < 0 || y >= canvas->rows)
            continue;
          qr_render_row (image, r, line);
          line[cols] = L'\0';
          put_string (grid + (size_t) y * (size_t) canvas->cols, canvas->cols, canvas->code_col,
                      line);
        }
      free (line);
      return;
    }
  for (int r = 0; r < cols; r++)
    {
      int y = canvas->code_row + r;
      if (y < 0 || y >= canvas->rows)
        continue;
      for (int c = 0; c < cols; c++)
        {
          bool dark = qr_is_dark (image, c - QR_QUIET_ZONE, r - QR_QUIET_ZONE);
          put_string (grid + (size_t) y * (size_t) canvas->cols, canvas->cols,
                      canvas->code_col + 2 * c, dark ? L"##" : L"  ");
        }
    }
}

char *
canvas_dump (const struct canvas *canvas)
{
  size_t cells = (size_t) canvas->rows * (size_t) canvas->cols;
  struct cell *grid = calloc (cells ? cells : 1, sizeof *grid);
  char *text = NULL;
  size_t size = 0;
  FILE *out;

  if (!grid)
    return NULL;
  for (size_t i = 0; i < cells; i++)
    grid[i].c[0] = L' ';
  for (size_t i = 0; i < canvas->span_count; i++)
    {
      const struct span *s = &canvas->spans[i];
      put_string (grid + (size_t) s->row * (size_t) canvas->cols, canvas->cols, s->col,
                  canvas->text + s->start);
    }
  if (canvas->has_code)
    paint_code (canvas, grid);

  out = open_memstream (&text, &size);
  if (!out)
    {
      free (grid);
      return NULL;
    }
  for (int r = 0; r < canvas->rows; r++)
    {
      const struct cell *row = grid + (size_t) r * (size_t) canvas->cols;
      int last = canvas->cols - 1;
      while (last >= 0 && !row[last].tail && row[last].c[0] == L' ' && !row[last].c[1])
        last--;
      for (int c = 0; c <= last; c++)
        for (const wchar_t *ch = row[c].c; *ch; ch++)
          {
            char mb[MB_LEN_MAX];
            mbstate_t state;
            memset (&state, 0, sizeof state);
            size_t n = wcrtomb (mb, *ch, &state);
            if (n != (size_t) -1)
              fwrite (mb, 1, n, out);
          }
      fputc ('\n', out);
    }
  free (grid);
  if (fclose (out) != 0)
    {
      free (text);
      return NULL;
    }
  return text;
}
