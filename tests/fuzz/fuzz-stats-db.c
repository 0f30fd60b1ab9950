/* fuzz-stats-db.c -- libFuzzer harness for the usage figures
   (src/storage/stats.c). The input is the database file, or SQL that makes
   one (fuzz-db.c): a kiosk opens whatever file it finds at its path, one
   damaged by a power cut or one of an older version, and staff then read
   it. So the file is opened (moved aside when damaged, upgraded from
   version 1), read as the staff summary and each export over all days and
   over a range, and a session is added and old days pruned, as the kiosk
   does. Run by test-fuzz.sh. */
#include <config.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include "fuzz-db.h"
#include "stats.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);
int LLVMFuzzerInitialize (int *argc, char ***argv);

static char path[4200];
static FILE *sink;

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  (void) argc;
  (void) argv;
  snprintf (path, sizeof path, "%s/stats.db", fuzz_db_dir ());
  sink = fopen ("/dev/null", "w");
  return 0;
}

static void
read_all (struct stats *stats, const char *from, const char *to)
{
  static const enum stats_format formats[] = { STATS_TEXT, STATS_CSV, STATS_CSV_SIGNS,
                                               STATS_JSON };
  char err[512];
  for (size_t i = 0; i < sizeof formats / sizeof formats[0]; i++)
    stats_write (stats, formats[i], from, to, "kiosk-1", sink, err, sizeof err);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  char err[512];
  struct stats_session session = {
    .day = "2026-11-21", .language = "ne", .destination = "KH", .level = "high",
    .reached = STATS_REACHED_CONTACTS, .contacts_shown = true, .sign_count = 1,
    .signs = { "passport.kept" },
  };

  if (fuzz_db_make (path, data, size) == 0)
    {
      struct stats *stats = stats_open (path, err, sizeof err);
      if (stats)
        {
          stats_moved_aside (stats);
          read_all (stats, NULL, NULL);
          read_all (stats, "2026-01-01", "2026-12-31");
          stats_record (stats, &session, err, sizeof err);
          stats_prune (stats, "2026-11-21", 30, err, sizeof err);
          stats_write (stats, STATS_TEXT, NULL, NULL, NULL, sink, err, sizeof err);
        }
      stats_close (stats);
    }
  fuzz_db_clean ();
  return 0;
}
