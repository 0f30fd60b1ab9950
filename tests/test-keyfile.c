/* test-keyfile.c -- the one reader of "name = value" files (settings,
   answers), the day checks and the export writers: what is not text gets
   its line named and loses nothing around it. */
#include <config.h>

#include <stdlib.h>
#include <string.h>
#include "dates.h"
#include "export.h"
#include "keyfile.h"
#include "tap.h"

/* Reads the LENGTH bytes of TEXT as a key file: the names read, joined by
   spaces, into NAMES; the diagnostics into MESSAGES. Returns the errors. */
static int
read_all (const char *text, size_t length, char *names, size_t names_size, char *messages,
          size_t messages_size)
{
  FILE *in = fmemopen ((void *) text, length, "r");
  FILE *out = fmemopen (messages, messages_size, "w");
  struct diag diag = { out, 0 };
  struct keyfile file;
  char *name, *value;

  names[0] = '\0';
  keyfile_open (&file, in, "f.conf", "expected 'name = value'", &diag);
  while (keyfile_next (&file, &name, &value))
    {
      strncat (names, name, names_size - strlen (names) - 2);
      strcat (names, " ");
    }
  keyfile_close (&file);
  fclose (in);
  fclose (out);
  /* One line of TAP: the messages side by side. */
  for (char *nl = strchr (messages, '\n'); nl; nl = strchr (nl, '\n'))
    *nl = nl[1] ? '|' : '\0';
  return diag.errors;
}

int
main (void)
{
  char names[256], messages[1024];

  static const char plain[] = "# a comment\n\na = 1\n  b=two words  \nc =\nd\n";
  int errors = read_all (plain, sizeof plain - 1, names, sizeof names, messages, sizeof messages);
  ok (strcmp (names, "a b ") == 0 && errors == 2 && strstr (messages, "f.conf:5: 'c' has no value")
      && strstr (messages, "f.conf:6: expected 'name = value'"),
      "names and values trimmed, comments skipped, each bad line named: %s", messages);

  static const char nul[] = "a = 1\nb = x\0y\nc = 3\n";
  errors = read_all (nul, sizeof nul - 1, names, sizeof names, messages, sizeof messages);
  ok (errors == 1 && strstr (messages, "f.conf:2: a NUL byte") && strcmp (names, "a c ") == 0,
      "a NUL byte is named with its line, and the lines after it are still read: %s / %s",
      names, messages);

  static const char bom[] = "\xEF\xBB\xBF" "a = 1\nb = 2\n";
  errors = read_all (bom, sizeof bom - 1, names, sizeof names, messages, sizeof messages);
  ok (errors == 1 && strstr (messages, "f.conf:1: a byte-order mark") && strcmp (names, "b ") == 0,
      "a byte-order mark is refused by name: %s", messages);

  static const char latin1[] = "a = caf\xE9\nb = \xED\xA0\x80\nc = \xC0\xAF\nd = café\n";
  errors = read_all (latin1, sizeof latin1 - 1, names, sizeof names, messages, sizeof messages);
  ok (errors == 3 && strstr (messages, "f.conf:1: this line is not valid UTF-8")
      && strstr (messages, "f.conf:2:") && strstr (messages, "f.conf:3:")
      && strcmp (names, "d ") == 0,
      "Latin-1, a surrogate and an overlong form are not UTF-8: %s", messages);

  /* Control characters would reach a terminal or a printer as commands
     (issue 19); a tab is blank and a CR ends a Windows line. */
  static const char controls[] = "a = x\033[2Jy\nb = bell\a\nc = \xC2\x9B" "2J\n"
                                 "d = del\x7F\ne =\ttab\r\nf = 6\r\n";
  errors = read_all (controls, sizeof controls - 1, names, sizeof names, messages,
                     sizeof messages);
  ok (errors == 4 && strstr (messages, "f.conf:1: a control character")
      && strstr (messages, "f.conf:2:") && strstr (messages, "f.conf:3:")
      && strstr (messages, "f.conf:4:") && strcmp (names, "e f ") == 0,
      "escape, bell, a C1 control and DEL are refused by line; tab and CRLF are text: %s / %s",
      names, messages);

  size_t long_size = KEYFILE_LINE_MAX + 32;
  char *long_line = malloc (long_size);
  memset (long_line, 'x', long_size);
  memcpy (long_line, "a = ", 4);
  memcpy (long_line + long_size - 8, "\nb = 2\n", 7);
  errors = read_all (long_line, long_size - 1, names, sizeof names, messages, sizeof messages);
  ok (errors == 1 && strstr (messages, "f.conf:1: the line is too long") && strcmp (names, "b ") == 0,
      "a line too long is named, and the next line is read: %s", messages);
  free (long_line);

  ok (date_valid ("2026-12-07") && date_valid ("2028-02-29") && !date_valid ("2026-02-29")
      && !date_valid ("2026-13-01") && !date_valid ("2026-12-7") && !date_valid ("01/12/2026")
      && !date_valid ("2026-12-07x") && !date_valid (""), "days are calendar days, YYYY-MM-DD");
  char today[DATE_SIZE];
  date_today (today);
  ok (date_valid (today), "today is one: %s", today);

  char *text = NULL;
  size_t size = 0;
  FILE *out = open_memstream (&text, &size);
  export_json_string (out, "a \"b\"\\\n\x01");
  fputc (' ', out);
  export_json_string (out, NULL);
  fputc (' ', out);
  export_csv_field (out, "Golden, \"Jobs\"");
  fputc (' ', out);
  export_csv_field (out, "=HYPERLINK(1)");
  fputc (' ', out);
  export_csv_field (out, "plain");
  fclose (out);
  ok (strcmp (text, "\"a \\\"b\\\"\\\\\\n\\u0001\" null \"Golden, \"\"Jobs\"\"\" \"'=HYPERLINK(1)\" plain")
      == 0, "JSON strings escaped, CSV fields quoted and kept from running as formulas: %s",
      text);
  free (text);
  return tap_done ();
}
