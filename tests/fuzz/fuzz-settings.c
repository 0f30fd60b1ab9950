/* fuzz-settings.c -- libFuzzer harness for the kiosk's settings file
   (src/core/settings.c). Run by test-fuzz.sh. */
#include <config.h>

#include <stdint.h>
#include <stdio.h>
#include "settings.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  struct settings settings;
  FILE *in = fmemopen ((void *) data, size, "r");
  FILE *sink = fopen ("/dev/null", "w");
  struct diag diag = { sink, 0 };
  settings_init (&settings);
  if (in && sink)
    settings_read_stream (in, "fuzz.conf", &settings, &diag);
  if (in)
    fclose (in);
  if (sink)
    fclose (sink);
  return 0;
}
