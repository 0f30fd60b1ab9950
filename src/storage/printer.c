/* printer.c -- writing to a receipt printer without ever hanging the kiosk. */
#include <config.h>
#include "printer.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "qr.h"
#include "qr_file.h"
#include "vcard.h"

enum { WRITE_TIMEOUT_MS = 3000, SLIP_DOTS = 384 /* 58 mm paper */, CARD_BYTES = 280 };

int
printer_send (const char *path, const void *data, size_t len, char *err, size_t err_size)
{
  int fd = open (path, O_WRONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
  const unsigned char *p = data;

  /* The messages go on the kiosk's screen: what is wrong, not where. */
  if (fd < 0)
    {
      snprintf (err, err_size, "%s", strerror (errno));
      return -1;
    }
  while (len > 0)
    {
      ssize_t n = write (fd, p, len);
      if (n > 0)
        {
          p += n;
          len -= (size_t) n;
          continue;
        }
      if (n < 0 && errno != EAGAIN && errno != EINTR)
        {
          snprintf (err, err_size, "%s", strerror (errno));
          close (fd);
          return -1;
        }
      struct pollfd pfd = { fd, POLLOUT, 0 };
      if (poll (&pfd, 1, WRITE_TIMEOUT_MS) <= 0 || (pfd.revents & (POLLERR | POLLHUP)))
        {
          snprintf (err, err_size, "it does not answer");
          close (fd);
          return -1;
        }
    }
  if (close (fd) != 0)
    {
      snprintf (err, err_size, "%s", strerror (errno));
      return -1;
    }
  return 0;
}

int
print_contacts (const char *path, const struct contact *const *contacts, size_t count,
                char *err, size_t err_size)
{
  enum { MAX = 32 };
  const char *names[MAX];
  char lines[MAX][160];
  const char *text[MAX];
  struct qr_image codes[MAX];
  size_t ncodes = 0;
  char *buf = NULL;
  size_t len = 0;
  int rc = -1;

  if (count > MAX)
    count = MAX;
  /* Printers guess code pages: the slip's text is the content's English
     names (ASCII) and numbers; the card in the code carries the same, under
     the card's name in the person's language (a code is UTF-8, not text
     the printer draws). */
  for (size_t i = 0; i < count; i++)
    {
      names[i] = contacts[i]->name;
      snprintf (lines[i], sizeof lines[i], "%s\n  %s%s%s", contacts[i]->name,
                contacts[i]->phones[0].display, contacts[i]->phone_count > 1 ? " / " : "",
                contacts[i]->phone_count > 1 ? contacts[i]->phones[1].display : "");
      text[i] = lines[i];
    }
  int made = vcard_codes (contacts, names, count, CARD_BYTES, codes, NULL);
  if (made < 0)
    {
      snprintf (err, err_size, "cannot make the QR code");
      goto done;
    }
  ncodes = (size_t) made;
  FILE *out = open_memstream (&buf, &len);
  if (!out || qr_write_escpos (out, "Numbers to save - safejob", text, count, codes, ncodes,
                               SLIP_DOTS) != 0 || fclose (out) != 0)
    {
      snprintf (err, err_size, "out of memory");
      goto done;
    }
  rc = printer_send (path, buf, len, err, err_size);
done:
  for (size_t i = 0; i < ncodes; i++)
    qr_free (&codes[i]);
  free (buf);
  return rc;
}

int
printer_test (const char *path, char *err, size_t err_size)
{
  static const char *const lines[] = {
    "If you can read this, the kiosk's printer works.",
  };
  char *buf = NULL;
  size_t len = 0;
  FILE *out = open_memstream (&buf, &len);
  int rc;

  if (!out || qr_write_escpos (out, "safejob printer test", lines, 1, NULL, 0, SLIP_DOTS) != 0
      || fclose (out) != 0)
    {
      free (buf);
      snprintf (err, err_size, "out of memory");
      return -1;
    }
  rc = printer_send (path, buf, len, err, err_size);
  free (buf);
  return rc;
}
