/* pq.h -- libpq, PostgreSQL's client library, loaded the first time an
   office log on a server is used.
   safejob is not linked with libpq: it brings some twenty libraries
   (OpenSSL, Kerberos, LDAP) that a kiosk, or a desk whose office log is a
   file, would map at every start and never use. The functions are looked
   up by the names of the headers this program was built with, in the
   library of the same interface (libpq.so.5, Debian's libpq5). */
#ifndef SAFEJOB_PQ_H
#define SAFEJOB_PQ_H

#include <libpq-fe.h>
#include <stddef.h>

/* The functions of libpq that the office log uses. */
struct pq
{
  __typeof__ (PQconnectdbParams) *connectdb_params;
  __typeof__ (PQconninfoParse) *conninfo_parse;
  __typeof__ (PQconninfoFree) *conninfo_free;
  __typeof__ (PQstatus) *status;
  __typeof__ (PQerrorMessage) *error_message;
  __typeof__ (PQfinish) *finish;
  __typeof__ (PQuser) *user;
  __typeof__ (PQserverVersion) *server_version;
  __typeof__ (PQsetNoticeProcessor) *set_notice_processor;
  __typeof__ (PQexec) *exec;
  __typeof__ (PQexecParams) *exec_params;
  __typeof__ (PQsendQueryParams) *send_query_params;
  __typeof__ (PQsetSingleRowMode) *set_single_row_mode;
  __typeof__ (PQgetResult) *get_result;
  __typeof__ (PQresultStatus) *result_status;
  __typeof__ (PQresultErrorField) *result_error_field;
  __typeof__ (PQresultErrorMessage) *result_error_message;
  __typeof__ (PQntuples) *ntuples;
  __typeof__ (PQgetvalue) *get_value;
  __typeof__ (PQgetisnull) *get_is_null;
  __typeof__ (PQcmdTuples) *cmd_tuples;
  __typeof__ (PQclear) *clear;
  __typeof__ (PQescapeIdentifier) *escape_identifier;
  __typeof__ (PQfreemem) *freemem;
};

/* libpq's functions, loaded on the first call and kept for the life of
   the process; NULL with the reason in ERR when the library cannot be
   loaded (it comes with libpq5, which libpq-dev and postgresql-client
   bring). */
const struct pq *pq_library (char *err, size_t err_size);

#endif /* SAFEJOB_PQ_H */
