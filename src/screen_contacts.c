/* screen_contacts.c -- numbers to save, with a QR code a phone camera reads:
   the code follows the highlighted contact, so each code stays small enough
   (a "tel:" URI) to be read from an 80x24 screen. */
#include <config.h>
#include "screens.h"

#include <stdio.h>
#include "contacts.h"
#include "qr.h"
#include "system.h"

static size_t
contacts_items (const struct app *app)
{
  (void) app;
  return contacts_count () + 1;    /* the contacts, then "Finish" */
}

/* The contact whose code is shown: the highlighted one, or the first while
   "Finish" is highlighted. */
static const struct contact *
shown_contact (const struct app *app)
{
  size_t i = app->session.selected;
  return contacts_get (i < contacts_count () ? i : 0);
}

/* Draws the code for CONTACT at the right of the screen; returns the
   columns it takes, or 0 when it is not drawn. */
static int
draw_contact_qr (const struct view *view, const struct contact *contact)
{
  char uri[64];
  char caption[LABEL_MAX];
  struct qr_image image;
  int cols, rows, x;

  if (contact_tel_uri (contact, uri, sizeof uri) < 0 || qr_make (uri, &image) < 0)
    return 0;
  cols = qr_text_cols (&image);
  rows = qr_text_rows (&image);
  x = view->cols - cols - 1;
  if (rows + BODY_TOP + 2 > view->rows - 1 || x < 30)
    {
      /* TRANSLATORS: shown instead of the QR code; at most 30 columns a line. */
      draw_text (BODY_TOP, view->cols - 31, 30, 3,
                 _("The window is too small for the QR code."), A_BOLD, PAIR_NORMAL);
      qr_free (&image);
      return 31;
    }
  draw_qr (BODY_TOP, x, &image);
  /* TRANSLATORS: under the QR code; %s is a phone number. */
  snprintf (caption, sizeof caption, _("Scan with your phone camera to call %s"),
            contact->phone);
  draw_text (BODY_TOP + rows, x, cols, 2, caption, A_NORMAL, PAIR_NORMAL);
  qr_free (&image);
  return cols + 1;
}

static void
contacts_draw (struct app *app, struct view *view)
{
  char labels[VIEW_MAX_TARGETS][LABEL_MAX];
  const char *items[VIEW_MAX_TARGETS];
  char source[LABEL_MAX];
  size_t count = contacts_items (app);
  const struct contact *contact = shown_contact (app);
  int row = BODY_TOP;
  int width;

  if (count > VIEW_MAX_TARGETS)
    count = VIEW_MAX_TARGETS;
  for (size_t i = 0; i + 1 < count; i++)
    {
      const struct contact *c = contacts_get (i);
      snprintf (labels[i], LABEL_MAX, "%s\n%s%s%s", _(c->name), c->phone,
                c->hours ? "  \xC2\xB7  " : "", c->hours ? _(c->hours) : "");
      items[i] = labels[i];
    }
  items[count - 1] = _("Finish and start again");

  /* TRANSLATORS: the title bar of the contacts screen. */
  screen_frame (view, _("Numbers to save"));
  width = view->cols - 3 - draw_contact_qr (view, contact);
  row += draw_text (row, 2, width, 3,
                    _("Save these numbers before you travel. Call them if you "
                      "or someone you know is in danger."), A_BOLD, PAIR_NORMAL) + 1;
  /* TRANSLATORS: %1$s names the source of a number, %2$s is a date (YYYY-MM-DD). */
  snprintf (source, sizeof source, _("Source: %1$s. Checked on %2$s."),
            contact->source, contact->checked);
  int source_rows = draw_text_rows (source, width);
  row += draw_items (view, row, 2, width, view->rows - 2 - source_rows - row, items,
                     count, app->session.selected);
  draw_text (view->rows - 1 - source_rows, 2, width, source_rows, source, A_DIM,
             PAIR_NORMAL);
}

static void
contacts_choose (struct app *app, size_t item)
{
  if (item + 1 == contacts_items (app))
    app_reset (app);
  else
    app->session.selected = item;    /* choosing a contact shows its code */
}

static void
contacts_back (struct app *app)
{
  session_show (&app->session, SCREEN_RESULT);
}

const struct screen screen_contacts = {
  contacts_draw, contacts_items, contacts_choose, contacts_back
};
