/* printer.h -- the kiosk's receipt printer (ESC/POS), by device path. */
#ifndef SAFEJOB_PRINTER_H
#define SAFEJOB_PRINTER_H

#include <stddef.h>

/* How printing went. The screen says what each means in the person's
   language (printer_status_text); the details go to the log. */
enum printer_status
{
  PRINTER_OK,
  PRINTER_ABSENT,       /* nothing at the path: unplugged, switched off */
  PRINTER_REFUSED,      /* the kiosk may not write to it */
  PRINTER_SILENT,       /* it took nothing for seconds: offline, no paper, jammed */
  PRINTER_FAILED,       /* a write failed part-way */
  PRINTER_NO_MEMORY,
};

/* What STATUS means for a person at the kiosk, an untranslated msgid
   ("the printer is not connected"). */
const char *printer_status_text (enum printer_status status);

/* Sends LEN bytes of DATA to the printer at PATH (a device such as
   /dev/usb/lp0, or a file that exists), giving up after a few seconds if it
   does not take them: an offline printer blocks writes. The file is never
   created, so an unplugged printer is not mistaken for a printed slip.
   Returns PRINTER_OK, or what went wrong with the system's own words in
   DETAIL (for the log). */
enum printer_status printer_send (const char *path, const void *data, size_t len,
                                  char *detail, size_t detail_size);

/* Prints a raster image, HEIGHT rows of ROW_BYTES bytes from BITS (most
   significant bit first, 1 a black dot), then feeds the paper and cuts
   it. Returns as printer_send. */
enum printer_status printer_print_raster (const char *path, const unsigned char *bits,
                                          int height, size_t row_bytes, char *detail,
                                          size_t detail_size);

#endif /* SAFEJOB_PRINTER_H */
