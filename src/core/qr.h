/* qr.h -- QR code matrices and their text rendering, with no terminal calls. */
#ifndef SAFEJOB_QR_H
#define SAFEJOB_QR_H

#include <stdbool.h>
#include <wchar.h>

/* The quiet zone ISO/IEC 18004 requires around a code, in modules. */
enum { QR_QUIET_ZONE = 4 };

struct qr_image
{
  int width;             /* modules per side, without the quiet zone */
  unsigned char *dark;   /* width * width bytes, 1 for a dark module */
};

/* Encodes PAYLOAD (UTF-8, byte mode, error correction level M) into *IMAGE.
   Returns 0, or -1 with errno set (ERANGE: too long for any QR code;
   ENOMEM). Free the image with qr_free. */
int qr_make (const char *payload, struct qr_image *image);

void qr_free (struct qr_image *image);

/* True when module (X, Y) is dark; modules in the quiet zone (outside
   0..width-1) are light. */
bool qr_is_dark (const struct qr_image *image, int x, int y);

/* Size of the half-block rendering: one column per module, two module rows
   per text row, quiet zone included. */
int qr_text_cols (const struct qr_image *image);
int qr_text_rows (const struct qr_image *image);

/* Writes text row ROW (< qr_text_rows) into OUT, which holds qr_text_cols + 1
   wide characters. Each character shows where the DARK modules of its cell
   are: U+2588 both, U+2580 the top one, U+2584 the bottom one, a space none.
   Draw it dark on light. */
void qr_render_row (const struct qr_image *image, int row, wchar_t *out);

#endif /* SAFEJOB_QR_H */
