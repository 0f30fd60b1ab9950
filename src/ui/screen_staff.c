/* screen_staff.c -- what staff see: the out-of-service screen shown when the
   start-up self-test fails, the PIN prompt the staff key chord opens, and
   the staff menu (content and languages, usage figures, self-test, printer
   test, exit). */
#include <config.h>
#include "screens.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <syslog.h>
#include "i18n.h"
#include "languages.h"
#include "pin_lock.h"
#include "print.h"
#include "stats.h"
#include "system.h"

enum staff_page { PAGE_CONTENT, PAGE_FIGURES, PAGE_SELFTEST };

static void
stay (struct app *app)
{
  (void) app;
}

static void
choose_nothing (struct app *app, int item)
{
  (void) app;
  (void) item;
}

/* --- Out of service ------------------------------------------------------ */

static void
out_of_service_build (const struct app *app, struct frame *frame)
{
  (void) app;
  frame->title = "safejob";
  frame->top = 3;
  frame->names_languages = true;
  /* The message in every offered language, as far as the screen holds. */
  for (size_t i = 0; i < languages_count (); i++)
    {
      const struct language *lang = languages_get (i);
      /* TRANSLATORS: shown when the kiosk cannot work (its content is
         missing, say); at most 76 columns. */
      const char *text = i18n_gettext_in (lang->code, N_("Out of service. Please ask the staff "
                                                         "for help."));
      frame_lead (frame, text, i == 0 ? STYLE_STRONG : STYLE_NORMAL, 2, 0);
    }
}

const struct screen screen_out_of_service = {
  .build = out_of_service_build,
  .choose = choose_nothing,
  .back = stay,
};

/* --- PIN ----------------------------------------------------------------- */

void
screen_open_staff (struct app *app)
{
  if (!app->staff_pin_hash || app->session.screen == SCREEN_PIN)
    return;
  if (app->staff_open)
    {
      session_show (&app->session, SCREEN_STAFF);
      return;
    }
  explicit_bzero (app->pin_entry, sizeof app->pin_entry);
  app->pin_message = NULL;
  session_overlay (&app->session, SCREEN_PIN);
}

static void
pin_build (const struct app *app, struct frame *frame)
{
  int locked = pin_guard_locked (&app->pin_guard, app->now);
  size_t digits = strlen (app->pin_entry);

  /* TRANSLATORS: the title bar of the staff PIN prompt. */
  screen_frame (app, frame, _("Staff"), true);
  frame->numbers_button = frame->start_over_button = false;
  /* The digits and the Enter key's return arrow; Back leaves. */
  frame->hints = "0-9  \xE2\x86\xB5";
  frame_lead (frame, _("Staff only. Type the staff PIN and press Enter."), STYLE_STRONG, 3, 1);
  if (locked)
    /* TRANSLATORS: %d is a number of minutes. */
    frame_lead (frame, frame_printf (frame, ngettext ("Too many wrong PINs. Try again in %d "
                                                      "minute.",
                                                      "Too many wrong PINs. Try again in %d "
                                                      "minutes.", (locked + 59) / 60),
                                     (locked + 59) / 60), STYLE_HIGH, 3, 1);
  else if (app->pin_message)
    frame_lead (frame, _(app->pin_message), STYLE_HIGH, 3, 1);
  /* The PIN itself is never drawn: one star a digit. */
  char stars[PIN_MAX_DIGITS + 2];
  memset (stars, '*', digits);
  stars[digits] = '\0';
  if (app->session.selected == 0)
    strcat (stars, "_");
  frame_item (frame, frame_printf (frame, "%s: %s", _("PIN"), stars), 0)->field = true;
  frame_item (frame, _("Cancel"), 1);
}

static void
pin_cancel (struct app *app)
{
  explicit_bzero (app->pin_entry, sizeof app->pin_entry);
  app->pin_message = NULL;
  session_return (&app->session);
}

static void
pin_choose (struct app *app, int item)
{
  if (item == 1)
    {
      pin_cancel (app);
      return;
    }
  double now = app->now;
  if (pin_guard_locked (&app->pin_guard, now))
    return;
  /* What cannot be a PIN (nothing, or too few digits) is no try: else
     anyone could keep staff locked out by pressing Enter. */
  if (!pin_valid (app->pin_entry))
    {
      app->pin_message = app->pin_entry[0] ? N_("Wrong PIN.") : NULL;
      explicit_bzero (app->pin_entry, sizeof app->pin_entry);
      return;
    }
  bool right = pin_matches (app->pin_entry, app->staff_pin_hash);
  explicit_bzero (app->pin_entry, sizeof app->pin_entry);
  bool opens = pin_guard_try (&app->pin_guard, right, now);
  char err[512];
  if (app->pin_lock_path
      && pin_lock_save (app->pin_lock_path, &app->pin_guard, now, err, sizeof err) != 0)
    syslog (LOG_WARNING, "staff PIN lock-out not kept: %s", err);
  if (opens)
    {
      app->staff_open = true;
      app->pin_message = NULL;
      syslog (LOG_NOTICE, "staff menu opened");
      session_show (&app->session, SCREEN_STAFF);
    }
  else
    {
      app->pin_message = N_("Wrong PIN.");
      syslog (LOG_WARNING, "wrong staff PIN%s",
              pin_guard_locked (&app->pin_guard, now) ? "; staff menu locked" : "");
    }
}

static bool
pin_type (struct app *app, wint_t c)
{
  size_t n = strlen (app->pin_entry);
  if (c == 0)
    {
      if (n == 0)
        return false;
      app->pin_entry[n - 1] = '\0';
      return true;
    }
  if (c < L'0' || c > L'9' || n >= PIN_MAX_DIGITS)
    return true;    /* swallowed: only digits make a PIN */
  app->pin_entry[n] = (char) c;
  app->pin_entry[n + 1] = '\0';
  return true;
}

static bool
pin_tick (struct app *app)
{
  /* The lock-out's minutes count down on screen. */
  return pin_guard_locked (&app->pin_guard, app->now) > 0;
}

const struct screen screen_pin = {
  .build = pin_build,
  .choose = pin_choose,
  .back = pin_cancel,
  .type = pin_type,
  .tick = pin_tick,
};

/* --- The staff menu ------------------------------------------------------ */

enum { ITEM_CONTENT, ITEM_FIGURES, ITEM_SELFTEST, ITEM_PRINT, ITEM_LEAVE, ITEM_EXIT, ITEM_COUNT };

static void
staff_build (const struct app *app, struct frame *frame)
{
  /* TRANSLATORS: the title bar of the staff menu. */
  screen_frame (app, frame, _("Staff menu"), true);
  frame->numbers_button = frame->start_over_button = false;
  if (app->staff_status[0])
    frame_lead (frame, app->staff_status, STYLE_MEDIUM, 2, 1);
  if (app->out_of_service)
    frame_lead (frame, _("The kiosk is out of service: see the self-test."), STYLE_HIGH, 2, 1);
  /* TRANSLATORS: the staff menu's items. */
  frame_item (frame, _("Content and languages"), ITEM_CONTENT);
  frame_item (frame, _("Usage figures"), ITEM_FIGURES);
  frame_item (frame, _("Self-test"), ITEM_SELFTEST);
  frame_item (frame, _("Print a test slip"), ITEM_PRINT);
  frame_item (frame, _("Back to the kiosk"), ITEM_LEAVE);
  frame_item (frame, _("Exit the program"), ITEM_EXIT);
}

/* For the languages table: LANGUAGE's recorded clips, when speech is on. */
static size_t
count_clips (const char *language, void *app)
{
  return speech_clip_count (&((struct app *) app)->speech, language);
}

/* Each page is text written to a memory stream, drawn like an article. */
static void
write_content_page (struct app *app, FILE *out)
{
  const struct content *c = app->content;
  if (c)
    {
      fprintf (out, _("Content version: %s\n"), c->version ? c->version : "?");
      /* TRANSLATORS: the day the newest contact was copied from its source
         (not a day anyone checked that the numbers work). */
      fprintf (out, _("Contact sources copied up to: %s\n"),
               c->newest_check ? c->newest_check : "?");
      /* TRANSLATORS: %1$zu questions, %2$zu articles, %3$zu contacts. */
      fprintf (out, _("%1$zu questions, %2$zu articles, %3$zu contacts\n"),
               c->checklist.count, c->article_count, c->contact_count);
    }
  else
    fprintf (out, "%s\n", _("No content is loaded."));
  fputc ('\n', out);
  languages_write_table (out, count_clips, app);
}

static void
write_figures_page (struct app *app, FILE *out)
{
  char err[400];
  struct stats *stats;

  if (!app->stats_db)
    {
      fprintf (out, "%s\n", _("Usage figures are not kept on this kiosk."));
      return;
    }
  /* A label and a number, not a sentence: no plural forms to get wrong. */
  /* TRANSLATORS: %ld counts the sessions saved since the kiosk started. */
  fprintf (out, _("Sessions saved since start: %ld\n"), app->stats_saved);
  /* TRANSLATORS: %ld counts the sessions that could not be saved. */
  fprintf (out, _("Sessions not saved: %ld\n"), app->stats_failed);
  if (app->stats_status[0])
    fprintf (out, _("Last problem: %s\n"), app->stats_status);
  fputc ('\n', out);
  stats = stats_open (app->stats_db, err, sizeof err);
  if (!stats || stats_write (stats, STATS_TEXT, NULL, NULL, app->kiosk_id, out, err,
                             sizeof err) != 0)
    fprintf (out, _("The usage figures cannot be read: %s\n"), err);
  stats_close (stats);
}

static void
write_selftest_page (struct app *app, FILE *out)
{
  struct selftest result;
  selftest_run (&app->paths, &result);
  for (int i = 0; i < SELFTEST_COUNT; i++)
    {
      const struct selftest_check *check = &result.checks[i];
      /* TRANSLATORS: a self-test line: "ok" or "FAILED", the check, what
         was found. */
      fprintf (out, "%s  %s: %s\n", check->ok ? _("ok") : _("FAILED"), _(check->name),
               check->detail);
    }
  /* Speech: how it is set, and why the voice cannot speak, if it tried
     and could not (a missing or busy device, reported once). */
  static const char *const modes[] = { "off", "on", "on request (F5, Listen)" };
  const struct speech_settings *speech = &app->speech;
  const char *problem = speech->mode != SPEECH_OFF && !speech->device && !speech->wav
                        ? "no headphones' device is set (speech-device): nothing is played"
                        : speech_status ();
  /* TRANSLATORS: a self-test line's check, as "Printer" or "Usage figures". */
  bool device = speech->mode != SPEECH_OFF && speech->device;
  fprintf (out, "%s  %s: %s%s%s\n", problem[0] ? _("FAILED") : _("ok"), _("Speech"),
           modes[speech->mode], device ? ", to " : "", device ? speech->device : "");
  if (problem[0])
    fprintf (out, "    %s\n", problem);
}

static void
show_page (struct app *app, enum staff_page page)
{
  char *text = NULL;
  size_t size = 0;
  FILE *out = open_memstream (&text, &size);
  if (!out)
    return;
  switch (page)
    {
    case PAGE_CONTENT:
      write_content_page (app, out);
      break;
    case PAGE_FIGURES:
      write_figures_page (app, out);
      break;
    case PAGE_SELFTEST:
    default:
      write_selftest_page (app, out);
      break;
    }
  fclose (out);
  app_staff_text (app, text);
  app->staff_page = page;
  session_show (&app->session, SCREEN_STAFF_PAGE);
}

/* The test slip: a line, and every language's name in its own script,
   so that staff see the printer works and the fonts draw every script. */
static void
test_slip (const struct app *app, struct frame *paper)
{
  (void) app;
  paper->title = "safejob printer test";
  frame_lead (paper, "If you can read this, the kiosk's printer works. Each language's name "
              "below should show in its own script, with no empty boxes.", STYLE_NORMAL, 0, 1);
  for (size_t i = 0; i < languages_count (); i++)
    frame_text (paper, frame_printf (paper, "%s  (%s)", languages_get (i)->native_name,
                                     languages_get (i)->english_name), STYLE_NORMAL, 0, 0);
}

static void
print_test (struct app *app)
{
  char detail[256];
  enum printer_status status;

  if (!app->printer)
    snprintf (app->staff_status, sizeof app->staff_status, "%s",
              _("No printer is set in the settings."));
  else if ((status = print_paper (app, test_slip, detail, sizeof detail)) == PRINTER_OK)
    snprintf (app->staff_status, sizeof app->staff_status, "%s",
              _("The test slip was sent to the printer."));
  else
    {
      /* TRANSLATORS: %1$s says what is wrong with the printer, %2$s what the
         system said (often in English). */
      snprintf (app->staff_status, sizeof app->staff_status, _("The printer failed: %1$s (%2$s)"),
                _(printer_status_text (status)), detail);
      syslog (LOG_WARNING, "printer %s: %s", app->printer, detail);
    }
}

static void
staff_choose (struct app *app, int item)
{
  switch (item)
    {
    case ITEM_CONTENT:
      show_page (app, PAGE_CONTENT);
      break;
    case ITEM_FIGURES:
      show_page (app, PAGE_FIGURES);
      break;
    case ITEM_SELFTEST:
      show_page (app, PAGE_SELFTEST);
      break;
    case ITEM_PRINT:
      print_test (app);
      break;
    case ITEM_EXIT:
      syslog (LOG_NOTICE, "stopped from the staff menu");
      app->quit = true;
      break;
    case ITEM_LEAVE:
    default:
      app_reset (app);
      break;
    }
}

static void
staff_back (struct app *app)
{
  app_reset (app);
}

const struct screen screen_staff = {
  .build = staff_build,
  .choose = staff_choose,
  .back = staff_back,
};

/* --- A staff page -------------------------------------------------------- */

static void
page_build (const struct app *app, struct frame *frame)
{
  static const char *const titles[] = {
    N_("Content and languages"), N_("Usage figures"), N_("Self-test"),
  };

  screen_frame (app, frame, _(titles[app->staff_page]), true);
  frame->numbers_button = frame->start_over_button = false;
  frame->hints = _("\xE2\x86\x91\xE2\x86\x93: read on");
  frame->arrows_scroll = true;
  /* The text's newlines are hard breaks: its tables stay tables. */
  frame_text (frame, app->staff_text ? app->staff_text : "", STYLE_NORMAL, 0, 0);
  frame_item (frame, _("Back to the staff menu"), 0);
  frame->selected = 0;
}

static void
page_choose (struct app *app, int item)
{
  (void) item;
  size_t page = (size_t) app->staff_page;
  app_staff_text (app, NULL);
  session_show (&app->session, SCREEN_STAFF);
  app->session.selected = page;
}

static void
page_back (struct app *app)
{
  page_choose (app, 0);
}

const struct screen screen_staff_page = {
  .build = page_build,
  .choose = page_choose,
  .back = page_back,
};
