/* qr.c -- QR encoding through libqrencode, and half-block rendering. */
#include <config.h>
#include "qr.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <qrencode.h>

int
qr_make (const char *payload, struct qr_image *image)
{
  /* Byte mode (no Kanji guessing) so UTF-8 survives; level M is what a phone
     camera reads reliably from a screen or a thermal print. A payload with
     non-ASCII text says it is UTF-8 (ECI 26), or readers may take it for
     Shift-JIS. */
  bool ascii = true;
  for (const unsigned char *p = (const unsigned char *) payload; *p; p++)
    ascii &= *p < 0x80;
  QRinput *input = QRinput_new2 (0, QR_ECLEVEL_M);
  QRcode *code = NULL;
  if (input && (ascii || QRinput_appendECIheader (input, 26) == 0)
      && QRinput_append (input, QR_MODE_8, (int) strlen (payload),
                         (const unsigned char *) payload) == 0)
    code = QRcode_encodeInput (input);
  int saved = errno;
  QRinput_free (input);
  errno = saved;
  if (!code)
    return -1;

  size_t n = (size_t) code->width * (size_t) code->width;
  image->dark = malloc (n);
  if (!image->dark)
    {
      QRcode_free (code);
      errno = ENOMEM;
      return -1;
    }
  image->width = code->width;
  for (size_t i = 0; i < n; i++)
    image->dark[i] = code->data[i] & 1;
  QRcode_free (code);
  return 0;
}

void
qr_free (struct qr_image *image)
{
  free (image->dark);
  image->dark = NULL;
  image->width = 0;
}

bool
qr_is_dark (const struct qr_image *image, int x, int y)
{
  if (x < 0 || y < 0 || x >= image->width || y >= image->width)
    return false;
  return image->dark[(size_t) y * (size_t) image->width + (size_t) x];
}

int
qr_text_cols (const struct qr_image *image)
{
  return image->width + 2 * QR_QUIET_ZONE;
}

int
qr_text_rows (const struct qr_image *image)
{
  return (qr_text_cols (image) + 1) / 2;
}

void
qr_render_row (const struct qr_image *image, int row, wchar_t *out)
{
  static const wchar_t glyph[2][2] = {
    /* [top dark][bottom dark] */
    { L' ', L'\x2584' },
    { L'\x2580', L'\x2588' },
  };
  int cols = qr_text_cols (image);
  int top = 2 * row - QR_QUIET_ZONE;

  for (int col = 0; col < cols; col++)
    {
      int x = col - QR_QUIET_ZONE;
      out[col] = glyph[qr_is_dark (image, x, top)][qr_is_dark (image, x, top + 1)];
    }
  out[cols] = L'\0';
}
