/* speech_text.c -- what a screen says aloud: its words, from the frame, in
   the order a person reads them, with each choice's number key. */
#include <config.h>
#include "speech.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "i18n.h"
#include "system.h"

void
utterances_clear (struct utterances *u)
{
  for (size_t i = 0; i < u->count; i++)
    {
      explicit_bzero (u->list[i].text, strlen (u->list[i].text));
      free (u->list[i].text);
    }
  free (u->list);
  *u = (struct utterances) { .has_clip = u->has_clip };
}

/* Whether TEXT ends a sentence or a clause already: ASCII punctuation, or
   the full stops and question marks of the kiosk's other scripts (Arabic
   and Urdu, Devanagari, Burmese, Khmer, Ethiopic, CJK). */
static bool
ends_stopped (const char *text)
{
  static const char *const stops[] = {
    ".", "?", "!", ":", ";", ",", "\xD8\x9F", "\xDB\x94", "\xE0\xA5\xA4", "\xE1\x81\x8B",
    "\xE1\x9F\x94", "\xE1\x8D\xA2", "\xE3\x80\x82", "\xEF\xBC\x9F", "\xEF\xBC\x81",
  };
  size_t n = strlen (text);
  for (size_t i = 0; i < sizeof stops / sizeof *stops; i++)
    {
      size_t k = strlen (stops[i]);
      if (n >= k && memcmp (text + n - k, stops[i], k) == 0)
        return true;
    }
  return false;
}

/* Appends TEXT (taken: freed here on failure) in LANGUAGE, with its line
   breaks read as pauses; an utterance in the language of the one before
   joins it, unless either is a CLIP. */
static int
add (struct utterances *u, const char *language, char *text, bool clip)
{
  if (!text)
    return -1;
  for (char *c = text; *c && !clip; c++)
    if (*c == '\n')
      *c = ',';
  if (u->count > 0 && !clip && !u->list[u->count - 1].clip
      && strcmp (u->list[u->count - 1].language, language) == 0)
    {
      struct utterance *last = &u->list[u->count - 1];
      char *joined = NULL;
      /* A pause between blocks: a full stop, unless one is there. */
      if (asprintf (&joined, ends_stopped (last->text) ? "%s %s" : "%s. %s", last->text, text) < 0)
        joined = NULL;
      explicit_bzero (text, strlen (text));
      free (text);
      if (!joined)
        return -1;
      explicit_bzero (last->text, strlen (last->text));
      free (last->text);
      last->text = joined;
      return 0;
    }
  if (u->count == u->size)
    {
      size_t size = u->size ? 2 * u->size : 8;
      struct utterance *list = realloc (u->list, size * sizeof *list);
      if (!list)
        {
          free (text);
          return -1;
        }
      u->list = list;
      u->size = size;
    }
  u->list[u->count++] = (struct utterance) { language, text, clip };
  return 0;
}

static bool
is_digit (char c)
{
  return c >= '0' && c <= '9';
}

char *
speech_spell_numbers (const char *text)
{
  size_t len = strlen (text);
  /* At most: each digit and a space, each separator a comma and a space. */
  char *out = malloc (3 * len + 1);
  if (!out)
    return NULL;
  char *o = out;
  for (size_t i = 0; i < len;)
    {
      /* A run: an optional '+', then digits with single spaces or dashes
         between groups. */
      size_t end = i + (text[i] == '+'), digits = 0;
      size_t last = end;
      while (end < len && (is_digit (text[end])
                           || ((text[end] == ' ' || text[end] == '-') && end + 1 < len
                               && is_digit (text[end + 1]) && digits > 0)))
        {
          if (is_digit (text[end]))
            {
              digits++;
              last = end + 1;
            }
          end++;
        }
      if (digits < 3 || (i > 0 && (is_digit (text[i - 1]) || text[i - 1] == '.')))
        {
          *o++ = text[i++];
          continue;
        }
      /* Spelled: "+977 1 4200" is "+ 9 7 7, 1, 4 2 0 0". */
      for (size_t k = i; k < last; k++)
        {
          if (is_digit (text[k]) || text[k] == '+')
            {
              if (o > out && o[-1] != ' ')
                *o++ = ' ';
              *o++ = text[k];
            }
          else
            {
              *o++ = ',';
            }
        }
      i = last;
    }
  *o = '\0';
  return out;
}

/* Appends TEXT, as FRAME shows it, in LANGUAGE: its recorded clip if it
   has one, else the words for the voice, with phone numbers digit by digit
   on a page of numbers when SPELL. */
static int
add_said (struct utterances *u, const struct frame *frame, const char *language,
          const char *text, bool spell)
{
  if (u->has_clip && u->has_clip (language, text))
    return add (u, language, strdup (text), true);
  return add (u, language,
              spell && frame->spell_numbers ? speech_spell_numbers (text) : strdup (text), false);
}

int
speech_text_item (const struct frame *frame, size_t i, const char *language,
                  struct utterances *out)
{
  if (i >= frame->item_count)
    return 0;
  const struct frame_item *item = &frame->items[i];
  if (!item->label[0])
    return 0;
  /* The picker's languages are each read in their own, key and all. */
  const char *in = item->language ? item->language : language;
  if (i >= 9 || frame->any_key || frame->whole_screen)
    return add_said (out, frame, in, item->label, true);
  char *said = NULL;
  /* TRANSLATORS: spoken, not shown: how a choice is read aloud. %1$d is
     the number key that chooses it, %2$s its text. */
#define PRESS N_("Press %1$d for %2$s")
  int n = item->language ? asprintf (&said, i18n_gettext_in (item->language, PRESS), (int) i + 1,
                                     item->label)
                         : asprintf (&said, _(PRESS), (int) i + 1, item->label);
#undef PRESS
  if (n < 0)
    return -1;
  int status = add_said (out, frame, in, said, true);
  explicit_bzero (said, strlen (said));
  free (said);
  return status;
}

int
speech_text_blocks (const struct frame *frame, size_t first, size_t end, const char *language,
                    struct utterances *out)
{
  int status = 0;
  for (size_t i = first; i < end && i < frame->text_count; i++)
    if (frame->text[i].text[0])
      status |= add_said (out, frame, language, frame->text[i].text, true);
  return status ? -1 : 0;
}

int
speech_text_screen (const struct frame *frame, size_t first_block, const char *language,
                    struct utterances *out)
{
  int status = 0;
  if (frame->title && strcmp (frame->title, PACKAGE) != 0)
    status |= add_said (out, frame, language, frame->title, false);
  for (size_t i = 0; i < frame->lead_count; i++)
    if (frame->lead[i].text[0])
      status |= add_said (out, frame, language, frame->lead[i].text, true);
  status |= speech_text_blocks (frame, first_block, frame->text_count, language, out);
  for (size_t i = 0; i < frame->item_count; i++)
    status |= speech_text_item (frame, i, language, out);
  for (size_t i = 0; i < frame->foot_count; i++)
    if (frame->foot[i].text[0] && frame->foot[i].style != STYLE_DIM)
      status |= add_said (out, frame, language, frame->foot[i].text, true);
  return status ? -1 : 0;
}
