/* fuzz-content-db.c -- libFuzzer harness for the content database's loader
   (content_db_load, src/storage/content_db.c). The input is the database
   file, or SQL that makes one (fuzz-db.c). The loader promises that what
   it accepts is safe to show: so a database it loads is also used as the
   kiosk and "safejob screen" use it (a result and its reports, the
   contacts for a nationality), where a NULL or a count it let through
   would crash. Run by test-fuzz.sh. */
#include <config.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include "contact_list.h"
#include "content_db.h"
#include "fuzz-db.h"
#include "report.h"
#include "result.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);
int LLVMFuzzerInitialize (int *argc, char ***argv);

static char path[4200];
static FILE *sink;

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  (void) argc;
  (void) argv;
  snprintf (path, sizeof path, "%s/content.db", fuzz_db_dir ());
  sink = fopen ("/dev/null", "w");
  return 0;
}

/* The first country of CONTENT with ROLE, or NULL. */
static const char *
first_country (const struct content *content, unsigned role)
{
  for (size_t i = 0; i < content->country_count; i++)
    if (content->countries[i].roles & role)
      return content->countries[i].code;
  return NULL;
}

static void
use (const struct content *content)
{
  static struct result result;          /* large: not on the stack */
  static struct contact_list contacts;
  int answers[CHECKLIST_MAX_QUESTIONS];
  char buf[2048];
  const char *origin = first_country (content, COUNTRY_ORIGIN);
  const char *destination = first_country (content, COUNTRY_DESTINATION);

  /* Every question left out, then every first answer: the "I don't know"
     signs and a question's own signs. */
  for (int pass = 0; pass < 2; pass++)
    {
      for (size_t q = 0; q < content->checklist.count; q++)
        answers[q] = pass == 0 ? CHECKLIST_UNANSWERED : 0;
      result_build (&result, content, answers, origin, NULL, NULL, 0);
      report_write (&result, "", REPORT_TEXT, sink);
      report_write (&result, "", REPORT_JSON, sink);
    }

  contact_list_build (content, origin, destination, &contacts);
  contact_list_intro (content, &contacts, buf, sizeof buf);
  for (size_t i = 0; i < contacts.count; i++)
    {
      contact_list_label (content, &contacts.entries[i], buf, sizeof buf);
      contact_list_info (content, &contacts.entries[i], buf, sizeof buf);
      contact_list_source (&contacts.entries[i].contact, buf, sizeof buf);
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  struct content content = { 0 };
  char err[1024];

  /* Loaded or not, CONTENT is freed: a refused file must leave no leak. */
  if (fuzz_db_make (path, data, size) == 0
      && content_db_load (path, &content, err, sizeof err) == 0)
    use (&content);
  content_free (&content);
  fuzz_db_clean ();
  return 0;
}
