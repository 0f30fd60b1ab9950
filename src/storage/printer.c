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
#include "system.h"
#include "qr_file.h"
#include "vcard.h"

enum { WRITE_TIMEOUT_MS = 3000, SLIP_DOTS = 384 /* 58 mm paper */, CARD_BYTES = 280 };

const char *
printer_status_text (enum printer_status status)
{
  switch (status)
    {
    case PRINTER_OK:
      return N_("printed");
    case PRINTER_ABSENT:
      /* TRANSLATORS: why the slip did not print, shown inside "The printer is
         not working (%s)". */
      return N_("it is not connected or not switched on");
    case PRINTER_REFUSED:
      return N_("the kiosk may not use it");
    case PRINTER_SILENT:
      return N_("it does not answer: it may be out of paper or jammed");
    case PRINTER_NO_MEMORY:
    case PRINTER_FAILED:
    default:
      return N_("it stopped while printing");
    }
}

/* The status for the error ERR of open or write, and its words in DETAIL. */
static enum printer_status
failed (int err, char *detail, size_t detail_size)
{
  snprintf (detail, detail_size, "%s", strerror (err));
  switch (err)
    {
    case ENOENT:
    case ENODEV:
    case ENXIO:
    case ENOTDIR:
      return PRINTER_ABSENT;
    case EACCES:
    case EPERM:
    case EROFS:
      return PRINTER_REFUSED;
    case ENOMEM:
      return PRINTER_NO_MEMORY;
    default:
      return PRINTER_FAILED;
    }
}

enum printer_status
printer_send (const char *path, const void *data, size_t len, char *detail, size_t detail_size)
{
  int fd = open (path, O_WRONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
  const unsigned char *p = data;

  if (fd < 0)
    return failed (errno, detail, detail_size);
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
          int err = errno;
          close (fd);
          return failed (err, detail, detail_size);
        }
      struct pollfd pfd = { fd, POLLOUT, 0 };
      if (poll (&pfd, 1, WRITE_TIMEOUT_MS) <= 0 || (pfd.revents & (POLLERR | POLLHUP)))
        {
          snprintf (detail, detail_size, "it took nothing for %d s", WRITE_TIMEOUT_MS / 1000);
          close (fd);
          return PRINTER_SILENT;
        }
    }
  if (close (fd) != 0)
    return failed (errno, detail, detail_size);
  return PRINTER_OK;
}

enum printer_status
print_contacts (const char *path, const struct contact *const *contacts, size_t count,
                char *detail, size_t detail_size)
{
  enum { MAX = 32 };
  const char *names[MAX];
  char lines[MAX][160];
  const char *text[MAX];
  struct qr_image codes[MAX];
  size_t ncodes = 0;
  char *buf = NULL;
  size_t len = 0;
  enum printer_status rc = PRINTER_FAILED;

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
      rc = failed (errno, detail, detail_size);
      goto done;
    }
  ncodes = (size_t) made;
  FILE *out = open_memstream (&buf, &len);
  if (!out || qr_write_escpos (out, "Numbers to save - safejob", text, count, codes, ncodes,
                               SLIP_DOTS) != 0 || fclose (out) != 0)
    {
      rc = failed (ENOMEM, detail, detail_size);
      goto done;
    }
  rc = printer_send (path, buf, len, detail, detail_size);
done:
  for (size_t i = 0; i < ncodes; i++)
    qr_free (&codes[i]);
  free (buf);
  return rc;
}

enum printer_status
printer_test (const char *path, char *detail, size_t detail_size)
{
  static const char *const lines[] = {
    "If you can read this, the kiosk's printer works.",
  };
  char *buf = NULL;
  size_t len = 0;
  FILE *out = open_memstream (&buf, &len);
  enum printer_status rc;

  if (!out || qr_write_escpos (out, "safejob printer test", lines, 1, NULL, 0, SLIP_DOTS) != 0
      || fclose (out) != 0)
    {
      free (buf);
      return failed (ENOMEM, detail, detail_size);
    }
  rc = printer_send (path, buf, len, detail, detail_size);
  free (buf);
  return rc;
}
