/* cmd_qr.c -- "safejob qr": the contacts for a nationality and destination
   as QR code files (SVG, PBM) for leaflets and posters, or as a receipt. */
#include <config.h>
#include "commands.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "contact_list.h"
#include "content_db.h"
#include "i18n.h"
#include "languages.h"
#include "qr.h"
#include "qr_file.h"
#include "system.h"
#include "vcard.h"

enum { MAX_CONTACTS = 64, CARD_BYTES = 280 };

static void
qr_usage (FILE *out)
{
  fprintf (out, _("Usage: %s qr --nationality=CODE [OPTION]...\n"), PACKAGE);
  fputs (_("Write the numbers that help people of one nationality going to one\n"
           "country as QR codes a phone camera saves as a contact (vCard 3.0). A\n"
           "card too large for one readable code is split over several.\n\n"), out);
  fputs (_("  -n, --nationality=CODE  the people's country, such as NP\n"
           "  -d, --destination=CODE  the job's country, such as TH\n"
           "  -f, --format=FORMAT     svg (the default), pbm, escpos (a receipt) or\n"
           "                          text (the cards themselves)\n"
           "  -o, --output=FILE       write to FILE instead of standard output\n"
           "  -l, --lang=CODE         names in this language\n"
           "  -c, --content-db=FILE   read the content from FILE\n"
           "  -h, --help              display this help and exit\n"), out);
}

int
command_qr (int argc, char **argv)
{
  static const struct option options[] = {
    { "nationality", required_argument, NULL, 'n' },
    { "destination", required_argument, NULL, 'd' },
    { "format", required_argument, NULL, 'f' },
    { "output", required_argument, NULL, 'o' },
    { "lang", required_argument, NULL, 'l' },
    { "content-db", required_argument, NULL, 'c' },
    { "help", no_argument, NULL, 'h' },
    { NULL, 0, NULL, 0 },
  };
  const char *nationality = NULL, *destination = NULL, *format = "svg", *output = NULL;
  const char *content_option = NULL;
  struct content content;
  char err[1024];
  int opt;

  optind = 1;
  while ((opt = getopt_long (argc, argv, "n:d:f:o:l:c:h", options, NULL)) != -1)
    switch (opt)
      {
      case 'n': nationality = optarg; break;
      case 'd': destination = optarg; break;
      case 'f': format = optarg; break;
      case 'o': output = optarg; break;
      case 'c': content_option = optarg; break;
      case 'l':
        if (languages_find (optarg) < 0)
          {
            fprintf (stderr, _("%s: no language '%s'\n"), PACKAGE, optarg);
            return EXIT_FAILURE;
          }
        i18n_use (optarg);
        break;
      case 'h':
        qr_usage (stdout);
        return EXIT_SUCCESS;
      default:
        fprintf (stderr, _("Try '%s qr --help' for more information.\n"), PACKAGE);
        return EXIT_FAILURE;
      }
  if (!nationality || optind < argc
      || (strcmp (format, "svg") && strcmp (format, "pbm") && strcmp (format, "escpos")
          && strcmp (format, "text")))
    {
      qr_usage (stderr);
      return EXIT_FAILURE;
    }
  if (content_db_load (content_db_path (content_option), &content, err, sizeof err) != 0)
    {
      fprintf (stderr, _("%s: cannot use the content database: %s\n"), PACKAGE, err);
      content_free (&content);
      return EXIT_FAILURE;
    }
  if (!content_country (&content, nationality)
      || (destination && !content_country (&content, destination)))
    {
      fprintf (stderr, _("%s: unknown country '%s'; use a code of content/countries.txt\n"),
               PACKAGE, content_country (&content, nationality) ? destination : nationality);
      content_free (&content);
      return EXIT_FAILURE;
    }

  /* The card holds only the numbers that can be dialled from the job's
     country (from anywhere, when it is not known). */
  static struct contact_list contacts;
  contact_list_build (&content, nationality, destination, &contacts);
  const struct contact *const *list = contacts.card_list;
  const char *names[MAX_CONTACTS];
  size_t n = contacts.card_count;
  if (n == 0)
    {
      fprintf (stderr, _("%s: no checked numbers for %s going to %s\n"), PACKAGE, nationality,
               destination ? destination : "?");
      content_free (&content);
      return EXIT_FAILURE;
    }
  for (size_t i = 0; i < n; i++)
    names[i] = _(list[i]->name);

  /* The cards, split where one would make too dense a code. */
  struct qr_image images[MAX_CONTACTS];
  char captions[MAX_CONTACTS][64];
  const char *caption_ptrs[MAX_CONTACTS];
  char cards[MAX_CONTACTS][VCARD_CARD_MAX];
  int status = EXIT_SUCCESS;
  int made = vcard_codes (list, names, n, CARD_BYTES, images, cards);
  size_t ncodes = made > 0 ? (size_t) made : 0;
  if (made < 0)
    {
      fprintf (stderr, _("%s: cannot make the QR code: %s\n"), PACKAGE, strerror (errno));
      status = EXIT_FAILURE;
    }
  for (size_t i = 0; i < ncodes; i++)
    {
      /* TRANSLATORS: under each code when the numbers need several. */
      snprintf (captions[i], sizeof captions[i], _("Code %zu"), i + 1);
      caption_ptrs[i] = captions[i];
    }
  /* Then a code for each web address, which a camera offers to open. */
  for (size_t i = 0; i < n && status == EXIT_SUCCESS && ncodes < MAX_CONTACTS; i++)
    if (list[i]->url)
      {
        if (qr_make (list[i]->url, &images[ncodes]) != 0)
          {
            fprintf (stderr, _("%s: cannot make the QR code: %s\n"), PACKAGE, strerror (errno));
            status = EXIT_FAILURE;
            break;
          }
        snprintf (cards[ncodes], sizeof cards[ncodes], "%s\n", list[i]->url);
        snprintf (captions[ncodes], sizeof captions[ncodes], "%.60s", list[i]->url);
        caption_ptrs[ncodes] = captions[ncodes];
        ncodes++;
      }

  FILE *out = output ? fopen (output, "wb") : stdout;
  if (status == EXIT_SUCCESS && !out)
    {
      fprintf (stderr, "%s: %s: %s\n", PACKAGE, output, strerror (errno));
      status = EXIT_FAILURE;
    }
  if (status == EXIT_SUCCESS)
    {
      int rc = 0;
      if (strcmp (format, "svg") == 0)
        rc = qr_write_svg (out, images, caption_ptrs, ncodes);
      else if (strcmp (format, "pbm") == 0)
        rc = qr_write_pbm (out, images, ncodes, 4);
      else if (strcmp (format, "escpos") == 0)
        rc = qr_write_escpos (out, "Numbers to save - safejob", names, n, images, ncodes, 384);
      else
        for (size_t i = 0; i < ncodes; i++)
          fputs (cards[i], out);
      if (rc != 0 || (out != stdout ? fclose (out) : fflush (out)) != 0)
        {
          fprintf (stderr, "%s: %s: %s\n", PACKAGE, output ? output : "-", strerror (errno));
          status = EXIT_FAILURE;
        }
    }
  else if (out && out != stdout)
    fclose (out);
  for (size_t i = 0; i < ncodes; i++)
    qr_free (&images[i]);
  content_free (&content);
  return status;
}
