/* test-qr.c -- QR matrices and their half-block rendering. Decoding what
   the screen shows with a real decoder is done by the screen tests. */
#include <config.h>

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "qr.h"
#include "tap.h"

/* Reads the rendering back into modules and compares with the image. */
static int
rendering_matches (const struct qr_image *image)
{
  int cols = qr_text_cols (image), rows = qr_text_rows (image);
  wchar_t *line = malloc ((size_t) (cols + 1) * sizeof *line);
  int same = line != NULL;
  for (int r = 0; same && r < rows; r++)
    {
      qr_render_row (image, r, line);
      same &= (int) wcslen (line) == cols;
      for (int c = 0; same && c < cols; c++)
        {
          int top = line[c] == L'\x2588' || line[c] == L'\x2580';
          int bottom = line[c] == L'\x2588' || line[c] == L'\x2584';
          int x = c - QR_QUIET_ZONE, y = 2 * r - QR_QUIET_ZONE;
          same &= top == qr_is_dark (image, x, y) && bottom == qr_is_dark (image, x, y + 1);
        }
    }
  free (line);
  return same;
}

int
main (void)
{
  struct qr_image image;

  ok (qr_make ("tel:1300", &image) == 0, "a tel: URI encodes");
  ok (image.width == 21, "a short URI is a version 1 code (21 modules)");
  ok (qr_text_cols (&image) == 29 && qr_text_rows (&image) == 15,
      "with the 4-module quiet zone it takes 29 columns by 15 rows");
  ok (qr_is_dark (&image, 0, 0) && qr_is_dark (&image, 6, 6) && !qr_is_dark (&image, 7, 7),
      "the finder pattern is where the standard puts it");
  ok (!qr_is_dark (&image, -1, 0) && !qr_is_dark (&image, 0, image.width),
      "the quiet zone is light");
  ok (rendering_matches (&image), "the half-block rendering shows exactly the modules");
  qr_free (&image);
  ok (image.dark == NULL && image.width == 0, "qr_free empties the image");

  ok (qr_make ("\xe0\xa4\xa8\xe0\xa5\x87\xe0\xa4\xaa\xe0\xa4\xbe\xe0\xa4\xb2", &image) == 0
      && rendering_matches (&image), "a Devanagari payload encodes in byte mode");
  qr_free (&image);

  size_t huge = 8000;
  char *big = malloc (huge + 1);
  memset (big, 'x', huge);
  big[huge] = '\0';
  errno = 0;
  ok (qr_make (big, &image) == -1 && errno == ERANGE,
      "a payload too long for any QR code fails with ERANGE");
  free (big);
  return tap_done ();
}
