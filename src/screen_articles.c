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

/* Calls DRAW for each block of the article (title, headings, paragraphs)
   with its first row in the whole text; returns the text's height. */
static int
layout (const struct article *a, int width,
        void (*draw) (const char *text, unsigned long attr, int top, void *ctx), void *ctx)
{
  int top = 0;
  const char *title = _(a->title);
  if (draw)
    draw (title, A_BOLD | A_UNDERLINE, top, ctx);
  top += draw_text_rows (title, width) + 1;
  for (size_t s = 0; s < a->section_count; s++)
    {
      const char *heading = _(a->sections[s].heading);
      if (draw)
        draw (heading, A_BOLD, top, ctx);
      top += draw_text_rows (heading, width);
      for (size_t p = 0; p < a->sections[s].paragraph_count; p++)
        {
          const char *text = _(a->sections[s].paragraphs[p]);
          if (draw)
            draw (text, A_NORMAL, top, ctx);
          top += draw_text_rows (text, width) + 1;
        }
    }
  return top;
}

struct window
{
  int y, x, width, rows;   /* the box on screen */
  int scroll;              /* the text row at its top */
};

static void
draw_block (const char *text, unsigned long attr, int top, void *ctx)
{
  const struct window *w = ctx;
  int rows = draw_text_rows (text, w->width);
  int first = w->scroll - top;         /* the block's first visible line */
  int y = w->y + (top - w->scroll);
  if (top + rows <= w->scroll || top >= w->scroll + w->rows)
    return;
  if (first < 0)
    first = 0;
  else
    y = w->y;
  int shown = rows - first;
  if (y + shown > w->y + w->rows)
    shown = w->y + w->rows - y;
  draw_text_lines (y, w->x, w->width, first, shown, text, attr);
}

static void
article_draw (struct app *app, struct view *view)
{
  const struct article *a = &app->content->articles[app->session.article];
  const char *back = _("Back to the list");
  struct window w = { BODY_TOP, 2, view->cols - 4, view->rows - 1 - BODY_TOP - 3, 0 };
  int height = layout (a, w.width, NULL, NULL);
  int last = height > w.rows ? height - w.rows : 0;

  /* Scrolling past either end stops there; the clamped place is kept so the
     next key moves from what is on screen. */
  if (app->session.scroll > last)
    app->session.scroll = last;
  if (app->session.scroll < 0)
    app->session.scroll = 0;
  w.scroll = app->session.scroll;

  screen_frame_hints (app, view, _("Learn how these traps work"),
                      /* TRANSLATORS: key hints while reading; under 40 columns. */
                      _("\xE2\x86\x91\xE2\x86\x93 PgUp PgDn: read on"));
  layout (a, w.width, draw_block, &w);
  if (w.scroll > 0)
    mvaddstr (BODY_TOP - 1, view->cols - 3, "\xE2\x96\xB2");
  if (w.scroll < last)
    {
      char more[LABEL_MAX];
      /* TRANSLATORS: shown while more of the article is below the screen. */
      snprintf (more, sizeof more, "\xE2\x96\xBC %s", _("more below"));
      draw_text (w.y + w.rows, view->cols - 22, 20, 1, more,
                 A_BOLD, PAIR_NORMAL);
    }
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
  .has_back = true,
};
