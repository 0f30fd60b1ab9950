/* test-contacts.c -- which contacts a person gets and in what order, the
   card that holds only numbers that work where the person will be, and what
   the list says: on synthetic content, so that each rule is seen alone. */
#include <config.h>

#include <string.h>
#include "contact_list.h"
#include "tap.h"

/* Short constructors for the synthetic records. */
#define ANYWHERE(number, dial) { number, dial, NULL }
#define INSIDE(number, dial, cc) { number, dial, cc }

static struct country countries[] = {
  { "NP", "Nepal", COUNTRY_ORIGIN },
  { "PH", "Philippines", COUNTRY_ORIGIN | COUNTRY_DESTINATION },
  { "TH", "Thailand", COUNTRY_DESTINATION },
  { "MM", "Myanmar", COUNTRY_ORIGIN | COUNTRY_DESTINATION },
};

static struct contact contacts[] = {
  /* Listed police first, so that the order must come from the kind. */
  { .id = "th-police", .kind = CONTACT_POLICE, .country = "TH", .serves = "*",
    .name = "Thai police", .phone_count = 1, .phones = { INSIDE ("1155", "1155", "TH") },
    .source = "S1", .published = "2024-04-05", .copied = "2026-12-07" },
  { .id = "th-service", .kind = CONTACT_HOTLINE, .country = "TH", .serves = "*",
    .name = "Thai service", .phone_count = 1, .phones = { INSIDE ("1300", "1300", "TH") },
    .hours = "24 hours", .source = "S2", .published = "2018", .copied = "2026-11-21" },
  { .id = "th-children", .kind = CONTACT_ORGANISATION, .country = "TH", .serves = "*",
    .name = "Thai children's line", .audience = "For children.", .phone_count = 1,
    .phones = { INSIDE ("1387", "1387", "TH") }, .source = "S3", .published = "undated",
    .copied = "2026-11-21" },
  { .id = "ph-home", .kind = CONTACT_GOVERNMENT, .country = "PH", .serves = "PH",
    .name = "Philippine line", .phone_count = 2,
    .phones = { INSIDE ("1348", "1348", "PH"), ANYWHERE ("+63 2 1348", "+6321348") },
    .note = "A note.", .source = "S4", .published = "2025-09", .copied = "2026-12-07" },
  { .id = "ph-embassy-th", .kind = CONTACT_EMBASSY, .country = "TH", .serves = "PH",
    .name = "Philippine embassy", .phone_count = 1,
    .phones = { ANYWHERE ("+66 81 989 7116", "+66819897116") }, .source = "S5",
    .published = "2025-07-16", .copied = "2026-12-07" },
  { .id = "np-police", .kind = CONTACT_POLICE, .country = "NP", .serves = "NP",
    .name = "Nepal police", .phone_count = 1, .phones = { INSIDE ("1177", "1177", "NP") },
    .source = "S6", .published = "2017", .copied = "2026-11-21" },
  { .id = "us-line", .kind = CONTACT_ORGANISATION, .country = "US", .serves = "*",
    .name = "A US line for everyone", .phone_count = 1,
    .phones = { INSIDE ("+1 888 373 7888", "+18883737888", "US") }, .source = "S7",
    .published = "2013", .copied = "2026-11-21" },
};

static struct content content = {
  .country_count = sizeof countries / sizeof countries[0], .countries = countries,
  .contact_count = sizeof contacts / sizeof contacts[0], .contacts = contacts,
};

static const char *
id_at (const struct contact_list *list, size_t i)
{
  return i < list->count ? list->entries[i].contact.id : "(none)";
}

/* True when the card holds the number DIAL. */
static int
card_has (const struct contact_list *list, const char *dial)
{
  for (size_t i = 0; i < list->card_count; i++)
    for (size_t p = 0; p < list->card_list[i]->phone_count; p++)
      if (strcmp (list->card_list[i]->phones[p].dial, dial) == 0)
        return 1;
  return 0;
}

int
main (void)
{
  static struct contact_list list;
  char buf[1024], dial[PHONE_MAX];
  const char *inside;

  /* Numbers as the content writes them. */
  ok (phone_parse ("+66 99 130 1300", dial, sizeof dial) && strcmp (dial, "+66991301300") == 0,
      "an international number with spaces");
  ok (phone_parse ("1343", dial, sizeof dial) && phone_parse ("600 590000", dial, sizeof dial)
      && strcmp (dial, "600590000") == 0, "a short code and a longer local number");
  ok (!phone_parse ("0800-1000", dial, sizeof dial) && !phone_parse ("02 8722 1144", dial, sizeof dial)
      && !phone_parse ("12", dial, sizeof dial) && !phone_parse ("12345678901", dial, sizeof dial),
      "a trunk prefix, too short or too long a local number is refused");
  ok (phone_split ("1300 inside TH", &inside) == 4 && inside && strcmp (inside, "TH") == 0
      && phone_split ("+66 99 130 1300", &inside) == 15 && !inside,
      "a phone line splits into the number and the one country it works in");
  ok (phone_dialable_from (&contacts[0].phones[0], "TH") && !phone_dialable_from (&contacts[0].phones[0], "MM")
      && !phone_dialable_from (&contacts[0].phones[0], NULL)
      && phone_dialable_from (&contacts[4].phones[0], NULL),
      "a number inside a country works only from there; an international one from anywhere");

  /* A Filipino going to Thailand. */
  contact_list_build (&content, "PH", "TH", &list);
  ok (list.there == 5 && list.count == 5 && strcmp (id_at (&list, 0), "ph-embassy-th") == 0
      && strcmp (id_at (&list, 1), "ph-home") == 0 && strcmp (id_at (&list, 2), "th-service") == 0
      && strcmp (id_at (&list, 4), "th-police") == 0,
      "embassy, own country's line, services there, police last (%s %s %s %s %s)",
      id_at (&list, 0), id_at (&list, 1), id_at (&list, 2), id_at (&list, 3), id_at (&list, 4));
  ok (strcmp (id_at (&list, 3), "th-children") == 0,
      "a line for some people only (children) comes after the one for everyone");
  const struct contact *home = &list.entries[1].contact;
  ok (list.entries[1].usable == 1 && strcmp (home->phones[0].dial, "+6321348") == 0
      && strcmp (home->phones[1].dial, "1348") == 0,
      "the number that works from abroad comes first, the one for home after");
  ok (card_has (&list, "+6321348") && !card_has (&list, "1348") && card_has (&list, "1300")
      && card_has (&list, "1155") && card_has (&list, "+66819897116"),
      "the card holds the numbers that work in Thailand and not the one for home");
  ok (list.for_everyone, "and some of them are for everyone");
  contact_list_label (&content, &list.entries[4], buf, sizeof buf);
  ok (strcmp (buf, "Thai police (police)\n1155") == 0, "a police line says so: '%s'", buf);
  contact_list_label (&content, &list.entries[2], buf, sizeof buf);
  ok (strcmp (buf, "Thai service\n1300  \xC2\xB7  24 hours") == 0,
      "a number that works there needs no mark: '%s'", buf);
  contact_list_label (&content, &list.entries[1], buf, sizeof buf);
  ok (strcmp (buf, "Philippine line\n+63 2 1348\n1348 (only from inside Philippines)") == 0,
      "its other numbers follow, marked where they work: '%s'", buf);
  contact_list_info (&content, &list.entries[1], buf, sizeof buf);
  ok (strcmp (buf, "A note.") == 0, "and its note: '%s'", buf);
  contact_list_info (&content, &list.entries[3], buf, sizeof buf);
  ok (strcmp (buf, "For children.") == 0, "who a line is for is said: '%s'", buf);
  ok (!contact_list_intro (&content, &list, buf, sizeof buf)
      && strstr (buf, "Save these numbers before you travel."), "the usual advice");
  int third = 0;
  for (size_t i = 0; i < list.count; i++)
    third += strcmp (list.entries[i].contact.id, "us-line") == 0;
  ok (third == 0, "a line in a third country, even one for everyone, is not listed");

  /* A Nepali going to Thailand, and to Myanmar. */
  contact_list_build (&content, "NP", "TH", &list);
  ok (list.there == 3 && list.count == 4 && list.entries[3].group == CONTACT_GROUP_HOME
      && strcmp (id_at (&list, 3), "np-police") == 0,
      "a number that works only in Nepal comes last, in the group for home");
  ok (!card_has (&list, "1177"), "and is not on the card");
  contact_list_label (&content, &list.entries[3], buf, sizeof buf);
  ok (strcmp (buf, "Nepal police (police)\n1177 (only from inside Nepal)") == 0,
      "it is marked where it works: '%s'", buf);
  contact_list_info (&content, &list.entries[3], buf, sizeof buf);
  ok (strstr (buf, "It works only from inside Nepal: call it before you leave") != NULL,
      "and says when it helps: '%s'", buf);
  contact_list_build (&content, "NP", "MM", &list);
  ok (list.there == 0 && list.card_count == 0 && list.count == 1
      && list.entries[0].group == CONTACT_GROUP_HOME,
      "with nothing that works from Myanmar, only the number for home, and no card");
  ok (contact_list_intro (&content, &list, buf, sizeof buf)
      && strstr (buf, "no embassy or helpline for people from Nepal that can be dialled from Myanmar"),
      "and the list says so plainly: '%s'", buf);

  /* A person from a country not listed, and a job's country not known. */
  contact_list_build (&content, NULL, "TH", &list);
  ok (list.there == 3 && list.count == 3 && card_has (&list, "1300") && !card_has (&list, "+66819897116"),
      "another country: the numbers for everyone there, no embassy of someone else");
  contact_list_build (&content, "PH", NULL, &list);
  ok (list.there == 1 && card_has (&list, "+6321348") && !card_has (&list, "1348"),
      "no destination: the own country's numbers that work from anywhere");
  contact_list_build (&content, "PH", "PH", &list);
  ok (list.there == 1 && list.entries[0].usable == 2 && card_has (&list, "1348"),
      "a job at home: the number for home works there");

  /* Only the police and a line for some people: not enough. */
  contacts[1].serves = "NP";
  contact_list_build (&content, NULL, "TH", &list);
  ok (list.there == 2 && !list.for_everyone && contact_list_intro (&content, &list, buf, sizeof buf)
      && strstr (buf, "no helpline for everyone that can be dialled from Thailand"),
      "the police and a line for children are shown, and the gap is said: '%s'", buf);

  /* Where the numbers come from, and when. */
  contact_list_source (&contacts[0], buf, sizeof buf);
  ok (strcmp (buf, "Source: S1. Source date: 2024-04-05. Copied on 2026-12-07.") == 0,
      "the source's date and the day it was copied: '%s'", buf);
  contact_list_source (&contacts[2], buf, sizeof buf);
  ok (strcmp (buf, "Source: S3. The source shows no date. Copied on 2026-11-21.") == 0,
      "an undated source says so: '%s'", buf);
  return tap_done ();
}
