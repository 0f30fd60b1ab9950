/* screen_result.c -- the result: the level in words and symbols, each
   warning sign with why it matters and what to do. */
#include <config.h>
#include "screens.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "dates.h"
#include "offers_log.h"
#include "print.h"
#include "result.h"
#include "system.h"

/* The kiosk's items; office mode replaces "Finish" with save or discard. */
enum { ITEM_CONTACTS, ITEM_ARTICLES, ITEM_PRINT, ITEM_FINISH, ITEM_DISCARD };

/* The result: on the screen, and on paper when the person asks (the
   same frame: paper shows its text, not its items). */
static void
result_frame (const struct app *app, struct frame *frame)
{
  static const enum style level_style[] = { STYLE_LOW, STYLE_MEDIUM, STYLE_HIGH };
  const struct session *s = &app->session;
  struct frame_block *last;
  /* Not static: nothing of this person's result may outlive the frame. */
  struct result *result = malloc (sizeof *result);

  /* TRANSLATORS: the title bar of the result screen. */
  screen_frame (app, frame, _("Your result"), true);
  if (!result)
    return;
  /* The kiosk's nationality: the people it serves are mostly of it, and
     their government's rules count. */
  result_build (result, app->content, s->answers, app->default_nationality, &s->offer,
                s->earlier, s->earlier_count);
  /* The symbol carries the level for people who cannot tell the colours apart. */
  frame_lead (frame, frame_printf (frame, " %s %s ", result->symbol, result->level_text),
              level_style[result->risk.level], 1, 1);
  last = frame_lead (frame, result->summary, STYLE_STRONG, 2, 0);
  if (result->sign_count > 0)
    /* TRANSLATORS: %zu is the number of warning signs found. */
    last = frame_lead (frame, frame_printf (frame, ngettext ("%zu warning sign in your answers.",
                                                             "%zu warning signs in your answers.",
                                                             result->sign_count),
                                            result->sign_count), STYLE_NORMAL, 1, 0);
  last->gap++;

  /* Office mode: an agency or employer that had a high result before. */
  for (size_t i = 0; i < result->earlier_count; i++)
    {
      const struct offer_earlier *e = &result->earlier[i];
      last = frame_lead (frame, frame_printf (frame, _("%1$s \"%2$s\" had a high-risk result "
                                                       "on %3$s."),
                                              _(offer_field_label (e->field)), e->value, e->day),
                         STYLE_HIGH, 2, 0);
    }
  if (app->office && app->log_status[0])
    last = frame_lead (frame, app->log_status, STYLE_HIGH, 2, 0);
  if (app->office)
    last->gap++;

  /* The signs and the advice scroll above the choices. */
  const char *bullet = glyph ("\xE2\x80\xA2", "*");
  for (size_t i = 0; i < result->sign_count; i++)
    {
      const struct result_sign *sign = &result->signs[i];
      frame_text (frame, frame_printf (frame, "%s %s", bullet, sign->why), STYLE_NORMAL, 0,
                  sign->advice ? 0 : 1)->hang = 2;
      if (sign->advice)
        /* TRANSLATORS: %s is the advice for one warning sign. */
        frame_text (frame, frame_printf (frame, _("What to do: %s"), sign->advice),
                    STYLE_STRONG, 2, 1);
    }
  /* What the person checked counts for the offer: said after the signs. */
  if (result->protection_count > 0)
    {
      frame_text (frame, _("What counts for the offer:"), STYLE_STRONG, 0, 0);
      for (size_t i = 0; i < result->protection_count; i++)
        frame_text (frame, frame_printf (frame, "%s %s", glyph ("\xE2\x9C\x93", "+"),
                                         result->protections[i].because), STYLE_NORMAL, 0,
                    i + 1 == result->protection_count ? 1 : 0)->hang = 2;
    }
  /* The general advice under its heading, as the report has it. */
  if (result->advice_count > 0)
    frame_text (frame, _("For every job abroad:"), STYLE_STRONG, 0, 0);
  for (size_t i = 0; i < result->advice_count; i++)
    frame_text (frame, frame_printf (frame, "%s %s", bullet, result->advice[i]), STYLE_NORMAL,
                0, 0)->hang = 2;
  explicit_bzero (result, sizeof *result);
  free (result);

  frame_item (frame, _("Numbers to save: who can help you"), ITEM_CONTACTS);
  frame_item (frame, _("Learn how these traps work"), ITEM_ARTICLES);
  if (app->printer)
    /* TRANSLATORS: prints the result (level, signs, what to do) on the
       kiosk's printer. */
    frame_item (frame, _("Print my result"), ITEM_PRINT);
  frame_item (frame, app->office ? _("Save to the office log and start again")
                                 : _("Finish and start again"), ITEM_FINISH);
  if (app->office)
    frame_item (frame, _("Start again without saving"), ITEM_DISCARD);
}

/* Records the screening in the office log; false, with the reason in
   log_status, when it could not be saved. */
static bool
save (struct app *app)
{
  struct risk_result result;
  char day[DATE_SIZE], err[256];

  if (!app->log)
    return false;
  date_today (day);
  app_assess (app, &result);
  if (offers_log_add (app->log, day, &app->session.offer, &result, app->content->version, err,
                      sizeof err) != 0)
    {
      snprintf (app->log_status, sizeof app->log_status, "%s", err);
      return false;
    }
  if (offers_log_trouble (app->log))
    /* TRANSLATORS: shown on the office form after a screening was saved
       on the desk, its office log's server out of reach. */
    snprintf (app->log_status, sizeof app->log_status, "%s",
              _("The last screening was saved on this desk; it will be sent to the shared "
                "office log when it can be reached."));
  else
    /* TRANSLATORS: shown on the office form after a screening was saved. */
    snprintf (app->log_status, sizeof app->log_status, "%s", _("The last screening was saved."));
  return true;
}

static void
result_screen (const struct app *app, struct frame *frame)
{
  result_frame (app, frame);
  if (app->print_status[0] && app->print_screen == SCREEN_RESULT)
    frame_lead (frame, app->print_status, STYLE_MEDIUM, 3, 1);
}

void
screen_result_paper (const struct app *app, struct frame *paper)
{
  result_frame (app, paper);
}

static void
result_choose (struct app *app, int item)
{
  if (item == ITEM_PRINT)
    print_for_person (app, screen_result_paper, SCREEN_RESULT, false);
  else if (item == ITEM_CONTACTS)
    screen_show_countries (app);
  else if (item == ITEM_ARTICLES)
    session_show (&app->session, SCREEN_ARTICLES);
  else if (item == ITEM_FINISH && app->office && !save (app))
    return;    /* the screen shows why, and the screening is not lost */
  else
    app_reset (app);
}

static void
result_back (struct app *app)
{
  app->session.reviewing = false;
  screen_show_review (app, 0);
}

const struct screen screen_result = {
  .build = result_screen,
  .choose = result_choose,
  .back = result_back,
};
