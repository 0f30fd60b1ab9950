/* screen_contacts.c -- numbers to save for the person's nationality and
   destination, each with its source, the source's date and the day it was
   copied, and a QR code a phone
   camera reads: the code follows the highlighted contact, so each code stays
   a small "tel:" URI that an 80x24 screen can show. */
#include <config.h>
#include "screens.h"

#include <stdio.h>
#include <syslog.h>
#include "contact_list.h"
#include "printer.h"
#include "vcard.h"
#include "qr.h"
#include "system.h"

enum { MAX_SHOWN = VIEW_MAX_TARGETS - 1 };

/* The contacts that help this person (contact_list.c says which, in what
   order); returns how many the list shows. */
static size_t
relevant (const struct app *app, struct contact_list *list)
{
  const struct content *ct = app->content;
  const struct session *s = &app->session;
  const char *nationality = s->nationality >= 0 ? ct->countries[s->nationality].code : NULL;
  const char *destination = s->destination >= 0 ? ct->countries[s->destination].code : NULL;
  contact_list_build (ct, nationality, destination, list);
  return list->count < MAX_SHOWN ? list->count : MAX_SHOWN;
}

static size_t
contacts_items (const struct app *app)
{
  struct contact_list list;
  /* the contacts, "Print" when there is a printer, then "Finish" */
  return relevant (app, &list) + (app->printer ? 2 : 1);
}

/* On a large terminal, one code holding every number (a vCard the camera
   saves as one contact), when all fit one readable card and the screen has
   room; returns the columns it takes, or 0 (then a code per contact). */
static int
draw_card_qr (const struct view *view, const struct contact *const *list, size_t n,
              int info_rows, int *bottom)
{
  enum { CARD_BYTES = 280 };
  const char *names[VIEW_MAX_TARGETS];
  char card[4096];
  struct qr_image image;
  int rows, cols;

  if (n == 0 || n > VIEW_MAX_TARGETS || view->cols < 120 || view->rows < 40)
    return 0;
  for (size_t i = 0; i < n; i++)
    names[i] = _(list[i]->name);
  char name[VCARD_NAME_MAX];
  vcard_name (0, 1, name, sizeof name);
  if (vcard_fit (name, list, names, 0, n, CARD_BYTES) < n
      || vcard_build (name, list, names, n, card, sizeof card) < 0 || qr_make (card, &image) != 0)
    return 0;
  draw_qr_size (&image, &rows, &cols);
  int x = view->cols - cols - 1;
  if (BODY_TOP + rows + 2 > view->rows - 1 - info_rows || x < 50)
    {
      qr_free (&image);
      return 0;
    }
  draw_qr (BODY_TOP, x, &image);
  /* TRANSLATORS: under the QR code that holds every number as one contact. */
  *bottom = BODY_TOP + rows + draw_text (BODY_TOP + rows, x, cols, 2,
                                         _("Scan with your phone camera to save all these "
                                           "numbers as one contact"), A_NORMAL, PAIR_NORMAL);
  qr_free (&image);
  return cols + 1;
}

/* Draws the code for CONTACT at the right of the screen; returns the
   columns it takes, or 0 when there is none, and sets *BOTTOM to the first
   row below it and its caption. */
static int
draw_contact_qr (const struct view *view, const struct contact *contact, int info_rows,
                 int *bottom)
{
  char uri[64];
  char caption[LABEL_MAX];
  struct qr_image image;
  int cols, rows, x;

  *bottom = BODY_TOP;
  if (contact_tel_uri (contact, 0, uri, sizeof uri) < 0 || qr_make (uri, &image) < 0)
    return 0;
  draw_qr_size (&image, &rows, &cols);
  x = view->cols - cols - 1;
  if (rows + BODY_TOP + 2 > view->rows - 1 || x < 30)
    {
      /* TRANSLATORS: shown instead of the QR code; at most 30 columns a line. */
      *bottom = BODY_TOP + draw_text (BODY_TOP, view->cols - 31, 30, 3,
                                      _("The window is too small for the QR code."), A_BOLD,
                                      PAIR_NORMAL);
      qr_free (&image);
      return 31;
    }
  draw_qr (BODY_TOP, x, &image);
  /* TRANSLATORS: under the QR code; %s is a phone number. */
  snprintf (caption, sizeof caption, _("Scan with your phone camera to call %s"),
            contact->phones[0].display);
  /* The caption repeats the number in the list: it gives way to the
     contact's note and source when they need the rows. */
  int caption_rows = draw_text_rows (caption, cols);
  if (BODY_TOP + rows + caption_rows > view->rows - 1 - info_rows)
    caption_rows = 0;
  *bottom = BODY_TOP + rows + draw_text (BODY_TOP + rows, x, cols, caption_rows, caption,
                                         A_NORMAL, PAIR_NORMAL);
  qr_free (&image);
  return cols + 1;
}

static void
contacts_draw (struct app *app, struct view *view)
{
  struct contact_list list;
  size_t n = relevant (app, &list);
  size_t count = contacts_items (app);
  char labels[MAX_SHOWN][LABEL_MAX];
  const char *items[MAX_SHOWN + 2];
  char source[LABEL_MAX], info[LABEL_MAX], intro[LABEL_MAX];
  const struct contact_entry *entry = NULL;
  const struct contact *shown = NULL;
  int row = BODY_TOP;
  int width = view->cols - 4;
  int qr_bottom = BODY_TOP;

  for (size_t i = 0; i < n; i++)
    {
      contact_list_label (app->content, &list.entries[i], labels[i], LABEL_MAX);
      items[i] = labels[i];
    }
  if (app->printer)
    /* TRANSLATORS: prints the numbers and the code on the kiosk's printer. */
    items[n] = _("Print these numbers");
  items[count - 1] = _("Finish and start again");

  /* TRANSLATORS: the title bar of the contacts screen. */
  screen_frame (app, view, _("Numbers to save"));
  if (n > 0)
    {
      /* The highlighted contact, or the first while "Finish" is highlighted. */
      entry = &list.entries[app->session.selected < n ? app->session.selected : 0];
      shown = &entry->contact;
      contact_list_source (shown, source, sizeof source);
      contact_list_info (app->content, entry, info, sizeof info);
      /* The note and the source, at the full width below the code. */
      int below = draw_text_rows (source, view->cols - 4)
                  + (info[0] ? draw_text_rows (info, view->cols - 4) : 0);
      /* One code for the card: only numbers that can be dialled from there. */
      int taken = draw_card_qr (view, list.card_list, list.card_count, below, &qr_bottom);
      /* Else a code for the highlighted contact's first number: one that
         works from there, or, for a number of the group HOME, one to call
         before leaving (the card above never holds it). */
      if (taken == 0)
        taken = draw_contact_qr (view, shown, below, &qr_bottom);
      /* For the usage figures: a code was on screen to be scanned. */
      app->session.saw_qr |= taken > 0;
      width = view->cols - 3 - taken;
    }
  contact_list_intro (app->content, &list, intro, sizeof intro);
  row += draw_text (row, 2, width, 3, intro, A_BOLD, PAIR_NORMAL) + 1;
  if (app->print_status[0])
    row += draw_text (row, 2, width, 3, app->print_status, A_BOLD, PAIR_MEDIUM) + 1;
  /* What to know about the highlighted contact, then where its numbers come
     from: at most five rows at the bottom, so the list keeps the rest. */
  int info_rows = 0;
  if (shown)
    {
      const char *note = info[0] ? info : NULL;
      /* Below the code the whole width is free; beside it, only the list's. */
      int full = view->cols - 4, info_width = full;
      int needed = draw_text_rows (source, full) + (note ? draw_text_rows (note, full) : 0);
      if (view->rows - 1 - needed < qr_bottom)
        {
          info_width = width;
          needed = draw_text_rows (source, width) + (note ? draw_text_rows (note, width) : 0);
        }
      int source_rows = draw_text_rows (source, info_width);
      int note_rows = note ? draw_text_rows (note, info_width) : 0;
      /* At most six rows, the source first: where a number comes from and
         when it was copied must be readable. */
      source_rows = source_rows > 4 ? 4 : source_rows;
      note_rows = note_rows > 6 - source_rows ? 6 - source_rows : note_rows;
      info_rows = note_rows + source_rows;
      int y = view->rows - 1 - info_rows;
      if (note_rows > 0)
        draw_text (y, 2, info_width, note_rows, note, A_NORMAL, PAIR_NORMAL);
      draw_text (y + note_rows, 2, info_width, source_rows, source, A_DIM, PAIR_NORMAL);
    }
  draw_items (view, row, 2, width, view->rows - 2 - info_rows - row, items, count,
              app->session.selected);
}

/* Prints the slip; says on screen how it went. */
static void
print_slip (struct app *app)
{
  struct contact_list list;
  relevant (app, &list);
  char err[256];
  if (print_contacts (app->printer, list.card_list, list.card_count, err, sizeof err) == 0)
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
                _("The printer is not working (%s). Please write the numbers down."), err);
      syslog (LOG_WARNING, "printer %s: %s", app->printer, err);
    }
}

static void
contacts_choose (struct app *app, size_t item)
{
  size_t count = contacts_items (app);
  if (item + 1 == count)
    app_reset (app);
  else if (app->printer && item + 2 == count)
    print_slip (app);
  else
    app->session.selected = item;    /* choosing a contact shows its code */
}

static void
contacts_back (struct app *app)
{
  session_show (&app->session, SCREEN_DESTINATION);
}

const struct screen screen_contacts = {
  .draw = contacts_draw,
  .items = contacts_items,
  .choose = contacts_choose,
  .back = contacts_back,
  .has_back = true,
};
