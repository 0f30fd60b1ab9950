/* screen_kiosk.c -- the screens around the flow: the attract screen that
   invites passers-by in every offered language, the neutral screen that
   quick-hide shows, help, and "still there?" before an idle reset. */
#include <config.h>
#include "screens.h"

#include "i18n.h"
#include "languages.h"
#include "system.h"

enum { ATTRACT_SECONDS_PER_LANGUAGE = 4 };

static void
stay (struct app *app)
{
  (void) app;
}

/* --- Attract ------------------------------------------------------------- */

/* The invitation is in every offered language in turn. */
static const char *
attract_words (const struct app *app)
{
  size_t n = languages_count ();
  return languages_get ((app->session.ticks / ATTRACT_SECONDS_PER_LANGUAGE) % n)->code;
}

static void
attract_build (const struct app *app, struct frame *frame)
{
  (void) app;
  frame->layout = FRAME_CENTRED;
  frame->top = -4;
  frame->title = "safejob";
  frame->any_key = true;
  frame->whole_screen = true;
  frame_lead (frame, "safejob", STYLE_STRONG, 0, 1);
  /* TRANSLATORS: the invitation on the attract screen, shown in turn in every
     offered language; at most 140 columns. */
  frame_lead (frame, _("Going abroad for work? Check the job offer here before you go."),
              STYLE_STRONG, 0, 1);
  /* TRANSLATORS: under the invitation; at most 70 columns. */
  frame_lead (frame, _("Touch the screen or press any key to start."), STYLE_NORMAL, 0, 0);
  frame_item (frame, "", 0);
}

static void
attract_choose (struct app *app, int item)
{
  (void) item;
  session_show (&app->session, SCREEN_LANGUAGE);
}

static bool
attract_tick (struct app *app)
{
  app->session.ticks++;
  return app->session.ticks % ATTRACT_SECONDS_PER_LANGUAGE == 0;
}

const struct screen screen_attract = {
  .build = attract_build,
  .choose = attract_choose,
  .back = stay,
  .tick = attract_tick,
  .words_language = attract_words,
};

/* --- Neutral (after quick-hide) ------------------------------------------ */

static void
neutral_build (const struct app *app, struct frame *frame)
{
  (void) app;
  frame->layout = FRAME_CENTRED;
  frame->top = -1;
  frame->title = "";
  frame->any_key = true;
  frame->whole_screen = true;
  /* TRANSLATORS: the neutral screen shown by the Hide button: nothing on it
     may hint at job offers or trafficking. */
  frame_lead (frame, _("Welcome."), STYLE_STRONG, 0, 0);
  frame_item (frame, "", 0);
}

static void
neutral_choose (struct app *app, int item)
{
  (void) item;
  session_show (&app->session, SCREEN_ATTRACT);
}

const struct screen screen_neutral = {
  .build = neutral_build,
  .choose = neutral_choose,
  .back = stay,
};

/* --- Help ---------------------------------------------------------------- */

enum { HELP_RETURN, HELP_LANGUAGE };

static void
help_build (const struct app *app, struct frame *frame)
{
  /* TRANSLATORS: the title bar of the instructions ("Help" would read as
     rescue in many languages). */
  screen_frame (app, frame, _("How to use"), true);
  frame_text (frame, _("This kiosk helps you check a job offer abroad for the warning signs "
                       "of trafficking, and gives you numbers to call for help."),
              STYLE_STRONG, 0, 1);
  frame_text (frame, _("Touch a choice on the screen, or use the keys: the arrows to move, "
                       "Enter to choose, a number to choose that line, Esc to go back. "
                       "Page Up and Page Down move through long texts. F1 or ? opens this "
                       "help."), STYLE_NORMAL, 0, 1);
  frame_text (frame, _("Numbers now (or the F2 key) shows the numbers to save at once. Start "
                       "over (or F3) erases everything and starts again, after asking."),
              STYLE_NORMAL, 0, 1);
  frame_text (frame, _("Hide (or the F12 key) clears the screen at once and erases your "
                       "answers, if someone is watching."), STYLE_NORMAL, 0, 1);
  /* Exactly what is kept: stats.c's tables, when usage figures are on. */
  if (app->stats_db)
    frame_text (frame, _("Your answers are kept only while you use the kiosk, and erased when "
                         "you finish or leave. What stays is a count for each day: how many "
                         "people used the kiosk, in which language, for which country, with "
                         "which result and which warning signs. Nothing that could tell who "
                         "you are: no name, no time of day."), STYLE_NORMAL, 0, 0);
  else
    frame_text (frame, _("Nothing you answer is stored. When you finish, or leave the kiosk, "
                         "your answers are wiped."), STYLE_NORMAL, 0, 0);
  /* TRANSLATORS: the choices at the foot of the help screen; the second
     opens the language picker and then returns to the same place. */
  frame_item (frame, _("Back to where you were"), HELP_RETURN);
  if (session_can_change_language (&app->session))
    frame_item (frame, _("Change the language"), HELP_LANGUAGE);
}

static void
help_back (struct app *app)
{
  session_return (&app->session);
}

static void
help_choose (struct app *app, int item)
{
  if (item == HELP_LANGUAGE)
    {
      session_start_language_change (&app->session);
      screen_highlight_language (app);
    }
  else
    help_back (app);
}

/* Over the picker, Help is in the language highlighted there: its
   button was in that language's words. */
static const char *
help_words (const struct app *app)
{
  const struct session_place *under = &app->session.overlaid;
  return under->screen == SCREEN_LANGUAGE ? screen_language_at (under->selected) : NULL;
}

const struct screen screen_help = {
  .build = help_build,
  .choose = help_choose,
  .back = help_back,
  .words_language = help_words,
};

/* --- Still there? -------------------------------------------------------- */

static void
still_build (const struct app *app, struct frame *frame)
{
  frame->title = "safejob";
  frame->top = 4;
  frame->any_key = true;
  frame_lead (frame, _("Are you still there?"), STYLE_STRONG, 3, 1);
  /* TRANSLATORS: %d is a number of seconds, counting down to 1. */
  frame_lead (frame, frame_printf (frame, ngettext ("If nobody touches the screen, your answers "
                                                    "will be wiped in %d second.",
                                                    "If nobody touches the screen, your answers "
                                                    "will be wiped in %d seconds.",
                                                    (unsigned long) app->session.countdown),
                                   app->session.countdown),
              STYLE_NORMAL, 3, 1);
  frame_item (frame, _("Yes, I am still here"), 0);
  frame->selected = 0;
}

static void
still_choose (struct app *app, int item)
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
  .build = still_build,
  .choose = still_choose,
  .back = help_back,
  .tick = still_tick,
};

/* --- Start over? --------------------------------------------------------- */

enum { START_OVER_NO, START_OVER_YES };

static void
start_over_build (const struct app *app, struct frame *frame)
{
  /* TRANSLATORS: the title of the question asked before erasing
     everything. */
  screen_frame (app, frame, _("Start over?"), true);
  frame->numbers_button = frame->start_over_button = false;
  frame_lead (frame, _("Your answers and your result will be erased, and the kiosk will start "
                       "again. Did you save the numbers you need?"), STYLE_STRONG, 4, 1);
  /* The safe choice first: a tap that lands where the last screen's first
     item was does not erase anything. */
  frame_item (frame, _("No, go back"), START_OVER_NO);
  frame_item (frame, _("Yes, erase everything and start again"), START_OVER_YES);
}

static void
start_over_choose (struct app *app, int item)
{
  if (item == START_OVER_YES)
    app_reset (app);
  else
    session_return (&app->session);
}

const struct screen screen_start_over = {
  .build = start_over_build,
  .choose = start_over_choose,
  .back = help_back,
};
