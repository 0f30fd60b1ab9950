/* app.h -- what the screens work on: the session and the content. */
#ifndef SAFEJOB_APP_H
#define SAFEJOB_APP_H

#include <stdbool.h>
#include "content.h"
#include "session.h"

struct offers_log;

struct app
{
  struct session session;
  const struct content *content;
  bool quit;                 /* set to leave the main loop */
  int idle_seconds;          /* without input, ask "still there?"; 0: never */
  int idle_countdown;        /* and wipe after this many more seconds */
  int theme;                 /* enum draw_theme */
  const char *default_nationality;   /* ISO codes preselected on the contacts' */
  const char *default_destination;   /* country screens, or NULL */
  bool terminal_bidi;        /* the terminal reorders right-to-left text itself */
  const char *printer;       /* the receipt printer's device or file, or NULL */
  char print_status[256];    /* how the last print went, shown on the contacts screen */
  /* Office mode: staff screen an offer and keep it in the office log. */
  bool office;
  struct offers_log *log;    /* NULL when it could not be opened */
  char log_status[512];      /* why not, or what happened to the last save */
};

/* Wipes the session and returns to the language picker in the default
   language: the next person must see nothing of the last one. */
void app_reset (struct app *app);

#endif /* SAFEJOB_APP_H */
