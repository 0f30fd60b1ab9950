/* settings.h -- the kiosk's settings file (/etc/safejob/kiosk.conf): what
   the operator chooses once for a machine. Command-line options override
   it, so a setting that is unset here leaves the program's default. */
#ifndef SAFEJOB_SETTINGS_H
#define SAFEJOB_SETTINGS_H

#include <stdbool.h>
#include <stdio.h>
#include "diag.h"

enum
{
  SETTINGS_UNSET = -1,
  SETTINGS_MAX_LANGUAGES = 32,
  SETTINGS_PATH_MAX = 1024,
  SETTINGS_ID_MAX = 32,
};

struct settings
{
  /* Languages offered, in order (codes as in po/LINGUAS; "en" is English). */
  char languages[SETTINGS_MAX_LANGUAGES][16];
  int language_count;                       /* 0: the built-in list */
  char nationality[3], destination[3];      /* ISO codes, or "" */
  int idle_seconds;                         /* SETTINGS_UNSET or 0..86400 */
  int input_guard_ms;                       /* SETTINGS_UNSET or 0..2000 */
  int theme;                                /* enum draw_theme, or SETTINGS_UNSET */
  int terminal_bidi;                        /* 0, 1 or SETTINGS_UNSET */
  int kiosk_mode;                           /* 0, 1 or SETTINGS_UNSET */
  char printer[SETTINGS_PATH_MAX];
  char content_db[SETTINGS_PATH_MAX];
  char stats_db[SETTINGS_PATH_MAX];
  int stats_keep_days;                      /* SETTINGS_UNSET or 1..3650 */
  int office_keep_days;                     /* SETTINGS_UNSET or 1..3650 */
  /* The office log: a file, or a PostgreSQL connection string that every
     desk of an office shares; then the desk's own file for what waits to
     be sent (offers_log.h). "" for the defaults. */
  char office_db[SETTINGS_PATH_MAX];
  char office_outbox[SETTINGS_PATH_MAX];
  /* The fleet's server, a PostgreSQL connection string without a
     password, to which 'safejob stats --push' sends the usage figures. */
  char stats_server[SETTINGS_PATH_MAX];
  int speech;                               /* enum speech_mode, or SETTINGS_UNSET */
  char speech_device[SETTINGS_PATH_MAX];    /* an ALSA device name, or "" */
  int speech_rate;                          /* SETTINGS_UNSET or 80..450 */
  int speech_volume;                        /* SETTINGS_UNSET or 1..200 */
  char kiosk_id[SETTINGS_ID_MAX + 1];
  /* The staff PIN as crypt(3) stores it ("$y$..."): never the PIN. */
  char staff_pin_hash[256];
};

/* Every field unset. */
void settings_init (struct settings *settings);

/* Reads the settings file at PATH into *SETTINGS, reporting each problem
   through DIAG as "PATH:LINE: message". A missing file is an error only
   when REQUIRED. Returns the number of errors. */
int settings_read (const char *path, bool required, struct settings *settings,
                   struct diag *diag);

/* Reads settings from F (named PATH in messages) the same way. */
int settings_read_stream (FILE *f, const char *path, struct settings *settings,
                          struct diag *diag);

/* Parses the value of setting NAME (as written in the file) into
   *SETTINGS: the one place a setting is checked, for the file and for the
   command line. Returns NULL, or why VALUE is not valid. */
const char *settings_set (struct settings *settings, const char *name, const char *value);

/* Copies into *DST every field that is set in *SRC. */
void settings_override (struct settings *dst, const struct settings *src);

/* The theme called NAME ("default", "contrast", "mono", in the order of
   enum draw_theme), or -1. */
int settings_theme_find (const char *name);

/* Sets NAME to VALUE in the settings file at PATH: the first "NAME = ..."
   line is replaced, any later one removed, and the line is added at the
   end if there was none; comments and other lines stay as they were. The
   file is replaced at once (a new file renamed over it, with the old
   one's mode and owner), so a reader never sees half of it. Returns 0, or
   -1 with the reason in ERR (SIZE bytes). */
int settings_write_value (const char *path, const char *name, const char *value, char *err,
                          size_t size);

/* The settings file read when none is named: $SAFEJOB_CONFIG, or the
   installed one. */
const char *settings_default_path (void);

#endif /* SAFEJOB_SETTINGS_H */
