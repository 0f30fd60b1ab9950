/* test-qr.c -- QR matrices and their half-block rendering. Decoding what
   the screen shows with a real decoder is done by the screen tests. */
#include <config.h>

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "qr.h"
#include "qr_file.h"
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
  /* Text on a receipt is never a printer command: a line holding a paper
     cut (GS V), a drawer kick (ESC p) or a C1 code prints as '?'. */
  char *receipt = NULL;
  size_t receipt_len = 0;
  FILE *out = open_memstream (&receipt, &receipt_len);
  const char *lines[] = { "Hotline 1300\x1dV\x42", "Drawer\x1bp\x30\x19\xfa", "C1 \xc2\x9b""2J" };
  struct qr_image none;
  memset (&none, 0, sizeof none);
  ok (out && qr_write_escpos (out, "Title\x07", lines, 3, &none, 0, 384) == 0,
      "a receipt is written");
  if (out)
    fclose (out);
  /* The commands it writes itself: ESC @, ESC a, ESC E, and the final cut. */
  const char *text = receipt ? memchr (receipt, 'T', receipt_len) : NULL;
  const char *end = receipt ? receipt + receipt_len - 6 : NULL;   /* "\n\n\n" GS V 66 0 */
  bool clean = text != NULL;
  for (const char *c = text; clean && c < end; c++)
    clean = !(*c == '\x1b' && c[1] != 'E' && c[1] != 'a') && *c != '\x1d' && *c != '\x07'
            && (unsigned char) *c != 0xc2;
  /* (memmem: the commands hold NUL bytes) */
  ok (clean && memmem (text, (size_t) (end - text), "Hotline 1300?VB\n", 16)
      && memmem (text, (size_t) (end - text), "Title?\n", 7),
      "control codes in its text are printed as '?', not sent as commands");
  free (receipt);

  return tap_done ();
}
