/* report.c -- text and JSON screening reports. */
#include <config.h>
#include "report.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include "export.h"
#include "system.h"
#include "wrap.h"

enum { TEXT_WIDTH = 78 };

/* Prints TEXT wrapped to TEXT_WIDTH columns: the first line after FIRST,
   the others indented by INDENT spaces. Widths are display columns, so
   Devanagari and CJK lines come out as long as Latin ones. */
static void
print_wrapped (FILE *out, const char *first, int indent, const char *text)
{
  enum { MAX_LINES = 64 };
  struct wrap_line lines[MAX_LINES];
  wchar_t *wide = wrap_decode (text);
  if (!wide)
    return;
  size_t n = wrap_text (wide, TEXT_WIDTH - indent, lines, MAX_LINES);
  for (size_t i = 0; i < n && i < MAX_LINES; i++)
    {
      if (i == 0)
        fputs (first, out);
      else
        fprintf (out, "%*s", indent, "");
      for (size_t k = 0; k < lines[i].length; k++)
        {
          char mb[MB_LEN_MAX];
          mbstate_t state;
          memset (&state, 0, sizeof state);
          size_t len = wcrtomb (mb, wide[lines[i].start + k], &state);
          if (len != (size_t) -1)
            fwrite (mb, 1, len, out);
        }
      fputc ('\n', out);
    }
  if (n == 0)
    fprintf (out, "%s\n", first);
  free (wide);
}

static void
write_text (const struct result *r, FILE *out)
{
  const struct risk_result *risk = &r->risk;
  const struct checklist *list = &r->content->checklist;
  char line[1024];

  /* TRANSLATORS: the first line of a screening report. */
  fprintf (out, "%s\n\n", _("safejob: job offer screening"));
  snprintf (line, sizeof line, "%s %s", r->symbol, r->level_text);
  print_wrapped (out, "", 0, line);
  print_wrapped (out, "", 0, r->summary);
  /* TRANSLATORS: %1$d is the sum of the risk points, %2$d and %3$d the points
     from which a result is medium and high. */
  snprintf (line, sizeof line, _("%1$d risk points (medium from %2$d, high from %3$d)."),
            risk->score, list->medium_from, list->high_from);
  print_wrapped (out, "", 0, line);
  if (risk->in_favour > 0)
    {
      /* TRANSLATORS: %1$d and %2$d are risk points; the first counts against
         the offer, the second for it (what the person checked). */
      snprintf (line, sizeof line, _("%1$d points against the offer, %2$d for it."),
                risk->against, risk->in_favour);
      print_wrapped (out, "", 0, line);
    }
  if (risk->critical)
    print_wrapped (out, "", 0, _("A critical warning sign makes it high on its own."));
  else if (r->level_without)
    {
      /* TRANSLATORS: %s is a level's headline, such as "HIGH RISK". */
      snprintf (line, sizeof line, _("Without what counts for the offer, it would be %s."),
                r->level_without);
      print_wrapped (out, "", 0, line);
    }
  if (r->nationality)
    {
      /* TRANSLATORS: %s is a country's name. */
      snprintf (line, sizeof line, _("Nationality: %s. Its government's rules count here."),
                _(r->nationality->name));
      print_wrapped (out, "", 0, line);
    }

  if (r->offer)
    {
      fprintf (out, "\n%s\n", _("The offer:"));
      for (int f = 0; f < OFFER_FIELD_COUNT; f++)
        if (r->offer->field[f][0])
          {
            snprintf (line, sizeof line, "%s: %s", _(offer_field_label (f)), r->offer->field[f]);
            print_wrapped (out, "  ", 4, line);
          }
    }
  if (r->earlier_count > 0)
    {
      fprintf (out, "\n%s\n", _("Seen before with a high risk:"));
      for (size_t i = 0; i < r->earlier_count; i++)
        {
          /* TRANSLATORS: %1$s is "Agency" or "Employer"..., %2$s its name,
             %3$s the date (YYYY-MM-DD) of the earlier high-risk screening. */
          snprintf (line, sizeof line, _("%1$s \"%2$s\" had a high-risk result on %3$s."),
                    _(offer_field_label (r->earlier[i].field)), r->earlier[i].value,
                    r->earlier[i].day);
          print_wrapped (out, "! ", 2, line);
        }
    }

  if (r->sign_count > 0)
    {
      fprintf (out, "\n%s\n", _("Warning signs, the most serious first:"));
      for (size_t i = 0; i < r->sign_count; i++)
        {
          const struct result_sign *sign = &r->signs[i];
          char number[32];
          snprintf (number, sizeof number, "%2zu. ", i + 1);
          print_wrapped (out, number, 4, sign->question_text);
          /* TRANSLATORS: the answer given, in a report. */
          snprintf (line, sizeof line, _("Answer: %s"), sign->answer_text);
          print_wrapped (out, "    ", 4, line);
          if (sign->skipped)
            print_wrapped (out, "    ", 4, _("Not answered: it counts as \"I don't know\"."));
          if (sign->answer->critical)
            print_wrapped (out, "    ", 4, _("This is a critical warning sign."));
          if (sign->rule && r->nationality)
            {
              /* TRANSLATORS: %s is a country's name. */
              snprintf (line, sizeof line, _("This applies to people from %s."),
                        _(r->nationality->name));
              print_wrapped (out, "    ", 4, line);
            }
          snprintf (line, sizeof line, _("Why: %s"), sign->why);
          print_wrapped (out, "    ", 4, line);
          if (sign->advice)
            {
              snprintf (line, sizeof line, _("What to do: %s"), sign->advice);
              print_wrapped (out, "    ", 4, line);
            }
        }
    }

  if (r->protection_count > 0)
    {
      fprintf (out, "\n%s\n", _("What counts for the offer:"));
      for (size_t i = 0; i < r->protection_count; i++)
        {
          const struct result_protection *p = &r->protections[i];
          char number[32];
          snprintf (number, sizeof number, "%2zu. ", i + 1);
          print_wrapped (out, number, 4, p->question_text);
          snprintf (line, sizeof line, _("Answer: %s"), p->answer_text);
          print_wrapped (out, "    ", 4, line);
          /* TRANSLATORS: %s says why an answer counts for the offer. */
          snprintf (line, sizeof line, _("Why it counts: %s"), p->because);
          print_wrapped (out, "    ", 4, line);
        }
    }

  if (r->advice_count > 0)
    {
      fprintf (out, "\n%s\n", _("For every job abroad:"));
      for (size_t i = 0; i < r->advice_count; i++)
        print_wrapped (out, "- ", 2, r->advice[i]);
    }

  if (r->unanswered_count > 0)
    {
      fprintf (out, "\n%s\n", _("Not answered (each counts as \"I don't know\"):"));
      for (size_t q = 0; q < r->unanswered_count; q++)
        print_wrapped (out, "- ", 2, _(r->unanswered[q]->text));
    }
}

static void
json_field (FILE *out, const char *indent, const char *key, const char *value, int last)
{
  fprintf (out, "%s\"%s\": ", indent, key);
  export_json_string (out, value);
  fputs (last ? "\n" : ",\n", out);
}

static void
write_json (const struct result *r, const char *language, FILE *out)
{
  const struct risk_result *risk = &r->risk;
  const struct checklist *list = &r->content->checklist;

  fputs ("{\n", out);
  json_field (out, "  ", "level", risk_level_id (risk->level), 0);
  json_field (out, "  ", "level_text", r->level_text, 0);
  json_field (out, "  ", "summary", r->summary, 0);
  fprintf (out, "  \"score\": %d,\n  \"points_against\": %d,\n  \"points_for\": %d,\n"
           "  \"critical\": %s,\n", risk->score, risk->against, risk->in_favour,
           risk->critical ? "true" : "false");
  json_field (out, "  ", "level_without_protections", risk_level_id (risk->level_without), 0);
  json_field (out, "  ", "nationality", r->nationality ? r->nationality->code : NULL, 0);
  fprintf (out, "  \"thresholds\": { \"medium\": %d, \"high\": %d },\n", list->medium_from,
           list->high_from);
  json_field (out, "  ", "language", language, 0);
  json_field (out, "  ", "content_version", r->content->version, 0);

  fputs ("  \"signs\": [", out);
  for (size_t i = 0; i < r->sign_count; i++)
    {
      const struct result_sign *sign = &r->signs[i];
      fputs (i ? ",\n    {\n" : "\n    {\n", out);
      json_field (out, "      ", "question", sign->question->id, 0);
      json_field (out, "      ", "answer", sign->answer->id, 0);
      fprintf (out, "      \"weight\": %d,\n      \"critical\": %s,\n      \"unknown\": %s,\n"
               "      \"skipped\": %s,\n", sign->answer->weight,
               sign->answer->critical ? "true" : "false",
               sign->answer->unknown ? "true" : "false", sign->skipped ? "true" : "false");
      json_field (out, "      ", "rule", sign->rule ? sign->rule->id : NULL, 0);
      json_field (out, "      ", "question_text", sign->question_text, 0);
      json_field (out, "      ", "answer_text", sign->answer_text, 0);
      json_field (out, "      ", "why", sign->why, 0);
      json_field (out, "      ", "advice", sign->advice, 1);
      fputs ("    }", out);
    }
  fputs (r->sign_count ? "\n  ],\n" : "],\n", out);

  fputs ("  \"protections\": [", out);
  for (size_t i = 0; i < r->protection_count; i++)
    {
      const struct result_protection *p = &r->protections[i];
      fputs (i ? ",\n    {\n" : "\n    {\n", out);
      json_field (out, "      ", "question", p->question->id, 0);
      json_field (out, "      ", "answer", p->answer->id, 0);
      fprintf (out, "      \"credit\": %d,\n", p->answer->credit);
      json_field (out, "      ", "question_text", p->question_text, 0);
      json_field (out, "      ", "answer_text", p->answer_text, 0);
      json_field (out, "      ", "because", p->because, 1);
      fputs ("    }", out);
    }
  fputs (r->protection_count ? "\n  ],\n" : "],\n", out);

  fputs ("  \"advice\": [", out);
  for (size_t i = 0; i < r->advice_count; i++)
    {
      fputs (i ? ", " : "", out);
      export_json_string (out, r->advice[i]);
    }
  fputs ("],\n  \"unanswered\": [", out);
  for (size_t q = 0; q < r->unanswered_count; q++)
    {
      fputs (q ? ", " : "", out);
      export_json_string (out, r->unanswered[q]->id);
    }
  fputs ("],\n  \"offer\": {", out);
  int first = 1;
  for (int f = 0; r->offer && f < OFFER_FIELD_COUNT; f++)
    if (r->offer->field[f][0])
      {
        fputs (first ? " " : ", ", out);
        export_json_string (out, offer_field_name (f));
        fputs (": ", out);
        export_json_string (out, r->offer->field[f]);
        first = 0;
      }
  fputs (first ? "},\n" : " },\n", out);
  fputs ("  \"seen_before\": [", out);
  for (size_t i = 0; i < r->earlier_count; i++)
    {
      fputs (i ? ", " : "", out);
      fputs ("{ \"field\": ", out);
      export_json_string (out, offer_field_name (r->earlier[i].field));
      fputs (", \"value\": ", out);
      export_json_string (out, r->earlier[i].value);
      fputs (", \"day\": ", out);
      export_json_string (out, r->earlier[i].day);
      fputs (" }", out);
    }
  fputs ("]\n}\n", out);
}

int
report_write (const struct result *result, const char *language, enum report_format format,
              FILE *out)
{
  if (format == REPORT_JSON)
    write_json (result, language, out);
  else
    write_text (result, out);
  return ferror (out) ? -1 : 0;
}
