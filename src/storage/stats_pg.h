/* stats_pg.h -- the usage figures of a fleet of kiosks on a PostgreSQL
   server (issue 22). Each kiosk keeps writing its figures to its own
   SQLite file (stats.h), offline first, and pushes them; staff read the
   figures of every kiosk added up. */
#ifndef SAFEJOB_STATS_PG_H
#define SAFEJOB_STATS_PG_H

#include <stdbool.h>
#include <stddef.h>
#include "stats.h"

/* Whether WHERE names a server (a PostgreSQL connection string) rather
   than a file. */
bool stats_is_server (const char *where);

/* What a push sent. */
struct stats_pushed
{
  long days, sessions;
};

/* Sends the figures of LOCAL's days before BEFORE (YYYY-MM-DD) to the
   server CONNINFO names, as those of kiosk KIOSK: in one transaction, the
   server's rows of KIOSK for those days are deleted and LOCAL's inserted,
   so that a push broken off changes nothing and a push repeated counts
   nothing twice. LOCAL is only read. Returns 0, or -1 with ERR. */
int stats_pg_push (struct stats *local, const char *conninfo, const char *kiosk,
                   const char *before, struct stats_pushed *pushed, char *err, size_t err_size);

/* The figures of every kiosk on the server CONNINFO names, of the days
   FROM to TO (NULL: no bound), added up in a database in memory that
   stats_write reports. NULL with ERR. */
struct stats *stats_pg_sum (const char *conninfo, const char *from, const char *to, char *err,
                            size_t err_size);

/* Makes the figures' tables on the server, or brings them to this
   program's version, as their owner; with GRANT_ROLE, gives that role
   what a kiosk's push needs and no more. Says what it did in DONE. */
int stats_pg_migrate (const char *conninfo, const char *grant_role, char *done,
                      size_t done_size, char *err, size_t err_size);

#endif /* SAFEJOB_STATS_PG_H */
