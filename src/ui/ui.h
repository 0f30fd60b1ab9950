/* ui.h -- the module that owns the terminal. */
#ifndef SAFEJOB_UI_H
#define SAFEJOB_UI_H

#include "app.h"

/* Opens the terminal, runs the kiosk flow on APP until the user quits or a
   termination signal arrives, and restores the terminal. Returns 0, or -1
   after printing why the terminal could not be used. */
int ui_run (struct app *app);

/* The same with no terminal, for tests: keys, taps and seconds from the
   script SCRIPT, screens written as text to standard output when it says
   (see headless.c). Returns 0, or -1 after printing why. */
int ui_run_script (struct app *app, const char *script);

#endif /* SAFEJOB_UI_H */
