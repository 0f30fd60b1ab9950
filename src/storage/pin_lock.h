/* pin_lock.h -- the staff PIN's wrong tries and lock-out, kept in a file:
   without it, a restart (pulling the plug, a crash) gave three fresh tries
   every time. It holds two numbers, no PIN and nothing of a person. */
#ifndef SAFEJOB_PIN_LOCK_H
#define SAFEJOB_PIN_LOCK_H

#include <stddef.h>
#include "pin.h"

/* The file used when none is named: $SAFEJOB_PIN_LOCK, or the installed
   state directory's. */
const char *pin_lock_default_path (void);

/* Reads GUARD from PATH at NOW (the program's monotonic clock). A missing
   file is no lock-out; a lock-out is never longer than the program would
   set (a clock set back cannot stretch it). Returns 0, or -1 with ERR when
   the file cannot be read or is not one this program wrote. */
int pin_lock_load (const char *path, struct pin_guard *guard, double now, char *err,
                   size_t err_size);

/* Writes GUARD to PATH at NOW, replacing the file whole (written beside it,
   then renamed). Returns 0, or -1 with ERR. */
int pin_lock_save (const char *path, const struct pin_guard *guard, double now, char *err,
                   size_t err_size);

#endif /* SAFEJOB_PIN_LOCK_H */
