/* safejob-content.c -- compiles the content sources (content/README.md)
   into the kiosk's SQLite database, and extracts their strings for
   translators. Part of the build; operators run it to update a kiosk's
   content without rebuilding the program. */
#include <config.h>

#include <getopt.h>
#include <locale.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "clips_build.h"
#include "content_compile.h"
#include "content_db.h"
#include "content_pot.h"
#include "content_sign.h"
#include "diag.h"
#include "i18n.h"
#include "languages.h"
#include "system.h"

static const char *program = "safejob-content";

static void
usage (FILE *out)
{
  fprintf (out, "Usage: %s [OPTION]... DIRECTORY\n", program);
  fputs ("Check the content sources in DIRECTORY (checklist.txt, articles.txt,\n"
         "countries.txt, contacts.txt, and clips.txt with its recordings if there\n"
         "is one) and compile them into a content database.\n"
         "\n"
         "  -o, --output=FILE  write the database to FILE\n"
         "  -p, --pot=FILE     write the translatable strings to FILE (PO format)\n"
         "  -t, --translations list the strings with no translation in the\n"
         "                     installed catalogues, per language (after an edit)\n"
         "  -s, --sign=KEY     sign the database written with --output with the\n"
         "                     secret key in KEY: writes FILE.sig beside it\n"
         "      --keygen=NAME  make a key pair, NAME.key (secret: keep it at the\n"
         "                     office) and NAME.pub (for every kiosk), and exit\n"
         "  -h, --help         display this help and exit\n"
         "  -V, --version      display version information and exit\n"
         "\n"
         "With neither --output nor --pot, only check the sources.\n"
         "Errors are reported as FILE:LINE: MESSAGE; the exit status is 1 if any.\n", out);
}

/* The strings of BUILD that a session in another language would show in
   English, because its catalogue has no translation for them: after an
   operator edits a line, its old translation no longer matches it. One
   line a place, naming the languages, then a count a language. These are
   warnings: the content is still right, in English. */
static void
report_untranslated (const struct content_build *build)
{
  i18n_bind ();
  size_t languages = 0, missing_total = 0;
  size_t missing[64] = { 0 };
  for (size_t m = 0; m < build->message_count; m++)
    {
      const struct content_message *msg = &build->messages[m];
      char names[256] = "";
      for (size_t i = 0; i < languages_count () && i < ARRAY_SIZE (missing); i++)
        {
          const char *code = languages_get (i)->code;
          if (strcmp (code, "en") == 0)
            continue;
          /* gettext gives back MSGID itself, the same pointer, when the
             catalogue has no translation; one that reads the same
             ("Nepal" in Indonesian) comes from the catalogue. */
          if (i18n_gettext_in (code, msg->msgid) == msg->msgid)
            {
              missing[i]++;
              size_t used = strlen (names);
              snprintf (names + used, sizeof names - used, "%s%s", used ? ", " : "", code);
            }
        }
      if (names[0])
        {
          missing_total++;
          printf ("%s:%d: no translation in %s: \"%.60s%s\"\n", msg->file, msg->line, names,
                  msg->msgid, strlen (msg->msgid) > 60 ? "..." : "");
        }
    }
  for (size_t i = 0; i < languages_count () && i < ARRAY_SIZE (missing); i++)
    {
      const char *code = languages_get (i)->code;
      if (strcmp (code, "en") == 0)
        continue;
      languages++;
      if (missing[i])
        printf ("%s: %zu of %zu content strings have no translation: a session in it "
                "shows them in English\n", code, missing[i], build->message_count);
    }
  if (missing_total == 0)
    printf ("Every content string has a translation in each of the %zu languages.\n", languages);
}

int
main (int argc, char **argv)
{
  static const struct option options[] = {
    { "output", required_argument, NULL, 'o' },
    { "pot", required_argument, NULL, 'p' },
    { "translations", no_argument, NULL, 't' },
    { "sign", required_argument, NULL, 's' },
    { "keygen", required_argument, NULL, 'K' },
    { "help", no_argument, NULL, 'h' },
    { "version", no_argument, NULL, 'V' },
    { NULL, 0, NULL, 0 },
  };
  const char *output = NULL, *pot = NULL, *sign_key = NULL;
  bool translations = false;
  struct diag diag = { stderr, 0 };
  struct content_build build;
  char err[512];
  int opt;

  atexit (diag_close_stdout);
  /* Widths are measured in display columns, whatever the caller's locale. */
  if (!setlocale (LC_ALL, "C.UTF-8"))
    {
      fprintf (stderr, "%s: the C.UTF-8 locale is missing\n", program);
      return EXIT_FAILURE;
    }
  while ((opt = getopt_long (argc, argv, "o:p:ts:hV", options, NULL)) != -1)
    switch (opt)
      {
      case 's': sign_key = optarg; break;
      case 'K':
        if (content_key_generate (optarg, err, sizeof err) != 0)
          {
            fprintf (stderr, "%s: %s\n", program, err);
            return EXIT_FAILURE;
          }
        printf ("%s: wrote %s.key (secret: keep it at the office) and %s.pub (for the "
                "kiosks: /etc/safejob/content.pub)\n", program, optarg, optarg);
        return EXIT_SUCCESS;
      case 'o': output = optarg; break;
      case 'p': pot = optarg; break;
      case 't': translations = true; break;
      case 'h': usage (stdout); return EXIT_SUCCESS;
      case 'V': printf ("%s (%s) %s\n", program, PACKAGE, VERSION); return EXIT_SUCCESS;
      default: usage (stderr); return EXIT_FAILURE;
      }
  if (optind + 1 != argc || (sign_key && !output))
    {
      usage (stderr);
      return EXIT_FAILURE;
    }

  int errors = content_compile (argv[optind], &build, &diag);
  struct content_clip *clips;
  size_t clip_count;
  errors += clips_build (argv[optind], &build.content.arena, &diag, &clips, &clip_count);
  /* A changed recording is new content: the version says so. */
  if (!errors && !(build.content.version = clips_version (build.content.version, clips,
                                                          clip_count, &build.content.arena)))
    errors++;
  if (errors)
    {
      fprintf (stderr, "%s: %d error%s in %s; nothing written\n", program, errors,
               errors == 1 ? "" : "s", argv[optind]);
      content_free (&build.content);
      return EXIT_FAILURE;
    }
  int status = EXIT_SUCCESS;
  if (output && content_db_write (&build.content, clips, clip_count, output, err,
                                          sizeof err) != 0)
    {
      fprintf (stderr, "%s: %s\n", program, err);
      status = EXIT_FAILURE;
    }
  if (sign_key && status == EXIT_SUCCESS
      && content_sign_file (output, sign_key, err, sizeof err) != 0)
    {
      fprintf (stderr, "%s: %s\n", program, err);
      status = EXIT_FAILURE;
    }
  if (pot && status == EXIT_SUCCESS)
    {
      FILE *f = fopen (pot, "w");
      if (!f || content_pot_write (&build, f) != 0 || fclose (f) != 0)
        {
          perror (pot);
          status = EXIT_FAILURE;
        }
    }
  if (translations && status == EXIT_SUCCESS)
    report_untranslated (&build);
  content_free (&build.content);
  return status;
}
