/* screen_offer.c -- office mode: the details of the offer being screened,
   typed by staff before the checklist. Nothing about the job seeker. */
#include <config.h>
#include "screens.h"

#include <stdio.h>
#include "dates.h"
#include "offers_log.h"
#include "system.h"

enum { ITEM_CONTINUE = OFFER_FIELD_COUNT };

static void
offer_build (const struct app *app, struct frame *frame)
{
  const struct session *s = &app->session;

  /* TRANSLATORS: the title bar of the office form. */
  screen_frame (app, frame, _("Office: screen a job offer"), true);
  /* TRANSLATORS: key hints on the office form; under 40 columns. */
  frame->hints = _("\xE2\x86\x91\xE2\x86\x93 field, type, \xE2\x86\xB5: next");
  frame_lead (frame, _("Type the offer's details as the agency gave them. Leave a field "
                       "empty if you do not know it. Nothing about the job seeker is kept."),
              STYLE_STRONG, 3, 1);
  if (app->log_status[0])
    frame_lead (frame, app->log_status, STYLE_HIGH, 2, 1);
  else if (app->log && offers_log_trouble (app->log))
    /* Said as the form is drawn, not at start: in the language staff
       picked, and gone once the server answers again. */
    frame_lead (frame,
                frame_printf (frame, _("The shared office log cannot be reached: screenings are "
                                       "kept on this desk and sent when it can be. (%s)"),
                              offers_log_trouble (app->log)),
                STYLE_HIGH, 2, 1);
  if (app->offer_problem)
    frame_lead (frame, _(app->offer_problem), STYLE_HIGH, 2, 1);
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

/* Whether the country and the date can be kept as they are written: the
   country becomes its code; else the form says what to write and
   highlights the field (issue 19: "Myanmar" was kept as MY, Malaysia,
   and "01/12/2026" as "01122026"). */
static bool
offer_checked (struct app *app)
{
  struct session *s = &app->session;
  char *country = s->offer.field[OFFER_COUNTRY];
  char code[3];

  app->offer_problem = NULL;
  if (country[0] && offer_country_code (app->content, country, code) != 0)
    {
      /* TRANSLATORS: on the office form, when the country is not one the
         kiosk knows. */
      app->offer_problem = N_("Country of the job: type its name or its two-letter code, "
                              "such as TH.");
      s->selected = OFFER_COUNTRY;
      return false;
    }
  if (country[0])
    snprintf (country, sizeof s->offer.field[OFFER_COUNTRY], "%s", code);
  if (s->offer.field[OFFER_DATE][0] && !date_valid (s->offer.field[OFFER_DATE]))
    {
      /* TRANSLATORS: on the office form; keep YYYY-MM-DD and the example
         date as they are. */
      app->offer_problem = N_("Date of the offer: write it as YYYY-MM-DD, such as 2026-12-07.");
      s->selected = OFFER_DATE;
      return false;
    }
  return true;
}

static void
offer_choose (struct app *app, int item)
{
  if (item >= ITEM_CONTINUE)
    {
      if (!offer_checked (app))
        return;    /* the form says what to write, on the field to fix */
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
