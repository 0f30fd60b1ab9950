/* test-power-loss.c -- the usage figures and the office log keep what they
   reported saved through a power cut at any of the I/O calls a write
   makes, and report an I/O error or a full disk at any of them without
   losing what was saved before (issue 19).

   tests/crash-vfs.c, made SQLite's default VFS, knows what the disk would
   hold after a power cut: what each file held at its last sync, and the
   writes since, which a cut drops, lands, tears or scrambles. A dry run
   counts the calls of a few writes through the program's own functions,
   on a new file and on one with months of rows and two sessions already;
   then the power is cut at each of those calls in turn, each way, and the
   files as the disk holds them are opened again with the same functions:
   they must open (not be found damaged), hold every session or screening
   whose write returned success before the cut, and hold the one the cut
   interrupted whole or not at all. Then each call in turn fails (an I/O
   error; for a write, a full disk from then on): the write must say so,
   what was saved before must stay, a power cut then must lose none of
   it, and once the fault is gone the next write must be saved. */
#include <config.h>

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <sqlite3.h>
#include "crash-vfs.h"
#include "offers_log.h"
#include "risk.h"
#include "stats.h"
#include "tap.h"

enum { SESSIONS = 8, MAX_REPORTS = 4 };

/* --- Files ---------------------------------------------------------------- */

static char top[PATH_MAX], live[PATH_MAX + 16], after[PATH_MAX + 16], ref_dir[PATH_MAX + 16],
  base_dir[PATH_MAX + 16];

static void
clear_dir (const char *dir)
{
  DIR *d = opendir (dir);
  struct dirent *e;
  char path[PATH_MAX * 2];
  if (!d)
    return;
  while ((e = readdir (d)))
    if (strcmp (e->d_name, ".") != 0 && strcmp (e->d_name, "..") != 0)
      {
        snprintf (path, sizeof path, "%s/%s", dir, e->d_name);
        unlink (path);
      }
  closedir (d);
}

static void
copy_dir (const char *from, const char *to)
{
  DIR *d = opendir (from);
  struct dirent *e;
  char src[PATH_MAX * 2], dst[PATH_MAX * 2], buf[1 << 14];
  if (!d)
    return;
  while ((e = readdir (d)))
    {
      if (e->d_name[0] == '.')
        continue;
      snprintf (src, sizeof src, "%s/%s", from, e->d_name);
      snprintf (dst, sizeof dst, "%s/%s", to, e->d_name);
      FILE *in = fopen (src, "rb"), *out = fopen (dst, "wb");
      size_t n;
      if (!in || !out)
        {
          perror (in ? dst : src);
          exit (99);
        }
      while ((n = fread (buf, 1, sizeof buf, in)) > 0)
        if (fwrite (buf, 1, n, out) != n)
          exit (99);
      fclose (in);
      if (fclose (out) != 0)
        exit (99);
    }
  closedir (d);
}

/* The name of a file in DIR that the program moved aside as damaged
   ("stats.db.damaged"), or NULL. */
static const char *
moved_aside_in (const char *dir)
{
  static char name[256];
  DIR *d = opendir (dir);
  struct dirent *e;
  bool found = false;
  while (d && !found && (e = readdir (d)))
    if (strstr (e->d_name, ".damaged"))
      {
        snprintf (name, sizeof name, "%s", e->d_name);
        found = true;
      }
  if (d)
    closedir (d);
  return found ? name : NULL;
}

/* --- What is written ------------------------------------------------------ */

/* What the program is given to write: session I of each database. */
struct subject
{
  const char *name;         /* "stats" */
  const char *file;         /* its file: "stats.db" */
  const char *open_name;    /* the functions that open and write: "stats_open" */
  const char *write_name;
  void *(*open) (const char *path, char *err, size_t size);
  int (*write) (void *handle, int session, char *err, size_t size);
  void (*close) (void *handle);
  /* The whole of the database at PATH, opened as the program opens it:
     a malloc'd export, or NULL with ERR. */
  char *(*dump) (const char *path, char *err, size_t size);
  /* Writes a history on HANDLE: months of rows before the sessions, so
     that the file has pages of pages (a table's root and its leaves), as
     a kiosk's has after a while. */
  int (*history) (void *handle, char *err, size_t size);
  /* The sweep under way starts from the history (it does when it starts
     from sessions written before). */
  bool with_history;
  char *refs[2][1 << SESSIONS];  /* what it holds after the sessions of a set */
};

static const struct stats_session stats_sessions[SESSIONS] = {
  { "2026-11-20", "ne", "MY", "high", STATS_REACHED_CONTACTS, true, true, false, 2,
    { "passport.kept", "fee.high" } },
  { "2026-11-20", "th", "", "low", STATS_REACHED_RESULT, false, false, false, 0, { "" } },
  { "2026-11-21", "ne", "MY", "high", STATS_REACHED_CONTACTS, true, true, false, 3,
    { "passport.kept", "fee.high", "route.overland" } },
  { "2026-11-21", "zh_CN", "KH", "medium", STATS_REACHED_CONTACTS, true, false, true, 1,
    { "contract.none" } },
  { "2026-11-21", "ne", "MY", "high", STATS_REACHED_CONTACTS, true, true, false, 2,
    { "passport.kept", "fee.high" } },
  { "2026-11-22", "hi", "AE", "none", STATS_REACHED_LANGUAGE, false, false, false, 0, { "" } },
  { "2026-11-22", "my", "TH", "high", STATS_REACHED_CONTACTS, true, true, true, 4,
    { "passport.kept", "fee.high", "route.overland", "contract.none" } },
  { "2026-11-23", "ne", "", "low", STATS_REACHED_CHECKLIST, false, false, false, 1,
    { "route.overland" } },
};

static void *
stats_subject_open (const char *path, char *err, size_t size)
{
  struct stats *stats = stats_open (path, err, size);
  if (stats && stats_moved_aside (stats))
    {
      snprintf (err, size, "found damaged and moved aside to %s", stats_moved_aside (stats));
      stats_close (stats);
      return NULL;
    }
  return stats;
}

static int
stats_subject_write (void *handle, int session, char *err, size_t size)
{
  return stats_record (handle, &stats_sessions[session], err, size);
}

enum { HISTORY_ROWS = 300 };

static int
stats_history (void *handle, char *err, size_t size)
{
  static const char *const languages[] = { "ne", "th", "zh_CN", "hi", "my", "bn" };
  for (int i = 0; i < HISTORY_ROWS; i++)
    {
      struct stats_session old = {
        "", languages[i % 6], i % 3 ? "MY" : "", "medium", STATS_REACHED_RESULT, false, false,
        i % 2, 2, { "passport.kept", "route.overland" },
      };
      snprintf (old.day, sizeof old.day, "2025-%02d-%02d", 1 + i / 28 % 12, 1 + i % 28);
      if (stats_record (handle, &old, err, size) != 0)
        return -1;
    }
  return 0;
}

static void
stats_subject_close (void *handle)
{
  stats_close (handle);
}

/* Every row of the tables, after stats_open opened the database as the
   program does (recovering the WAL, checking for damage). The rows, not
   an export: exports fold small counts together. */
static char *
stats_dump (const char *path, char *err, size_t size)
{
  static const char *const tables[] = {
    "SELECT * FROM sessions ORDER BY day, language, destination, level, reached, contacts, qr,"
    " printed",
    "SELECT * FROM signs ORDER BY day, destination, sign",
  };
  struct stats *stats = stats_subject_open (path, err, size);
  sqlite3 *db = NULL;
  char *text = NULL;
  size_t len = 0;
  int rc = SQLITE_OK;
  if (!stats)
    return NULL;
  stats_close (stats);
  FILE *out = open_memstream (&text, &len);
  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
    rc = SQLITE_CANTOPEN;
  for (size_t t = 0; t < sizeof tables / sizeof *tables && rc == SQLITE_OK; t++)
    {
      sqlite3_stmt *stmt;
      rc = sqlite3_prepare_v2 (db, tables[t], -1, &stmt, NULL);
      while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          for (int c = 0; c < sqlite3_column_count (stmt); c++)
            fprintf (out, "%s%s", c ? "," : "", (const char *) sqlite3_column_text (stmt, c));
          fputc ('\n', out);
          rc = SQLITE_OK;
        }
      if (rc == SQLITE_DONE)
        rc = SQLITE_OK;
      sqlite3_finalize (stmt);
      fputs ("--\n", out);
    }
  if (rc != SQLITE_OK)
    snprintf (err, size, "%s", sqlite3_errmsg (db));
  sqlite3_close (db);
  fclose (out);
  if (rc != SQLITE_OK)
    {
      free (text);
      return NULL;
    }
  return text;
}

static const struct checklist_question questions[] = {
  { .id = "passport", .option_count = 1, .options = { { .id = "kept", .weight = 5 } } },
  { .id = "fee", .option_count = 1, .options = { { .id = "high", .weight = 3 } } },
};

static const char *const offer_fields[SESSIONS][OFFER_FIELD_COUNT] = {
  { "Golden Jobs Ltd.", "RA-1234", "Sunrise Gloves Sdn Bhd", "Factory worker", "MY", "2026-11-01" },
  { "Everest Manpower", "", "", "Cook", "AE", "" },
  { "Golden Job", "RA-1234", "", "Security guard", "QA", "2026-11-10" },
  { "Himal Overseas Pvt", "RA-77", "Al Noor Trading", "Driver", "SA", "2026-10-30" },
  { "", "", "Kim's Farm", "Farm hand", "KR", "" },
  { "Bright Future Agency", "BFA-9", "Tokyo Care Home", "Caregiver", "JP", "2026-12-01" },
  { "Golden Jobs", "", "", "Cleaner", "MY", "" },
  { "Lotus Recruiters", "LR-3", "Bangkok Fisheries", "Fish processing", "TH", "2026-11-15" },
};

/* The office log keeps a screening OFFICE_KEEP_DAYS_DEFAULT days. The
   desk is opened on OPEN_DAY; screening 0 is a year old on the days of
   screenings 2 and later, whose first add forgets it (a DELETE, then a
   truncating checkpoint), as a desk does that runs past midnight. */
static const char open_day[] = "2026-11-20", forget_before[] = "2025-11-30";
static const char *const office_days[SESSIONS] = {
  "2025-11-25", "2026-11-20", "2026-11-30", "2026-11-30", "2026-11-30", "2026-11-30",
  "2026-11-30", "2026-11-30",
};

static void *
office_subject_open (const char *path, char *err, size_t size)
{
  return offers_log_open (path, NULL, true, OFFICE_KEEP_DAYS_DEFAULT, open_day, err, size);
}

static int
office_subject_write (void *handle, int session, char *err, size_t size)
{
  struct offer offer;
  struct risk_result result;
  for (int f = 0; f < OFFER_FIELD_COUNT; f++)
    snprintf (offer.field[f], sizeof offer.field[f], "%s", offer_fields[session][f]);
  memset (&result, 0, sizeof result);
  result.level = (enum risk_level) (session % 3);
  result.score = session * 4;
  result.sign_count = (size_t) (session % 3);
  for (size_t i = 0; i < result.sign_count; i++)
    {
      result.signs[i].question = &questions[i];
      result.signs[i].answer = &questions[i].options[0];
    }
  return offers_log_add (handle, office_days[session], &offer, &result, "test-1", err, size);
}

static int
office_history (void *handle, char *err, size_t size)
{
  struct offer offer;
  struct risk_result result;
  char day[11];
  memset (&offer, 0, sizeof offer);
  memset (&result, 0, sizeof result);
  for (int i = 0; i < HISTORY_ROWS; i++)
    {
      snprintf (offer.field[OFFER_AGENCY], sizeof offer.field[OFFER_AGENCY],
                "Agency number %d of the history", i);
      snprintf (offer.field[OFFER_EMPLOYER], sizeof offer.field[OFFER_EMPLOYER],
                "Employer %d", i % 40);
      snprintf (offer.field[OFFER_TITLE], sizeof offer.field[OFFER_TITLE], "Worker");
      snprintf (offer.field[OFFER_COUNTRY], sizeof offer.field[OFFER_COUNTRY], "MY");
      snprintf (day, sizeof day, "2026-%02d-%02d", 1 + i / 28 % 11, 1 + i % 28);
      result.level = (enum risk_level) (i % 3);
      if (offers_log_add (handle, day, &offer, &result, "test-1", err, size) != 0)
        return -1;
    }
  return 0;
}

static void
office_subject_close (void *handle)
{
  offers_log_close (handle);
}

/* The screenings in the log but those a later one may have forgotten
   (screening 0: whether it is still there depends on how far the desk
   got, and it is meant to go). */
static char *
office_dump (const char *path, char *err, size_t size)
{
  struct offers_log *log = offers_log_open (path, NULL, true, OFFICE_KEEP_DAYS_DEFAULT, open_day, err,
                                            size);
  char *text = NULL, *kept;
  size_t len = 0;
  FILE *out;
  if (!log)
    return NULL;
  out = open_memstream (&text, &len);
  int n = offers_log_export (log, OFFERS_CSV, out, err, size);
  fclose (out);
  offers_log_close (log);
  if (n < 0)
    {
      free (text);
      return NULL;
    }
  kept = text;
  for (char *line = text, *end; *line; line = end)
    {
      end = strchr (line, '\n');
      end = end ? end + 1 : line + strlen (line);
      if (!(line[0] >= '0' && line[0] <= '9' && strncmp (line, forget_before, 10) < 0))
        {
          memmove (kept, line, (size_t) (end - line));
          kept += end - line;
        }
    }
  *kept = '\0';
  return text;
}

static struct subject stats_subject = {
  "stats", "stats.db", "stats_open", "stats_record", stats_subject_open, stats_subject_write,
  stats_subject_close, stats_dump, stats_history, false, { { NULL } },
};
static struct subject office_subject = {
  "office log", "offers.db", "offers_log_open", "offers_log_add", office_subject_open, office_subject_write,
  office_subject_close, office_dump, office_history, false, { { NULL } },
};

/* --- Playing sessions ------------------------------------------------------ */

enum state { NOT_RUN, SAVED, INTERRUPTED, FAILED };

struct outcome
{
  enum state state[SESSIONS];
  bool open_failed;
  char err[256];            /* the first error reported */
};

static void
note_error (struct outcome *o, const char *err)
{
  if (!o->err[0])
    snprintf (o->err, sizeof o->err, "%s", err[0] ? err : "(no message)");
}

/* Writes sessions FIRST... in RUNS runs of PER_RUN, each run opening the
   database at PATH, writing and closing it, as the program does; stops at
   a power cut or an error. */
static void
play (struct subject *s, const char *path, int first, int runs, int per_run, struct outcome *o)
{
  int i = first;
  for (int r = 0; r < runs; r++)
    {
      char err[256] = "";
      bool stop = false;
      void *h = s->open (path, err, sizeof err);
      if (!h)
        {
          o->open_failed = true;
          if (!crash_vfs_crashed ())
            note_error (o, err);
          return;
        }
      for (int k = 0; k < per_run && !stop; k++, i++)
        {
          int rc = s->write (h, i, err, sizeof err);
          if (crash_vfs_crashed ())
            o->state[i] = INTERRUPTED, stop = true;
          else if (rc != 0)
            {
              o->state[i] = FAILED, stop = true;
              note_error (o, err);
            }
          else
            o->state[i] = SAVED;
        }
      s->close (h);
      if (stop || crash_vfs_crashed ())
        return;
    }
}

static unsigned
mask_of (const struct outcome *o, enum state state)
{
  unsigned mask = 0;
  for (int i = 0; i < SESSIONS; i++)
    if (o->state[i] == state)
      mask |= 1u << i;
  return mask;
}

static void
describe_mask (unsigned mask, char *buf, size_t size)
{
  size_t n = (size_t) snprintf (buf, size, "%s", mask & (mask - 1) ? "sessions " : "session ");
  for (int i = 0; i < SESSIONS && n + 4 < size; i++)
    if (mask & (1u << i))
      n += (size_t) snprintf (buf + n, size - n, "%s%d", buf[n - 1] == ' ' ? "" : ",", i);
  if (!mask)
    snprintf (buf, size, "no session");
}

/* What the database holds once the sessions of MASK are written, in order,
   into a new one with no fault. */
static void start_dir (struct subject *s, const char *dir);

static const char *
ref (struct subject *s, unsigned mask)
{
  char **text = &s->refs[s->with_history][mask];
  if (!*text)
    {
      char path[PATH_MAX * 2], err[256];
      struct outcome o = { { NOT_RUN }, false, "" };
      start_dir (s, ref_dir);
      snprintf (path, sizeof path, "%s/%s", ref_dir, s->file);
      for (int i = 0; i < SESSIONS; i++)
        if (mask & (1u << i))
          play (s, path, i, 1, 1, &o);
      *text = s->dump (path, err, sizeof err);
      if (!*text || mask_of (&o, SAVED) != mask)
        {
          printf ("Bail out! %s: cannot write the reference: %s\n", s->name, o.err[0] ? o.err : err);
          exit (99);
        }
    }
  return *text;
}

/* Opens the database in DIR as the program does after a restart: it must
   open whole and hold the sessions of SAVED, and those of MAYBE all or
   none; then it must take session NEXT. Says what is wrong in WHY. */
static bool
check_database (struct subject *s, const char *dir, unsigned saved, unsigned maybe, int next,
                char *why, size_t size)
{
  char path[PATH_MAX * 2], err[256], a[64], b[64];
  snprintf (path, sizeof path, "%s/%s", dir, s->file);
  char *got = s->dump (path, err, sizeof err);
  unsigned held;
  if (!got)
    {
      snprintf (why, size, "it does not open: %s", err);
      return false;
    }
  if (strcmp (got, ref (s, saved)) == 0)
    held = saved;
  else if (maybe && strcmp (got, ref (s, saved | maybe)) == 0)
    held = saved | maybe;
  else
    {
      /* What it holds instead: some of the sessions whole, or a part of
         one. */
      unsigned all = saved | maybe, some = all;
      do
        {
          some = (some - 1) & all;
          if (strcmp (got, ref (s, some)) == 0)
            break;
        }
      while (some);
      describe_mask (saved, a, sizeof a);
      describe_mask (some, b, sizeof b);
      if (strcmp (got, ref (s, some)) == 0)
        snprintf (why, size, "it holds %s, not %s", b, a);
      else
        snprintf (why, size, "it holds a session in part (saved: %s)", a);
      if (maybe)
        {
          size_t n = strlen (why);
          describe_mask (maybe, b, sizeof b);
          snprintf (why + n, size - n, "; %s may be there whole", b);
        }
      free (got);
      return false;
    }
  free (got);
  if (next < 0)
    return true;
  struct outcome o = { { NOT_RUN }, false, "" };
  play (s, path, next, 1, 1, &o);
  got = s->dump (path, err, sizeof err);
  bool same = got && strcmp (got, ref (s, held | 1u << next)) == 0;
  if (!same)
    snprintf (why, size, "session %d after it was %s", next,
              o.state[next] == SAVED ? "not kept" : o.err[0] ? o.err : "not saved");
  free (got);
  return same;
}

/* Empties DIR, and puts the history in it when the sweep starts from it. */
static void
start_dir (struct subject *s, const char *dir)
{
  char history[PATH_MAX * 2], path[PATH_MAX * 3], err[256];
  clear_dir (dir);
  if (!s->with_history)
    return;
  snprintf (history, sizeof history, "%s/history-%s", top, s->file);
  if (mkdir (history, 0700) == 0)
    {
      /* The first time: written once, copied after. */
      snprintf (path, sizeof path, "%s/%s", history, s->file);
      void *h = s->open (path, err, sizeof err);
      if (!h || s->history (h, err, sizeof err) != 0)
        {
          printf ("Bail out! %s: cannot write the history: %s\n", s->name, err);
          exit (99);
        }
      s->close (h);
    }
  copy_dir (history, dir);
}

/* Makes the database the sweeps start from: sessions 0 to COUNT - 1. */
static void
make_base (struct subject *s, int count)
{
  char path[PATH_MAX * 2];
  struct outcome o = { { NOT_RUN }, false, "" };
  start_dir (s, base_dir);
  snprintf (path, sizeof path, "%s/%s", base_dir, s->file);
  crash_vfs_reset ();
  play (s, path, 0, count, 1, &o);
  if (mask_of (&o, SAVED) != (1u << count) - 1)
    {
      printf ("Bail out! %s: cannot write the base: %s\n", s->name, o.err);
      exit (99);
    }
}

/* The live directory as the run starts: the base, or nothing. */
static void
prepare (bool from_base)
{
  crash_vfs_reset ();
  clear_dir (live);
  clear_dir (after);
  if (from_base)
    copy_dir (base_dir, live);
}

/* Prints the kinds of the I/O calls counted, and the disk calls in order. */
static void
print_calls (const char *what)
{
  long count[CALL_KINDS] = { 0 };
  char line[160], call[128];
  size_t n = 0;
  for (long i = 1; i <= crash_vfs_io_calls (); i++)
    count[crash_vfs_call_kind (i)]++;
  for (int k = 0; k < CALL_KINDS; k++)
    n += (size_t) snprintf (line + n, sizeof line - n, "%s%ld %s", k ? ", " : "", count[k],
                            crash_call_names[k]);
  printf ("# %s: %ld I/O calls: %s\n", what, crash_vfs_io_calls (), line);
  /* POWER_LOSS_VERBOSE=1: every I/O call, not only those of the disk. */
  bool all = getenv ("POWER_LOSS_VERBOSE") && *getenv ("POWER_LOSS_VERBOSE") == '1';
  for (long i = 1, d = 0; i <= crash_vfs_io_calls (); i++)
    {
      enum crash_call k = crash_vfs_call_kind (i);
      if (k == CALL_WRITE || k == CALL_TRUNCATE || k == CALL_SYNC || k == CALL_DELETE)
        printf ("#   call %ld, disk call %ld: %s\n", i, ++d, crash_vfs_call (i, call, sizeof call));
      else if (all)
        printf ("#   call %ld: %s\n", i, crash_vfs_call (i, call, sizeof call));
    }
}

/* --- Power cuts ------------------------------------------------------------ */

/* The journal mode of the database at PATH, as the program left it: "wal"
   is kept in the file; a rollback journal's mode is the connection's, and
   reads as "delete". */
static const char *
journal_mode (const char *path)
{
  static char mode[32];
  sqlite3 *db;
  sqlite3_stmt *stmt;
  snprintf (mode, sizeof mode, "unknown");
  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK
      && sqlite3_prepare_v2 (db, "PRAGMA journal_mode", -1, &stmt, NULL) == SQLITE_OK)
    {
      if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_text (stmt, 0))
        snprintf (mode, sizeof mode, "%s", (const char *) sqlite3_column_text (stmt, 0));
      sqlite3_finalize (stmt);
    }
  sqlite3_close (db);
  return mode;
}

/* Cuts the power at each disk call that RUNS runs of PER_RUN writes make
   on the base of BASE sessions (none: a new database), and after the
   last, each way; checks the database after each. */
static void
power_cuts (struct subject *s, const char *label, int base, int runs, int per_run)
{
  char path[PATH_MAX * 2], why[512], what[160];
  int first = base, count = runs * per_run, cuts = 0, failures = 0;
  struct outcome o = { { NOT_RUN }, false, "" };

  snprintf (path, sizeof path, "%s/%s", live, s->file);
  s->with_history = base > 0;
  if (base)
    make_base (s, base);
  prepare (base > 0);
  crash_vfs_plan (NULL);
  play (s, path, first, runs, per_run, &o);
  long disk = crash_vfs_disk_calls ();
  snprintf (what, sizeof what, "%s, %s: %d run%s of open, %d %s, close", s->name, label, runs,
            runs > 1 ? "s" : "", per_run, s->write_name);
  print_calls (what);
  printf ("# %s: journal mode %s\n", what, journal_mode (path));
  if (mask_of (&o, SAVED) != ((1u << count) - 1) << first)
    {
      ok (false, "%s: the dry run saves every session (%s)", what, o.err);
      return;
    }

  for (long n = 1; n <= disk + 1; n++)
    for (int tear = 0; tear < CRASH_TEARS; tear++)
      {
        struct crash_plan plan = {
          .crash_at = n <= disk ? n : 0, .tear = (enum crash_tear) tear,
          .seed = (unsigned) (n * CRASH_TEARS + tear + 1), .disk = live, .images = after,
        };
        memset (&o, 0, sizeof o);
        prepare (base > 0);
        crash_vfs_plan (&plan);
        play (s, path, first, runs, per_run, &o);
        bool crashed = crash_vfs_crashed ();
        char call[128];
        crash_vfs_call (crash_vfs_io_calls (), call, sizeof call);
        if (!crashed)
          crash_vfs_power_cut (live, after, plan.tear, plan.seed);
        crash_vfs_reset ();
        cuts++;
        why[0] = '\0';
        if (n <= disk && !crashed)
          snprintf (why, sizeof why, "the run made fewer calls than the dry run");
        else if (!crashed && o.err[0])
          snprintf (why, sizeof why, "a write failed with no fault: %s", o.err);
        else if (crashed && o.err[0])
          snprintf (why, sizeof why, "a write failed before the cut: %s", o.err);
        else
          check_database (s, after, mask_of (&o, SAVED) | ((1u << first) - 1),
                          mask_of (&o, INTERRUPTED), first + count < SESSIONS ? first + count : -1,
                          why, sizeof why);
        if (why[0] && failures++ < MAX_REPORTS)
          printf ("# %s: power cut at disk call %ld (%s), %s: %s\n", what, n,
                  n <= disk ? call : "after the last", crash_tear_names[tear], why);
      }
  ok (failures == 0, "%s, %s: %d power cuts (%ld disk calls and after the last, %d ways each)"
      " over %d %s, nothing saved lost, none half (%d failed)", s->name, label, cuts, disk,
      CRASH_TEARS, count, count > 1 ? "sessions' writes" : "session's write", failures);
}

/* --- I/O errors ------------------------------------------------------------ */

/* The messages the writes gave, and how often. */
static struct
{
  char text[512];
  int count;
} messages[16];

static void
count_message (const char *name, const char *err)
{
  char text[512];
  size_t n = (size_t) snprintf (text, sizeof text, "%s: ", name);
  /* The directory changes from run to run; its name is no news. */
  for (const char *at = err, *dir; *at && n + 1 < sizeof text; at = dir + strlen (live) + 1)
    {
      dir = strstr (at, live);
      if (!dir || dir[strlen (live)] != '/')
        {
          snprintf (text + n, sizeof text - n, "%s", at);
          break;
        }
      n += (size_t) snprintf (text + n, sizeof text - n, "%.*s", (int) (dir - at), at);
    }
  for (size_t i = 0; i < sizeof messages / sizeof messages[0]; i++)
    if (!messages[i].count || strcmp (messages[i].text, text) == 0)
      {
        snprintf (messages[i].text, sizeof messages[i].text, "%s", text);
        messages[i].count++;
        return;
      }
}

/* Whether ERR says what went wrong in words a person can act on. */
static bool
clear_message (const char *err)
{
  return strstr (err, "disk I/O error") || strstr (err, "database or disk is full")
         || strstr (err, "unable to open");
}

/* Fails each I/O call in turn that writing one session makes (open, write
   and close; KEPT_OPEN: the write alone, on a database opened before, as
   the kiosk keeps the office log), with an I/O error or, for a write, a
   full disk from then on. The write must fail and say why, a power cut
   right then must lose nothing saved, and once the fault is gone the next
   session must be saved, on the same handle when KEPT_OPEN. */
static void
faults (struct subject *s, int base, bool kept_open)
{
  char path[PATH_MAX * 2], why[512], what[160], call[128], err[256], err_b[256];
  char quiet[1024] = "";
  int a = base, b = base + 1, tried = 0, failures = 0, reported = 0, swallowed = 0;
  unsigned saved = (1u << base) - 1;
  struct outcome o = { { NOT_RUN }, false, "" };
  void *h = NULL;

  snprintf (path, sizeof path, "%s/%s", live, s->file);
  snprintf (what, sizeof what, "%s, %s", s->name,
            kept_open ? "one write on an open log" : "one session (open, write, close)");
  s->with_history = true;
  make_base (s, base);
  prepare (true);
  if (kept_open)
    h = s->open (path, err, sizeof err);
  crash_vfs_plan (NULL);
  if (kept_open)
    o.state[a] = h && s->write (h, a, err, sizeof err) == 0 ? SAVED : FAILED;
  else
    play (s, path, a, 1, 1, &o);
  long calls = crash_vfs_io_calls ();
  enum crash_call *kinds = calloc ((size_t) calls + 1, sizeof *kinds);
  for (long n = 1; kinds && n <= calls; n++)
    kinds[n] = crash_vfs_call_kind (n);
  print_calls (what);
  s->close (h);
  if (o.state[a] != SAVED || !kinds)
    {
      ok (false, "%s: the dry run saves it (%s)", what, o.err);
      free (kinds);
      return;
    }

  for (long n = 1; n <= calls; n++)
    for (int full = 0; full < 2; full++)
      {
        struct crash_plan plan = { .fault_at = n, .fault_rc = SQLITE_IOERR };
        bool opened, said;
        int rc_a = -1, rc_b = -1;
        if (full)
          {
            /* The disk is full from this write on. */
            if (kinds[n] != CALL_WRITE)
              continue;
            plan.fault_rc = SQLITE_FULL;
            plan.sticky = true;
          }
        prepare (true);
        err[0] = '\0';
        h = kept_open ? s->open (path, err, sizeof err) : NULL;
        crash_vfs_plan (&plan);
        if (!kept_open)
          h = s->open (path, err, sizeof err);
        opened = h != NULL;
        if (h)
          rc_a = s->write (h, a, err, sizeof err);
        said = !opened || rc_a != 0;
        /* The power goes right after: what was saved is on the disk. */
        crash_vfs_power_cut (live, after, CRASH_LOST, 0);
        crash_vfs_call (n, call, sizeof call);
        if (!kept_open)
          s->close (h);
        bool fired = crash_vfs_faulted ();
        crash_vfs_plan (NULL);          /* the fault is gone */
        err_b[0] = '\0';
        if (!kept_open)
          h = s->open (path, err_b, sizeof err_b);
        if (h)
          rc_b = s->write (h, b, err_b, sizeof err_b);
        s->close (h);
        crash_vfs_reset ();
        tried++;
        why[0] = '\0';
        if (said)
          {
            reported++;
            count_message (opened ? s->write_name : s->open_name, err);
          }
        else
          {
            swallowed++;
            size_t len = strlen (quiet);
            snprintf (quiet + len, sizeof quiet - len, "%s%ld%s", len ? " " : "", n, full ? "F" : "");
          }
        if (!fired)
          snprintf (why, sizeof why, "the run made fewer calls than the dry run");
        else if (moved_aside_in (live))
          snprintf (why, sizeof why, "the file was moved aside as damaged, to %s; its %s are"
                    " not in the new one", moved_aside_in (live), s == &stats_subject
                    ? "figures" : "screenings");
        else if (!check_database (s, after, said ? saved : saved | 1u << a, said ? 1u << a : 0, -1,
                                  why, sizeof why))
          {
            size_t n_ = strlen (why);
            snprintf (why + n_, sizeof why - n_, ", after a power cut right after the fault");
          }
        else if (rc_b != 0)
          snprintf (why, sizeof why, "with the fault gone, session %d was not saved: %s", b,
                    err_b);
        else if (!check_database (s, live, saved | (said ? 0 : 1u << a) | 1u << b, 0, -1, why,
                                  sizeof why))
          ;
        else if (said && !clear_message (err))
          snprintf (why, sizeof why, "the message does not say what failed: \"%s\"", err);
        if (why[0] && failures++ < MAX_REPORTS)
          printf ("# %s: %s at call %ld (%s): %s\n", what, full ? "full disk" : "I/O error", n,
                  call, why);
      }
  if (quiet[0])
    printf ("# %s: no error reported by a fault at call %s (F: a full disk); the session was"
            " saved all the same\n", what, quiet);
  ok (failures == 0, "%s: %d faults (%ld I/O calls, an I/O error at each, a full disk from"
      " each write) reported %d times, success %d times with the session saved; nothing saved"
      " lost, the next session saved (%d failed)", what, tried, calls, reported, swallowed, failures);
  free (kinds);
}

int
main (void)
{
  const char *tmp = getenv ("TMPDIR");
  char templ[PATH_MAX];

  snprintf (templ, sizeof templ, "%s/safejob-power-XXXXXX", tmp && *tmp ? tmp : "/tmp");
  /* The VFS sees full paths, symbolic links resolved: so must the test. */
  if (!mkdtemp (templ) || !realpath (templ, top))
    {
      perror (templ);
      return 99;
    }
  snprintf (live, sizeof live, "%s/live", top);
  snprintf (after, sizeof after, "%s/after", top);
  snprintf (ref_dir, sizeof ref_dir, "%s/ref", top);
  snprintf (base_dir, sizeof base_dir, "%s/base", top);
  if (mkdir (live, 0700) != 0 || mkdir (after, 0700) != 0 || mkdir (ref_dir, 0700) != 0
      || mkdir (base_dir, 0700) != 0)
    {
      perror (top);
      return 99;
    }
  if (crash_vfs_register () != SQLITE_OK)
    {
      printf ("Bail out! cannot register the crash VFS\n");
      return 99;
    }

  power_cuts (&stats_subject, "a new file", 0, 1, 1);
  power_cuts (&stats_subject, "on 2 sessions", 2, 2, 1);
  faults (&stats_subject, 2, false);
  power_cuts (&office_subject, "a new log", 0, 1, 1);
  power_cuts (&office_subject, "on 2 screenings", 2, 2, 2);
  faults (&office_subject, 2, false);
  faults (&office_subject, 2, true);
  for (size_t i = 0; i < sizeof messages / sizeof messages[0] && messages[i].count; i++)
    printf ("# said %d times: %s\n", messages[i].count, messages[i].text);

  crash_vfs_reset ();
  for (size_t i = 0; i < 1u << SESSIONS; i++)
    for (int h = 0; h < 2; h++)
      {
        free (stats_subject.refs[h][i]);
        free (office_subject.refs[h][i]);
      }
  clear_dir (live);
  clear_dir (after);
  clear_dir (ref_dir);
  clear_dir (base_dir);
  for (size_t i = 0; i < 2; i++)
    {
      char history[PATH_MAX * 2];
      snprintf (history, sizeof history, "%s/history-%s", top,
                i ? office_subject.file : stats_subject.file);
      clear_dir (history);
      rmdir (history);
    }
  rmdir (live);
  rmdir (after);
  rmdir (ref_dir);
  rmdir (base_dir);
  rmdir (top);
  return tap_done ();
}
