/* screen_language.c -- the language picker: each language in its own script. */
#include <config.h>
#include "screens.h"

#include <string.h>
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
  /* "Choose your language" in the session's language and in the one
     highlighted: a person who reads no English sees it in their own as
     soon as the highlight reaches their language. */
  const struct language *highlighted = NULL;
  for (size_t i = 0, position = 0; i < languages_count () && !highlighted; i++)
    if (shown (languages_get (i)) && position++ == app->session.selected)
      highlighted = languages_get (i);
  const char *choose = _("Choose your language");
  const char *theirs = highlighted ? i18n_gettext_in (highlighted->code, "Choose your language")
                                   : choose;
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
};
