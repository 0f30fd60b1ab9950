/* screen_language.c -- the language picker: each language in its own script. */
#include <config.h>
#include "screens.h"

#include <string.h>
#include "bidi.h"
#include "i18n.h"
#include "languages.h"
#include "system.h"

/* Whether this terminal can show LANG's name: every one on UTF-8, on ASCII
   only those written in ASCII (the others would be question marks). */
static bool
shown (const struct language *lang)
{
  bool ascii = true;
  for (const char *c = lang->native_name; *c; c++)
    ascii &= (unsigned char) *c < 0x80;
  return ascii || i18n_is_utf8 ();
}

const char *
screen_language_at (size_t position)
{
  for (size_t i = 0, seen = 0; i < languages_count (); i++)
    if (shown (languages_get (i)) && seen++ == position)
      return languages_get (i)->code;
  return NULL;
}

/* The picker speaks the language highlighted (flow.c lays its title,
   buttons and marks out in it): a person who reads no English finds
   their own words as soon as the highlight reaches their language. */
static const char *
language_words (const struct app *app)
{
  return screen_language_at (app->session.selected);
}

static void
language_build (const struct app *app, struct frame *frame)
{
  /* TRANSLATORS: the title of the first screen. The picker has a Back
     button only when opened from Help mid-flow. */
  screen_frame (app, frame, _("safejob: check a job offer before you go"),
                app->session.changing_language);
  /* Before a language is chosen, nothing to start over and no words to
     read the numbers in: the picker's title bar has its title alone. */
  frame->numbers_button = frame->start_over_button = false;
  frame->names_languages = true;
  /* Its words follow the highlight (language_words); its direction stays
     the session's, or the list would flip sides as the highlight moves. */
  frame->rtl = frame->reorder
               && bidi_language_is_rtl (languages_get (app->session.language)->code);
  /* "Choose your language" in the session's language too, for whoever
     reads it, beside the highlighted language's. */
  const char *theirs = _("Choose your language");
  const char *choose = i18n_gettext_in (languages_get (app->session.language)->code,
                                        "Choose your language");
  frame_lead (frame, strcmp (theirs, choose) != 0
                     ? frame_printf (frame, "%s  %s  %s", choose, glyph ("\xC2\xB7", "-"), theirs)
                     : choose,
              STYLE_STRONG, 2, 1);
  for (size_t i = 0; i < languages_count (); i++)
    {
      const struct language *lang = languages_get (i);
      if (!shown (lang))
        continue;
      /* Each language in its own script, its English name dim after it. */
      struct frame_item *item = frame_item (frame, lang->native_name, (int) i);
      item->language = lang->code;    /* spoken in its own language */
      if (strcmp (lang->native_name, lang->english_name) != 0)
        item->note = lang->english_name;
    }
}

void
screen_highlight_language (struct app *app)
{
  size_t position = 0;
  for (size_t i = 0; i < languages_count () && i < app->session.language; i++)
    position += shown (languages_get (i));
  app->session.selected = position;
}

static void
language_choose (struct app *app, int language)
{
  i18n_use (languages_get ((size_t) language)->code);
  app->session.language = (size_t) language;
  if (app->session.changing_language)
    session_end_language_change (&app->session);
  else if (app->office)
    session_show (&app->session, SCREEN_OFFER);
  else
    screen_show_question (app, 0);
}

/* The first screen has nowhere to go back to; opened from Help mid-flow,
   back is where the person was. */
static void
language_back (struct app *app)
{
  if (app->session.changing_language)
    session_end_language_change (&app->session);
}

const struct screen screen_language = {
  .build = language_build,
  .choose = language_choose,
  .back = language_back,
  .words_language = language_words,
};
