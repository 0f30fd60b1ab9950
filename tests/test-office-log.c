/* test-office-log.c -- the office log keeps a screening as long as the
   settings say and no longer: an old one is deleted when the log is opened
   and as a desk goes on saving, and its names are gone from the files on
   disk, not only from the listing (issue 19). */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "offers_log.h"
#include "tap.h"

static char dir[] = "/tmp/safejob-office-log.XXXXXX";
static char path[64];

/* Whether NAME is anywhere in the database file or its write-ahead log. */
static bool
on_disk (const char *name)
{
  static const char *const suffixes[] = { "", "-wal", "-journal" };
  for (size_t i = 0; i < sizeof suffixes / sizeof *suffixes; i++)
    {
      char file[96];
      snprintf (file, sizeof file, "%s%s", path, suffixes[i]);
      FILE *f = fopen (file, "rb");
      if (!f)
        continue;
      static char bytes[1 << 20];
      size_t n = fread (bytes, 1, sizeof bytes, f);
      fclose (f);
      for (size_t at = 0; n >= strlen (name) && at <= n - strlen (name); at++)
        if (memcmp (bytes + at, name, strlen (name)) == 0)
          return true;
    }
  return false;
}

static bool
add (struct offers_log *log, const char *day, const char *agency)
{
  struct offer offer;
  struct risk_result result;
  char err[256];
  memset (&offer, 0, sizeof offer);
  memset (&result, 0, sizeof result);
  snprintf (offer.field[OFFER_AGENCY], sizeof offer.field[OFFER_AGENCY], "%s", agency);
  result.level = RISK_HIGH;
  if (offers_log_add (log, day, &offer, &result, "test", err, sizeof err) == 0)
    return true;
  printf ("# %s\n", err);
  return false;
}

/* The agencies the log lists, in one line. */
static const char *
listed (struct offers_log *log)
{
  static char text[4096];
  char err[256];
  memset (text, 0, sizeof text);    /* an empty listing writes nothing */
  FILE *out = fmemopen (text, sizeof text, "w");
  if (!out || offers_log_export (log, OFFERS_TEXT, out, err, sizeof err) < 0)
    strcpy (text, err);
  if (out)
    fclose (out);
  return text;
}

int
main (void)
{
  char err[256];

  if (!mkdtemp (dir))
    return 1;
  snprintf (path, sizeof path, "%s/office.db", dir);

  /* A screening on New Year's Day, with 30 days kept. */
  struct offers_log *log = offers_log_open (path, NULL, true, 30, "2026-01-01", err, sizeof err);
  ok (log != NULL, "a new office log opens (%s)", log ? "" : err);
  if (!log)
    return tap_done ();
  ok (add (log, "2026-01-01", "Oldname Recruiting"), "a screening is saved");
  ok (add (log, "2026-01-20", "Newername Jobs"), "another, 19 days later");
  ok (strstr (listed (log), "Oldname") && strstr (listed (log), "Newername"),
      "both are listed while they are within 30 days");
  offers_log_close (log);
  ok (on_disk ("Oldname"), "the name is in the file (so the test below can fail)");

  /* Opened on 7 December: both are older than 30 days. */
  log = offers_log_open (path, NULL, false, 30, "2026-12-07", err, sizeof err);
  ok (log != NULL, "the log opens again in December (%s)", log ? "" : err);
  if (!log)
    return tap_done ();
  ok (!strstr (listed (log), "Oldname") && !strstr (listed (log), "Newername"),
      "screenings older than the days kept are not listed");
  offers_log_close (log);
  ok (!on_disk ("Oldname") && !on_disk ("Newername"),
      "their names are gone from the database file and its write-ahead log");

  /* A desk that stays open forgets as it saves. */
  log = offers_log_open (path, NULL, false, 30, "2026-12-07", err, sizeof err);
  ok (log && add (log, "2026-12-07", "Decembername Agency"), "a screening in December is saved");
  ok (log && add (log, "2027-01-10", "Januaryname Agency"), "and one 34 days later");
  ok (log && !strstr (listed (log), "Decembername") && strstr (listed (log), "Januaryname"),
      "saving the later one forgot the one past 30 days");
  /* Checked with the log still open, as a desk keeps it: the write-ahead
     log then still holds what was written to it. */
  ok (!on_disk ("Decembername"), "and its name is gone from the files while the log is open");
  offers_log_close (log);

  /* The days kept are counted back from the day given: a screening
     exactly 3650 days old is kept, one a day older is not. */
  log = offers_log_open (path, NULL, false, 3650, "2037-01-07", err, sizeof err);
  ok (log && strstr (listed (log), "Januaryname"), "a screening 3650 days old is kept");
  ok (log && offers_log_forget (log, "2037-01-08", 3650, err, sizeof err) == 1,
      "a day later it is deleted, and one deletion is reported");
  offers_log_close (log);

  char file[96];
  for (const char *suffix = ""; suffix; suffix = *suffix ? NULL : "-wal")
    {
      snprintf (file, sizeof file, "%s%s", path, suffix);
      unlink (file);
    }
  snprintf (file, sizeof file, "%s-shm", path);
  unlink (file);
  rmdir (dir);
  return tap_done ();
}
