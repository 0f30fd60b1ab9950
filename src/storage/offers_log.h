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

/* Opens the log at PATH, creating it when CREATE is true, and forgets the
   screenings older than KEEP_DAYS days before TODAY (YYYY-MM-DD): see
   offers_log_forget. Returns NULL with a message in ERR when it cannot be
   opened, is damaged or is of another version. */
struct offers_log *offers_log_open (const char *path, bool create, int keep_days,
                                    const char *today, char *err, size_t err_size);

/* Deletes the screenings made more than KEEP_DAYS days before TODAY, so
   that nothing of them stays in the file: deleted rows are overwritten
   (secure_delete) and the write-ahead log that held them is emptied.
   Returns how many were deleted, or -1 with a message in ERR. */
int offers_log_forget (struct offers_log *log, const char *today, int keep_days, char *err,
                       size_t err_size);

void offers_log_close (struct offers_log *log);

/* Finds earlier high-risk screenings of OFFER's agency, licence or employer
   (compared without case, blanks or punctuation). Stores at most MAX in
   OUT; returns how many, or -1 with a message in ERR. */
int offers_log_earlier_high (struct offers_log *log, const struct offer *offer,
                             struct offer_earlier *out, size_t max, char *err,
                             size_t err_size);

/* Records a screening made on DAY (YYYY-MM-DD), and forgets those older
   than the log's KEEP_DAYS before DAY. Returns 0, or -1 with a message in
   ERR. */
int offers_log_add (struct offers_log *log, const char *day, const struct offer *offer,
                    const struct risk_result *result, const char *content_version,
                    char *err, size_t err_size);

enum offers_format { OFFERS_TEXT, OFFERS_CSV };

/* Writes every recorded screening to OUT, oldest first. Returns the number
   written, or -1 with a message in ERR. */
int offers_log_export (struct offers_log *log, enum offers_format format, FILE *out,
                       char *err, size_t err_size);

/* NAME, the value of FIELD, reduced to what identifies it: its words
   (letters of any script and digits, ASCII lower-cased) run together,
   blanks and punctuation dropped; for an agency or an employer also legal
   forms ("Ltd", "Pvt", "Sdn Bhd"...) and a plural s, so that "Golden Job
   Ltd." and "golden jobs" are the same agency. */
void offers_log_key (enum offer_field field, const char *name, char *key, size_t size);

#endif /* SAFEJOB_OFFERS_LOG_H */
