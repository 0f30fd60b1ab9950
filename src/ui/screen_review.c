/* screen_review.c -- before the result, every answer given: the person can
   choose one to change it, and comes back here. A tap that went astray, or
   a question misread, is seen and put right before the result counts it. */
#include <config.h>
#include "screens.h"

#include "system.h"

enum { SEE_RESULT = -1 };

static void
review_build (const struct app *app, struct frame *frame)
{
  const struct checklist *list = &app->content->checklist;
  const struct session *s = &app->session;

  /* TRANSLATORS: the title bar of the list of every answer given. */
  screen_frame (app, frame, _("Your answers"), true);
  frame_lead (frame, _("Check your answers. Choose one to change it."), STYLE_STRONG, 2, 1);
  frame_item (frame, _("All correct: see my result"), SEE_RESULT);
  for (size_t q = 0; q < list->count; q++)
    {
      const struct checklist_question *question = &list->questions[q];
      int a = s->answers[q];
      const char *answer = a >= 0 && (size_t) a < question->option_count
                           ? _(question->options[a].text) : _("Not answered");
      /* TRANSLATORS: under each question, the answer the person gave. (No
         arrow: it would point the wrong way in right-to-left scripts.) */
      const char *line = frame_printf (frame, _("Your answer: %s"), answer);
      frame_item (frame, frame_printf (frame, "%s\n%s", _(question->text), line), (int) q);
    }
}

void
screen_show_review (struct app *app, size_t question)
{
  bool back = app->session.reviewing;
  session_show (&app->session, SCREEN_REVIEW);
  app->session.reviewing = true;
  /* First "see my result"; back from a change, that answer, so the list is
     where the person left it. */
  app->session.selected = back ? question + 1 : 0;
}

static void
review_choose (struct app *app, int item)
{
  if (item == SEE_RESULT)
    {
      app->session.reviewing = false;
      screen_show_result (app);
    }
  else
    screen_show_question (app, (size_t) item);
}

static void
review_back (struct app *app)
{
  app->session.reviewing = false;
  screen_show_question (app, app->content->checklist.count - 1);
}

const struct screen screen_review = {
  .build = review_build,
  .choose = review_choose,
  .back = review_back,
};
