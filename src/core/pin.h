/* pin.h -- the staff PIN: stored as a salted hash, checked in constant
   time, and guarded against guessing by a lock-out. */
#ifndef SAFEJOB_PIN_H
#define SAFEJOB_PIN_H

#include <stdbool.h>
#include <stddef.h>

enum
{
  PIN_MIN_DIGITS = 4,        /* what is tried: PINs set before 8 was asked */
  PIN_NEW_MIN_DIGITS = 8,    /* what --hash-pin accepts */
  PIN_MAX_DIGITS = 12,
  /* yescrypt's cost: 2^8 blocks, 128 MiB and about a tenth of a second a
     check here; libxcrypt's default (5) is 16 MiB and eight times
     faster. With 8 digits, guessing a PIN from a copied settings file
     takes months of a computer's time, not minutes. */
  PIN_HASH_COST = 8,
  PIN_MAX_TRIES = 3,         /* wrong PINs in a row before the lock-out */
  PIN_LOCKOUT_SECONDS = 300,
};

/* Whether PIN can be a staff PIN, to be tried: PIN_MIN_DIGITS to
   PIN_MAX_DIGITS digits. */
bool pin_valid (const char *pin);

/* Whether PIN may be set as a new staff PIN: PIN_NEW_MIN_DIGITS to
   PIN_MAX_DIGITS digits. */
bool pin_valid_new (const char *pin);

/* Whether HASH was made with yescrypt at PIN_HASH_COST or more: a PIN
   hashed by an older version should be set again. */
bool pin_hash_current (const char *hash);

/* Writes the crypt(3) hash of PIN, with a fresh random salt (yescrypt, the
   Debian default for passwords, at PIN_HASH_COST), into HASH. Returns 0,
   or -1 with ERR. */
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
