/* app.c -- the application state shared by the screens, and the end of a
   session. */
#include <config.h>
#include "app.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <syslog.h>
#include <time.h>
#include "dates.h"
#include "i18n.h"
#include "languages.h"
#include "risk.h"
#include "stats.h"

void
app_assess (const struct app *app, struct risk_result *result)
{
  risk_assess_for (&app->content->checklist, app->session.answers, app->default_nationality,
                   result);
}

bool
app_session_figures (const struct app *app, struct stats_session *out)
{
  const struct session *s = &app->session;
  const struct language *lang = languages_get (s->language);

  /* A developer's look at the pseudo-locale is nobody's session. */
  if (!s->started || !lang || strcmp (lang->code, "en@pseudo") == 0)
    return false;
  memset (out, 0, sizeof *out);
  date_today (out->day);
  out->language = lang->code;
  out->destination = "";
  if (app->content && s->destination >= 0 && (size_t) s->destination < app->content->country_count)
    out->destination = app->content->countries[s->destination].code;
  out->level = "none";
  out->contacts_shown = s->saw_contacts;
  out->qr_shown = s->saw_qr;
  out->printed = s->printed;
  out->reached = STATS_REACHED_LANGUAGE;
  if (app->content)
    for (size_t i = 0; i < app->content->checklist.count && i < CHECKLIST_MAX_QUESTIONS; i++)
      if (s->answers[i] != CHECKLIST_UNANSWERED)
        out->reached = STATS_REACHED_CHECKLIST;
  if (s->saw_result && app->content)
    {
      struct risk_result result;
      out->reached = STATS_REACHED_RESULT;
      app_assess (app, &result);
      out->level = risk_level_id (result.level);
      for (size_t i = 0; i < result.sign_count && i < STATS_MAX_SIGNS; i++)
        snprintf (out->signs[out->sign_count++], sizeof out->signs[0], "%s.%s",
                  result.signs[i].question->id, result.signs[i].answer->id);
    }
  if (s->saw_contacts)
    out->reached = STATS_REACHED_CONTACTS;
  return true;
}

/* Writes what the usage figures keep of a session that ended. A failure is
   counted and shown to staff, never to the person: the session itself is
   over either way. */
static void
record_figures (struct app *app, const struct stats_session *ended)
{
  struct stats_session figures = *ended;
  char err[256];
  struct stats *stats;

  stats = stats_open (app->stats_db, err, sizeof err);
  if (stats && stats_moved_aside (stats))
    {
      /* Kept for staff until the next problem: their figures started
         again, the old ones are in the file named. */
      snprintf (app->stats_status, sizeof app->stats_status,
                "the usage figures were damaged; moved to %s, new ones started",
                stats_moved_aside (stats));
      syslog (LOG_WARNING, "usage figures: %s", app->stats_status);
    }
  if (stats && stats_record (stats, &figures, err, sizeof err) == 0)
    {
      app->stats_saved++;
      if (!stats_moved_aside (stats))
        app->stats_status[0] = '\0';
      if (app->stats_keep_days > 0
          && stats_prune (stats, figures.day, app->stats_keep_days, err, sizeof err) != 0)
        {
          snprintf (app->stats_status, sizeof app->stats_status, "%s", err);
          syslog (LOG_WARNING, "old usage figures not deleted: %s", err);
        }
    }
  else
    {
      app->stats_failed++;
      snprintf (app->stats_status, sizeof app->stats_status, "%s", err);
      syslog (LOG_WARNING, "usage figures not saved: %s", err);
    }
  stats_close (stats);
  explicit_bzero (&figures, sizeof figures);
}

double
app_clock (void)
{
  struct timespec ts;
  clock_gettime (CLOCK_MONOTONIC, &ts);
  return (double) ts.tv_sec + (double) ts.tv_nsec / 1e9;
}

void
app_staff_text (struct app *app, char *text)
{
  free (app->staff_text);
  app->staff_text = text;
}

void
app_save_figures (struct app *app)
{
  if (!app->figures_pending)
    return;
  record_figures (app, &app->pending_figures);
  explicit_bzero (&app->pending_figures, sizeof app->pending_figures);
  app->figures_pending = false;
}

void
app_reset (struct app *app)
{
  /* Kept until the next screen is drawn, then written (app_save_figures):
     a busy database may take a second, which Hide must not wait for. One
     left from a reset before is written now, not lost. */
  app_save_figures (app);
  if (app->stats_db && app_session_figures (app, &app->pending_figures))
    app->figures_pending = true;
  /* Nothing of the last person keeps talking, and the next screen is new
     to the voice. */
  speech_silence (&app->speech);
  app->spoken = (struct speech_state) { .screen = -1 };
  session_reset (&app->session);
  if (app->out_of_service)
    app->session.screen = SCREEN_OUT_OF_SERVICE;
  app->print_status[0] = '\0';
  app->offer_problem = NULL;
  /* The staff menu closes with the session it interrupted. */
  explicit_bzero (app->pin_entry, sizeof app->pin_entry);
  app->pin_message = NULL;
  app->staff_open = false;
  app_staff_text (app, NULL);
  app->staff_status[0] = '\0';
  i18n_use (languages_get (0)->code);
}
