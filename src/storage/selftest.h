/* selftest.h -- the kiosk's checks of what it needs: run at start-up, where
   a failure shows the out-of-service screen instead of ending the program,
   and again from the staff menu. */
#ifndef SAFEJOB_SELFTEST_H
#define SAFEJOB_SELFTEST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

enum selftest_kind
{
  SELFTEST_SETTINGS,
  SELFTEST_CONTENT,
  SELFTEST_PRINTER,
  SELFTEST_STATS,
  SELFTEST_COUNT
};

struct selftest_check
{
  const char *name;       /* untranslated msgid: "Settings" */
  bool ok;
  bool needed;            /* the kiosk cannot serve people without it */
  char detail[512];       /* what was found, or what is wrong */
};

struct selftest
{
  struct selftest_check checks[SELFTEST_COUNT];
};

struct selftest_paths
{
  const char *settings;   /* the settings file, or NULL when none is used */
  bool settings_required; /* named on the command line: it must exist */
  const char *content_db;
  const char *printer;    /* NULL: no printer */
  const char *stats_db;   /* NULL: no usage figures */
};

/* Runs every check on PATHS into *RESULT. The content database and the
   settings file are read in full, the printer is opened without writing,
   the usage figures are opened (and created if missing). */
void selftest_run (const struct selftest_paths *paths, struct selftest *result);

/* The printer's check alone (opened, never written): start-up runs it,
   as the settings and the content are checked by loading them. */
void selftest_printer (const struct selftest_paths *paths, struct selftest_check *check);

/* Whether every needed check passed. */
bool selftest_passed (const struct selftest *result);

struct settings;
struct diag;

/* The operator's check of the settings (--check-config), past their
   syntax: what would put the kiosk out of service or leave staff locked
   out. The content database must load and be of this program's layout,
   the nationality and destination must be countries of it (in that role),
   the printer must open for writing, and kiosk mode needs a staff PIN.
   Each problem goes through DIAG as "FILE: message", FILE being
   PATHS->settings. Returns the number of problems. */
int selftest_config (const struct settings *settings, const struct selftest_paths *paths,
                     struct diag *diag);

/* Writes RESULT to OUT as one JSON object:
   {"passed":BOOL,"checks":[{"name":"settings","ok":BOOL,"needed":BOOL,
   "detail":"..."},...]}, names in English and lower case. */
void selftest_json (const struct selftest *result, FILE *out);

#endif /* SAFEJOB_SELFTEST_H */
