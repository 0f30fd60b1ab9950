/* printer.h -- the kiosk's receipt printer (ESC/POS), by device path. */
#ifndef SAFEJOB_PRINTER_H
#define SAFEJOB_PRINTER_H

#include <stddef.h>
#include "contacts.h"

/* Sends LEN bytes of DATA to the printer at PATH (a device such as
   /dev/usb/lp0, or a file that exists), giving up after a few seconds if it
   does not take them: an offline printer blocks writes. The file is never
   created, so an unplugged printer is not mistaken for a printed slip.
   Returns 0, or -1 with a short message for the screen in ERR. */
int printer_send (const char *path, const void *data, size_t len, char *err, size_t err_size);

/* Prints the COUNT contacts on a slip: a title, each name and number as
   text, and the contact card as a QR code. Returns 0, or -1 with ERR. */
int print_contacts (const char *path, const struct contact *const *contacts, size_t count,
                    char *err, size_t err_size);

/* Prints a short test slip that says the printer works. Returns 0, or -1
   with ERR. */
int printer_test (const char *path, char *err, size_t err_size);

#endif /* SAFEJOB_PRINTER_H */
