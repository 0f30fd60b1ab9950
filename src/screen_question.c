/* screen_question.c -- one checklist question per screen. */
#include <config.h>
#include "screens.h"

#include <stdio.h>
#include "system.h"

static const struct checklist_question *
current (const struct app *app)
{
  return &app->content->checklist.questions[app->session.question];
}

static void
question_draw (struct app *app, struct view *view)
{
  const struct checklist_question *q = current (app);
  const char *items[CHECKLIST_MAX_OPTIONS];
  char progress[LABEL_MAX];
  int width = view->cols - 4;
  int row = BODY_TOP;

  for (size_t i = 0; i < q->option_count; i++)
    items[i] = _(q->options[i].text);
  /* TRANSLATORS: progress through the checklist, "Question 3 of 15". */
  snprintf (progress, sizeof progress, _("Question %zu of %zu"),
            app->session.question + 1, app->content->checklist.count);

  /* TRANSLATORS: the title bar while the checklist is on screen. */
  screen_frame (app, view, _("Check a job offer"));
  row += draw_text (row, 2, width, 1, progress, A_DIM, PAIR_NORMAL) + 1;
  row += draw_text (row, 2, width, 4, _(q->text), A_BOLD, PAIR_NORMAL) + 1;
  draw_items (view, row, 2, width, view->rows - 1 - row, items, q->option_count,
              app->session.selected);
}

static size_t
question_items (const struct app *app)
{
  return current (app)->option_count;
}

static void
question_choose (struct app *app, size_t item)
{
  struct session *s = &app->session;
  s->answers[s->question] = (int) item;
  if (s->question + 1 < app->content->checklist.count)
    screen_show_question (app, s->question + 1);
  else
    screen_show_result (app);
}

static void
question_back (struct app *app)
{
  struct session *s = &app->session;
  if (s->question > 0)
    screen_show_question (app, s->question - 1);
  else if (app->office)
    session_show (s, SCREEN_OFFER);
  else
    {
      session_show (s, SCREEN_LANGUAGE);
      s->selected = s->language;
    }
}

const struct screen screen_question = {
  .draw = question_draw,
  .items = question_items,
  .choose = question_choose,
  .back = question_back,
  .has_back = true,
};
