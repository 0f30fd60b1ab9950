/* pin.h -- the staff PIN: stored as a salted hash, checked in constant
   time, and guarded against guessing by a lock-out. */
#ifndef SAFEJOB_PIN_H
#define SAFEJOB_PIN_H

#include <stdbool.h>
#include <stddef.h>

enum
{
  PIN_MIN_DIGITS = 4,
  PIN_MAX_DIGITS = 12,
  PIN_MAX_TRIES = 3,         /* wrong PINs in a row before the lock-out */
  PIN_LOCKOUT_SECONDS = 300,
};

/* Whether PIN is acceptable as a staff PIN: PIN_MIN_DIGITS to
   PIN_MAX_DIGITS digits. */
bool pin_valid (const char *pin);

/* Writes the crypt(3) hash of PIN, with a fresh random salt (yescrypt, the
   Debian default for passwords), into HASH. Returns 0, or -1 with ERR. */
int pin_hash (const char *pin, char *hash, size_t hash_size, char *err, size_t err_size);

/* Whether PIN matches HASH. */
bool pin_matches (const char *pin, const char *hash);

/* Wrong PINs in a row, and until when (a monotonic time in seconds) the
   staff menu is locked. Lives as long as the program: a person's reset
   does not clear it. */
struct pin_guard
{
  int failures;
  double locked_until;
};

/* Seconds left in the lock-out at time NOW, or 0. */
int pin_guard_locked (const struct pin_guard *guard, double now);

/* Records a try at NOW; returns whether it may open the menu (the PIN was
   right and no lock-out runs). */
bool pin_guard_try (struct pin_guard *guard, bool right, double now);

#endif /* SAFEJOB_PIN_H */
