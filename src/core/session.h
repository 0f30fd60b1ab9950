/* session.h -- one person's visit: the language, the answers and where they
   are in the flow. It lives in memory only and is wiped on reset. */
#ifndef SAFEJOB_SESSION_H
#define SAFEJOB_SESSION_H

#include <stdbool.h>
#include <stddef.h>
#include "checklist.h"
#include "offer.h"

enum screen_id
{
  SCREEN_ATTRACT,
  SCREEN_NEUTRAL,
  SCREEN_HELP,
  SCREEN_STILL_THERE,
  SCREEN_LANGUAGE,
  SCREEN_OFFER,
  SCREEN_QUESTION,
  SCREEN_RESULT,
  SCREEN_NATIONALITY,
  SCREEN_DESTINATION,
  SCREEN_CONTACTS,
  SCREEN_ARTICLES,
  SCREEN_ARTICLE,
  SCREEN_OUT_OF_SERVICE,
  SCREEN_PIN,
  SCREEN_STAFF,
  SCREEN_STAFF_PAGE,
  SCREEN_START_OVER,       /* "Start over?": one mis-tap must not wipe a result */
  SCREEN_REVIEW,           /* every answer, before the result */
  SCREEN_CODE,             /* a contact's QR code, on rows of its own */
  SCREEN_COUNT
};

enum { SESSION_NO_COUNTRY = -1 };

/* A place in the flow: a screen with its highlight and scroll. */
struct session_place
{
  enum screen_id screen;
  size_t selected;
  int scroll;
};

struct session
{
  enum screen_id screen;
  size_t language;                        /* index into the language table */
  size_t question;                        /* the question on screen */
  size_t selected;                        /* the highlighted item on screen */
  int nationality;                        /* index of a country, or SESSION_NO_COUNTRY */
  int destination;                        /* likewise: "I don't know" is no country */
  size_t article;                         /* the article being read */
  int code_item;                          /* the contact whose code is shown */
  size_t code_from;                       /* its place on the contacts' list */
  int scroll;                             /* its first line on screen */
  struct session_place overlaid;          /* where Help and "still there?" return to */
  /* The language is being changed from Help, mid-flow: the picker then
     returns to this place (the screen under Help). */
  bool changing_language;
  struct session_place before_language;
  /* A question opened from the review returns to it once answered. */
  bool reviewing;
  /* "Numbers now" took the person to the contacts from this place, which
     Back from the first country screen brings back. */
  bool numbers_now;
  struct session_place before_numbers;
  unsigned ticks;                         /* seconds on the attract screen */
  int countdown;                          /* seconds left to answer "still there?" */
  int answers[CHECKLIST_MAX_QUESTIONS];     /* option index or CHECKLIST_UNANSWERED */
  /* How far the visit went, for the anonymous usage figures. */
  bool started;                           /* a language was picked */
  bool saw_result, saw_contacts, saw_qr, printed;
  /* Office mode: the offer being screened and its history in the log. */
  struct offer offer;
  size_t earlier_count;
  struct offer_earlier earlier[3];
};

/* Wipes everything the person chose and returns to the attract screen. */
void session_reset (struct session *session);

/* Goes to SCREEN with its first item highlighted. */
void session_show (struct session *session, enum screen_id screen);

/* Shows SCREEN (help, "still there?") over the current one, which
   session_return brings back as it was. */
void session_overlay (struct session *session, enum screen_id screen);
void session_return (struct session *session);

/* "Numbers now": the contacts' first screen, from wherever the person is
   (Back returns there). */
void session_numbers_now (struct session *session);

/* Back from the contacts' first screen after "Numbers now": the place it
   was opened from, as it was. */
void session_end_numbers (struct session *session);

/* Whether the language can be changed from Help: the screen under it is
   one of the flow's, past the picker. */
bool session_can_change_language (const struct session *session);

/* From Help: shows the language picker, with the current language
   highlighted; session_end_language_change then brings back the screen
   under Help as it was, answers and all. */
void session_start_language_change (struct session *session);
void session_end_language_change (struct session *session);

#endif /* SAFEJOB_SESSION_H */
