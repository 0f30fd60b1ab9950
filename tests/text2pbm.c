/* text2pbm.c -- paints a screen written as text (a QR code in half blocks
   among the rows) as a PBM image, for zbarimg to decode as a camera would:
   each cell is a column of two modules, dark where the block character
   shows ink (U+2588 both, U+2580 the top one, U+2584 the bottom one) and
   light everywhere else, text included, each module SCALE pixels a side.

   Usage: text2pbm < SCREEN > IMAGE.pbm  */
#include <config.h>

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

enum { SCALE = 4, MAX_ROWS = 400, MAX_COLS = 400 };

static unsigned char cells[MAX_ROWS][MAX_COLS];   /* bit 1: top dark, bit 2: bottom */

int
main (void)
{
  char line[8192];
  int rows = 0, cols = 0;

  setlocale (LC_ALL, "C.UTF-8");
  while (rows < MAX_ROWS && fgets (line, sizeof line, stdin))
    {
      mbstate_t state;
      memset (&state, 0, sizeof state);
      int col = 0;
      for (const char *p = line; *p && *p != '\n' && col < MAX_COLS - 1;)
        {
          wchar_t c;
          size_t n = mbrtowc (&c, p, strlen (p), &state);
          if (n == 0 || n == (size_t) -1 || n == (size_t) -2)
            {
              memset (&state, 0, sizeof state);
              n = 1;
              c = L'?';
            }
          /* A cell a column: a mark takes none, a wide character two. */
          int w = wcwidth (c);
          if (w > 0)
            cells[rows][col] = c == L'\x2588' ? 3 : c == L'\x2580' ? 1 : c == L'\x2584' ? 2 : 0;
          col += w > 0 ? w : 0;
          p += n;
        }
      cols = col > cols ? col : cols;
      rows++;
    }
  /* A light margin around it all: the quiet zone a camera needs. */
  int margin = 4;
  int width = (cols + 2 * margin) * SCALE, height = (2 * rows + 2 * margin) * SCALE;
  printf ("P1\n%d %d\n", width, height);
  for (int y = 0; y < height; y++)
    {
      int module_row = y / SCALE - margin;
      for (int x = 0; x < width; x++)
        {
          int col = x / SCALE - margin;
          int dark = 0;
          if (module_row >= 0 && module_row < 2 * rows && col >= 0 && col < cols)
            dark = cells[module_row / 2][col] & (module_row % 2 ? 2 : 1);
          putchar (dark ? '1' : '0');
          putchar (x + 1 < width ? ' ' : '\n');
        }
    }
  return ferror (stdout) ? 1 : 0;
}
