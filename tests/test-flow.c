/* test-flow.c -- the kiosk flow with no terminal, on the shipped content:
   every screen has its entry; keys, taps and seconds move a person through
   it; paging reaches every line of the longest result; Hide and the idle
   reset leave nothing behind. */
#include <config.h>

#include <stdlib.h>
#include <string.h>
#include "app.h"
#include "content_db.h"
#include "flow.h"
#include "i18n.h"
#include "offer.h"
#include "screens.h"
#include "tap.h"

static struct flow flow;
static double clock_now = 1000;
/* The window: after each input the screen is laid out again at this size,
   as the terminal's loop does. */
static int rows = 24, cols = 80;

static void
key (enum input_key k)
{
  clock_now += 1;
  flow_input (&flow, (struct input) { .kind = INPUT_KEY, .key = k }, clock_now);
  flow_render (&flow, rows, cols);
}

static void
character (wint_t c)
{
  clock_now += 1;
  flow_input (&flow, (struct input) { .kind = INPUT_CHAR, .c = c }, clock_now);
  flow_render (&flow, rows, cols);
}

static void
tap (int row, int col)
{
  clock_now += 1;
  flow_input (&flow, (struct input) { .kind = INPUT_TAP, .row = row, .col = col }, clock_now);
  flow_render (&flow, rows, cols);
}

static void
seconds (int n)
{
  for (int i = 0; i < n; i++)
    flow_tick (&flow, clock_now += 1);
  flow_render (&flow, rows, cols);
}

/* The screen's text at a size of its own (to free). */
static char *
screen (int height, int width)
{
  char *text = canvas_dump (flow_render (&flow, height, width));
  flow_render (&flow, rows, cols);
  return text;
}

/* Appends TEXT to *SEEN, of *SIZE bytes. */
static void
collect (char **seen, size_t *size, const char *text)
{
  size_t n = strlen (text);
  char *more = realloc (*seen, *size + n + 1);
  if (!more)
    return;
  memcpy (more + *size, text, n + 1);
  *seen = more;
  *size += n;
}

/* Whether every line of TALL but its last (the bottom bar) is a whole line
   of SEEN; counts the lines in *TOTAL and those missing in *MISSING. */
static void
compare (const char *tall, const char *seen, int *total, int *missing)
{
  char *copy = strdup (tall);
  char *lines = copy;
  *total = *missing = 0;
  char *last = strrchr (copy, '\n');
  if (last)
    *last = '\0';
  last = strrchr (copy, '\n');
  if (last)
    *last = '\0';    /* the bottom bar */
  for (char *line = strtok (lines, "\n"); line; line = strtok (NULL, "\n"))
    {
      char *needle;
      if (!*line || asprintf (&needle, "\n%s\n", line) < 0)
        continue;
      (*total)++;
      char *hay;
      if (asprintf (&hay, "\n%s", seen) >= 0)
        {
          *missing += strstr (hay, needle) == NULL;
          free (hay);
        }
      free (needle);
    }
  free (copy);
}

/* Answers every question with "I don't know", from question 1. */
static void
answer_unknown (const struct content *ct)
{
  for (size_t q = 0; q < ct->checklist.count; q++)
    for (size_t o = 0; o < ct->checklist.questions[q].option_count; o++)
      if (ct->checklist.questions[q].options[o].unknown)
        {
          for (size_t down = 0; down < o; down++)
            key (IN_DOWN);
          key (IN_ENTER);
          break;
        }
}

/* How a person reads on. */
enum reading { BY_PAGE_DOWN, BY_TAPS, BY_ARROWS, BY_WHEEL };

static void
wheel_down (void)
{
  clock_now += 1;
  flow_input (&flow, (struct input) { .kind = INPUT_WHEEL_DOWN }, clock_now);
  flow_render (&flow, rows, cols);
}

/* Reads the screen shown at ROWS x COLS by HOW, and checks every line of
   it was on screen. */
static void
read_whole_screen (const char *what, enum reading how)
{
  static const char *const names[] = {
    "Page Down", "taps on \"more below\"", "the Down arrow", "the mouse wheel",
  };
  char *seen = NULL;
  size_t size = 0;
  int total, missing;

  char *tall = screen (400, cols);
  for (int page = 0; page < 400; page++)
    {
      char *text = canvas_dump (&flow.canvas);
      collect (&seen, &size, text);
      free (text);
      if (how == BY_PAGE_DOWN)
        key (IN_PAGE_DOWN);
      else if (how == BY_ARROWS)
        key (IN_DOWN);
      else if (how == BY_WHEEL)
        wheel_down ();
      else
        {
          const struct canvas *c = &flow.canvas;
          for (size_t t = 0; t < c->target_count; t++)
            if (c->targets[t].item == TARGET_SCROLL_DOWN)
              {
                tap (c->targets[t].top, c->targets[t].left);
                break;
              }
        }
    }
  compare (tall, seen, &total, &missing);
  ok (total > 20 && missing == 0, "%dx%d, %s by %s: %d of its %d lines never on screen",
      cols, rows, what, names[how], missing, total);
  free (tall);
  free (seen);
}

/* Answers every question "I don't know" at HEIGHT x WIDTH, from the start:
   the list of answers follows. */
static void
answer_all_unknown (const struct content *ct, int height, int width)
{
  rows = height;
  cols = width;
  app_reset (flow.app);
  flow_render (&flow, rows, cols);
  character ('x');
  key (IN_ENTER);
  answer_unknown (ct);
}

static void
read_whole_result (const struct content *ct, int height, int width, enum reading how)
{
  answer_all_unknown (ct, height, width);
  key (IN_ENTER);    /* "All correct: see my result" */
  ok (flow.app->session.screen == SCREEN_RESULT,
      "\"I don't know\" to all %zu questions, then \"All correct\": the result",
      ct->checklist.count);
  read_whole_screen ("the result", how);
}

/* The list of every answer: all of it can be read; an answer changed from
   it is changed and the list comes back, where the person was. */
static void
check_review (const struct content *ct)
{
  struct session *s = &flow.app->session;
  answer_all_unknown (ct, 24, 80);
  ok (s->screen == SCREEN_REVIEW && s->selected == 0,
      "after the last answer: every answer, \"All correct\" highlighted");
  read_whole_screen ("the answers", BY_PAGE_DOWN);
  answer_all_unknown (ct, 20, 60);
  read_whole_screen ("the answers", BY_TAPS);

  answer_all_unknown (ct, 24, 80);
  int before = s->answers[2];
  character ('4');    /* item 4: the third question */
  ok (s->screen == SCREEN_QUESTION && s->question == 2 && s->selected == (size_t) before,
      "choosing the third answer opens its question, that answer highlighted");
  key (IN_BACKSPACE);
  ok (s->screen == SCREEN_REVIEW && s->selected == 3 && s->answers[2] == before,
      "Back from it: the list again, at that answer, unchanged");
  key (IN_ENTER);
  int other = before == 0 ? 1 : 0;
  character ((wint_t) ('1' + other));
  ok (s->screen == SCREEN_REVIEW && s->selected == 3 && s->answers[2] == other,
      "a new answer: changed, and the list again rather than question 4");
  key (IN_UP);
  key (IN_UP);
  key (IN_UP);
  key (IN_ENTER);
  ok (s->screen == SCREEN_RESULT, "\"All correct\" from there: the result");
  key (IN_BACKSPACE);
  ok (s->screen == SCREEN_REVIEW && s->selected == 0 && s->answers[2] == other,
      "Back from the result: the list, answers kept");
  key (IN_BACKSPACE);
  ok (s->screen == SCREEN_QUESTION && s->question + 1 == ct->checklist.count,
      "Back from the list: the last question");
  key (IN_ENTER);
  ok (s->screen == SCREEN_REVIEW, "answered again: the list");
  rows = 24, cols = 80;
}

int
main (void)
{
  const char *path = getenv ("SAFEJOB_CONTENT_DB");
  struct content ct;
  struct app app = { .idle_seconds = 120, .idle_countdown = 30 };
  char err[512];

  if (!path)
    {
      printf ("1..0 # SKIP SAFEJOB_CONTENT_DB is not set\n");
      return 0;
    }
  if (!i18n_init () || content_db_load (path, &ct, err, sizeof err) != 0)
    {
      printf ("Bail out! %s\n", err);
      return 1;
    }

  bool complete = true;
  for (int id = 0; id < SCREEN_COUNT; id++)
    complete &= screens[id] && screens[id]->build && screens[id]->choose && screens[id]->back;
  ok (complete, "every screen id has a screen that builds, chooses and goes back");

  app.content = &ct;
  app_reset (&app);
  flow_init (&flow, &app, clock_now);
  flow_render (&flow, rows, cols);
  ok (app.session.screen == SCREEN_ATTRACT, "the flow starts on the attract screen");
  tap (10, 10);
  ok (app.session.screen == SCREEN_LANGUAGE, "a tap anywhere on it opens the picker");
  /* "Choose your language" in the highlighted language too (issue 17). */
  {
    flow.new_screen = false;
    key (IN_DOWN);
    ok (flow.new_screen, "new words on the picker's line are painted whole in mlterm "
        "(no marks of the words before)");
    const char *nepali = i18n_gettext_in ("ne", "Choose your language");
    char *dump = canvas_dump (&flow.canvas);
    ok (strcmp (nepali, "Choose your language") != 0 && dump && strstr (dump, nepali),
        "the picker says \"Choose your language\" in the highlighted language: %s", nepali);
    free (dump);
    key (IN_UP);
  }
  key (IN_ENTER);
  ok (app.session.screen == SCREEN_QUESTION && app.session.question == 0,
      "Enter chooses English and shows question 1");
  flow.new_screen = false;
  key (IN_DOWN);
  key (IN_UP);
  ok (!flow.new_screen, "moving the highlight alone repaints only the cells that changed");
  character ('2');
  ok (app.session.question == 1 && app.session.answers[0] == 1, "2 answers with option 2");

  /* A tap on the blank row between two choices chooses neither. */
  {
    const struct canvas *c = &flow.canvas;
    int gap = -1;
    for (size_t t = 0; t < c->target_count; t++)
      if (c->targets[t].item == 1)
        gap = c->targets[t].top - 1;
    size_t question = app.session.question;
    tap (gap, 10);
    ok (gap > 0 && app.session.question == question && app.session.answers[question] < 0,
        "a tap on the blank row under a choice answers nothing");
  }

  /* A window too small: keys do nothing until it is larger. */
  rows = 15, cols = 50;
  char *text = screen (rows, cols);
  ok (text && strstr (text, "Please make the window larger."), "15x50 asks for a larger window");
  free (text);
  character ('1');
  ok (app.session.question == 1, "a key on that screen answers nothing");
  key (IN_F12);
  text = screen (rows, cols);
  ok (app.session.screen == SCREEN_NEUTRAL && text && strstr (text, "Welcome.")
      && !strstr (text, "larger") && app.session.answers[0] == CHECKLIST_UNANSWERED,
      "but Hide hides, at once, whatever the window's size, and wipes the answers");
  free (text);
  rows = 24, cols = 80;
  flow_render (&flow, rows, cols);

  /* Idle: asked, then wiped. */
  app_reset (&app);
  flow_render (&flow, rows, cols);
  character ('x');
  key (IN_ENTER);
  character ('1');
  seconds (119);
  ok (app.session.screen == SCREEN_QUESTION, "119 seconds idle: still on the question");
  seconds (1);
  ok (app.session.screen == SCREEN_STILL_THERE, "120: \"still there?\"");
  seconds (30);
  ok (app.session.screen == SCREEN_ATTRACT && app.session.answers[0] == CHECKLIST_UNANSWERED,
      "30 more: back to the attract screen, answers wiped");

  /* The staff chord does nothing without a staff PIN. */
  character ('x');
  character (0x18);
  character (0x13);
  ok (app.session.screen == SCREEN_LANGUAGE, "Ctrl-X Ctrl-S without a staff PIN does nothing");

  check_review (&ct);

  /* The destination list starts on the country the checklist named, and
     Back keeps what was chosen highlighted. */
  {
    struct session *se = &flow.app->session;
    app_reset (flow.app);
    rows = 24, cols = 80;
    flow_render (&flow, rows, cols);
    character ('x');
    key (IN_ENTER);
    character ('3');    /* "In which country is the job?": Laos, not the first */
    while (se->screen == SCREEN_QUESTION)
      key (IN_ENTER);   /* the first choice of the rest */
    key (IN_ENTER);    /* "All correct" */
    key (IN_ENTER);    /* "Numbers to save" */
    ok (se->screen == SCREEN_NATIONALITY, "the numbers: first the nationality");
    key (IN_DOWN);
    key (IN_DOWN);
    /* Labels live in the frame until the next key: copied. */
    char *nationality = strdup (flow.frame.items[se->selected].label);
    key (IN_ENTER);
    const char *shown = se->screen == SCREEN_DESTINATION ? flow.frame.items[se->selected].label : "";
    ok (strcmp (shown, "Laos") == 0,
        "the destinations start on the checklist's answer, Laos (highlighted: %s)", shown);
    key (IN_DOWN);
    const char *chosen = flow.frame.items[se->selected].label;
    char *want = strdup (chosen);
    key (IN_ENTER);
    key (IN_BACKSPACE);
    ok (se->screen == SCREEN_DESTINATION
        && strcmp (flow.frame.items[se->selected].label, want) == 0,
        "Back from the contacts: the destination chosen (%s) highlighted", want);
    free (want);
    want = nationality;
    key (IN_BACKSPACE);
    ok (se->screen == SCREEN_NATIONALITY
        && strcmp (flow.frame.items[se->selected].label, want) == 0,
        "Back again: the nationality chosen (%s) highlighted", want);
    free (want);
  }

  /* Every contact's note and source are whole, for every nationality and
     destination, at 80x24: where a number comes from, and when, is never
     cut off. At 60x20 the source is (the day it was copied ends it); a
     long note beside the notice that no embassy was found can still be
     cut there. */
  {
    struct session *se = &flow.app->session;
    int cut = 0, shown = 0, no_source = 0, cut_small = 0, shown_small = 0;
    char where[160] = "", where_source[160] = "";
    for (int size = 0; size < 2; size++)
      for (size_t n = 0; n < ct.country_count; n++)
        for (size_t d = 0; d < ct.country_count; d++)
          {
            if (!(ct.countries[n].roles & COUNTRY_ORIGIN)
                || !(ct.countries[d].roles & COUNTRY_DESTINATION))
              continue;
            app_reset (flow.app);
            rows = size ? 20 : 24, cols = size ? 60 : 80;
            se->nationality = (int) n;
            se->destination = (int) d;
            session_show (se, SCREEN_CONTACTS);
            flow_render (&flow, rows, cols);
            for (size_t item = 0; item < flow.frame.item_count; item++)
              {
                char *dump = canvas_dump (&flow.canvas);
                /* The source's last word (the day it was copied), ending a row. */
                const char *source = flow.frame.foot_count > 0
                                     ? flow.frame.foot[flow.frame.foot_count - 1].text : NULL;
                const char *last = source ? strrchr (source, ' ') : NULL;
                char line_end[64] = "";
                if (last)
                  snprintf (line_end, sizeof line_end, "%s\n", last + 1);
                if (source && !(dump && strstr (dump, line_end)) && !no_source++)
                  snprintf (where_source, sizeof where_source, "%s to %s at %dx%d, item %zu",
                            ct.countries[n].code, ct.countries[d].code, cols, rows, item + 1);
                if (size == 1)
                  {
                    shown_small++;
                    cut_small += dump && strstr (dump, "\xE2\x80\xA6");
                  }
                if (size == 0)
                  {
                    shown++;
                    if (dump && strstr (dump, "\xE2\x80\xA6") && !cut++)
                      snprintf (where, sizeof where, "%s to %s at %dx%d, contact %zu",
                                ct.countries[n].code, ct.countries[d].code, cols, rows,
                                item + 1);
                  }
                free (dump);
                key (IN_DOWN);
              }
          }
    ok (shown > 100 && cut == 0, "contacts screens with something cut off at 80x24: %d of %d "
        "(first: %s)", cut, shown, where);
    ok (no_source == 0, "contacts screens without their source's last line at 80x24 and 60x20: "
        "%d (first: %s)", no_source, where_source);
    ok (cut_small <= 4, "at 60x20 the note takes the rows a short list does not need: "
        "%d of %d screens cut (41 when the list kept six rows)", cut_small, shown_small);
    rows = 24, cols = 80;
  }

  /* "more below" is a whole row: a tap at its far left pages on too (a
     finger need not find the mark at the right). */
  answer_all_unknown (&ct, 24, 80);
  key (IN_ENTER);
  {
    const struct canvas *c = &flow.canvas;
    int row = -1, before = c->scroll;
    for (size_t t = 0; t < c->target_count; t++)
      if (c->targets[t].item == TARGET_SCROLL_DOWN)
        row = c->targets[t].top;
    tap (row, 3);
    ok (row > 0 && flow.canvas.scroll > before,
        "a tap at the left of the \"more below\" row pages the result on");
  }

  for (enum reading how = BY_PAGE_DOWN; how <= BY_WHEEL; how++)
    {
      read_whole_result (&ct, 24, 80, how);
      read_whole_result (&ct, 20, 60, how);
    }
  /* Having read the text to its end, the wheel (as Down) went on down the
     choices, to the last; Up goes back up them before the text. */
  ok (app.session.selected + 1 == flow.frame.item_count && flow.canvas.scroll > 0,
      "past the end of the text, the wheel goes down the choices");
  key (IN_UP);
  int scroll = flow.canvas.scroll;
  ok (app.session.selected + 2 == flow.frame.item_count && flow.canvas.scroll == scroll,
      "Up goes back up the choices first");

  /* The office form's country: a code or a name in any offered language,
     never the first two letters ("Myanmar" is not MY, Malaysia). */
  {
    char code[3] = "";
    bool myanmar = offer_country_code (&ct, "Myanmar", code) == 0 && strcmp (code, "MM") == 0;
    bool nepali = offer_country_code (&ct, "\xE0\xA4\xA8\xE0\xA5\x87\xE0\xA4\xAA\xE0\xA4\xBE"
                                      "\xE0\xA4\xB2", code) == 0 && strcmp (code, "NP") == 0;
    bool lower = offer_country_code (&ct, " th ", code) == 0 && strcmp (code, "TH") == 0;
    ok (myanmar && nepali && lower && offer_country_code (&ct, "Atlantis", code) != 0,
        "a country is found by its code or its name in any offered language, and only then");
  }

  flow_free (&flow);
  app_reset (&app);
  content_free (&ct);
  return tap_done ();
}
