/* cmd_content.c -- "safejob install-content": a kiosk of a fleet takes a
   new content database only when the office's signature verifies and the
   database passes the kiosk's own loading checks; it swaps it in
   atomically and keeps the one before, to go back to (issue 22). */
#include <config.h>
#include "commands.h"

#include <errno.h>
#include <stdbool.h>
#include <fcntl.h>
#include <getopt.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "content.h"
#include "content_db.h"
#include "content_sign.h"
#include "diag.h"
#include "system.h"

/* Writes SIZE bytes of DATA to the new file PATH and makes them durable. */
static int
write_durably (const char *path, const unsigned char *data, size_t size, char *err,
               size_t err_size)
{
  int fd = open (path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0)
    {
      diag_format (err, err_size, "%s: %s", path, strerror (errno));
      return -1;
    }
  size_t done = 0;
  while (done < size)
    {
      ssize_t n = write (fd, data + done, size - done);
      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        break;
      done += (size_t) n;
    }
  if (done != size || fsync (fd) != 0 || close (fd) != 0)
    {
      diag_format (err, err_size, "%s: %s", path, strerror (errno));
      if (fd >= 0)
        close (fd);
      unlink (path);
      return -1;
    }
  return 0;
}

/* Makes the renames in the directory of PATH durable. */
static void
sync_directory (const char *path)
{
  char copy[4096];
  snprintf (copy, sizeof copy, "%s", path);
  int fd = open (dirname (copy), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd >= 0)
    {
      fsync (fd);
      close (fd);
    }
}

/* Installs the signed database NEW as TARGET. */
static int
install (const char *new_db, const char *target, const char *key)
{
  char err[1024], staged[4096], previous[4096];
  unsigned char *data;
  size_t size;
  struct content content;

  /* The bytes verified are the bytes installed: read once. */
  if (content_read_file (new_db, &data, &size, err, sizeof err) != 0
      || content_verify (new_db, data, size, key, err, sizeof err) != 0)
    {
      fprintf (stderr, _("%s: the new content is not installed: %s\n"), PACKAGE, err);
      free (data);
      return EXIT_FAILURE;
    }
  snprintf (staged, sizeof staged, "%s.new", target);
  snprintf (previous, sizeof previous, "%s.previous", target);
  int status = write_durably (staged, data, size, err, sizeof err);
  free (data);
  /* The kiosk's own checks, on the copy it would run on. */
  memset (&content, 0, sizeof content);
  if (status == 0 && content_db_load (staged, &content, err, sizeof err) != 0)
    status = -1;
  content_free (&content);
  if (status != 0)
    {
      unlink (staged);
      fprintf (stderr, _("%s: the new content is not installed: %s\n"), PACKAGE, err);
      return EXIT_FAILURE;
    }
  /* The one in use stays in place until the rename replaces it at once; a
     second name for it is the way back. */
  if (access (target, F_OK) == 0)
    {
      if ((unlink (previous) != 0 && errno != ENOENT) || link (target, previous) != 0)
        {
          fprintf (stderr, _("%s: the new content is not installed: %s: %s\n"), PACKAGE,
                   previous, strerror (errno));
          unlink (staged);
          return EXIT_FAILURE;
        }
    }
  if (rename (staged, target) != 0)
    {
      fprintf (stderr, _("%s: the new content is not installed: %s: %s\n"), PACKAGE, target,
               strerror (errno));
      unlink (staged);
      return EXIT_FAILURE;
    }
  sync_directory (target);
  printf (_("%s: installed %s as %s; the one before is %s (--rollback)\n"), PACKAGE, new_db,
          target, previous);
  return EXIT_SUCCESS;
}

/* Puts the previous database back as TARGET. */
static int
rollback (const char *target)
{
  char previous[4096];
  snprintf (previous, sizeof previous, "%s.previous", target);
  if (rename (previous, target) != 0)
    {
      fprintf (stderr, _("%s: cannot go back: %s: %s\n"), PACKAGE, previous, strerror (errno));
      return EXIT_FAILURE;
    }
  sync_directory (target);
  printf (_("%s: %s is the previous content again\n"), PACKAGE, target);
  return EXIT_SUCCESS;
}

int
command_install_content (int argc, char **argv)
{
  enum { OPT_KEY = 256, OPT_ROLLBACK };
  static const struct option options[] = {
    { "key", required_argument, NULL, OPT_KEY },
    { "content-db", required_argument, NULL, 'c' },
    { "rollback", no_argument, NULL, OPT_ROLLBACK },
    { "help", no_argument, NULL, 'h' },
    { NULL, 0, NULL, 0 },
  };
  const char *key = CONTENT_KEY, *content_option = NULL;
  bool back = false;
  int opt;

  optind = 1;
  while ((opt = getopt_long (argc, argv, "c:h", options, NULL)) != -1)
    switch (opt)
      {
      case OPT_KEY: key = optarg; break;
      case 'c': content_option = optarg; break;
      case OPT_ROLLBACK: back = true; break;
      case 'h':
        printf (_("Usage: %s install-content [--key=FILE] [--content-db=FILE] NEW\n"
                  "  or:  %s install-content --rollback [--content-db=FILE]\n"), PACKAGE,
                PACKAGE);
        fputs (_("Install the content database NEW, compiled and signed by the office\n"
                 "(safejob-content --sign), if its signature verifies with the office's\n"
                 "public key and it loads as the kiosk loads it: it replaces the one in\n"
                 "use at once, which is kept to go back to with --rollback. The kiosk\n"
                 "reads it when it next starts.\n"
                 "\n"
                 "      --key=FILE         the office's public key\n"
                 "  -c, --content-db=FILE  the database to replace\n"
                 "      --rollback         put back the one before the last install\n"), stdout);
        printf (_("\nThe key is %s unless --key names another.\n"), CONTENT_KEY);
        return EXIT_SUCCESS;
      default:
        fprintf (stderr, _("Try '%s install-content --help' for more information.\n"), PACKAGE);
        return EXIT_FAILURE;
      }
  const char *target = content_db_path (content_option);
  if (back)
    {
      if (optind < argc)
        {
          fprintf (stderr, _("%s: unexpected argument '%s'\n"), PACKAGE, argv[optind]);
          return EXIT_FAILURE;
        }
      return rollback (target);
    }
  if (optind + 1 != argc)
    {
      fprintf (stderr, _("Try '%s install-content --help' for more information.\n"), PACKAGE);
      return EXIT_FAILURE;
    }
  return install (argv[optind], target, key);
}
