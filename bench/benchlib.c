/* benchlib.c -- times the parts of safejob that are not drawing, through
   its own logic library: loading the content database, and making the QR
   codes of the contacts screen and of "safejob qr".

   Usage: benchlib [-n COUNT] CONTENT_DB [NATIONALITY [DESTINATION]]
   (default NP TH: a Nepali going to Thailand)

   Prints one line of NAME=VALUE pairs, times in milliseconds:
     db_first_ms  the first content_db_load in this process: what the kiosk
                  pays at start (SQLite's own set-up included; the file is
                  in the page cache after the first run)
     db_ms        median of COUNT more loads (default 51)
     qr_tel_ms    median time to encode and render as text the "tel:" code
                  the 80x24 contacts screen draws for the highlighted
                  contact, on every redraw
     qr_card_ms   median time to build the vCard of all the contacts and
                  encode it, as "safejob qr" and large screens do
     card_bytes   the vCard's length, and qr_width its code's modules a side
     wrap_first_ms  the first wrap_text in this process, of the attract
                  screen's invitation in English at 30 columns (text written
                  with spaces: no ICU)
     wrap_ms      median time to break that invitation into lines of 30
                  columns
     thai_first_ms  the first wrap_text of a Thai text that needs a break:
                  ICU is loaded (src/icu.c), its line-break iterator opened
                  and its Thai dictionary read
     thai_ms      median time to break that Thai text again
     contacts     how many contacts the person gets
     questions    the checklist's questions */
#include <config.h>

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <wchar.h>
#include "contact_list.h"
#include "contacts.h"
#include "content.h"
#include "content_db.h"
#include "qr.h"
#include "vcard.h"
#include "wrap.h"

enum { MAX_CONTACTS = 64, CARD_BYTES = 280, MAX_COUNT = 10000 };

static double
now (void)
{
  struct timespec ts;
  clock_gettime (CLOCK_MONOTONIC, &ts);
  return (double) ts.tv_sec + (double) ts.tv_nsec / 1e9;
}

static int
compare_double (const void *a, const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

static double
median (double *v, size_t n)
{
  qsort (v, n, sizeof *v, compare_double);
  return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

static int
load (const char *path, struct content *content, double *ms)
{
  char err[1024];
  double t = now ();
  int rc = content_db_load (path, content, err, sizeof err);
  *ms = (now () - t) * 1000;
  if (rc != 0)
    fprintf (stderr, "benchlib: %s: %s\n", path, err);
  return rc;
}

/* Times breaking TEXT into lines of 30 columns: the first time in the
   process into *FIRST, the median of COUNT more into *AGAIN. */
static int
time_wrap (const char *text, double *times, int count, double *first, double *again)
{
  struct wrap_line lines[8];
  wchar_t *wide = wrap_decode (text);
  if (!wide)
    return -1;
  double t0 = now ();
  wrap_text (wide, 30, lines, 8);
  *first = (now () - t0) * 1000;
  for (int i = 0; i < count; i++)
    {
      double t = now ();
      wrap_text (wide, 30, lines, 8);
      times[i] = (now () - t) * 1000;
    }
  *again = median (times, (size_t) count);
  free (wide);
  return 0;
}

/* Encodes PAYLOAD and renders every text row, as the screen does. */
static int
make_and_render (const char *payload)
{
  struct qr_image image;
  if (qr_make (payload, &image) != 0)
    return -1;
  int cols = qr_text_cols (&image);
  wchar_t *line = malloc ((size_t) (cols + 1) * sizeof *line);
  if (line)
    for (int r = 0; r < qr_text_rows (&image); r++)
      qr_render_row (&image, r, line);
  free (line);
  qr_free (&image);
  return line ? 0 : -1;
}

int
main (int argc, char **argv)
{
  int count = 51;
  int arg = 1;
  if (argc > 2 && strcmp (argv[1], "-n") == 0)
    {
      count = atoi (argv[2]);
      arg = 3;
    }
  if (arg >= argc || count < 1 || count > MAX_COUNT)
    {
      fprintf (stderr, "usage: benchlib [-n COUNT] CONTENT_DB [NATIONALITY [DESTINATION]]\n");
      return 2;
    }
  const char *path = argv[arg];
  const char *nationality = arg + 1 < argc ? argv[arg + 1] : "NP";
  const char *destination = arg + 2 < argc ? argv[arg + 2] : "TH";
  static double times[MAX_COUNT];
  struct content content;
  double first;

  setlocale (LC_ALL, "");   /* display widths need a UTF-8 locale */

  /* Line breaking, first: the kiosk's first screen breaks its lines. */
  double wrap_first, wrap_ms, thai_first, thai_ms;
  if (time_wrap ("Going abroad for work? Check the job offer here before you go.",
                 times, count, &wrap_first, &wrap_ms) != 0
      /* "Going abroad for work? Check the job offer here before you go." */
      || time_wrap ("ไปทำงานต่างประเทศหรือ ตรวจสอบข้อเสนองานที่นี่ก่อนไป",
                    times, count, &thai_first, &thai_ms) != 0)
    return 1;

  if (load (path, &content, &first) != 0)
    return 1;
  for (int i = 0; i < count; i++)
    {
      content_free (&content);
      if (load (path, &content, &times[i]) != 0)
        return 1;
    }
  double db_ms = median (times, (size_t) count);

  const struct contact *list[MAX_CONTACTS];
  const char *names[MAX_CONTACTS];
  /* The numbers the card holds: those that can be dialled from there. */
  static struct contact_list found;
  contact_list_build (&content, nationality, destination, &found);
  size_t n = found.card_count < MAX_CONTACTS ? found.card_count : MAX_CONTACTS;
  for (size_t i = 0; i < n; i++)
    list[i] = found.card_list[i];
  if (n == 0)
    {
      fprintf (stderr, "benchlib: no contacts for %s going to %s\n", nationality, destination);
      return 1;
    }
  for (size_t i = 0; i < n; i++)
    names[i] = list[i]->name;

  /* The contacts screen: one small code, for the highlighted contact. */
  char uri[64];
  if (contact_tel_uri (list[0], 0, uri, sizeof uri) < 0)
    return 1;
  for (int i = 0; i < count; i++)
    {
      double t = now ();
      if (make_and_render (uri) != 0)
        return 1;
      times[i] = (now () - t) * 1000;
    }
  double tel_ms = median (times, (size_t) count);

  /* "safejob qr": the card, split as it does when it is too large. */
  static const char card_name[] = "Help abroad (safejob)";
  char card[4096];
  int card_len = 0, width = 0;
  for (int i = 0; i < count; i++)
    {
      double t = now ();
      size_t k = vcard_fit (card_name, list, names, 0, n, CARD_BYTES);
      struct qr_image image;
      card_len = vcard_build (card_name, list, names, k, card, sizeof card);
      if (card_len < 0 || qr_make (card, &image) != 0)
        return 1;
      times[i] = (now () - t) * 1000;
      width = image.width;
      qr_free (&image);
    }
  double card_ms = median (times, (size_t) count);

  printf ("db_first_ms=%.3f db_ms=%.3f qr_tel_ms=%.4f qr_card_ms=%.4f card_bytes=%d "
          "qr_width=%d contacts=%zu questions=%zu wrap_first_ms=%.3f wrap_ms=%.4f "
          "thai_first_ms=%.3f thai_ms=%.4f\n",
          first, db_ms, tel_ms, card_ms, card_len, width, n, content.checklist.count,
          wrap_first, wrap_ms, thai_first, thai_ms);
  content_free (&content);
  return 0;
}
