/* screen_articles.c -- the awareness reader: a list of articles, and one
   article at a time, scrolled with the arrow and page keys. */
#include <config.h>
#include "screens.h"

#include "system.h"

/* --- The list ------------------------------------------------------------ */

enum { BACK_TO_RESULT = -1 };

static void
articles_build (const struct app *app, struct frame *frame)
{
  const struct content *ct = app->content;

  /* TRANSLATORS: the title bar of the awareness reader. */
  screen_frame (app, frame, _("Learn how these traps work"), true);
  frame_lead (frame, _("Choose something to read."), STYLE_STRONG, 2, 1);
  for (size_t i = 0; i < ct->article_count; i++)
    frame_item (frame, _(ct->articles[i].title), (int) i);
  frame_item (frame, _("Back to your result"), BACK_TO_RESULT);
}

static void
articles_choose (struct app *app, int item)
{
  if (item == BACK_TO_RESULT)
    {
      session_show (&app->session, SCREEN_RESULT);
      app->session.selected = 1;
      return;
    }
  session_show (&app->session, SCREEN_ARTICLE);
  app->session.article = (size_t) item;
}

static void
articles_back (struct app *app)
{
  articles_choose (app, BACK_TO_RESULT);
}

const struct screen screen_articles = {
  .build = articles_build,
  .choose = articles_choose,
  .back = articles_back,
};

/* --- One article --------------------------------------------------------- */

static void
article_build (const struct app *app, struct frame *frame)
{
  const struct article *a = &app->content->articles[app->session.article];

  screen_frame (app, frame, _("Learn how these traps work"), true);
  /* TRANSLATORS: key hints while reading; under 40 columns. */
  frame->hints = _("\xE2\x86\x91\xE2\x86\x93: read on");
  frame->arrows_scroll = true;
  frame_text (frame, _(a->title), STYLE_TITLE, 0, 1);
  for (size_t s = 0; s < a->section_count; s++)
    {
      frame_text (frame, _(a->sections[s].heading), STYLE_STRONG, 0, 0);
      for (size_t p = 0; p < a->sections[s].paragraph_count; p++)
        frame_text (frame, _(a->sections[s].paragraphs[p]), STYLE_NORMAL, 0, 1);
    }
  frame_item (frame, _("Back to the list"), 0);
  frame->selected = 0;
}

static void
article_choose (struct app *app, int item)
{
  (void) item;
  size_t article = app->session.article;
  session_show (&app->session, SCREEN_ARTICLES);
  app->session.selected = article;
}

static void
article_back (struct app *app)
{
  article_choose (app, 0);
}

const struct screen screen_article = {
  .build = article_build,
  .choose = article_choose,
  .back = article_back,
};
