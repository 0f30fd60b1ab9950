/* screen_kiosk.c -- the screens around the flow: the attract screen that
   invites passers-by in every offered language, the neutral screen that
   quick-hide shows, help, and "still there?" before an idle reset. */
#include <config.h>
#include "screens.h"

#include <stdio.h>
#include "i18n.h"
#include "languages.h"
#include "system.h"

enum { ATTRACT_SECONDS_PER_LANGUAGE = 4 };

/* Draws TEXT centred on ROW, wrapped to WIDTH at most; returns rows used. */
static int
centred (const struct view *view, int row, int width, const char *text, unsigned long attr)
{
  int w = draw_text_width (text);
  /* A one-line text is centred on its own width; a longer one is wrapped
     to WIDTH. */
  if (w > width)
    w = width;
  return draw_text (row, (view->cols - w) / 2, w, 4, text, attr, PAIR_NORMAL);
}

/* --- Attract ------------------------------------------------------------- */

static void
attract_draw (struct app *app, struct view *view)
{
  size_t n = languages_count ();
  const struct language *lang = languages_get ((app->session.ticks / ATTRACT_SECONDS_PER_LANGUAGE) % n);
  int width = view->cols - 8 < 70 ? view->cols - 8 : 70;
  int row = view->rows / 2 - 4;

  draw_header (view, "safejob");
  row += centred (view, row, width, "safejob", A_BOLD) + 1;
  /* TRANSLATORS: the invitation on the attract screen, shown in turn in every
     offered language; at most 140 columns. */
  row += centred (view, row, width,
                  i18n_gettext_in (lang->code, N_("Going abroad for work? Check the job offer "
                                                  "here before you go.")), A_BOLD) + 1;
  /* TRANSLATORS: under the invitation; at most 70 columns. */
  centred (view, row, width, i18n_gettext_in (lang->code, N_("Touch the screen or press "
                                                             "any key to start.")), A_NORMAL);
  /* The whole screen is one big target. */
  view->targets[0] = (struct target) { 0, view->rows, 0, view->cols, 0 };
  view->target_count = 1;
}

static size_t
one_item (const struct app *app)
{
  (void) app;
  return 1;
}

static void
attract_choose (struct app *app, size_t item)
{
  (void) item;
  session_show (&app->session, SCREEN_LANGUAGE);
}

static void
stay (struct app *app)
{
  (void) app;
}

static bool
attract_tick (struct app *app)
{
  app->session.ticks++;
  return app->session.ticks % ATTRACT_SECONDS_PER_LANGUAGE == 0;
}

const struct screen screen_attract = {
  .draw = attract_draw,
  .items = one_item,
  .choose = attract_choose,
  .back = stay,
  .tick = attract_tick,
  .any_key = true,
};

/* --- Neutral (after quick-hide) ------------------------------------------ */

static void
neutral_draw (struct app *app, struct view *view)
{
  (void) app;
  int width = view->cols - 8;
  draw_header (view, "");
  /* TRANSLATORS: the neutral screen shown by the Hide button: nothing on it
     may hint at job offers or trafficking. */
  centred (view, view->rows / 2 - 1, width, _("Welcome."), A_BOLD);
  view->targets[0] = (struct target) { 0, view->rows, 0, view->cols, 0 };
  view->target_count = 1;
}

static void
neutral_choose (struct app *app, size_t item)
{
  (void) item;
  session_show (&app->session, SCREEN_ATTRACT);
}

const struct screen screen_neutral = {
  .draw = neutral_draw,
  .items = one_item,
  .choose = neutral_choose,
  .back = stay,
  .any_key = true,
};

/* --- Help ---------------------------------------------------------------- */

static void
help_draw (struct app *app, struct view *view)
{
  /* TRANSLATORS: the choices at the foot of the help screen; the second
     opens the language picker and then returns to the same place. */
  const char *items[] = { _("Back to where you were"), _("Change the language") };
  int width = view->cols - 4;
  int row = BODY_TOP;

  /* TRANSLATORS: the title bar of the help screen. */
  screen_frame (app, view, _("Help"));
  row += draw_text (row, 2, width, 4,
                    _("This kiosk helps you check a job offer abroad for the warning signs "
                      "of trafficking, and gives you numbers to call for help."), A_BOLD,
                    PAIR_NORMAL) + 1;
  row += draw_text (row, 2, width, 6,
                    _("Touch a choice on the screen, or use the keys: the arrows to move, "
                      "Enter to choose, a number to choose that line, Esc to go back. "
                      "Page Up and Page Down move through long texts. F1 or ? opens this "
                      "help."), A_NORMAL, PAIR_NORMAL) + 1;
  row += draw_text (row, 2, width, 4,
                    _("Hide (or the F12 key) clears the screen at once and forgets your "
                      "answers, if someone is watching."), A_NORMAL, PAIR_NORMAL) + 1;
  row += draw_text (row, 2, width, 4,
                    _("Nothing you answer is stored. When you finish, or leave the kiosk, "
                      "your answers are wiped."), A_NORMAL, PAIR_NORMAL) + 1;
  draw_items (view, row, 2, width, view->rows - 1 - row, items,
              session_can_change_language (&app->session) ? 2 : 1, app->session.selected);
}

static size_t
help_items (const struct app *app)
{
  return session_can_change_language (&app->session) ? 2 : 1;
}

static void
help_back (struct app *app)
{
  session_return (&app->session);
}

static void
help_choose (struct app *app, size_t item)
{
  if (item == 1)
    session_start_language_change (&app->session);
  else
    help_back (app);
}

const struct screen screen_help = {
  .draw = help_draw,
  .items = help_items,
  .choose = help_choose,
  .back = help_back,
  .has_back = true,
};

/* --- Still there? -------------------------------------------------------- */

static void
still_draw (struct app *app, struct view *view)
{
  const char *yes = _("Yes, I am still here");
  char line[LABEL_MAX];
  int width = view->cols - 4;
  int row = BODY_TOP + 2;

  draw_header (view, "safejob");
  row += draw_text (row, 2, width, 3, _("Are you still there?"), A_BOLD, PAIR_NORMAL) + 1;
  /* TRANSLATORS: %d is a number of seconds. */
  snprintf (line, sizeof line, _("If nobody touches the screen, your answers will be wiped "
                                 "in %d seconds."), app->session.countdown);
  row += draw_text (row, 2, width, 3, line, A_NORMAL, PAIR_NORMAL) + 1;
  draw_items (view, row, 2, width, view->rows - 1 - row, &yes, 1, 0);
}

static void
still_choose (struct app *app, size_t item)
{
  (void) item;
  session_return (&app->session);
}

static bool
still_tick (struct app *app)
{
  if (--app->session.countdown <= 0)
    app_reset (app);
  return true;
}

const struct screen screen_still_there = {
  .draw = still_draw,
  .items = one_item,
  .choose = still_choose,
  .back = help_back,
  .tick = still_tick,
  .any_key = true,
};
