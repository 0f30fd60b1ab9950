/* test-shipped.c -- the shipped content, as built into content.db: enough
   of it, every question answerable with "I don't know", safe answers that
   stay low and critical ones that go high, and numbers for everyone. */
#include <config.h>

#include <stdlib.h>
#include <string.h>
#include "contact_list.h"
#include "content_db.h"
#include "risk.h"
#include "session.h"
#include "tap.h"
#include "vcard.h"

/* One nationality for each language the kiosk offers, and Cambodia, Laos
   and Myanmar; NULL is "Another country". */
static const char *const origins[] = {
  "NP", "IN", "BD", "LK", "PK", "ID", "VN", "PH", "CN", "KH", "LA", "MM", "ET", "KE", "UG",
  "UZ", "BR", "TH", "MY", NULL,
};
static const char *const destinations[] = { "MM", "KH", "LA", "TH" };

/* The pairs for which no source we read gives a number that anyone of the
   nationality can dial from the destination ("--" is another country). The
   screen says so plainly; content/README.md lists them and what was looked
   for. A pair that gets a number must leave this list. */
static const char *const known_gaps[] = {
  /* Myanmar: no number of their own country that works from abroad, no
     embassy number, and Myanmar has no helpline of its own. */
  "NP MM", "IN MM", "KH MM", "LA MM", "MM MM", "ET MM", "UG MM", "UZ MM", "-- MM",
  /* Cambodia: only the police (117) and the Child Helpline (1280, up to 25). */
  "NP KH", "KH KH", "LA KH", "MM KH", "ET KH", "UG KH", "UZ KH", "MY KH", "-- KH",
  /* Laos: only the Lao Women's Union line (1362, women and children). */
  "NP LA", "KH LA", "LA LA", "MM LA", "ET LA", "UG LA", "UZ LA", "MY LA", "-- LA",
  NULL,
};

static bool
known_gap (const char *pair)
{
  for (size_t i = 0; known_gaps[i]; i++)
    if (strcmp (known_gaps[i], pair) == 0)
      return true;
  return false;
}

/* The cards a phone saves for LIST, as the kiosk writes them, into BUF. */
static void
write_cards (const struct contact_list *list, char *buf, size_t size)
{
  const char *names[CONTACT_LIST_MAX];
  size_t starts[CONTACT_LIST_MAX + 1];
  size_t used = 0;
  buf[0] = '\0';
  for (size_t i = 0; i < list->card_count; i++)
    names[i] = list->card_list[i]->name;
  size_t cards = vcard_split (list->card_list, names, list->card_count, 280, starts);
  for (size_t c = 0; c < cards && list->card_count > 0; c++)
    {
      char name[VCARD_NAME_MAX];
      vcard_name (c, cards, name, sizeof name);
      int n = vcard_build (name, list->card_list + starts[c], names + starts[c],
                           starts[c + 1] - starts[c], buf + used, size - used);
      if (n > 0)
        used += (size_t) n;
    }
}

/* True when every phone of CONTENT that dials DIAL can be dialled from WHERE. */
static bool
dialable (const struct content *content, const char *dial, const char *where, bool *found)
{
  bool all = true;
  *found = false;
  for (size_t k = 0; k < content->contact_count; k++)
    for (size_t p = 0; p < content->contacts[k].phone_count; p++)
      if (strcmp (content->contacts[k].phones[p].dial, dial) == 0)
        {
          *found = true;
          all &= phone_dialable_from (&content->contacts[k].phones[p], where);
        }
  return all;
}

/* For every nationality the kiosk offers and every destination of the
   scam compounds: the card holds no number that cannot be dialled from
   there, and at least one embassy or helpline (not the police, not a line
   for some people only) that can; or the pair is a known gap, which the
   screen states. */
static void
check_pairs (const struct content *content)
{
  static struct contact_list list;
  static char cards[16384];
  char pair[8], intro[1024];
  size_t origins_offered = 0;

  for (size_t i = 0; i < content->country_count; i++)
    origins_offered += (content->countries[i].roles & COUNTRY_ORIGIN) != 0;
  for (size_t o = 0; o < sizeof origins / sizeof origins[0]; o++)
    {
      const char *n = origins[o];
      const struct country *country = n ? content_country (content, n) : NULL;
      if (n)
        ok (country && (country->roles & COUNTRY_ORIGIN), "%s is offered as a nationality", n);
      for (size_t d = 0; d < sizeof destinations / sizeof destinations[0]; d++)
        {
          const char *dest = destinations[d];
          snprintf (pair, sizeof pair, "%s %s", n ? n : "--", dest);
          contact_list_build (content, n, dest, &list);
          write_cards (&list, cards, sizeof cards);
          size_t numbers = 0, wrong = 0;
          for (const char *line = strstr (cards, "TEL;TYPE=VOICE:"); line;
               line = strstr (line + 1, "TEL;TYPE=VOICE:"))
            {
              char dial[PHONE_MAX];
              bool found;
              const char *start = line + strlen ("TEL;TYPE=VOICE:");
              snprintf (dial, sizeof dial, "%.*s", (int) strcspn (start, "\r\n"), start);
              numbers++;
              if (!dialable (content, dial, dest, &found) || !found)
                {
                  printf ("#   %s: %s on the card cannot be dialled from %s\n", pair, dial, dest);
                  wrong++;
                }
            }
          bool for_everyone = false;
          for (size_t c = 0; c < list.card_count; c++)
            for_everyone |= !list.card_list[c]->audience && list.card_list[c]->kind != CONTACT_POLICE
                            && list.card_list[c]->phone_count > 0;
          bool gap = contact_list_intro (content, &list, intro, sizeof intro);
          if (for_everyone)
            ok (numbers > 0 && wrong == 0 && !known_gap (pair) && !gap,
                "%s: the card holds %zu numbers that can be dialled there, none that cannot%s",
                pair, numbers, known_gap (pair) ? " (remove it from the known gaps)" : "");
          else
            ok (wrong == 0 && known_gap (pair) && gap && !strstr (intro, "Save these numbers"),
                "%s: no embassy or helpline for everyone (%zu numbers: police, or for some "
                "only); a known gap, which the screen states%s", pair, numbers,
                known_gap (pair) ? "" : " (NOT in the known gaps)");
        }
    }
  ok (origins_offered == sizeof origins / sizeof origins[0] - 1,
      "every nationality the kiosk offers is checked (%zu offered)", origins_offered);
}

/* The question QUESTION's option ANSWER, as (question << 8 | option), or -1. */
static int
find (const struct checklist *list, const char *question, const char *answer)
{
  for (size_t q = 0; q < list->count; q++)
    if (strcmp (list->questions[q].id, question) == 0)
      for (size_t o = 0; o < list->questions[q].option_count; o++)
        if (strcmp (list->questions[q].options[o].id, answer) == 0)
          return (int) (q << 8 | o);
  return -1;
}

int
main (void)
{
  const char *path = getenv ("SAFEJOB_CONTENT_DB");
  struct content ct;
  char err[512];

  if (!path)
    {
      printf ("1..0 # SKIP SAFEJOB_CONTENT_DB is not set\n");
      return 0;
    }
  ok (content_db_load (path, &ct, err, sizeof err) == 0, "the shipped database loads: %s", err);
  const struct checklist *list = &ct.checklist;

  ok (list->count >= 15 && list->count <= CHECKLIST_MAX_QUESTIONS,
      "at least 15 questions (%zu)", list->count);
  ok (ct.article_count >= 6, "at least 6 awareness articles (%zu)", ct.article_count);

  int unknown_everywhere = 1, safe_everywhere = 1;
  for (size_t q = 0; q < list->count; q++)
    {
      int unknown = 0, safe = 0;
      for (size_t o = 0; o < list->questions[q].option_count; o++)
        {
          unknown += list->questions[q].options[o].unknown;
          safe += list->questions[q].options[o].weight == 0;
        }
      if (unknown != 1 || safe < 1)
        printf ("#   question '%s': %d unknown, %d safe options\n", list->questions[q].id,
                unknown, safe);
      unknown_everywhere &= unknown == 1;
      safe_everywhere &= safe >= 1;
    }
  ok (unknown_everywhere, "every question has one \"I don't know\" answer");
  ok (safe_everywhere, "every question has a safe answer");

  /* The safest answer to every question is low risk. */
  int answers[CHECKLIST_MAX_QUESTIONS];
  struct risk_result r;
  for (size_t q = 0; q < list->count; q++)
    {
      answers[q] = 0;
      for (size_t o = 0; o < list->questions[q].option_count; o++)
        if (list->questions[q].options[o].weight
            < list->questions[q].options[answers[q]].weight)
          answers[q] = (int) o;
    }
  risk_assess (list, answers, &r);
  ok (r.level == RISK_LOW && r.sign_count == 0, "all safe answers: low risk, no signs");

  /* Each documented critical sign alone makes the result high. */
  static const char *const must_be_critical[] = { "route", "passport", "visa", "immigration",
                                                  "clearance", "ticket", "age" };
  for (size_t k = 0; k < sizeof must_be_critical / sizeof must_be_critical[0]; k++)
    {
      int found = 0, high = 0;
      for (size_t q = 0; q < list->count; q++)
        if (strcmp (list->questions[q].id, must_be_critical[k]) == 0)
          for (size_t o = 0; o < list->questions[q].option_count; o++)
            if (list->questions[q].options[o].critical)
              {
                int saved = answers[q];
                answers[q] = (int) o;
                risk_assess (list, answers, &r);
                found = 1;
                high = r.level == RISK_HIGH;
                answers[q] = saved;
              }
      ok (found && high, "question '%s' has a critical answer that alone is high risk",
          must_be_critical[k]);
    }

  /* The safest answers count for the offer (checked licence, visa,
     employer, contract): two routine signs with them are medium, not high,
     and a critical sign is still high. */
  risk_assess (list, answers, &r);
  ok (r.in_favour >= 40 && r.protection_count >= 4,
      "the safest answers include checked protections (%d points for the offer)", r.in_favour);
  int pay = find (list, "salary", "toogood"), hurry = find (list, "hurry", "yes");
  int kept = find (list, "passport", "kept");
  ok (pay >= 0 && hurry >= 0 && kept >= 0, "the checklist has the answers these checks use");
  if (pay >= 0 && hurry >= 0 && kept >= 0)
    {
      int saved_pay = answers[pay >> 8], saved_hurry = answers[hurry >> 8];
      answers[pay >> 8] = pay & 0xff;
      answers[hurry >> 8] = hurry & 0xff;
      risk_assess (list, answers, &r);
      ok (r.level == RISK_MEDIUM && r.level_without == RISK_HIGH,
          "two routine signs with checked protections: medium (high without them)");
      int saved_kept = answers[kept >> 8];
      answers[kept >> 8] = kept & 0xff;
      risk_assess (list, answers, &r);
      ok (r.level == RISK_HIGH, "and a critical sign makes it high all the same");
      answers[kept >> 8] = saved_kept;
      answers[pay >> 8] = saved_pay;
      answers[hurry >> 8] = saved_hurry;
    }

  /* Destinations a government bans for its own workers, per nationality. */
  static const struct { const char *origin, *destination; } banned[] = {
    { "ID", "thailand" }, { "ID", "myanmar" }, { "ID", "cambodia" }, { "PH", "myanmar" },
  };
  for (size_t k = 0; k < sizeof banned / sizeof banned[0]; k++)
    {
      int d = find (list, "destination", banned[k].destination);
      if (d < 0)
        {
          ok (0, "destination '%s' exists", banned[k].destination);
          continue;
        }
      int saved = answers[d >> 8];
      answers[d >> 8] = d & 0xff;
      struct risk_result without, with;
      risk_assess (list, answers, &without);
      risk_assess_for (list, answers, banned[k].origin, &with);
      ok (without.level != RISK_HIGH && with.level == RISK_HIGH && with.signs[0].rule,
          "%s for a worker from %s, banned by that government: high by its rule alone",
          banned[k].destination, banned[k].origin);
      answers[d >> 8] = saved;
    }

  /* Every nationality offered is told whom to ask about an agency. */
  int agency = -1;
  for (size_t q = 0; q < list->count; q++)
    if (strcmp (list->questions[q].id, "agency") == 0)
      agency = (int) q;
  int named = agency >= 0;
  for (size_t i = 0; i < ct.country_count && agency >= 0; i++)
    {
      if (!(ct.countries[i].roles & COUNTRY_ORIGIN))
        continue;
      int has = 0;
      for (size_t k = 0; k < list->rule_count; k++)
        has |= list->rules[k].question == (size_t) agency
               && strcmp (list->rules[k].origin, ct.countries[i].code) == 0
               && list->rules[k].sign.advice;
      if (!has)
        printf ("#   no licensing office named for %s\n", ct.countries[i].code);
      named &= has;
    }
  ok (named, "every origin country has a rule naming whom to ask about an agency");

  /* Only "I don't know": not low, because not knowing is a reason to check. */
  for (size_t q = 0; q < list->count; q++)
    for (size_t o = 0; o < list->questions[q].option_count; o++)
      if (list->questions[q].options[o].unknown)
        answers[q] = (int) o;
  risk_assess (list, answers, &r);
  ok (r.level != RISK_LOW, "answering \"I don't know\" to everything is not low risk");

  ok (ct.contact_count >= 10, "at least 10 contacts (%zu)", ct.contact_count);
  int sourced = 1;
  for (size_t k = 0; k < ct.contact_count; k++)
    sourced &= ct.contacts[k].source && *ct.contacts[k].source && ct.contacts[k].published
               && ct.contacts[k].copied && ct.contacts[k].phone_count > 0;
  ok (sourced, "every contact has a number, its source, the source's date and when it was copied");
  check_pairs (&ct);
  content_free (&ct);
  return tap_done ();
}
