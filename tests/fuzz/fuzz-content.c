/* fuzz-content.c -- libFuzzer harness for the content sources' parser
   (src/core/record.c): any bytes, as a file of records. Run by test-fuzz.sh. */
#include <config.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "arena.h"
#include "record.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  char *text = malloc (size + 1);
  if (!text)
    return 0;
  memcpy (text, data, size);
  text[size] = '\0';
  FILE *sink = fopen ("/dev/null", "w");
  struct diag diag = { sink, 0 };
  struct arena arena = { NULL };
  struct record_file file;
  record_parse ("fuzz.txt", text, &arena, &diag, &file);
  for (size_t i = 0; i < file.count; i++)
    record_field (&file.records[i], "text");
  arena_free (&arena);
  fclose (sink);
  free (text);
  return 0;
}
