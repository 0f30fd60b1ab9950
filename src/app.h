/* app.h -- what the screens work on: the session and the content. */
#ifndef SAFEJOB_APP_H
#define SAFEJOB_APP_H

#include <stdbool.h>
#include "content.h"
#include "session.h"

struct app
{
  struct session session;
  const struct content *content;
  bool quit;                 /* set to leave the main loop */
};

/* Wipes the session and returns to the language picker in the default
   language: the next person must see nothing of the last one. */
void app_reset (struct app *app);

#endif /* SAFEJOB_APP_H */
