/* fuzz-answers.c -- libFuzzer harness for the answers format of "safejob
   screen" (src/core/answers.c), against the content database named by
   $SAFEJOB_CONTENT_DB. Run by test-fuzz.sh. */
#include <config.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include "answers.h"
#include "content_db.h"
#include "session.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);
int LLVMFuzzerInitialize (int *argc, char ***argv);

static struct content content;

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  char err[512];
  (void) argc;
  (void) argv;
  const char *db = getenv ("SAFEJOB_CONTENT_DB");
  if (!db || content_db_load (db, &content, err, sizeof err) != 0)
    {
      fprintf (stderr, "fuzz-answers: set SAFEJOB_CONTENT_DB to a content database\n");
      exit (2);
    }
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  int answers[CHECKLIST_MAX_QUESTIONS];
  struct offer offer;
  char nationality[3];
  FILE *in = fmemopen ((void *) data, size, "r");
  FILE *sink = fopen ("/dev/null", "w");
  struct diag diag = { sink, 0 };
  if (in && sink)
    answers_read (in, "fuzz.answers", &content, answers, &offer, nationality, &diag);
  if (in)
    fclose (in);
  if (sink)
    fclose (sink);
  return 0;
}
