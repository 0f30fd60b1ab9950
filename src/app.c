/* app.c -- the application state shared by the screens. */
#include <config.h>
#include "app.h"

#include "i18n.h"
#include "languages.h"

void
app_reset (struct app *app)
{
  session_reset (&app->session);
  app->print_status[0] = '\0';
  i18n_use (languages_get (0)->code);
}
