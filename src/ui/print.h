/* print.h -- a frame on the kiosk's printer, drawn in the session's
   language (slip.h) by the slip module, loaded on the first print, and
   what the person is told of it. */
#ifndef SAFEJOB_PRINT_H
#define SAFEJOB_PRINT_H

#include "app.h"
#include "frame.h"
#include "printer.h"

/* Prints PAPER, a frame built for paper, on APP's printer. Returns as
   printer_send, with the system's words in DETAIL. */
enum printer_status print_frame (const struct app *app, const struct frame *paper, char *detail,
                                 size_t detail_size);

/* Prints PAPER for the person at the kiosk and puts how it went, in their
   language, in APP's print_status for SCREEN to show; when it failed, and
   NUMBERS, asks them to write the numbers down. A failure also goes to the
   system log. */
void print_for_person (struct app *app, const struct frame *paper, enum screen_id screen,
                       bool numbers);

/* Lets the slip module go of its fonts, if a slip was drawn: at exit,
   so that a leak checker sees nothing left. */
void print_release (void);

#endif /* SAFEJOB_PRINT_H */
