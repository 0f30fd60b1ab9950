/* fuzz-compile.c -- libFuzzer harness for the content compiler's checks
   (content_compile, src/core/content_compile.c): what the records mean,
   past the syntax that fuzz-content.c covers. The compiler reads a
   directory of four files, so the input is their texts in its order
   (countries.txt, checklist.txt, articles.txt, contacts.txt), separated
   by form feeds; a file the input does not reach is missing, which the
   compiler reports too. Sources it accepts are written to a database and
   loaded back, as make does and the kiosk then does: what the compiler
   lets through, the loader must take. Run by test-fuzz.sh. */
#include <config.h>

#include <locale.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "content_compile.h"
#include "content_db.h"
#include "fuzz-db.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);
int LLVMFuzzerInitialize (int *argc, char ***argv);

static FILE *sink;

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  (void) argc;
  (void) argv;
  /* Widths are counted in UTF-8, as safejob-content counts them. */
  setlocale (LC_ALL, "C.UTF-8");
  sink = fopen ("/dev/null", "w");
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  const char *dir = fuzz_db_dir ();
  char path[4200];
  const uint8_t *end = data + size;

  for (size_t f = 0; content_source_files[f] && data <= end; f++)
    {
      const uint8_t *ff = memchr (data, '\f', (size_t) (end - data));
      size_t len = ff ? (size_t) (ff - data) : (size_t) (end - data);
      snprintf (path, sizeof path, "%s/%s", dir, content_source_files[f]);
      FILE *out = fopen (path, "wb");
      if (!out)
        abort ();
      fwrite (data, 1, len, out);
      if (fclose (out) != 0)
        abort ();
      data += len + 1;
    }

  struct content_build build;
  struct diag diag = { sink, 0 };
  if (content_compile (dir, &build, &diag) == 0)
    {
      struct content loaded;
      char err[1024];
      snprintf (path, sizeof path, "%s/content.db", dir);
      if (content_db_write (&build.content, NULL, 0, path, err, sizeof err) != 0
          || content_db_load (path, &loaded, err, sizeof err) != 0)
        {
          fprintf (stderr, "fuzz-compile: compiled, but %s\n", err);
          abort ();
        }
      if (loaded.checklist.count != build.content.checklist.count
          || loaded.contact_count != build.content.contact_count
          || loaded.article_count != build.content.article_count)
        {
          fprintf (stderr, "fuzz-compile: the database holds other counts than the sources\n");
          abort ();
        }
      content_free (&loaded);
    }
  content_free (&build.content);
  fuzz_db_clean ();
  return 0;
}
