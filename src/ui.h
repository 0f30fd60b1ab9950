/* ui.h -- the module that owns the terminal. */
#ifndef SAFEJOB_UI_H
#define SAFEJOB_UI_H

#include "app.h"

/* The smallest window the flow is laid out for; below it the kiosk asks for
   a larger window and waits. */
enum { UI_MIN_ROWS = 20, UI_MIN_COLS = 60 };

/* Opens the terminal, runs the kiosk flow on APP until the user quits or a
   termination signal arrives, and restores the terminal. Returns 0, or -1
   after printing why the terminal could not be used. */
int ui_run (struct app *app);

#endif /* SAFEJOB_UI_H */
