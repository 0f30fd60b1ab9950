/* screen_offer.c -- office mode: the details of the offer being screened,
   typed by staff before the checklist. Nothing about the job seeker. */
#include <config.h>
#include "screens.h"

#include <stdio.h>
#include "system.h"

enum { ITEM_CONTINUE = OFFER_FIELD_COUNT, ITEM_COUNT };

static void
offer_draw (struct app *app, struct view *view)
{
  const struct session *s = &app->session;
  char labels[ITEM_COUNT][LABEL_MAX];
  const char *items[ITEM_COUNT];
  int row = BODY_TOP;

  for (int f = 0; f < OFFER_FIELD_COUNT; f++)
    {
      /* The highlighted field shows where typing goes. */
      bool typing = s->selected == (size_t) f;
      snprintf (labels[f], LABEL_MAX, "%s: %s%s", _(offer_field_label (f)), s->offer.field[f],
                typing ? "_" : "");
      items[f] = labels[f];
    }
  items[ITEM_CONTINUE] = _("Continue to the checklist");

  /* TRANSLATORS: the title bar of the office form. */
  screen_frame_hints (app, view, _("Office: screen a job offer"),
                      /* TRANSLATORS: key hints on the office form; under 40 columns. */
                      _("\xE2\x86\x91\xE2\x86\x93 field, type, Enter: next"));
  row += draw_text (row, 2, view->cols - 4, 3,
                    _("Type the offer's details as the agency gave them. Leave a field "
                      "empty if you do not know it. Nothing about the job seeker is kept."),
                    A_BOLD, PAIR_NORMAL) + 1;
  if (app->log_status[0])
    row += draw_text (row, 2, view->cols - 4, 2, app->log_status, A_BOLD, PAIR_HIGH) + 1;
  draw_items (view, row, 2, view->cols - 4, view->rows - 1 - row, items, ITEM_COUNT,
              s->selected);
}

static size_t
offer_items (const struct app *app)
{
  (void) app;
  return ITEM_COUNT;
}

static void
offer_choose (struct app *app, size_t item)
{
  if (item >= ITEM_CONTINUE)
    screen_show_question (app, 0);
  else
    app->session.selected = item + 1;    /* Enter goes on to the next field */
}

static void
offer_back (struct app *app)
{
  session_show (&app->session, SCREEN_LANGUAGE);
  app->session.selected = app->session.language;
}

static bool
offer_editable (const struct app *app, size_t item)
{
  (void) app;
  return item < OFFER_FIELD_COUNT;
}

static bool
offer_type_char (struct app *app, wint_t c)
{
  struct session *s = &app->session;
  if (s->selected >= OFFER_FIELD_COUNT)
    return false;
  if (c == 0)
    return offer_erase (&s->offer, (enum offer_field) s->selected);
  return offer_type (&s->offer, (enum offer_field) s->selected, (unsigned int) c);
}

const struct screen screen_offer = {
  .draw = offer_draw,
  .items = offer_items,
  .choose = offer_choose,
  .back = offer_back,
  .editable = offer_editable,
  .type = offer_type_char,
  .has_back = true,
};
