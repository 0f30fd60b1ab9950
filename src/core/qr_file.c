/* qr_file.c -- SVG, PBM and ESC/POS renderings of QR codes. */
#include <config.h>
#include "qr_file.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

static void
xml_text (FILE *out, const char *s)
{
  for (; *s; s++)
    switch (*s)
      {
      case '<': fputs ("&lt;", out); break;
      case '>': fputs ("&gt;", out); break;
      case '&': fputs ("&amp;", out); break;
      case '"': fputs ("&quot;", out); break;
      default: fputc (*s, out); break;
      }
}

int
qr_write_svg (FILE *out, const struct qr_image *codes, const char *const *captions,
              size_t count)
{
  enum { MODULE = 8, CAPTION = 40 };
  int width = 0, height = 0;
  for (size_t i = 0; i < count; i++)
    {
      int side = qr_text_cols (&codes[i]) * MODULE;
      width = side > width ? side : width;
      height += side + CAPTION;
    }
  fprintf (out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
           "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
           "viewBox=\"0 0 %d %d\">\n"
           "<rect width=\"100%%\" height=\"100%%\" fill=\"#ffffff\"/>\n",
           width, height, width, height);
  int top = 0;
  for (size_t i = 0; i < count; i++)
    {
      const struct qr_image *q = &codes[i];
      int side = qr_text_cols (q) * MODULE;
      /* One path for all dark modules keeps files small and crisp. */
      fprintf (out, "<path fill=\"#000000\" d=\"");
      for (int y = 0; y < q->width; y++)
        for (int x = 0; x < q->width; x++)
          if (qr_is_dark (q, x, y))
            fprintf (out, "M%d %dh%dv%dh-%dz", (x + QR_QUIET_ZONE) * MODULE,
                     top + (y + QR_QUIET_ZONE) * MODULE, MODULE, MODULE, MODULE);
      fputs ("\"/>\n", out);
      if (captions && captions[i])
        {
          fprintf (out, "<text x=\"%d\" y=\"%d\" font-family=\"sans-serif\" font-size=\"20\" "
                   "text-anchor=\"middle\">", side / 2, top + side + 24);
          xml_text (out, captions[i]);
          fputs ("</text>\n", out);
        }
      top += side + CAPTION;
    }
  fputs ("</svg>\n", out);
  return ferror (out) ? -1 : 0;
}

/* Module (X, Y) of the stacked image, counting quiet zones; true if dark. */
static bool
stacked_dark (const struct qr_image *codes, size_t count, int x, int y)
{
  for (size_t i = 0; i < count; i++)
    {
      int side = qr_text_cols (&codes[i]);
      if (y < side)
        return qr_is_dark (&codes[i], x - QR_QUIET_ZONE, y - QR_QUIET_ZONE);
      y -= side;
    }
  return false;
}

int
qr_write_pbm (FILE *out, const struct qr_image *codes, size_t count, int scale)
{
  int width = 0, height = 0;
  for (size_t i = 0; i < count; i++)
    {
      int side = qr_text_cols (&codes[i]);
      width = side > width ? side : width;
      height += side;
    }
  fprintf (out, "P4\n%d %d\n", width * scale, height * scale);
  size_t row_bytes = ((size_t) (width * scale) + 7) / 8;
  unsigned char *row = malloc (row_bytes);
  if (!row)
    return -1;
  for (int y = 0; y < height * scale; y++)
    {
      memset (row, 0, row_bytes);
      for (int x = 0; x < width * scale; x++)
        if (stacked_dark (codes, count, x / scale, y / scale))
          row[x / 8] |= (unsigned char) (0x80 >> (x % 8));
      fwrite (row, 1, row_bytes, out);
    }
  free (row);
  return ferror (out) ? -1 : 0;
}

/* Commands hold NUL bytes: write them by length, never as C strings. */
#define COMMAND(out, literal) fwrite (literal, 1, sizeof literal - 1, out)

/* TEXT and a line end, each control code in it ('\x1d' 'V': cut the
   paper; '\x1b' 'p': open the cash drawer; C1 codes as UTF-8) written as
   '?': text is never a command to the printer, whatever a content file or
   a damaged database holds. */
static void
put_text_line (FILE *out, const char *text)
{
  for (const unsigned char *s = (const unsigned char *) text; *s; s++)
    if (*s < 0x20 || *s == 0x7f)
      fputc ('?', out);
    else if (*s == 0xc2 && s[1] >= 0x80 && s[1] <= 0x9f)
      {
        fputc ('?', out);
        s++;
      }
    else
      fputc (*s, out);
  fputc ('\n', out);
}

int
qr_write_escpos (FILE *out, const char *title, const char *const *lines, size_t nlines,
                 const struct qr_image *codes, size_t count, int dots)
{
  COMMAND (out, "\x1b@");                        /* ESC @: initialise */
  COMMAND (out, "\x1b" "a\x01");                 /* ESC a 1: centre */
  COMMAND (out, "\x1b" "E\x01");                 /* ESC E 1: bold */
  put_text_line (out, title);
  COMMAND (out, "\x1b" "E\x00");                 /* bold off */
  COMMAND (out, "\x1b" "a\x00");                 /* left */
  for (size_t i = 0; i < nlines; i++)
    put_text_line (out, lines[i]);
  COMMAND (out, "\x1b" "a\x01");
  for (size_t i = 0; i < count; i++)
    {
      /* A raster image, whole dots a module, quiet zone included: it prints
         the same on every printer, where the native QR command varies. */
      int side = qr_text_cols (&codes[i]);
      int scale = dots / side > 8 ? 8 : dots / side;
      if (scale < 1)
        scale = 1;
      int px = side * scale;
      int bytes = (px + 7) / 8;
      fprintf (out, "\x1dv0%c%c%c%c%c", 0, bytes & 0xff, bytes >> 8, px & 0xff, px >> 8);
      for (int y = 0; y < px; y++)
        for (int b = 0; b < bytes; b++)
          {
            unsigned char byte = 0;
            for (int bit = 0; bit < 8; bit++)
              {
                int x = b * 8 + bit;
                if (x < px && qr_is_dark (&codes[i], x / scale - QR_QUIET_ZONE,
                                          y / scale - QR_QUIET_ZONE))
                  byte |= (unsigned char) (0x80 >> bit);
              }
            fputc (byte, out);
          }
      fputc ('\n', out);
    }
  COMMAND (out, "\n\n\n\x1dV\x42\x00");           /* GS V 66 0: feed and cut */
  return ferror (out) ? -1 : 0;
}
