/* offers_log.h -- a recruitment office's log of screened offers: the
   offer's details, the day it was screened (no time of day), the level and
   the signs found. Nothing about the job seeker is stored. */
#ifndef SAFEJOB_OFFERS_LOG_H
#define SAFEJOB_OFFERS_LOG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include "offer.h"
#include "risk.h"

struct offers_log;

/* How long a screening is kept when the settings do not say: the log holds
   names an office typed, so it keeps them a year, not for ever. */
enum { OFFICE_KEEP_DAYS_DEFAULT = 365 };

/* Whether WHERE names a PostgreSQL server (a connection string:
   "postgresql://...", "postgres://..." or "host=... dbname=..." words)
   rather than a file. */
bool offers_log_is_server (const char *where);

/* Opens the log WHERE names, creating it when CREATE is true, and forgets
   the screenings older than KEEP_DAYS days before TODAY (YYYY-MM-DD): see
   offers_log_forget.

   WHERE is an SQLite file, the log of one desk; or a PostgreSQL server
   that every desk of an office, or of many, shares. Then OUTBOX is this
   desk's own file (an office log of the same kind, made when CREATE is
   true and first needed): every screening is written there before it is
   sent, and deleted from there only once the server has committed it,
   with an id of its own that the server stores once however often it
   comes; so a desk whose server is down, or whose connection breaks,
   keeps working, loses nothing and sends nothing twice. What waits in the
   outbox is sent when the log is opened and with each screening added.

   Returns NULL with a message in ERR when the file (the log or the
   outbox) cannot be opened, is damaged or is of another version, or when
   WHERE is not a valid connection string. A server that cannot be
   reached, or refuses, does not stop it: see offers_log_trouble. */
struct offers_log *offers_log_open (const char *where, const char *outbox, bool create,
                                    int keep_days, const char *today, char *err,
                                    size_t err_size);

/* NULL when the last call on LOG that uses the server (open, lookup, add,
   forget, send) reached it; else why not, in an operator's words (the
   server named without its password). The call then did what it could on
   the desk alone: a lookup found only what waits in the outbox, an add
   left the screening there. */
const char *offers_log_trouble (const struct offers_log *log);

/* How many screenings wait in the outbox to be sent (0 for a file log),
   or -1 with a message in ERR. */
int offers_log_unsent (struct offers_log *log, char *err, size_t err_size);

/* Sends what waits in the outbox now. Returns how many were sent, or -1
   with a message in ERR (the server's trouble, or the outbox's). */
int offers_log_send (struct offers_log *log, char *err, size_t err_size);

/* How many screenings the log holds: the file's, or the server's (not
   counting the outbox). -1 with a message in ERR. */
long offers_log_count (struct offers_log *log, char *err, size_t err_size);

/* What the log is, for messages: the file's path, or the server's
   connection parameters without the password. */
const char *offers_log_name (const struct offers_log *log);

/* Creates the office log's tables on the server CONNINFO names, or brings
   them to this program's version (run as the role that owns them); with
   GRANT_ROLE (or NULL), gives that role what a desk needs and no more:
   SELECT, INSERT and DELETE on the screenings, SELECT on the version.
   Returns 0 with what was done in DONE, or -1 with a message in ERR. */
int offers_log_migrate (const char *conninfo, const char *grant_role, char *done,
                        size_t done_size, char *err, size_t err_size);

/* Deletes the screenings made more than KEEP_DAYS days before TODAY, so
   that nothing of them stays in the file: deleted rows are overwritten
   (secure_delete) and the write-ahead log that held them is emptied; on a
   server too (where PostgreSQL keeps the rows' bytes in its files until
   VACUUM reuses their space). Returns how many were deleted, or -1 with a
   message in ERR (a server out of reach is trouble, not an error). */
int offers_log_forget (struct offers_log *log, const char *today, int keep_days, char *err,
                       size_t err_size);

void offers_log_close (struct offers_log *log);

/* Finds earlier high-risk screenings of OFFER's agency, licence or employer
   (compared without case, blanks or punctuation): on the server and in
   the outbox, the latest of each. Stores at most MAX in OUT; returns how
   many, or -1 with a message in ERR. */
int offers_log_earlier_high (struct offers_log *log, const struct offer *offer,
                             struct offer_earlier *out, size_t max, char *err,
                             size_t err_size);

/* Records a screening made on DAY (YYYY-MM-DD), and forgets those older
   than the log's KEEP_DAYS before DAY. Returns 0 once it is in the file
   (the log, or the outbox: then it is sent, or stays there if the server
   cannot take it, as offers_log_trouble says), or -1 with a message in
   ERR. */
int offers_log_add (struct offers_log *log, const char *day, const struct offer *offer,
                    const struct risk_result *result, const char *content_version,
                    char *err, size_t err_size);

enum offers_format { OFFERS_TEXT, OFFERS_CSV };

/* Writes every recorded screening to OUT, oldest first: the server's and
   those still in the outbox. Returns the number written, or -1 with a
   message in ERR (a server out of reach is an error here: a list without
   the other desks' screenings would look whole). */
int offers_log_export (struct offers_log *log, enum offers_format format, FILE *out,
                       char *err, size_t err_size);

/* NAME, the value of FIELD, reduced to what identifies it: its words
   (letters of any script and digits, ASCII lower-cased) run together,
   blanks and punctuation dropped; for an agency or an employer also legal
   forms ("Ltd", "Pvt", "Sdn Bhd"...) and a plural s, so that "Golden Job
   Ltd." and "golden jobs" are the same agency. */
void offers_log_key (enum offer_field field, const char *name, char *key, size_t size);

#endif /* SAFEJOB_OFFERS_LOG_H */
