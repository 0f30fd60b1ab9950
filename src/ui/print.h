/* print.h -- a frame on the kiosk's printer, drawn in the session's
   language (slip.h) by the slip module, loaded on the first print, and
   what the person is told of it. */
#ifndef SAFEJOB_PRINT_H
#define SAFEJOB_PRINT_H

#include "app.h"
#include "frame.h"
#include "printer.h"

/* What builds a frame for paper from the application's state into PAPER,
   which has been reset. */
typedef void paper_builder (const struct app *app, struct frame *paper);

/* Prints the frame BUILD makes on APP's printer. Returns as printer_send,
   with the system's words in DETAIL. */
enum printer_status print_paper (const struct app *app, paper_builder *build, char *detail,
                                 size_t detail_size);

/* Prints the frame BUILD makes for the person at the kiosk and puts how it
   went, in their language, in APP's print_status for SCREEN to show; when
   it failed, and NUMBERS, asks them to write the numbers down. A failure
   also goes to the system log. */
void print_for_person (struct app *app, paper_builder *build, enum screen_id screen,
                       bool numbers);

/* Lets the slip module go of its fonts, if a slip was drawn: at exit,
   so that a leak checker sees nothing left. */
void print_release (void);

#endif /* SAFEJOB_PRINT_H */
