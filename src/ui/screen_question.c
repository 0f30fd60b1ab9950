/* screen_question.c -- one checklist question per screen. */
#include <config.h>
#include "screens.h"

#include "system.h"

static const struct checklist_question *
current (const struct app *app)
{
  return &app->content->checklist.questions[app->session.question];
}

static void
question_build (const struct app *app, struct frame *frame)
{
  const struct checklist_question *q = current (app);

  /* TRANSLATORS: the title bar while the checklist is on screen. */
  screen_frame (app, frame, _("Check a job offer"), true);
  /* TRANSLATORS: progress through the checklist, "Question 3 of 15". */
  frame_lead (frame, frame_printf (frame, _("Question %zu of %zu"), app->session.question + 1,
                                   app->content->checklist.count), STYLE_DIM, 1, 1);
  frame_lead (frame, _(q->text), STYLE_STRONG, 4, 1);
  for (size_t i = 0; i < q->option_count; i++)
    frame_item (frame, _(q->options[i].text), (int) i);
}

static void
question_choose (struct app *app, int option)
{
  struct session *s = &app->session;
  s->answers[s->question] = option;
  /* Every answer is shown once more before the result; an answer changed
     from that list goes back to it. */
  if (s->reviewing || s->question + 1 == app->content->checklist.count)
    screen_show_review (app, s->question);
  else
    screen_show_question (app, s->question + 1);
}

static void
question_back (struct app *app)
{
  struct session *s = &app->session;
  if (s->reviewing)
    screen_show_review (app, s->question);
  else if (s->question > 0)
    screen_show_question (app, s->question - 1);
  else if (app->office)
    session_show (s, SCREEN_OFFER);
  else
    {
      session_show (s, SCREEN_LANGUAGE);
      screen_highlight_language (app);
    }
}

const struct screen screen_question = {
  .build = question_build,
  .choose = question_choose,
  .back = question_back,
};
