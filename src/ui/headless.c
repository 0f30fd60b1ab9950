/* headless.c -- the kiosk flow with no terminal, for tests: input from a
   script, the screen written as text. The same flow, screens, layout and
   text as on a terminal; only the painting differs (render_text.c instead
   of draw.c), so whole screens can be compared with diff in milliseconds.

   Run with SAFEJOB_SCRIPT=FILE (tests/README.md). One step a line; "#"
   starts a comment; "quoted" words take \n \t \e \\ \" \xHH:
     size ROWS COLS       the window's size (80 x 24 at the start)
     key NAME [COUNT]     Up Down Left Right PageUp PageDown Home End Enter
                          Backspace Escape Tab F1 F2 F3 F5 F6 F12, C-a .. C-z, or a
                          character
     type "TEXT"          each character of TEXT
     tap ROW COL          a tap on a cell (0-based)
     tap "TEXT"           a tap on the first cell of TEXT on the screen
     wheel up|down        a turn of the mouse wheel
     tick [SECONDS]       that many seconds without input (1)
     pace SECONDS         the time between two inputs from now on (1: a
                          person's pace; less tries the input guard)
     audio PIECES         wait until the voice has written that many pieces
                          of audio to the tests' WAV file (SAFEJOB_SPEECH_WAV)
     dump [LABEL]         write the screen: "== LABEL (COLSxROWS) ==", then
                          its rows
   Each input comes a second after the one before, unless "pace" says. */
#include <config.h>
#include "ui.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <wchar.h>
#include "flow.h"
#include "speech.h"
#include "system.h"

enum { MAX_WORDS = 8, LINE_MAX_BYTES = 4096 };

struct run
{
  const char *script;
  int line;
  struct flow flow;
  int rows, cols;
  double now;
  double pace;          /* seconds between two inputs */
  bool failed;
};

static void
fail (struct run *run, const char *message, const char *word)
{
  fprintf (stderr, "%s:%d: %s%s%s\n", run->script, run->line, message, word ? ": " : "",
           word ? word : "");
  run->failed = true;
}

/* Splits LINE into words in place; a "quoted" word keeps its blanks and
   has its escapes undone. Returns the number of words. */
static size_t
split (char *line, char **words)
{
  size_t n = 0;
  char *p = line;
  while (*p && n < MAX_WORDS)
    {
      while (isspace ((unsigned char) *p))
        p++;
      if (!*p)
        break;
      if (*p != '"')
        {
          words[n++] = p;
          while (*p && !isspace ((unsigned char) *p))
            p++;
          if (*p)
            *p++ = '\0';
          continue;
        }
      char *out = ++p;
      words[n++] = out;
      while (*p && *p != '"')
        {
          if (*p == '\\' && p[1])
            {
              p++;
              switch (*p)
                {
                case 'n': *out++ = '\n'; p++; break;
                case 't': *out++ = '\t'; p++; break;
                case 'e': *out++ = '\033'; p++; break;
                case 'x':
                  {
                    char hex[3] = { p[1], p[1] ? p[2] : '\0', '\0' };
                    *out++ = (char) strtol (hex, NULL, 16);
                    p += 1 + strlen (hex);
                    break;
                  }
                default: *out++ = *p++; break;
                }
            }
          else
            *out++ = *p++;
        }
      if (*p == '"')
        p++;
      *out = '\0';
    }
  return n;
}

static void
render (struct run *run)
{
  flow_render (&run->flow, run->rows, run->cols);
  app_save_figures (run->flow.app);
}

static void
send (struct run *run, struct input in)
{
  run->now += run->pace;
  flow_input (&run->flow, in, run->now);
  render (run);
}

static const struct
{
  const char *name;
  bool is_char;
  int code;
} key_names[] = {
  { "Up", false, IN_UP }, { "Down", false, IN_DOWN }, { "Left", false, IN_LEFT },
  { "Right", false, IN_RIGHT }, { "PageUp", false, IN_PAGE_UP },
  { "PageDown", false, IN_PAGE_DOWN }, { "Home", false, IN_HOME }, { "End", false, IN_END },
  { "Enter", true, '\r' }, { "Backspace", true, 127 }, { "Escape", true, 27 },
  { "Tab", true, '\t' }, { "F1", false, IN_F1 }, { "F2", false, IN_F2 }, { "F3", false, IN_F3 },
  { "F5", false, IN_F5 }, { "F6", false, IN_F6 }, { "F12", false, IN_F12 },
};

/* The input for the key NAME; false when there is no such key. */
static bool
key_input (const char *name, struct input *in)
{
  for (size_t i = 0; i < ARRAY_SIZE (key_names); i++)
    if (strcmp (name, key_names[i].name) == 0)
      {
        *in = key_names[i].is_char ? (struct input) { .kind = INPUT_CHAR, .c = (wint_t) key_names[i].code }
                                   : (struct input) { .kind = INPUT_KEY, .key = key_names[i].code };
        return true;
      }
  if (strncmp (name, "C-", 2) == 0 && name[2] >= 'a' && name[2] <= 'z' && !name[3])
    {
      *in = (struct input) { .kind = INPUT_CHAR, .c = (wint_t) (name[2] - 'a' + 1) };
      return true;
    }
  wchar_t c;
  mbstate_t state;
  memset (&state, 0, sizeof state);
  size_t len = mbrtowc (&c, name, strlen (name), &state);
  if (len == strlen (name) && len > 0)
    {
      *in = (struct input) { .kind = INPUT_CHAR, .c = (wint_t) c };
      return true;
    }
  return false;
}

/* Finds TEXT on the screen as last rendered; sets *ROW and *COL. */
static bool
find_on_screen (struct run *run, const char *text, int *row, int *col)
{
  char *dump = canvas_dump (&run->flow.canvas);
  bool found = false;
  int r = 0;
  for (char *line = dump; line && *line && !found; r++)
    {
      char *end = strchr (line, '\n');
      if (end)
        *end = '\0';
      char *hit = strstr (line, text);
      if (hit)
        {
          /* The column of the hit: the display width of what is before it. */
          *hit = '\0';
          *col = text_width (line);
          *row = r;
          found = true;
        }
      line = end ? end + 1 : line + strlen (line);
    }
  free (dump);
  return found;
}

static void
dump (struct run *run, const char *label)
{
  char *text = canvas_dump (&run->flow.canvas);
  if (!text)
    {
      fail (run, "out of memory", NULL);
      return;
    }
  printf ("== %s (%dx%d) ==\n%s", label ? label : "", run->cols, run->rows, text);
  free (text);
}

static void
step (struct run *run, char **w, size_t n)
{
  const char *cmd = w[0];
  struct input in;

  if (strcmp (cmd, "size") == 0 && n == 3)
    {
      run->rows = atoi (w[1]);
      run->cols = atoi (w[2]);
      render (run);
    }
  else if (strcmp (cmd, "key") == 0 && (n == 2 || n == 3))
    {
      if (!key_input (w[1], &in))
        {
          fail (run, "no such key", w[1]);
          return;
        }
      for (int i = 0, count = n == 3 ? atoi (w[2]) : 1; i < count; i++)
        send (run, in);
    }
  else if (strcmp (cmd, "type") == 0 && n == 2)
    {
      wchar_t c;
      mbstate_t state;
      memset (&state, 0, sizeof state);
      for (const char *p = w[1]; *p;)
        {
          size_t len = mbrtowc (&c, p, strlen (p), &state);
          if (len == 0 || len > strlen (p))
            {
              fail (run, "not UTF-8", w[1]);
              return;
            }
          send (run, (struct input) { .kind = INPUT_CHAR, .c = (wint_t) c });
          p += len;
        }
    }
  else if (strcmp (cmd, "tap") == 0 && (n == 2 || n == 3))
    {
      int row, col;
      if (n == 3)
        row = atoi (w[1]), col = atoi (w[2]);
      else if (!find_on_screen (run, w[1], &row, &col))
        {
          fail (run, "not on screen", w[1]);
          return;
        }
      send (run, (struct input) { .kind = INPUT_TAP, .row = row, .col = col });
    }
  else if (strcmp (cmd, "wheel") == 0 && n == 2)
    send (run, (struct input) { .kind = strcmp (w[1], "up") == 0 ? INPUT_WHEEL_UP
                                                               : INPUT_WHEEL_DOWN });
  else if (strcmp (cmd, "tick") == 0 && n <= 2)
    {
      for (int i = 0, seconds = n == 2 ? atoi (w[1]) : 1; i < seconds; i++)
        {
          run->now += 1;
          flow_tick (&run->flow, run->now);
        }
      render (run);
    }
  else if (strcmp (cmd, "pace") == 0 && n == 2)
    run->pace = atof (w[1]);
  else if (strcmp (cmd, "audio") == 0 && n == 2)
    {
      /* Waits until the voice has handed N pieces of audio to the tests'
         WAV file (speech running on its own thread): what it says is
         under way when the next step comes. */
      unsigned long want = strtoul (w[1], NULL, 10);
      /* A voice that did not start never will: say so at once. (A minute
         only bounds a hang, as vtdrive's time-out does.) */
      for (int waited = 0; speech_pieces () < want; waited++)
        {
          if (!speech_started () || waited >= 60000)
            {
              fail (run, "the voice wrote no such audio (speech off, or it did not start)",
                    cmd);
              break;
            }
          struct timespec pause = { 0, 1000000 };
          nanosleep (&pause, NULL);
        }
    }
  else if (strcmp (cmd, "dump") == 0)
    dump (run, n > 1 ? w[1] : NULL);
  else
    fail (run, "unknown step, or the wrong number of words", cmd);
}

int
ui_run_script (struct app *app, const char *script)
{
  struct run run = { .script = script, .rows = 24, .cols = 80, .now = 1000, .pace = 1 };
  char line[LINE_MAX_BYTES];
  FILE *in = strcmp (script, "-") == 0 ? stdin : fopen (script, "r");

  if (!in)
    {
      fprintf (stderr, _("%s: cannot read %s\n"), PACKAGE, script);
      return -1;
    }
  flow_init (&run.flow, app, run.now);
  render (&run);
  while (!run.failed && !app->quit && fgets (line, sizeof line, in))
    {
      char *words[MAX_WORDS];
      run.line++;
      line[strcspn (line, "\n")] = '\0';
      char *p = line;
      while (isspace ((unsigned char) *p))
        p++;
      if (*p == '#' || !*p)
        continue;
      size_t n = split (p, words);
      if (n > 0)
        step (&run, words, n);
    }
  if (in != stdin)
    fclose (in);
  flow_free (&run.flow);
  return run.failed || fflush (stdout) != 0 ? -1 : 0;
}
