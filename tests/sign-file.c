/* sign-file.c -- signs any file as the office signs a content database
   (content_sign_file), so that tests/test-content-sign.sh can offer a
   kiosk a file whose signature is good but which is no content database:
   the kiosk's own loading must refuse it.

   Usage: sign-file KEY FILE   (writes FILE.sig) */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include "content_sign.h"

int
main (int argc, char **argv)
{
  char err[1024];
  if (argc != 3)
    {
      fprintf (stderr, "usage: sign-file KEY FILE\n");
      return 2;
    }
  if (content_sign_file (argv[2], argv[1], err, sizeof err) != 0)
    {
      fprintf (stderr, "sign-file: %s\n", err);
      return 1;
    }
  return 0;
}
