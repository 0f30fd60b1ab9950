/* cmd_screen.c -- "safejob screen": the kiosk's engine for recruitment and
   labour office staff. Reads answers, prints a report, exits with the level. */
#include <config.h>
#include "commands.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "answers.h"
#include "content_db.h"
#include "dates.h"
#include "i18n.h"
#include "languages.h"
#include "offers_log.h"
#include "report.h"
#include "session.h"
#include "settings.h"
#include "system.h"

const char *
content_db_path (const char *option)
{
  const char *env = getenv ("SAFEJOB_CONTENT_DB");
  return option ? option : env && *env ? env : CONTENT_DB;
}

static void
screen_usage (FILE *out)
{
  fprintf (out, _("Usage: %s screen [OPTION]... [FILE]\n"), PACKAGE);
  fputs (_("Screen a job offer: read the answers to the checklist from FILE (or\n"
           "standard input), one 'question = answer' a line with the ids of the\n"
           "content (for example 'visa = tourist'); a question left out counts as\n"
           "\"I don't know\". 'nationality = NP' applies the rules of the person's\n"
           "government. The offer's details go in 'offer.agency', 'offer.licence',\n"
           "'offer.employer', 'offer.title', 'offer.country' and 'offer.date'.\n"
           "Print a report.\n\n"), out);
  fputs (_("  -l, --lang=CODE        write the report in this language (en, ne, ...)\n"
           "  -f, --format=FORMAT    'text' (the default) or 'json'\n"
           "      --log              record the screening in the office log\n"
           "  -c, --content-db=FILE  read the content from FILE\n"
           "      --office-db=FILE   use FILE as the office log\n"
           "  -h, --help             display this help and exit\n\n"), out);
  fputs (_("The office log may also be on a PostgreSQL server that many desks share,\n"
           "named by a connection string (postgresql://desk@host/office).\n\n"), out);
  fputs (_("Exit status: 0 low risk, 1 medium, 2 high, 3 trouble (such as an\n"
           "unknown question or answer).\n"), out);
}

int
command_screen (int argc, char **argv)
{
  enum { OPT_LOG = 256, OPT_OFFICE_DB };
  static const struct option options[] = {
    { "lang", required_argument, NULL, 'l' },
    { "format", required_argument, NULL, 'f' },
    { "log", no_argument, NULL, OPT_LOG },
    { "content-db", required_argument, NULL, 'c' },
    { "office-db", required_argument, NULL, OPT_OFFICE_DB },
    { "help", no_argument, NULL, 'h' },
    { NULL, 0, NULL, 0 },
  };
  const char *lang = NULL, *content_option = NULL, *office_option = NULL;
  enum report_format format = REPORT_TEXT;
  bool log_it = false;
  struct content content;
  struct offer offer;
  struct diag diag = { stderr, 0 };
  int answers[CHECKLIST_MAX_QUESTIONS];
  struct offer_earlier earlier[RESULT_MAX_EARLIER];
  char nationality[3];
  int earlier_count = 0;
  char err[1024];
  int opt;

  optind = 1;
  while ((opt = getopt_long (argc, argv, "l:f:c:h", options, NULL)) != -1)
    switch (opt)
      {
      case 'l': lang = optarg; break;
      case 'c': content_option = optarg; break;
      case OPT_OFFICE_DB: office_option = optarg; break;
      case OPT_LOG: log_it = true; break;
      case 'f':
        if (strcmp (optarg, "json") == 0)
          format = REPORT_JSON;
        else if (strcmp (optarg, "text") == 0)
          format = REPORT_TEXT;
        else
          {
            fprintf (stderr, _("%s: unknown format '%s'; use 'text' or 'json'\n"), PACKAGE,
                     optarg);
            return SCREEN_EXIT_ERROR;
          }
        break;
      case 'h':
        screen_usage (stdout);
        return EXIT_SUCCESS;
      default:
        fprintf (stderr, _("Try '%s screen --help' for more information.\n"), PACKAGE);
        return SCREEN_EXIT_ERROR;
      }
  if (argc - optind > 1)
    {
      fprintf (stderr, _("%s: screen takes one answers file\n"), PACKAGE);
      return SCREEN_EXIT_ERROR;
    }
  if (lang)
    {
      if (languages_find (lang) < 0)
        {
          /* Every language, however many catalogues were added. */
          char offered[1024] = "";
          size_t used = 0;
          for (size_t i = 0; i < languages_count () && used < sizeof offered; i++)
            used += (size_t) snprintf (offered + used, sizeof offered - used, "%s%s",
                                       i ? ", " : "", languages_get (i)->code);
          fprintf (stderr, _("%s: no language '%s'; the languages are: %s\n"), PACKAGE, lang,
                   offered);
          return SCREEN_EXIT_ERROR;
        }
      i18n_use (lang);
    }

  const char *db = content_db_path (content_option);
  if (content_db_load (db, &content, err, sizeof err) != 0)
    {
      fprintf (stderr, _("%s: cannot use the content database: %s\n"), PACKAGE, err);
      content_free (&content);
      return SCREEN_EXIT_ERROR;
    }

  const char *name = optind < argc ? argv[optind] : "-";
  FILE *in = strcmp (name, "-") == 0 ? stdin : fopen (name, "r");
  if (!in)
    {
      fprintf (stderr, "%s: %s: %s\n", PACKAGE, name, strerror (errno));
      content_free (&content);
      return SCREEN_EXIT_ERROR;
    }
  int errors = answers_read (in, in == stdin ? "<stdin>" : name, &content, answers, &offer,
                             nationality, &diag);
  if (in != stdin)
    fclose (in);
  if (errors)
    {
      content_free (&content);
      return SCREEN_EXIT_ERROR;
    }
  /* Not one answer (an empty file, or the offer's details alone) is
     nothing to judge: never a result, never logged (issue 19: it came out
     low and was logged as such). Questions left out of a file that
     answers others count as "I don't know" and are listed. */
  size_t answered = 0;
  for (size_t q = 0; q < content.checklist.count; q++)
    answered += answers[q] != CHECKLIST_UNANSWERED;
  if (answered == 0)
    {
      /* TRANSLATORS: %2$s is an answers file; it answered no question. */
      fprintf (stderr, _("%1$s: %2$s answers no question: there is nothing to judge\n"), PACKAGE,
               in == stdin ? "<stdin>" : name);
      content_free (&content);
      return SCREEN_EXIT_ERROR;
    }

  /* The office log: earlier high results for this agency or employer, then
     this screening, if asked. A log that cannot be opened stops a --log
     run; without --log the report simply goes without the history. A
     shared log's server out of reach stops neither: the report says whose
     results it could check, and a screening waits on the desk. */
  struct settings settings;
  office_settings (&settings);
  struct offers_log *log = !offer_is_empty (&offer) || log_it
                           ? office_log_open (&settings, office_option, log_it, err, sizeof err)
                           : NULL;
  if (!log && log_it)
    {
      fprintf (stderr, _("%s: cannot use the office log: %s\n"), PACKAGE, err);
      content_free (&content);
      return SCREEN_EXIT_ERROR;
    }
  if (log)
    {
      earlier_count = offers_log_earlier_high (log, &offer, earlier, ARRAY_SIZE (earlier),
                                               err, sizeof err);
      if (earlier_count < 0)
        {
          fprintf (stderr, _("%s: cannot read the office log: %s\n"), PACKAGE, err);
          earlier_count = 0;
        }
      else if (offers_log_trouble (log))
        /* TRANSLATORS: %2$s says why (in English), and names the server. */
        fprintf (stderr, _("%1$s: the shared office log could not be reached, so earlier "
                           "results are only those waiting on this desk: %2$s\n"), PACKAGE,
                 offers_log_trouble (log));
    }

  /* Not on the stack: with every sign it is some kilobytes. */
  struct result *result = malloc (sizeof *result);
  if (!result)
    {
      fprintf (stderr, "%s: %s\n", PACKAGE, strerror (ENOMEM));
      offers_log_close (log);
      content_free (&content);
      return SCREEN_EXIT_ERROR;
    }
  result_build (result, &content, answers, nationality, &offer, earlier,
                (size_t) earlier_count);
  enum risk_level level = result->risk.level;
  int status = level == RISK_HIGH ? SCREEN_EXIT_HIGH
               : level == RISK_MEDIUM ? SCREEN_EXIT_MEDIUM : SCREEN_EXIT_LOW;
  if (report_write (result, lang ? lang : "", format, stdout) != 0 || fflush (stdout) != 0)
    {
      fprintf (stderr, _("%s: cannot write the report: %s\n"), PACKAGE, strerror (errno));
      status = SCREEN_EXIT_ERROR;
    }
  if (log && log_it && status != SCREEN_EXIT_ERROR)
    {
      char day[DATE_SIZE];
      date_today (day);
      if (offers_log_add (log, day, &offer, &result->risk, content.version, err, sizeof err) != 0)
        {
          fprintf (stderr, "%s: %s\n", PACKAGE, err);
          status = SCREEN_EXIT_ERROR;
        }
      else if (offers_log_trouble (log))
        {
          int unsent = offers_log_unsent (log, err, sizeof err);
          /* TRANSLATORS: %2$d screenings wait on this desk; %3$s says why
             the server did not take them (in English). */
          fprintf (stderr, ngettext ("%1$s: the screening is kept on this desk and will be sent "
                                     "to the shared office log when it can be reached (%2$d "
                                     "waiting): %3$s\n",
                                     "%1$s: the screening is kept on this desk and will be sent "
                                     "to the shared office log when it can be reached (%2$d "
                                     "waiting): %3$s\n", (unsigned long) (unsent > 0 ? unsent : 1)),
                   PACKAGE, unsent, offers_log_trouble (log));
        }
    }
  free (result);
  offers_log_close (log);
  content_free (&content);
  return status;
}
