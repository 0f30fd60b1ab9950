/* qr_file.h -- QR codes as image files for leaflets and posters, and as a
   receipt for ESC/POS printers. No terminal involved. */
#ifndef SAFEJOB_QR_FILE_H
#define SAFEJOB_QR_FILE_H

#include <stddef.h>
#include <stdio.h>
#include "qr.h"

/* Writes the COUNT codes one under the other as an SVG document, each with
   its quiet zone and CAPTIONS[i] (plain text, may be NULL) under it. Returns
   0, or -1 on a write error. */
int qr_write_svg (FILE *out, const struct qr_image *codes, const char *const *captions,
                  size_t count);

/* The same as a plain PBM image, SCALE pixels a module, codes one under the
   other with a quiet zone each: what zbarimg and most tools read. */
int qr_write_pbm (FILE *out, const struct qr_image *codes, size_t count, int scale);

/* A receipt for an ESC/POS printer: TITLE and the LINES of text (ASCII is
   safest: printers guess code pages), then each code as a raster image
   (GS v 0, DOTS dots wide at most), then feed and cut. Returns 0, or -1 on a
   write error. */
int qr_write_escpos (FILE *out, const char *title, const char *const *lines, size_t nlines,
                     const struct qr_image *codes, size_t count, int dots);

#endif /* SAFEJOB_QR_FILE_H */
