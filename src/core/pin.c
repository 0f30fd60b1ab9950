/* pin.c -- the staff PIN, with libxcrypt: a salted, slow hash is what
   makes a copied settings file useless for guessing a short PIN. */
#include <config.h>
#include "pin.h"

#include <crypt.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static bool
digits (const char *pin, size_t min)
{
  size_t n = strlen (pin);
  return n >= min && n <= PIN_MAX_DIGITS && strspn (pin, "0123456789") == n;
}

bool
pin_valid (const char *pin)
{
  return digits (pin, PIN_MIN_DIGITS);
}

bool
pin_valid_new (const char *pin)
{
  return digits (pin, PIN_NEW_MIN_DIGITS);
}

bool
pin_hash_current (const char *hash)
{
  /* "$y$", the flags ('j'), then the cost in crypt's base 64
     ("./0-9A-Za-z"), offset by 6: "$y$j9T$" is cost 5, "$y$jCT$" 8. */
  static const char base64[] = "./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
  const char *cost = strncmp (hash, "$y$j", 4) == 0 && hash[4] ? strchr (base64, hash[4]) : NULL;
  return cost && cost - base64 >= PIN_HASH_COST + 6;
}

int
pin_hash (const char *pin, char *hash, size_t hash_size, char *err, size_t err_size)
{
  char salt[CRYPT_GENSALT_OUTPUT_SIZE];
  struct crypt_data *data;
  const char *out;

  /* A NULL random source lets libxcrypt read the system's. */
  if (!crypt_gensalt_rn ("$y$", PIN_HASH_COST, NULL, 0, salt, sizeof salt))
    {
      snprintf (err, err_size, "cannot make a salt: %s", strerror (errno));
      return -1;
    }
  data = calloc (1, sizeof *data);
  if (!data)
    {
      snprintf (err, err_size, "out of memory");
      return -1;
    }
  out = crypt_rn (pin, salt, data, sizeof *data);
  int status = 0;
  if (!out || out[0] == '*' || strlen (out) >= hash_size)
    {
      snprintf (err, err_size, "cannot hash the PIN: %s", strerror (errno));
      status = -1;
    }
  else
    strcpy (hash, out);
  explicit_bzero (data, sizeof *data);
  free (data);
  return status;
}

bool
pin_matches (const char *pin, const char *hash)
{
  struct crypt_data *data = calloc (1, sizeof *data);
  bool same = false;

  if (!data)
    return false;
  const char *out = crypt_rn (pin, hash, data, sizeof *data);
  if (out && out[0] != '*' && strlen (out) == strlen (hash))
    {
      /* Every byte compared, so the time says nothing about the match. */
      unsigned char diff = 0;
      for (size_t i = 0; hash[i]; i++)
        diff |= (unsigned char) (out[i] ^ hash[i]);
      same = diff == 0;
    }
  explicit_bzero (data, sizeof *data);
  free (data);
  return same;
}

int
pin_guard_locked (const struct pin_guard *guard, double now)
{
  double left = guard->locked_until - now;
  int whole = (int) left;
  return left <= 0 ? 0 : whole + (left > whole);
}

bool
pin_guard_try (struct pin_guard *guard, bool right, double now)
{
  if (pin_guard_locked (guard, now))
    return false;
  if (right)
    {
      guard->failures = 0;
      return true;
    }
  if (++guard->failures >= PIN_MAX_TRIES)
    {
      guard->failures = 0;
      guard->locked_until = now + PIN_LOCKOUT_SECONDS;
    }
  return false;
}
