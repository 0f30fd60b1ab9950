/* screen_contacts.c -- numbers to save for the person's nationality and
   destination, each with its source and check date, and a QR code a phone
   camera reads: the code follows the highlighted contact, so each code stays
   a small "tel:" URI that an 80x24 screen can show; a large screen shows
   one code with every number. */
#include <config.h>
#include "screens.h"

#include <stdio.h>
#include <syslog.h>
#include "contacts.h"
#include "printer.h"
#include "vcard.h"
#include "system.h"

enum { MAX_SHOWN = 31, ITEM_FINISH = -1, ITEM_PRINT = -2 };

/* The contacts that help this person; returns how many. */
static size_t
relevant (const struct app *app, const struct contact **out)
{
  const struct content *ct = app->content;
  const struct session *s = &app->session;
  const char *nationality = s->nationality >= 0 ? ct->countries[s->nationality].code : "";
  const char *destination = s->destination >= 0 ? ct->countries[s->destination].code : NULL;
  return content_contacts_for (ct, nationality, destination, out, MAX_SHOWN);
}

/* One code that holds every number, a vCard the camera saves as one
   contact, for a screen large enough; NULL when they do not fit one
   readable card. */
static const char *
card_payload (struct frame *frame, const struct contact *const *list, size_t n)
{
  enum { CARD_BYTES = 280 };
  const char *names[MAX_SHOWN];
  char card[4096];
  char name[VCARD_NAME_MAX];

  for (size_t i = 0; i < n; i++)
    names[i] = _(list[i]->name);
  vcard_name (0, 1, name, sizeof name);
  if (vcard_fit (name, list, names, 0, n, CARD_BYTES) < n
      || vcard_build (name, list, names, n, card, sizeof card) < 0)
    return NULL;
  return frame_printf (frame, "%s", card);
}

static void
contacts_build (const struct app *app, struct frame *frame)
{
  const struct contact *list[MAX_SHOWN];
  size_t n = relevant (app, list);

  /* TRANSLATORS: the title bar of the contacts screen. */
  screen_frame (app, frame, _("Numbers to save"), true);
  frame->numbers_button = false;
  frame_lead (frame, n > 0 ? _("Save these numbers before you travel. Call them if you "
                               "or someone you know is in danger.")
                           : _("No checked numbers for this choice yet. Ask the staff "
                               "here, or go back and choose another country."),
              STYLE_STRONG, 3, 1);
  if (app->print_status[0])
    frame_lead (frame, app->print_status, STYLE_MEDIUM, 3, 1);
  for (size_t i = 0; i < n; i++)
    {
      const struct contact *c = list[i];
      frame_item (frame, frame_printf (frame, "%s\n%s%s%s", _(c->name), c->phones[0].display,
                                       c->hours ? "  \xC2\xB7  " : "",
                                       c->hours ? _(c->hours) : ""), (int) i);
    }
  if (app->printer)
    /* TRANSLATORS: prints the numbers and the code on the kiosk's printer. */
    frame_item (frame, _("Print these numbers"), ITEM_PRINT);
  frame_item (frame, _("Finish and start again"), ITEM_FINISH);
  if (n == 0)
    return;

  /* The highlighted contact, or the first while another item is. */
  const struct contact *shown = list[app->session.selected < n ? app->session.selected : 0];
  const char *card = card_payload (frame, list, n);
  if (card)
    frame->codes[frame->code_count++] = (struct frame_code) {
      .payload = card, .needs_large = true,
      /* TRANSLATORS: under the QR code that holds every number as one contact. */
      .caption = _("Scan with your phone camera to save all these numbers as one contact") };
  char uri[64];
  if (contact_tel_uri (shown, 0, uri, sizeof uri) >= 0)
    frame->codes[frame->code_count++] = (struct frame_code) {
      .payload = frame_printf (frame, "%s", uri),
      /* TRANSLATORS: under the QR code; %s is a phone number. */
      .caption = frame_printf (frame, _("Scan with your phone camera to call %s"),
                               shown->phones[0].display) };
  /* What to know about the highlighted contact, then where its numbers come
     from, at the bottom. */
  if (shown->note)
    frame_foot (frame, _(shown->note), STYLE_NORMAL);
  /* TRANSLATORS: %1$s names the source of a number, %2$s is a date (YYYY-MM-DD). */
  frame_foot (frame, frame_printf (frame, _("Source: %1$s. Checked on %2$s."), shown->source,
                                   shown->checked), STYLE_DIM);
}

/* Prints the slip; says on screen how it went, in the person's language,
   and in the log what the system said. */
static void
print_slip (struct app *app)
{
  const struct contact *list[MAX_SHOWN];
  size_t n = relevant (app, list);
  char detail[256];
  enum printer_status status = print_contacts (app->printer, list, n, detail, sizeof detail);
  if (status == PRINTER_OK)
    {
      app->session.printed = true;
      /* TRANSLATORS: after printing. */
      snprintf (app->print_status, sizeof app->print_status, "%s", _("Printed. Take your slip "
                                                                   "from the printer."));
    }
  else
    {
      /* TRANSLATORS: %s says what is wrong with the printer. */
      snprintf (app->print_status, sizeof app->print_status,
                _("The printer is not working (%s). Please write the numbers down."),
                _(printer_status_text (status)));
      syslog (LOG_WARNING, "printer %s: %s", app->printer, detail);
    }
}

static void
contacts_choose (struct app *app, int item)
{
  if (item == ITEM_FINISH)
    app_reset (app);
  else if (item == ITEM_PRINT)
    print_slip (app);
  else
    app->session.selected = (size_t) item;    /* choosing a contact shows its code */
}

static void
contacts_back (struct app *app)
{
  session_show (&app->session, SCREEN_DESTINATION);
}

const struct screen screen_contacts = {
  .build = contacts_build,
  .choose = contacts_choose,
  .back = contacts_back,
};
