/* content_sign.c -- Ed25519 signatures of content databases, with
   libsodium: a well-kept library from Debian, rather than hand-written
   cryptography (issue 22). */
#include <config.h>
#include "content_sign.h"

#include <errno.h>
#include <fcntl.h>
#include <sodium.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "diag.h"

/* Writes TEXT to the new file PATH with MODE, failing if it exists. */
static int
write_new (const char *path, const char *text, mode_t mode, char *err, size_t err_size)
{
  int fd = open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode);
  if (fd < 0)
    {
      diag_format (err, err_size, "%s: %s", path, strerror (errno));
      return -1;
    }
  size_t len = strlen (text);
  if (write (fd, text, len) != (ssize_t) len || fsync (fd) != 0)
    {
      diag_format (err, err_size, "%s: %s", path, strerror (errno));
      close (fd);
      unlink (path);
      return -1;
    }
  if (close (fd) != 0)
    {
      diag_format (err, err_size, "%s: %s", path, strerror (errno));
      return -1;
    }
  return 0;
}

/* Reads the one line of hex in PATH into BIN, exactly SIZE bytes. */
static int
read_hex (const char *path, unsigned char *bin, size_t size, const char *what, char *err,
          size_t err_size)
{
  char line[512];
  FILE *f = fopen (path, "r");
  if (!f)
    {
      diag_format (err, err_size, "%s: %s", path, strerror (errno));
      return -1;
    }
  bool got = fgets (line, sizeof line, f) != NULL;
  fclose (f);
  size_t len = got ? strcspn (line, "\r\n") : 0;
  size_t bin_len = 0;
  if (!got || len != 2 * size
      || sodium_hex2bin (bin, size, line, len, NULL, &bin_len, NULL) != 0 || bin_len != size)
    {
      diag_format (err, err_size, "%s: not %s (one line of %zu hexadecimal digits)", path, what,
                   2 * size);
      sodium_memzero (line, sizeof line);
      return -1;
    }
  sodium_memzero (line, sizeof line);
  return 0;
}

static int
start (char *err, size_t err_size)
{
  if (sodium_init () < 0)
    {
      diag_format (err, err_size, "libsodium cannot start");
      return -1;
    }
  return 0;
}

int
content_key_generate (const char *name, char *err, size_t err_size)
{
  unsigned char public_key[crypto_sign_PUBLICKEYBYTES], secret_key[crypto_sign_SECRETKEYBYTES];
  char hex[2 * crypto_sign_SECRETKEYBYTES + 2];
  char path[4096];
  if (start (err, err_size) != 0)
    return -1;
  crypto_sign_keypair (public_key, secret_key);

  snprintf (path, sizeof path, "%s.key", name);
  sodium_bin2hex (hex, sizeof hex - 1, secret_key, sizeof secret_key);
  strcat (hex, "\n");
  int status = write_new (path, hex, 0600, err, err_size);
  sodium_memzero (secret_key, sizeof secret_key);
  sodium_memzero (hex, sizeof hex);
  if (status != 0)
    return -1;
  snprintf (path, sizeof path, "%s.pub", name);
  sodium_bin2hex (hex, sizeof hex - 1, public_key, sizeof public_key);
  strcat (hex, "\n");
  if (write_new (path, hex, 0644, err, err_size) != 0)
    {
      snprintf (path, sizeof path, "%s.key", name);
      unlink (path);
      return -1;
    }
  return 0;
}

int
content_read_file (const char *path, unsigned char **data, size_t *size, char *err,
                   size_t err_size)
{
  FILE *f = fopen (path, "rb");
  struct stat st;
  *data = NULL;
  *size = 0;
  if (!f || fstat (fileno (f), &st) != 0 || !S_ISREG (st.st_mode))
    {
      diag_format (err, err_size, "%s: %s", path, f ? "not a regular file" : strerror (errno));
      if (f)
        fclose (f);
      return -1;
    }
  unsigned char *buffer = malloc (st.st_size > 0 ? (size_t) st.st_size : 1);
  size_t got = buffer ? fread (buffer, 1, (size_t) st.st_size, f) : 0;
  bool failed = !buffer || ferror (f) || got != (size_t) st.st_size;
  fclose (f);
  if (failed)
    {
      diag_format (err, err_size, "%s: cannot read it whole", path);
      free (buffer);
      return -1;
    }
  *data = buffer;
  *size = got;
  return 0;
}

int
content_sign_file (const char *file, const char *key, char *err, size_t err_size)
{
  unsigned char secret_key[crypto_sign_SECRETKEYBYTES], signature[crypto_sign_BYTES];
  char hex[2 * crypto_sign_BYTES + 2], path[4096];
  unsigned char *data;
  size_t size;
  if (start (err, err_size) != 0
      || read_hex (key, secret_key, sizeof secret_key, "a secret key", err, err_size) != 0)
    return -1;
  if (content_read_file (file, &data, &size, err, err_size) != 0)
    {
      sodium_memzero (secret_key, sizeof secret_key);
      return -1;
    }
  crypto_sign_detached (signature, NULL, data, size, secret_key);
  sodium_memzero (secret_key, sizeof secret_key);
  free (data);
  sodium_bin2hex (hex, sizeof hex - 1, signature, sizeof signature);
  strcat (hex, "\n");
  snprintf (path, sizeof path, "%s.sig", file);
  /* A signature of an older file goes: this one replaces it. */
  if (unlink (path) != 0 && errno != ENOENT)
    {
      diag_format (err, err_size, "%s: %s", path, strerror (errno));
      return -1;
    }
  return write_new (path, hex, 0644, err, err_size);
}

int
content_verify (const char *file, const unsigned char *data, size_t size,
                const char *public_key, char *err, size_t err_size)
{
  unsigned char key[crypto_sign_PUBLICKEYBYTES], signature[crypto_sign_BYTES];
  char path[4096];
  if (start (err, err_size) != 0
      || read_hex (public_key, key, sizeof key, "a public key", err, err_size) != 0)
    return -1;
  snprintf (path, sizeof path, "%s.sig", file);
  if (access (path, F_OK) != 0)
    {
      diag_format (err, err_size, "%s: not signed (no %s)", file, path);
      return -1;
    }
  if (read_hex (path, signature, sizeof signature, "a signature", err, err_size) != 0)
    return -1;
  if (crypto_sign_verify_detached (signature, data, size, key) != 0)
    {
      diag_format (err, err_size, "%s: the signature does not match: the file was changed or "
                   "cut short, or signed with another key than %s", file, public_key);
      return -1;
    }
  return 0;
}
