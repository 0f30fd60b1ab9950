/* content_sign.h -- signed content databases, for a fleet of kiosks: the
   office that compiles the content signs it, and a kiosk installs a new
   database only when the signature verifies with the office's public key.
   Ed25519 signatures (libsodium's crypto_sign_detached); a signature is
   FILE.sig beside FILE, a key one line of hex in a file of its own. */
#ifndef SAFEJOB_CONTENT_SIGN_H
#define SAFEJOB_CONTENT_SIGN_H

#include <stddef.h>

/* Makes a key pair: NAME.key, the secret one (mode 0600: it never leaves
   the office), and NAME.pub, the public one every kiosk holds. Refuses to
   overwrite either. Returns 0, or -1 with why in ERR. */
int content_key_generate (const char *name, char *err, size_t err_size);

/* Signs the file FILE with the secret key in KEY: writes FILE.sig. Returns
   0, or -1 with why in ERR. */
int content_sign_file (const char *file, const char *key, char *err, size_t err_size);

/* Reads the whole file PATH into *DATA (to free) and *SIZE. Returns 0, or
   -1 with why in ERR. */
int content_read_file (const char *path, unsigned char **data, size_t *size, char *err,
                       size_t err_size);

/* Whether DATA (SIZE bytes, FILE's as read) carries a good signature in
   FILE.sig by the key whose public half is in PUBLIC_KEY. Returns 0, or -1
   with why in ERR: no signature, a malformed one, or one that does not
   verify (a changed or truncated file, another key). */
int content_verify (const char *file, const unsigned char *data, size_t size,
                    const char *public_key, char *err, size_t err_size);

#endif /* SAFEJOB_CONTENT_SIGN_H */
