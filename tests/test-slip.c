/* test-slip.c -- the printed slips in every shipped language, drawn by the
   real Pango and Cairo with the fonts installed (as on the kiosk): every
   character has a glyph, the slip holds lines of text, its code decodes
   with a real decoder (zbarimg), and the Burmese and Arabic slips are not
   the English one. Paper is what a person takes home: if a script came out
   as empty boxes, or a code did not scan, nothing on screen would say so. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "app.h"
#include "content_db.h"
#include "i18n.h"
#include "languages.h"
#include "screens.h"
#include "slip.h"
#include "tap.h"

/* Runs of rows with ink: a line of text is one, a code is one. */
static int
ink_runs (const struct slip *slip)
{
  int runs = 0;
  bool inked = false;
  for (int y = 0; y < slip->height; y++)
    {
      bool ink = false;
      for (size_t b = 0; b < slip->row_bytes && !ink; b++)
        ink = slip->bits[(size_t) y * slip->row_bytes + b] != 0;
      runs += ink && !inked;
      inked = ink;
    }
  return runs;
}

/* Writes SLIP to PATH as paper, with a white margin around it, for the
   decoder and for translators, who see their language on paper there
   (tests/slips/LANG-*.pbm in the build tree). */
static bool
write_pbm (const struct slip *slip, const char *path)
{
  FILE *f = fopen (path, "wb");
  enum { MARGIN_BYTES = 4 };
  unsigned char blank[MARGIN_BYTES] = { 0 };

  if (!f)
    return false;
  fprintf (f, "P4\n%zu %d\n", (slip->row_bytes + 2 * MARGIN_BYTES) * 8, slip->height);
  for (int y = 0; y < slip->height; y++)
    {
      fwrite (blank, 1, MARGIN_BYTES, f);
      fwrite (slip->bits + (size_t) y * slip->row_bytes, 1, slip->row_bytes, f);
      fwrite (blank, 1, MARGIN_BYTES, f);
    }
  return fclose (f) == 0;
}

/* What zbarimg reads in the PBM at PATH, into OUT of SIZE bytes; false
   when it reads nothing. */
static bool
decode (const char *path, const char *zbarimg, char *out, size_t size)
{
  char command[512];
  snprintf (command, sizeof command, "'%s' --nodbus -q --raw '%s'", zbarimg, path);
  FILE *p = popen (command, "r");
  size_t n = p ? fread (out, 1, size - 1, p) : 0;
  out[n] = '\0';
  if (p)
    pclose (p);
  return n > 0;
}

static int
country (const struct content *ct, const char *code)
{
  for (size_t i = 0; i < ct->country_count; i++)
    if (strcmp (ct->countries[i].code, code) == 0)
      return (int) i;
  return -1;
}

int
main (void)
{
  const char *path = getenv ("SAFEJOB_CONTENT_DB");
  const char *zbarimg = getenv ("ZBARIMG");
  struct content ct;
  struct app app = { .idle_seconds = 120 };
  char err[512];
  static char decoded[16384];
  struct slip english = { 0 };

  if (!path || !zbarimg || !zbarimg[0])
    {
      printf ("1..0 # SKIP SAFEJOB_CONTENT_DB or ZBARIMG is not set\n");
      return 0;
    }
  if (!i18n_init () || content_db_load (path, &ct, err, sizeof err) != 0)
    {
      printf ("Bail out! %s\n", err);
      return 1;
    }
  mkdir ("tests/slips", 0777);
  app.content = &ct;
  app_reset (&app);
  /* A Nepali going to Thailand, who answered nothing: "I don't know" to
     every question, the longest result. */
  app.session.nationality = country (&ct, "NP");
  app.session.destination = country (&ct, "TH");
  ok (app.session.nationality >= 0 && app.session.destination >= 0,
      "the content has Nepal and Thailand");

  struct frame *paper = calloc (1, sizeof *paper);
  for (size_t l = 0; paper && l < languages_count (); l++)
    {
      const char *code = languages_get (l)->code;
      struct slip slip;
      i18n_use (code);

      frame_reset (paper);
      screen_contacts_paper (&app, paper);
      int rc = slip_render (paper, i18n_current (), SLIP_DOTS, &slip);
      ok (rc == 0 && slip.width == SLIP_DOTS, "%s: the numbers' slip is drawn %d dots wide", code,
          SLIP_DOTS);
      if (rc != 0)
        continue;
      ok (slip.missing_glyphs == 0, "%s: every character of the numbers' slip has a glyph "
          "(%d without)", code, slip.missing_glyphs);
      int runs = ink_runs (&slip);
      ok (runs >= 12, "%s: the numbers' slip has lines of text and a code (%d runs of ink)",
          code, runs);
      char kept[64];
      snprintf (kept, sizeof kept, "tests/slips/%s-numbers.pbm", code);
      ok (write_pbm (&slip, kept), "%s: the slip is kept as %s", code, kept);
      decode (kept, zbarimg, decoded, sizeof decoded);
      ok (strstr (decoded, "BEGIN:VCARD") && strstr (decoded, "TEL;TYPE=VOICE:1300"),
          "%s: the slip's code decodes to a card with Thailand's 1300", code);
      if (strcmp (code, "en") == 0)
        english = slip;
      else
        {
          if (strcmp (code, "my") == 0 || strcmp (code, "ar") == 0)
            ok (english.bits && (slip.height != english.height
                                 || memcmp (slip.bits, english.bits,
                                            (size_t) slip.height * slip.row_bytes) != 0),
                "%s: the slip is not the English one", code);
          slip_free (&slip);
        }

      frame_reset (paper);
      screen_result_paper (&app, paper);
      rc = slip_render (paper, i18n_current (), SLIP_DOTS, &slip);
      ok (rc == 0 && slip.missing_glyphs == 0 && ink_runs (&slip) >= 40,
          "%s: the result's slip is drawn, every character with a glyph (%d without), "
          "%d runs of ink", code, rc == 0 ? slip.missing_glyphs : -1,
          rc == 0 ? ink_runs (&slip) : 0);
      if (rc == 0)
        {
          snprintf (kept, sizeof kept, "tests/slips/%s-result.pbm", code);
          write_pbm (&slip, kept);
          slip_free (&slip);
        }
    }
  slip_free (&english);
  slip_release_fonts ();
  if (paper)
    frame_free (paper);
  free (paper);
  app_reset (&app);
  content_free (&ct);
  return tap_done ();
}
