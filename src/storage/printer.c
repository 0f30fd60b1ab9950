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
#include "system.h"

enum { WRITE_TIMEOUT_MS = 3000 };

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

/* Commands hold NUL bytes: write them by length, never as C strings. */
#define COMMAND(out, literal) fwrite (literal, 1, sizeof literal - 1, out)

enum printer_status
printer_print_raster (const char *path, const unsigned char *bits, int height, size_t row_bytes,
                      char *detail, size_t detail_size)
{
  /* GS v 0 in bands: printers cap one image's height (Epson at 2303 rows)
     and some buffer little; 128 rows is what drivers send. */
  enum { BAND_ROWS = 128 };
  char *buf = NULL;
  size_t len = 0;
  FILE *out = open_memstream (&buf, &len);
  enum printer_status rc;

  if (!out)
    return failed (ENOMEM, detail, detail_size);
  COMMAND (out, "\x1b@");                        /* ESC @: initialise */
  for (int top = 0; top < height; top += BAND_ROWS)
    {
      int rows = height - top < BAND_ROWS ? height - top : BAND_ROWS;
      fprintf (out, "\x1dv0%c%c%c%c%c", 0, (int) (row_bytes & 0xff), (int) (row_bytes >> 8),
               rows & 0xff, rows >> 8);
      fwrite (bits + (size_t) top * row_bytes, 1, (size_t) rows * row_bytes, out);
    }
  COMMAND (out, "\n\n\n\x1dV\x42\x00");           /* GS V 66 0: feed and cut */
  if (fclose (out) != 0)
    {
      if (buf)
        explicit_bzero (buf, len);
      free (buf);
      return failed (ENOMEM, detail, detail_size);
    }
  rc = printer_send (path, buf, len, detail, detail_size);
  /* The image may be a person's result. */
  explicit_bzero (buf, len);
  free (buf);
  return rc;
}
