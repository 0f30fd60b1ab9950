/* languages_table.c -- the offered languages as a table for staff: how
   complete each translation is, and whether a native speaker reviewed it
   ('safejob --languages' and the staff menu). */
#include <config.h>
#include "languages.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include "system.h"
#include "wrap.h"

/* Prints S padded with blanks to WIDTH display columns, and at least one
   blank: a long name must not run into the next column. */
static void
padded (FILE *out, const char *s, int width)
{
  wchar_t *wide = wrap_decode (s);
  int used = wide ? wrap_width (wide, wcslen (wide)) : 0;
  free (wide);
  fputs (s, out);
  do
    putc (' ', out);
  while (++used < width);
}

int
languages_write_table (FILE *out, size_t (*clip_count) (const char *code, void *data),
                       void *data)
{
  FILE *stats = fopen (languages_stats_path (), "r");

  /* TRANSLATORS: column headings of 'safejob --languages'. */
  padded (out, _("code"), 8);
  padded (out, _("language"), 42);
  padded (out, _("complete"), 10);
  padded (out, _("review"), 10);
  fprintf (out, "%s\n", _("speech"));
  for (size_t i = 0; i < languages_count (); i++)
    {
      const struct language *lang = languages_get (i);
      struct language_status st;
      char name[160], complete[32];
      const char *review;

      if (strcmp (lang->native_name, lang->english_name) == 0)
        snprintf (name, sizeof name, "%s", lang->native_name);
      else
        snprintf (name, sizeof name, "%s (%s)", lang->native_name, lang->english_name);
      if (strcmp (lang->code, "en") == 0)
        {
          /* TRANSLATORS: the language the program is written in. */
          snprintf (complete, sizeof complete, "100%%");
          review = _("source");
        }
      else if (stats && languages_status (stats, lang->code, &st) == 0)
        {
          int total = st.translated + st.fuzzy + st.untranslated;
          snprintf (complete, sizeof complete, "%d%%", total ? 100 * st.translated / total : 0);
          if (st.reviewed)
            /* TRANSLATORS: a translation a native speaker has reviewed. */
            review = _("reviewed");
          else
            /* TRANSLATORS: a translation not yet reviewed by a native speaker. */
            review = _("draft");
        }
      else
        {
          snprintf (complete, sizeof complete, "?");
          review = "?";
        }
      padded (out, lang->code, 8);
      padded (out, name, 42);
      padded (out, complete, 10);
      padded (out, review, 10);
      size_t clips = clip_count ? clip_count (lang->code, data) : 0;
      if (clips > 0)
        /* TRANSLATORS: the speech column of 'safejob --languages': the
           language's recorded clips, which say the screens they match
           (with or without a voice for the rest). */
        fprintf (out, lang->voice ? ngettext ("voice, %zu clip\n", "voice, %zu clips\n", clips)
                                  : ngettext ("%zu clip\n", "%zu clips\n", clips), clips);
      else
        /* TRANSLATORS: the speech column of 'safejob --languages': the
           language has a voice, or none (the kiosk cannot read its screens
           aloud). */
        fprintf (out, "%s\n", lang->voice ? _("voice") : C_("no voice", "none"));
    }
  if (!stats)
    {
      fprintf (out == stdout ? stderr : out,
               _("%s: %s is missing: completeness not known\n"), PACKAGE, languages_stats_path ());
      return -1;
    }
  fclose (stats);
  return 0;
}
