/* screen_country.c -- where the person is from and where the job is: the
   contacts shown depend on both. */
#include <config.h>
#include "screens.h"

#include <string.h>
#include "system.h"

/* The destination screen's last item: no country, "I don't know". */
enum { NO_COUNTRY = -1 };

/* Lists the countries with ROLE as items, in content order, each item's
   value the country's index in the content. */
static void
country_items (const struct app *app, struct frame *frame, unsigned role)
{
  const struct content *ct = app->content;
  for (size_t i = 0; i < ct->country_count; i++)
    if (ct->countries[i].roles & role)
      frame_item (frame, _(ct->countries[i].name), (int) i);
}

/* Highlights the country whose index in the content is COUNTRY among the
   countries with ROLE, or, for SESSION_NO_COUNTRY, the last item (another
   country). */
static void
highlight (struct app *app, unsigned role, int country)
{
  const struct content *ct = app->content;
  size_t n = 0;
  for (size_t i = 0; i < ct->country_count; i++)
    if (ct->countries[i].roles & role)
      {
        if ((int) i == country)
          app->session.selected = n;
        n++;
      }
  if (country == SESSION_NO_COUNTRY)
    app->session.selected = n;
}

/* The index of the country with CODE, or SESSION_NO_COUNTRY. */
static int
country_by_code (const struct content *ct, const char *code)
{
  for (size_t i = 0; code && i < ct->country_count; i++)
    if (strcmp (ct->countries[i].code, code) == 0)
      return (int) i;
  return SESSION_NO_COUNTRY;
}

/* Highlights CODE, the kiosk's default, among the countries with ROLE. */
static void
preselect (struct app *app, unsigned role, const char *code)
{
  int country = country_by_code (app->content, code);
  if (country != SESSION_NO_COUNTRY)
    highlight (app, role, country);
}

/* The destination the person gave on the checklist ("In which country is
   the job?"), or SESSION_NO_COUNTRY: its answer names a country the
   contacts know, by the same English name. */
static int
answered_destination (const struct app *app)
{
  const struct content *ct = app->content;
  const struct checklist *list = &ct->checklist;
  for (size_t q = 0; q < list->count; q++)
    {
      const struct checklist_question *question = &list->questions[q];
      int a = app->session.answers[q];
      if (strcmp (question->id, "destination") != 0 || a < 0
          || (size_t) a >= question->option_count)
        continue;
      for (size_t i = 0; i < ct->country_count; i++)
        if ((ct->countries[i].roles & COUNTRY_DESTINATION)
            && strcmp (ct->countries[i].name, question->options[a].text) == 0)
          return (int) i;
    }
  return SESSION_NO_COUNTRY;
}

/* The destination screen, its first highlight the country the checklist's
   answer named, else the kiosk's default. */
static void
show_destinations (struct app *app)
{
  int answered = answered_destination (app);
  session_show (&app->session, SCREEN_DESTINATION);
  if (answered != SESSION_NO_COUNTRY)
    highlight (app, COUNTRY_DESTINATION, answered);
  else
    preselect (app, COUNTRY_DESTINATION, app->default_destination);
}

static void
nationality_build (const struct app *app, struct frame *frame)
{
  /* TRANSLATORS: the title bar while choosing countries for the contacts. */
  screen_frame (app, frame, _("Numbers to save"), true);
  frame->numbers_button = false;
  frame_lead (frame, _("Which country are you from?"), STYLE_STRONG, 3, 1);
  country_items (app, frame, COUNTRY_ORIGIN);
  /* TRANSLATORS: the last choice when asked which country the person is
     from: one the list does not show. */
  frame_item (frame, _("Another country"), NO_COUNTRY);
}

void
screen_show_countries (struct app *app)
{
  session_show (&app->session, SCREEN_NATIONALITY);
  preselect (app, COUNTRY_ORIGIN, app->default_nationality);
}

void
screen_numbers_now (struct app *app)
{
  session_numbers_now (&app->session);
  preselect (app, COUNTRY_ORIGIN, app->default_nationality);
}

static void
nationality_choose (struct app *app, int country)
{
  /* "Another country": the numbers that serve anyone. */
  app->session.nationality = country == NO_COUNTRY ? SESSION_NO_COUNTRY : country;
  show_destinations (app);
}

static void
nationality_back (struct app *app)
{
  if (app->session.numbers_now)
    session_end_numbers (&app->session);
  else
    session_show (&app->session, SCREEN_RESULT);
}

static void
destination_build (const struct app *app, struct frame *frame)
{
  screen_frame (app, frame, _("Numbers to save"), true);
  frame->numbers_button = false;
  frame_lead (frame, _("Which country is the job in?"), STYLE_STRONG, 3, 1);
  country_items (app, frame, COUNTRY_DESTINATION);
  /* TRANSLATORS: the last choice when asked where the job is. */
  frame_item (frame, _("Another country, or I don't know"), NO_COUNTRY);
}

static void
destination_choose (struct app *app, int country)
{
  app->session.destination = country == NO_COUNTRY ? SESSION_NO_COUNTRY : country;
  session_show (&app->session, SCREEN_CONTACTS);
}

/* Back: the nationality chosen is highlighted again. */
static void
destination_back (struct app *app)
{
  session_show (&app->session, SCREEN_NATIONALITY);
  highlight (app, COUNTRY_ORIGIN, app->session.nationality);
}

void
screen_show_destination_chosen (struct app *app)
{
  session_show (&app->session, SCREEN_DESTINATION);
  highlight (app, COUNTRY_DESTINATION, app->session.destination);
}

const struct screen screen_nationality = {
  .build = nationality_build,
  .choose = nationality_choose,
  .back = nationality_back,
};

const struct screen screen_destination = {
  .build = destination_build,
  .choose = destination_choose,
  .back = destination_back,
};
