/* stats.h -- anonymous usage figures: how many sessions, in which language,
   for which destination, with which result, and how far they went.
   Only counts are stored, keyed by day and by values from fixed sets:
   no names, no free text, no time of day. */
#ifndef SAFEJOB_STATS_H
#define SAFEJOB_STATS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include "checklist.h"

enum { STATS_SCHEMA_VERSION = 2, STATS_MAX_SIGNS = 64, STATS_SIGN_MAX = CHECKLIST_ID_MAX };

/* The threshold rule of statistics offices: a count of fewer people than
   this is never shown alone, in an export or on the staff screen, but
   merged with others. Some offices ask for three, others for five (OECD
   glossary of statistical disclosure control, "threshold rule"): a kiosk
   may serve a handful of people a day, so the stricter. */
enum { STATS_MIN_COUNT = 5 };

/* How far a person got, in the order of the flow. */
enum stats_reach
{
  STATS_REACHED_LANGUAGE,   /* picked a language, answered nothing */
  STATS_REACHED_CHECKLIST,  /* answered at least one question */
  STATS_REACHED_RESULT,     /* saw the result */
  STATS_REACHED_CONTACTS,   /* saw the contacts */
};

/* The figures kept of one session. */
struct stats_session
{
  char day[11];                  /* YYYY-MM-DD, local time */
  const char *language;          /* a language code such as "ne" */
  const char *destination;       /* an ISO country code, or "" */
  const char *level;             /* "low", "medium", "high", or "none" */
  enum stats_reach reached;
  bool contacts_shown, qr_shown, printed;
  size_t sign_count;
  char signs[STATS_MAX_SIGNS][STATS_SIGN_MAX + 1];   /* "question.option": "passport.kept" */
};

struct stats;

/* Opens (creating if needed) the stats database at PATH: WAL, synchronous
   FULL, schema under PRAGMA user_version. One of version 1 is upgraded, its
   rows that the stricter checks refuse dropped. Returns NULL with ERR. */
struct stats *stats_open (const char *path, char *err, size_t err_size);
void stats_close (struct stats *stats);

/* Where stats_open moved a damaged database aside before starting a new
   one (SQLite's quick check failed), or NULL when it found it whole. */
const char *stats_moved_aside (const struct stats *stats);

/* Adds SESSION to the counts in one transaction. Returns 0 once it is
   committed, or -1 with ERR (nothing of it is kept then). */
int stats_record (struct stats *stats, const struct stats_session *session,
                  char *err, size_t err_size);

/* Deletes the counts of days more than KEEP_DAYS before TODAY. */
int stats_prune (struct stats *stats, const char *today, int keep_days,
                 char *err, size_t err_size);

enum stats_format { STATS_TEXT, STATS_CSV, STATS_CSV_SIGNS, STATS_JSON };

/* Writes the figures of days FROM to TO (YYYY-MM-DD, inclusive; NULL: no
   bound) to OUT: a summary (TEXT), the session counts or the warning-sign
   counts as CSV, or both as JSON. KIOSK_ID names this kiosk in exports.
   No count under STATS_MIN_COUNT is written alone: in the rows, a day's
   small counts are merged into one row whose other columns are "*"; in
   the summary, small values are merged into one "others" line, with the
   smallest value beside a lone small one so that neither can be told.
   Returns 0, or -1 with ERR. */
int stats_write (struct stats *stats, enum stats_format format, const char *from,
                 const char *to, const char *kiosk_id, FILE *out,
                 char *err, size_t err_size);

/* --- The figures as rows, to send them to a server and back ------------- */

enum { STATS_SESSION_COLUMNS = 9, STATS_SIGN_COLUMNS = 4 };

/* One row of counts, its values as text, the count last: of the sessions
   (day, language, destination, level, reached, contacts, qr, printed,
   sessions) or, when SIGN, of the warning signs (day, destination, sign,
   sessions). */
struct stats_row
{
  bool sign;
  const char *v[STATS_SESSION_COLUMNS];
};

typedef int stats_row_fn (void *context, const struct stats_row *row, char *err,
                          size_t err_size);

/* Calls FN with every row of the days before BEFORE (YYYY-MM-DD; NULL:
   every day), the sessions' first, all read in one transaction. Returns
   how many rows, or -1 with ERR (FN's, when FN failed). */
int stats_rows (struct stats *stats, const char *before, stats_row_fn *fn, void *context,
                char *err, size_t err_size);

/* An empty database in memory for figures added up over kiosks, which
   stats_write reports as it does a kiosk's: the same tables and checks,
   but a count may pass the seconds of a day. NULL with ERR. */
struct stats *stats_open_sum (char *err, size_t err_size);

/* Adds ROW's count to the figures. Returns 0, or -1 with ERR (a value
   the tables' checks refuse). */
int stats_add (struct stats *stats, const struct stats_row *row, char *err, size_t err_size);

/* The stats database used when none is named: $SAFEJOB_STATS_DB, or the
   installed one. */
const char *stats_default_path (void);

#endif /* SAFEJOB_STATS_H */
