/* export.h -- values written for other programs: JSON strings and CSV fields,
   one way for every report and export. */
#ifndef SAFEJOB_EXPORT_H
#define SAFEJOB_EXPORT_H

#include <stdio.h>

/* Writes S (UTF-8; NULL writes null) as a JSON string, escaped. */
void export_json_string (FILE *out, const char *s);

/* Writes S as a CSV field (RFC 4180): quoted when it holds a comma, a
   quote or a line break; and when it starts with = + - or @, prefixed with
   ' so that a spreadsheet does not run it as a formula. The separators and
   line ends are the caller's. */
void export_csv_field (FILE *out, const char *s);

/* Writes S for a terminal: a control character (C0, DEL, or C1 in UTF-8)
   becomes '?', so a value from a file or database can never move the
   cursor, clear the screen or command a printer. */
void export_text (FILE *out, const char *s);

#endif /* SAFEJOB_EXPORT_H */
