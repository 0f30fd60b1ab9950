/* screen_language.c -- the language picker: each language in its own script. */
#include <config.h>
#include "screens.h"

#include <stdio.h>
#include <string.h>
#include "i18n.h"
#include "languages.h"
#include "system.h"

/* The languages this terminal can show: all of them on UTF-8, on ASCII
   only those written in ASCII (the others would be question marks). */
static size_t
shown_languages (const struct language **out, size_t max)
{
  size_t n = 0;
  for (size_t i = 0; i < languages_count () && n < max; i++)
    {
      const struct language *lang = languages_get (i);
      bool ascii = true;
      for (const char *c = lang->native_name; *c; c++)
        ascii &= (unsigned char) *c < 0x80;
      if (ascii || i18n_is_utf8 ())
        out[n++] = lang;
    }
  return n;
}

static void
language_draw (struct app *app, struct view *view)
{
  const struct language *langs[VIEW_MAX_TARGETS];
  const char *items[VIEW_MAX_TARGETS];
  const char *notes[VIEW_MAX_TARGETS];
  size_t count = shown_languages (langs, VIEW_MAX_TARGETS);

  for (size_t i = 0; i < count; i++)
    {
      /* Each language in its own script, its English name smaller after it. */
      bool same = strcmp (langs[i]->native_name, langs[i]->english_name) == 0;
      items[i] = langs[i]->native_name;
      notes[i] = same ? NULL : langs[i]->english_name;
    }

  /* TRANSLATORS: the title of the first screen. */
  screen_frame (app, view, _("safejob: check a job offer before you go"));
  int row = BODY_TOP;
  row += draw_text (row, 2, view->cols - 4, 2, _("Choose your language"), A_BOLD,
                    PAIR_NORMAL) + 1;
  draw_items_noted (view, row, 2, view->cols - 4, view->rows - 1 - row, items, notes, count,
                    app->session.selected);
}

static size_t
language_items (const struct app *app)
{
  const struct language *langs[VIEW_MAX_TARGETS];
  (void) app;
  return shown_languages (langs, VIEW_MAX_TARGETS);
}

static void
language_choose (struct app *app, size_t item)
{
  const struct language *langs[VIEW_MAX_TARGETS];
  if (item >= shown_languages (langs, VIEW_MAX_TARGETS))
    return;
  i18n_use (langs[item]->code);
  app->session.language = item;
  if (app->session.changing_language)
    session_end_language_change (&app->session);
  else if (app->office)
    session_show (&app->session, SCREEN_OFFER);
  else
    screen_show_question (app, 0);
}

/* The first screen has nowhere to go back to; opened from Help mid-flow,
   back is where the person was. */
static void
language_back (struct app *app)
{
  if (app->session.changing_language)
    session_end_language_change (&app->session);
}

const struct screen screen_language = {
  .draw = language_draw,
  .items = language_items,
  .choose = language_choose,
  .back = language_back,
  .has_back = false,
};
