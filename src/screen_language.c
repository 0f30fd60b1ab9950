/* screen_language.c -- the language picker: each language in its own script. */
#include <config.h>
#include "screens.h"

#include <stdio.h>
#include <string.h>
#include "i18n.h"
#include "languages.h"
#include "system.h"

static void
language_draw (struct app *app, struct view *view)
{
  char labels[VIEW_MAX_TARGETS][LABEL_MAX];
  const char *items[VIEW_MAX_TARGETS];
  size_t count = languages_count ();

  if (count > VIEW_MAX_TARGETS)
    count = VIEW_MAX_TARGETS;
  for (size_t i = 0; i < count; i++)
    {
      const struct language *lang = languages_get (i);
      if (strcmp (lang->native_name, lang->english_name) == 0)
        snprintf (labels[i], LABEL_MAX, "%s", lang->native_name);
      else
        snprintf (labels[i], LABEL_MAX, "%s   (%s)", lang->native_name,
                  lang->english_name);
      items[i] = labels[i];
    }

  /* TRANSLATORS: the title of the first screen. */
  screen_frame (app, view, _("safejob: check a job offer before you go"));
  int row = BODY_TOP;
  row += draw_text (row, 2, view->cols - 4, 2, _("Choose your language"), A_BOLD,
                    PAIR_NORMAL) + 1;
  draw_items (view, row, 2, view->cols - 4, view->rows - 1 - row, items, count,
              app->session.selected);
}

static size_t
language_items (const struct app *app)
{
  (void) app;
  return languages_count ();
}

static void
language_choose (struct app *app, size_t item)
{
  i18n_use (languages_get (item)->code);
  app->session.language = item;
  if (app->office)
    session_show (&app->session, SCREEN_OFFER);
  else
    screen_show_question (app, 0);
}

static void
language_back (struct app *app)
{
  (void) app;   /* the first screen: nowhere to go back to */
}

const struct screen screen_language = {
  .draw = language_draw,
  .items = language_items,
  .choose = language_choose,
  .back = language_back,
  .has_back = false,
};
