/* screen_offer.c -- office mode: the details of the offer being screened,
   typed by staff before the checklist. Nothing about the job seeker. */
#include <config.h>
#include "screens.h"

#include "system.h"

enum { ITEM_CONTINUE = OFFER_FIELD_COUNT };

static void
offer_build (const struct app *app, struct frame *frame)
{
  const struct session *s = &app->session;

  /* TRANSLATORS: the title bar of the office form. */
  screen_frame (app, frame, _("Office: screen a job offer"), true);
  /* TRANSLATORS: key hints on the office form; under 40 columns. */
  frame->hints = _("\xE2\x86\x91\xE2\x86\x93 field, type, Enter: next");
  frame_lead (frame, _("Type the offer's details as the agency gave them. Leave a field "
                       "empty if you do not know it. Nothing about the job seeker is kept."),
              STYLE_STRONG, 3, 1);
  if (app->log_status[0])
    frame_lead (frame, app->log_status, STYLE_HIGH, 2, 1);
  for (int f = 0; f < OFFER_FIELD_COUNT; f++)
    {
      /* The highlighted field shows where typing goes. */
      bool typing = s->selected == (size_t) f;
      struct frame_item *item = frame_item (frame, frame_printf (frame, "%s: %s%s",
                                                                  _(offer_field_label (f)),
                                                                  s->offer.field[f],
                                                                  typing ? "_" : ""), f);
      item->field = true;
    }
  frame_item (frame, _("Continue to the checklist"), ITEM_CONTINUE);
}

static void
offer_choose (struct app *app, int item)
{
  if (item >= ITEM_CONTINUE)
    {
      /* "The last screening was saved" was news on this form; on this
         screening's own result it would read as if this one were. */
      app->log_status[0] = '\0';
      screen_show_question (app, 0);
    }
  else
    app->session.selected = (size_t) item + 1;    /* Enter goes on to the next field */
}

static void
offer_back (struct app *app)
{
  session_show (&app->session, SCREEN_LANGUAGE);
  screen_highlight_language (app);
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
  .build = offer_build,
  .choose = offer_choose,
  .back = offer_back,
  .type = offer_type_char,
};
