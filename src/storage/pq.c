/* pq.c -- libpq loaded with dlopen on first use (see pq.h for why). */
#include <config.h>
#include "pq.h"

#include <dlfcn.h>
#include <stdio.h>
#include "diag.h"

/* libpq's interface has kept soname 5 since PostgreSQL 8.0. */
#define PQ_LIBRARY "libpq.so.5"

#define LOOK_UP(member, name) \
  ((functions.member = (__typeof__ (functions.member)) dlsym (handle, #name)) != NULL)

const struct pq *
pq_library (char *err, size_t err_size)
{
  static struct pq functions;
  static int loaded;                /* 0: not tried yet, 1: loaded, -1: failed */
  static char why[512];

  if (loaded == 0)
    {
      void *handle = dlopen (PQ_LIBRARY, RTLD_NOW | RTLD_LOCAL);
      loaded = -1;
      if (!handle)
        snprintf (why, sizeof why, "cannot load PostgreSQL's client library (apt-get install "
                  "libpq5): %s", dlerror ());
      else if (LOOK_UP (connectdb_params, PQconnectdbParams)
               && LOOK_UP (conninfo_parse, PQconninfoParse)
               && LOOK_UP (conninfo_free, PQconninfoFree)
               && LOOK_UP (status, PQstatus)
               && LOOK_UP (error_message, PQerrorMessage)
               && LOOK_UP (finish, PQfinish)
               && LOOK_UP (user, PQuser)
               && LOOK_UP (server_version, PQserverVersion)
               && LOOK_UP (set_notice_processor, PQsetNoticeProcessor)
               && LOOK_UP (exec, PQexec)
               && LOOK_UP (exec_params, PQexecParams)
               && LOOK_UP (send_query_params, PQsendQueryParams)
               && LOOK_UP (set_single_row_mode, PQsetSingleRowMode)
               && LOOK_UP (get_result, PQgetResult)
               && LOOK_UP (result_status, PQresultStatus)
               && LOOK_UP (result_error_field, PQresultErrorField)
               && LOOK_UP (result_error_message, PQresultErrorMessage)
               && LOOK_UP (ntuples, PQntuples)
               && LOOK_UP (get_value, PQgetvalue)
               && LOOK_UP (get_is_null, PQgetisnull)
               && LOOK_UP (cmd_tuples, PQcmdTuples)
               && LOOK_UP (clear, PQclear)
               && LOOK_UP (escape_identifier, PQescapeIdentifier)
               && LOOK_UP (freemem, PQfreemem))
        loaded = 1;
      else
        /* A library of that soname always has them: this is another one. */
        snprintf (why, sizeof why, "%s lacks a function of libpq: %s", PQ_LIBRARY, dlerror ());
    }
  if (loaded < 0)
    {
      diag_format (err, err_size, "%s", why);
      return NULL;
    }
  return &functions;
}
