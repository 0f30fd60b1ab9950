/* commands.h -- the non-interactive commands of safejob. */
#ifndef SAFEJOB_COMMANDS_H
#define SAFEJOB_COMMANDS_H

#include <stdbool.h>
#include <stdio.h>
#include "stats.h"

struct offers_log;
struct settings;

/* Exit statuses of "safejob screen": the level, or an error. */
enum
{
  SCREEN_EXIT_LOW = 0,
  SCREEN_EXIT_MEDIUM = 1,
  SCREEN_EXIT_HIGH = 2,
  SCREEN_EXIT_ERROR = 3,
};

/* "safejob screen [OPTION]...": screens one offer's answers and prints the
   report. ARGV[0] is "screen". */
int command_screen (int argc, char **argv);

/* "safejob offers [OPTION]...": lists or exports the office log. */
int command_offers (int argc, char **argv);

/* "safejob qr --nationality=CODE [OPTION]...": QR code files. */
int command_qr (int argc, char **argv);

/* "safejob stats [OPTION]...": the usage figures, as a summary or an
   export. */
int command_stats (int argc, char **argv);

/* "safejob stats --push": sends the figures in the file DB of the days
   before today to SERVER (a connection string; NULL: none was given) as
   those of kiosk KIOSK_ID, which must be set and not the default. */
int stats_push_command (const char *db, const char *server, const char *kiosk_id);

/* "safejob stats --migrate [--grant=ROLE]": the figures' tables on
   SERVER made or brought up to date. */
int stats_migrate_command (const char *server, const char *grant);

/* "safejob stats --stats-db=CONNINFO": the figures of every kiosk on
   SERVER added up, reported as stats_write reports a kiosk's. */
int stats_server_report (const char *server, enum stats_format format, const char *from,
                         const char *to);

/* "safejob install-content [OPTION]... NEW": a signed content database
   installed in place of the one in use (or --rollback). */
int command_install_content (int argc, char **argv);

struct selftest_paths;

/* "safejob --hash-pin [--config=FILE]": reads a staff PIN (twice on a
   terminal) and stores its hash in FILE, or prints the settings line. */
int command_hash_pin (const char *config);

/* "safejob --self-test[=json]": the kiosk's start-up checks on PATHS, for
   an operator; exits 0 when the kiosk could serve people. */
int command_self_test (const struct selftest_paths *paths, bool json);

/* The content database to use: --content-db, else $SAFEJOB_CONTENT_DB, else
   the installed one. */
const char *content_db_path (const char *option);

/* The settings file read as the commands read it, for the office log:
   its mistakes reported, the defaults kept. */
void office_settings (struct settings *settings);

/* Where the office log is: --office-db (OPTION), else $SAFEJOB_OFFICE_DB,
   else office-db in SETTINGS, else the default file. A file, or a
   PostgreSQL connection string. */
const char *office_db_path (const struct settings *settings, const char *option);

/* How many days the office log keeps a screening: office-keep-days, else
   OFFICE_KEEP_DAYS_DEFAULT. */
int office_keep_days (const struct settings *settings);

/* The office log office_db_path names (offers_log_open), kept as long as
   SETTINGS say; for one on a server, office-outbox (else the default
   file) is the desk's outbox. */
struct offers_log *office_log_open (const struct settings *settings, const char *option,
                                    bool create, char *err, size_t err_size);

/* "safejob office-db [OPTION]... [CONNINFO]": a shared office log on a
   PostgreSQL server made or brought up to date (--migrate), or a desk's
   log checked. */
int command_office_db (int argc, char **argv);

#endif /* SAFEJOB_COMMANDS_H */
