/* screen_articles.c -- the awareness reader: a list of articles, and one
   article at a time, scrolled with the arrow and page keys. */
#include <config.h>
#include "screens.h"

#include <stdio.h>
#include "system.h"

/* --- The list ------------------------------------------------------------ */

static size_t
articles_items (const struct app *app)
{
  return app->content->article_count + 1;    /* the articles, then "Back" */
}

static void
articles_draw (struct app *app, struct view *view)
{
  const struct content *ct = app->content;
  const char *items[VIEW_MAX_TARGETS];
  size_t n = ct->article_count < VIEW_MAX_TARGETS - 1 ? ct->article_count
                                                      : VIEW_MAX_TARGETS - 1;
  int row = BODY_TOP;

  for (size_t i = 0; i < n; i++)
    items[i] = _(ct->articles[i].title);
  items[n] = _("Back to your result");
  /* TRANSLATORS: the title bar of the awareness reader. */
  screen_frame (app, view, _("Learn how these traps work"));
  row += draw_text (row, 2, view->cols - 4, 2, _("Choose something to read."), A_BOLD,
                    PAIR_NORMAL) + 1;
  draw_items (view, row, 2, view->cols - 4, view->rows - 1 - row, items, n + 1,
              app->session.selected);
}

static void
articles_choose (struct app *app, size_t item)
{
  if (item >= app->content->article_count)
    {
      session_show (&app->session, SCREEN_RESULT);
      app->session.selected = 1;
      return;
    }
  session_show (&app->session, SCREEN_ARTICLE);
  app->session.article = item;
}

static void
articles_back (struct app *app)
{
  articles_choose (app, app->content->article_count);
}

const struct screen screen_articles = {
  .draw = articles_draw,
  .items = articles_items,
  .choose = articles_choose,
  .back = articles_back,
  .has_back = true,
};

/* --- One article --------------------------------------------------------- */

enum { MAX_BLOCKS = 128 };

static void
article_draw (struct app *app, struct view *view)
{
  const struct article *a = &app->content->articles[app->session.article];
  const char *back = _("Back to the list");
  struct text_block blocks[MAX_BLOCKS];
  size_t n = 0;

  blocks[n++] = (struct text_block) { _(a->title), A_BOLD | A_UNDERLINE, PAIR_NORMAL, 0, 1 };
  for (size_t s = 0; s < a->section_count && n < MAX_BLOCKS; s++)
    {
      blocks[n++] = (struct text_block) { _(a->sections[s].heading), A_BOLD, PAIR_NORMAL, 0, 0 };
      for (size_t p = 0; p < a->sections[s].paragraph_count && n < MAX_BLOCKS; p++)
        blocks[n++] = (struct text_block) { _(a->sections[s].paragraphs[p]), A_NORMAL,
                                            PAIR_NORMAL, 0, 1 };
    }
  screen_frame_hints (app, view, _("Learn how these traps work"),
                      /* TRANSLATORS: key hints while reading; under 40 columns. */
                      _("\xE2\x86\x91\xE2\x86\x93 PgUp PgDn: read on"));
  draw_blocks (view, BODY_TOP, 2, view->cols - 4, view->rows - 1 - BODY_TOP - 3, blocks, n,
               &app->session.scroll);
  draw_items (view, view->rows - 3, 2, view->cols - 4, 2, &back, 1, 0);
}

static size_t
article_items (const struct app *app)
{
  (void) app;
  return 1;    /* "Back to the list" */
}

static void
article_choose (struct app *app, size_t item)
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

static void
article_scroll (struct app *app, int lines)
{
  app->session.scroll += lines;
}

const struct screen screen_article = {
  .draw = article_draw,
  .items = article_items,
  .choose = article_choose,
  .back = article_back,
  .scroll_by = article_scroll,
  .arrows_scroll = true,
  .has_back = true,
};
