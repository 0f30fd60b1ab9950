/* screen_contacts.c -- numbers to save for the person's nationality and
   destination (contact_list.c says which, in what order, and what to say of
   them), each with its source, the source's date and the day it was
   copied; and, for the one chosen, a QR code a phone camera reads.

   The code has a screen of its own, on rows where nothing else is: the
   kiosk's terminal (mlterm) shapes and reorders text itself and moves
   whatever follows text on a row, which broke a code drawn beside the
   list in eleven languages. Each contact's code stays a small "tel:" URI
   that 60x20 can show; a large screen also offers one code with every
   number. */
#include <config.h>
#include "screens.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "contact_list.h"
#include "layout.h"
#include "print.h"
#include "vcard.h"
#include "system.h"

/* A card's bytes at most: a denser code is hard for a phone to read. */
enum { MAX_SHOWN = 31, CARD_BYTES = 280, ITEM_FINISH = -1, ITEM_PRINT = -2, ITEM_CARD = -3 };

/* The contacts that help this person, in the order they help; returns how
   many the list shows. */
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

/* One code that holds every number, a vCard the camera saves as one
   contact, for a screen large enough; NULL when they do not fit one
   readable card. */
static const char *
card_payload (struct frame *frame, const struct contact *const *list, size_t n)
{
  const char *names[MAX_SHOWN];
  char card[4096];
  char name[VCARD_NAME_MAX];

  if (n > MAX_SHOWN)
    n = MAX_SHOWN;

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
  /* Not on the stack of every frame: it holds copies of the contacts. */
  struct contact_list *list = malloc (sizeof *list);
  char text[1024];

  if (!list)
    return;
  size_t n = relevant (app, list);

  /* TRANSLATORS: the title bar of the contacts screen. */
  screen_frame (app, frame, _("Numbers to save"), true);
  frame->spell_numbers = true;
  frame->numbers_button = false;
  /* What to do with these numbers, or, where no source confirmed any that
     serves everyone of the nationality from there, that plainly. In a
     small window only the latter: there the rows go to each number's note
     and source, whole. */
  bool gap = contact_list_intro (app->content, list, text, sizeof text);
  if (gap || frame->window_rows >= 24)
    frame_lead (frame, frame_printf (frame, "%s", text), STYLE_STRONG, 5,
                frame->window_rows >= 24 ? 1 : 0);
  if (app->print_status[0] && app->print_screen == SCREEN_CONTACTS)
    frame_lead (frame, app->print_status, STYLE_MEDIUM, 3, 1);
  /* TRANSLATORS: on the contacts screen, above the list. (Not in a small
     window: there the list needs the rows.) */
  if (n > 0 && frame->window_rows >= 24)
    frame_lead (frame, _("Choose a number to show its QR code for your phone."), STYLE_NORMAL,
                2, 1);
  for (size_t i = 0; i < n; i++)
    {
      contact_list_label (app->content, &list->entries[i], text, sizeof text);
      frame_item (frame, frame_printf (frame, "%s", text), (int) i);
    }
  /* One code with every number that can be dialled from there, a vCard
     the camera saves as one contact: offered where the window shows it. */
  size_t numbers = 0;
  for (size_t i = 0; i < list->card_count; i++)
    numbers += list->card[i].phone_count;
  const char *card = numbers > 1
                     ? card_payload (frame, list->card_list, list->card_count) : NULL;
  if (card && layout_code_fits (card, frame->window_rows, frame->window_cols))
    /* TRANSLATORS: opens one QR code that holds every number of the list. */
    frame_item (frame, _("Save all these numbers as one contact"), ITEM_CARD);
  if (app->printer)
    /* TRANSLATORS: prints the numbers and the code on the kiosk's printer. */
    frame_item (frame, _("Print these numbers"), ITEM_PRINT);
  frame_item (frame, _("Finish and start again"), ITEM_FINISH);
  if (n > 0)
    {
      /* What to know about the highlighted contact (the first while
         another item is), then where its numbers come from. */
      const struct contact_entry *entry = &list->entries[app->session.selected < n
                                                        ? app->session.selected : 0];
      contact_list_info (app->content, entry, text, sizeof text);
      if (text[0])
        frame_foot (frame, frame_printf (frame, "%s", text), STYLE_NORMAL);
      contact_list_source (&entry->contact, text, sizeof text);
      frame_foot (frame, frame_printf (frame, "%s", text), STYLE_DIM);
    }
  explicit_bzero (list, sizeof *list);
  free (list);
}

/* The code of the contact chosen (session.code_item), or the card. */
static void
code_build (const struct app *app, struct frame *frame)
{
  struct contact_list *list = malloc (sizeof *list);
  int item = app->session.code_item;

  /* TRANSLATORS: the title bar over a QR code. */
  screen_frame (app, frame, _("Scan with your phone camera"), true);
  frame->spell_numbers = true;
  frame->numbers_button = false;
  frame->layout = FRAME_CODE;
  frame->hints = NULL;
  if (!list)
    return;
  size_t n = relevant (app, list);
  if (item == ITEM_CARD)
    {
      const char *card = card_payload (frame, list->card_list, list->card_count);
      if (card)
        {
          frame->codes[frame->code_count++] = (struct frame_code) { .payload = card };
          /* TRANSLATORS: under the QR code that holds every number. */
          frame_foot (frame, _("Your phone saves every number of the list as one contact."),
                      STYLE_STRONG);
        }
    }
  else if (item >= 0 && (size_t) item < n)
    {
      /* The contact's first number: one that works from there, or, for a
         number that works only at home, one to call before leaving. */
      const struct contact *shown = &list->entries[item].contact;
      char uri[64];
      frame_lead (frame, _(shown->name), STYLE_NORMAL, 2, 0);
      if (contact_tel_uri (shown, 0, uri, sizeof uri) >= 0)
        {
          frame->codes[frame->code_count++] = (struct frame_code) {
            .payload = frame_printf (frame, "%s", uri) };
          /* TRANSLATORS: under the QR code; %s is a phone number. */
          frame_foot (frame, frame_printf (frame, _("To call %s"), shown->phones[0].display),
                      STYLE_STRONG);
        }
    }
  explicit_bzero (list, sizeof *list);
  free (list);
}

static void
code_back (struct app *app)
{
  size_t from = app->session.code_from;
  session_show (&app->session, SCREEN_CONTACTS);
  app->session.selected = from;
}

static void
code_choose (struct app *app, int item)
{
  (void) item;
  code_back (app);
}

const struct screen screen_code = {
  .build = code_build,
  .choose = code_choose,
  .back = code_back,
};

/* The slip: the numbers of the list with what to know of each and its
   source, then the codes a phone camera saves them from, all in the
   person's language. The codes hold what the screen's card holds: the
   numbers that can be dialled from there. */
void
screen_contacts_paper (const struct app *app, struct frame *paper)
{
  struct contact_list *list = malloc (sizeof *list);
  const char *names[MAX_SHOWN];
  char text[1024];
  char (*cards)[VCARD_CARD_MAX] = malloc (MAX_SHOWN * sizeof *cards);

  paper->title = _("Numbers to save");
  if (!list || !cards)
    goto out;
  size_t n = relevant (app, list);
  contact_list_intro (app->content, list, text, sizeof text);
  frame_lead (paper, frame_printf (paper, "%s", text), STYLE_STRONG, 0, 1);
  for (size_t i = 0; i < n; i++)
    {
      const struct contact_entry *entry = &list->entries[i];
      contact_list_label (app->content, entry, text, sizeof text);
      frame_text (paper, frame_printf (paper, "%s", text), STYLE_STRONG, 0, 0);
      contact_list_info (app->content, entry, text, sizeof text);
      if (text[0])
        frame_text (paper, frame_printf (paper, "%s", text), STYLE_NORMAL, 0, 0);
      contact_list_source (&entry->contact, text, sizeof text);
      frame_text (paper, frame_printf (paper, "%s", text), STYLE_DIM, 0, 1);
    }
  size_t count = list->card_count < MAX_SHOWN ? list->card_count : MAX_SHOWN;
  for (size_t i = 0; i < count; i++)
    names[i] = _(list->card_list[i]->name);
  int made = count > 0 ? vcard_codes (list->card_list, names, count, CARD_BYTES, NULL, cards) : 0;
  for (int i = 0; i < made && (size_t) i < FRAME_MAX_CODES; i++)
    paper->codes[paper->code_count++] = (struct frame_code) {
      .payload = frame_printf (paper, "%s", cards[i]),
      /* Numbered as the cards' names are: a phone that keeps the last of
         one name needs them all. */
      .caption = made == 1 ? _("Scan with your phone camera")
                 : frame_printf (paper, "%s (%d/%d)", _("Scan with your phone camera"), i + 1,
                                 made) };
out:
  if (list)
    explicit_bzero (list, sizeof *list);
  free (list);
  if (cards)
    explicit_bzero (cards, MAX_SHOWN * sizeof *cards);
  free (cards);
}

static void
contacts_choose (struct app *app, int item)
{
  if (item == ITEM_FINISH)
    app_reset (app);
  else if (item == ITEM_PRINT)
    print_for_person (app, screen_contacts_paper, SCREEN_CONTACTS, true);
  else
    {
      /* A contact, or the card: its code, on a screen of its own. */
      size_t from = app->session.selected;
      session_show (&app->session, SCREEN_CODE);
      app->session.code_item = item;
      app->session.code_from = from;
    }
}

static void
contacts_back (struct app *app)
{
  screen_show_destination_chosen (app);
}

const struct screen screen_contacts = {
  .build = contacts_build,
  .choose = contacts_choose,
  .back = contacts_back,
};
