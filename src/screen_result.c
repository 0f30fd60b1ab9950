/* screen_result.c -- the result: the level in words and symbols, each
   warning sign with why it matters and what to do. */
#include <config.h>
#include "screens.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include "offers_log.h"
#include "risk.h"
#include "system.h"

/* The kiosk's items; office mode replaces "Finish" with save or discard. */
enum { ITEM_CONTACTS, ITEM_ARTICLES, ITEM_FINISH, ITEM_DISCARD, ITEM_MAX };

static size_t
result_items (const struct app *app)
{
  return app->office ? ITEM_MAX : ITEM_DISCARD;
}

static void
result_draw (struct app *app, struct view *view)
{
  static const enum draw_pair level_pair[] = { PAIR_LOW, PAIR_MEDIUM, PAIR_HIGH };
  struct risk_result result;
  char banner[LABEL_MAX];
  char line[2 * LABEL_MAX];
  const char *items[ITEM_MAX];
  size_t item_count = result_items (app);
  int width = view->cols - 4;
  int row = BODY_TOP;
  int list_rows;

  app_assess (app, &result);
  items[ITEM_CONTACTS] = _("Numbers to save: who can help you");
  items[ITEM_ARTICLES] = _("Learn how these traps work");
  items[ITEM_FINISH] = app->office ? _("Save to the office log and start again")
                                    : _("Finish and start again");
  items[ITEM_DISCARD] = _("Start again without saving");

  /* TRANSLATORS: the title bar of the result screen. */
  screen_frame (app, view, _("Your result"));
  /* The symbol carries the level for people who cannot tell the colours apart. */
  snprintf (banner, sizeof banner, " %s %s ", risk_level_symbol (result.level),
            _(risk_level_name (result.level)));
  draw_text (row, 2, width, 1, banner, A_BOLD, level_pair[result.level]);
  row += 2;
  row += draw_text (row, 2, width, 2, _(risk_level_summary (result.level)), A_BOLD,
                    PAIR_NORMAL);
  if (result.sign_count > 0)
    {
      /* TRANSLATORS: %zu is the number of warning signs found. */
      snprintf (line, sizeof line, ngettext ("%zu warning sign in your answers.",
                                             "%zu warning signs in your answers.",
                                             result.sign_count), result.sign_count);
      row += draw_text (row, 2, width, 1, line, A_NORMAL, PAIR_NORMAL);
    }
  row++;

  /* Office mode: an agency or employer that had a high result before. */
  for (size_t i = 0; i < app->session.earlier_count; i++)
    {
      const struct report_earlier *e = &app->session.earlier[i];
      snprintf (line, sizeof line, _("%1$s \"%2$s\" had a high-risk result on %3$s."),
                _(offer_field_label (e->field)), e->value, e->day);
      row += draw_text (row, 2, width, 2, line, A_BOLD, PAIR_HIGH);
    }
  if (app->office && app->log_status[0])
    row += draw_text (row, 2, width, 2, app->log_status, A_BOLD, PAIR_HIGH);
  if (app->office)
    row++;

  /* The signs and the advice scroll above the choices. */
  enum { MAX_BLOCKS = 2 * RISK_MAX_SIGNS + 16 };
  /* Not static: nothing of this person's result may outlive the frame. */
  char (*texts)[2 * LABEL_MAX] = calloc (MAX_BLOCKS, sizeof *texts);
  struct text_block blocks[MAX_BLOCKS];
  size_t n = 0;
  if (!texts)
    return;
  for (size_t i = 0; i < result.sign_count && n + 2 < MAX_BLOCKS; i++)
    {
      const struct checklist_option *sign = result.signs[i].answer;
      snprintf (texts[n], sizeof texts[n], "%s %s", draw_glyph ("\xE2\x80\xA2", "*"),
                _(sign->why));
      blocks[n] = (struct text_block) { texts[n], A_NORMAL, PAIR_NORMAL, 0, sign->advice ? 0 : 1 };
      n++;
      if (sign->advice)
        {
          /* TRANSLATORS: %s is the advice for one warning sign. */
          snprintf (texts[n], sizeof texts[n], _("What to do: %s"), _(sign->advice));
          blocks[n] = (struct text_block) { texts[n], A_BOLD, PAIR_NORMAL, 2, 1 };
          n++;
        }
    }
  for (size_t i = 0; i < app->content->advice_count && n < MAX_BLOCKS; i++)
    {
      snprintf (texts[n], sizeof texts[n], "%s %s", draw_glyph ("\xE2\x80\xA2", "*"),
                _(app->content->advice[i]));
      blocks[n] = (struct text_block) { texts[n], A_NORMAL, PAIR_NORMAL, 0, 0 };
      n++;
    }
  list_rows = 2 * (int) item_count;
  draw_blocks (view, row, 2, width, view->rows - 1 - list_rows - 1 - row, blocks, n,
               &app->session.scroll);
  draw_items (view, view->rows - 1 - list_rows, 2, width, list_rows, items,
              item_count, app->session.selected);
  free (texts);
}

static void
result_scroll (struct app *app, int lines)
{
  app->session.scroll += lines;
}

/* Records the screening in the office log; false, with the reason in
   log_status, when it could not be saved. */
static bool
save (struct app *app)
{
  struct risk_result result;
  char day[11], err[256];
  time_t now = time (NULL);
  struct tm tm;

  if (!app->log)
    return false;
  gmtime_r (&now, &tm);
  strftime (day, sizeof day, "%Y-%m-%d", &tm);
  app_assess (app, &result);
  if (offers_log_add (app->log, day, &app->session.offer, &result, app->content->version, err,
                      sizeof err) != 0)
    {
      snprintf (app->log_status, sizeof app->log_status, "%s", err);
      return false;
    }
  /* TRANSLATORS: shown on the office form after a screening was saved. */
  snprintf (app->log_status, sizeof app->log_status, "%s", _("The last screening was saved."));
  return true;
}

static void
result_choose (struct app *app, size_t item)
{
  if (item == ITEM_CONTACTS)
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
  screen_show_question (app, app->content->checklist.count - 1);
}

const struct screen screen_result = {
  .draw = result_draw,
  .items = result_items,
  .choose = result_choose,
  .scroll_by = result_scroll,
  .back = result_back,
  .has_back = true,
};
