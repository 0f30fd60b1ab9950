/* screen_country.c -- where the person is from and where the job is: the
   contacts shown depend on both. */
#include <config.h>
#include "screens.h"

#include <stdio.h>
#include <string.h>
#include "system.h"

/* The countries with ROLE, in content order, as indexes; returns how many. */
static size_t
countries_with (const struct content *content, unsigned role, int *out, size_t max)
{
  size_t n = 0;
  for (size_t i = 0; i < content->country_count && n < max; i++)
    if (content->countries[i].roles & role)
      out[n++] = (int) i;
  return n;
}

enum { MAX_COUNTRIES = 64 };

static void
draw_countries (struct app *app, struct view *view, unsigned role, const char *title,
                const char *question, const char *extra)
{
  int index[MAX_COUNTRIES];
  const char *items[MAX_COUNTRIES + 1];
  size_t n = countries_with (app->content, role, index, MAX_COUNTRIES);
  int row = BODY_TOP;

  for (size_t i = 0; i < n; i++)
    items[i] = _(app->content->countries[index[i]].name);
  if (extra)
    items[n++] = extra;
  screen_frame (app, view, title);
  row += draw_text (row, 2, view->cols - 4, 3, question, A_BOLD, PAIR_NORMAL) + 1;
  draw_items (view, row, 2, view->cols - 4, view->rows - 1 - row, items, n,
              app->session.selected);
}

static void
nationality_draw (struct app *app, struct view *view)
{
  /* TRANSLATORS: the title bar while choosing countries for the contacts. */
  draw_countries (app, view, COUNTRY_ORIGIN, _("Numbers to save"),
                  _("Which country are you from?"),
                  /* TRANSLATORS: the last choice when asked which country the
                     person is from: one the list does not show. */
                  _("Another country"));
}

/* Highlights CODE, the kiosk's default, among the countries with ROLE. */
static void
preselect (struct app *app, unsigned role, const char *code)
{
  int index[MAX_COUNTRIES];
  size_t n = countries_with (app->content, role, index, MAX_COUNTRIES);
  for (size_t i = 0; code && i < n; i++)
    if (strcmp (app->content->countries[index[i]].code, code) == 0)
      app->session.selected = i;
}

void
screen_show_countries (struct app *app)
{
  session_show (&app->session, SCREEN_NATIONALITY);
  preselect (app, COUNTRY_ORIGIN, app->default_nationality);
}

static size_t
nationality_items (const struct app *app)
{
  int index[MAX_COUNTRIES];
  return countries_with (app->content, COUNTRY_ORIGIN, index, MAX_COUNTRIES) + 1;
}

static void
nationality_choose (struct app *app, size_t item)
{
  int index[MAX_COUNTRIES];
  size_t n = countries_with (app->content, COUNTRY_ORIGIN, index, MAX_COUNTRIES);
  /* "Another country": the numbers that serve anyone. */
  app->session.nationality = item < n ? index[item] : SESSION_NO_COUNTRY;
  session_show (&app->session, SCREEN_DESTINATION);
  preselect (app, COUNTRY_DESTINATION, app->default_destination);
}

static void
nationality_back (struct app *app)
{
  session_show (&app->session, SCREEN_RESULT);
}

static void
destination_draw (struct app *app, struct view *view)
{
  draw_countries (app, view, COUNTRY_DESTINATION, _("Numbers to save"),
                  _("Which country is the job in?"),
                  /* TRANSLATORS: the last choice when asked where the job is. */
                  _("Another country, or I don't know"));
}

static size_t
destination_items (const struct app *app)
{
  int index[MAX_COUNTRIES];
  return countries_with (app->content, COUNTRY_DESTINATION, index, MAX_COUNTRIES) + 1;
}

static void
destination_choose (struct app *app, size_t item)
{
  int index[MAX_COUNTRIES];
  size_t n = countries_with (app->content, COUNTRY_DESTINATION, index, MAX_COUNTRIES);
  app->session.destination = item < n ? index[item] : SESSION_NO_COUNTRY;
  session_show (&app->session, SCREEN_CONTACTS);
}

static void
destination_back (struct app *app)
{
  session_show (&app->session, SCREEN_NATIONALITY);
}

const struct screen screen_nationality = {
  .draw = nationality_draw,
  .items = nationality_items,
  .choose = nationality_choose,
  .back = nationality_back,
  .has_back = true,
};

const struct screen screen_destination = {
  .draw = destination_draw,
  .items = destination_items,
  .choose = destination_choose,
  .back = destination_back,
  .has_back = true,
};
