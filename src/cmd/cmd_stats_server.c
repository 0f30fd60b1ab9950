/* cmd_stats_server.c -- "safejob stats" with the fleet's server (issue
   22): --push sends a kiosk's figures there, --migrate makes the tables,
   and --stats-db=CONNINFO reports the figures of every kiosk added up. */
#include <config.h>
#include "commands.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "dates.h"
#include "stats.h"
#include "stats_pg.h"
#include "system.h"

/* The id that kiosk/kiosk.conf.example and stats_write give a kiosk
   that has none of its own. */
#define DEFAULT_KIOSK_ID "kiosk"

static int
no_server (void)
{
  fprintf (stderr, _("%s: no server: give its connection string, or set stats-server in the "
                     "settings\n"), PACKAGE);
  return EXIT_FAILURE;
}

int
stats_push_command (const char *db, const char *server, const char *kiosk_id)
{
  char err[1024], today[DATE_SIZE];

  if (!server)
    return no_server ();
  /* The server keeps a kiosk's days under its id, and a push replaces
     them: two kiosks of one id would each erase the other's figures. */
  if (!kiosk_id || !*kiosk_id || strcmp (kiosk_id, DEFAULT_KIOSK_ID) == 0)
    {
      fprintf (stderr, _("%s: this kiosk has no kiosk-id of its own: set one in the settings, "
                         "different at each kiosk, before it pushes its figures; under one id, "
                         "kiosks would replace each other's days on the server\n"), PACKAGE);
      return EXIT_FAILURE;
    }
  if (access (db, F_OK) != 0)
    {
      fprintf (stderr, _("%s: no usage figures at %s\n"), PACKAGE, db);
      return EXIT_FAILURE;
    }
  struct stats *stats = stats_open (db, err, sizeof err);
  if (!stats)
    {
      fprintf (stderr, "%s: %s\n", PACKAGE, err);
      return EXIT_FAILURE;
    }
  if (stats_moved_aside (stats))
    fprintf (stderr, "%s: %s was damaged: moved to %s; these figures start again\n", PACKAGE,
             db, stats_moved_aside (stats));
  /* Finished days only: a day's figures pushed while it goes on would
     tell the server, push after push, when people came. */
  struct stats_pushed pushed = { 0 };
  date_today (today);
  int rc = stats_pg_push (stats, server, kiosk_id, today, &pushed, err, sizeof err);
  stats_close (stats);
  if (rc != 0)
    {
      fprintf (stderr, _("%s: cannot push the usage figures (they stay on this kiosk): %s\n"),
               PACKAGE, err);
      return EXIT_FAILURE;
    }
  /* TRANSLATORS: %1$s is the kiosk's id; %2$ld a number of days. */
  printf (ngettext ("%1$s: pushed %2$ld day", "%1$s: pushed %2$ld days",
                    (unsigned long) pushed.days), kiosk_id, pushed.days);
  /* TRANSLATORS: follows "KIOSK: pushed N days"; %ld is a number of
     sessions. */
  printf (ngettext (", %ld session\n", ", %ld sessions\n", (unsigned long) pushed.sessions),
          pushed.sessions);
  return fflush (stdout) == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}

int
stats_migrate_command (const char *server, const char *grant)
{
  char done[1024], err[1024];
  if (!server)
    return no_server ();
  if (stats_pg_migrate (server, grant, done, sizeof done, err, sizeof err) != 0)
    {
      fprintf (stderr, _("%s: cannot make or update the fleet's usage figures: %s\n"), PACKAGE,
               err);
      return EXIT_FAILURE;
    }
  printf ("%s\n", done);
  return EXIT_SUCCESS;
}

int
stats_server_report (const char *server, enum stats_format format, const char *from,
                     const char *to)
{
  char err[1024];
  struct stats *sum = stats_pg_sum (server, from, to, err, sizeof err);
  /* The kiosk column of the exports: every kiosk, "*" as the exports
     write a value merged with others. */
  if (!sum || stats_write (sum, format, from, to, "*", stdout, err, sizeof err) != 0)
    {
      fprintf (stderr, _("%s: cannot read the fleet's usage figures: %s\n"), PACKAGE, err);
      stats_close (sum);
      return EXIT_FAILURE;
    }
  stats_close (sum);
  return fflush (stdout) == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
