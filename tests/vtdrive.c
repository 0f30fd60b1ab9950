/* vtdrive.c -- runs safejob in a pseudo-terminal, reads its screen back
   through libvterm (a real terminal emulator), sends keys and mouse events
   through the same emulator, and checks the screen against a script.
   Prints TAP, for automake's tap-driver.

   Usage: vtdrive SCRIPT
   Environment: SAFEJOB   the program to run (required)
                ZBARIMG   the QR decoder; "qr" steps are skipped without it
                VTDRIVE_TIMEOUT  seconds to wait for a screen (default 10)

   Script: one step a line; words are separated by blanks; "quoted" words
   take C escapes (\n \t \e \\ \" \xHH); an unquoted word $NAME or
   $NAME/rest is the value of the environment variable NAME (then the rest);
   # starts a comment line.
     env NAME=VALUE          set a variable for programs started later
     remove FILE             delete FILE and its -wal, -shm and -journal
     create FILE             make FILE empty, creating it
     start ROWS COLS [ARG]   start $SAFEJOB in a ROWS x COLS terminal
     key NAME [COUNT]        press Up Down Left Right Enter Tab Escape
                             Backspace Home End PageUp PageDown F1..F12, or
                             a character (key 2, key q)
     timeout SECONDS         how long later checks wait
     filesize BYTES          programs started later cannot write files
                             larger than BYTES, as on a full disk
     type "BYTES"            send bytes as they are (garbage, escapes)
     click "TEXT"            tap the first cell of TEXT on screen
     clickat ROW COL         tap a cell (0-based)
     save FILE               append the screen to FILE, then a line "--"
     resize ROWS COLS        resize the terminal (the program gets SIGWINCH)
   Checks (each is one TAP test; a failing one prints the screen):
     wait "TEXT"             TEXT appears on screen within the time-out
     absent "TEXT"           TEXT is gone from screen within the time-out
     row N "TEXT"            row N (negative: from the bottom) shows TEXT
     right N "TEXT"          row N ends with TEXT, in its last 4 columns
     before "A" "B"          A and B are on screen, A above (or left of) B
     qr "PAYLOAD"            the QR code on screen decodes to PAYLOAD
     qrhas "TEXT"            the QR code on screen decodes to something with TEXT
     qrlacks "TEXT"          it decodes to something without TEXT
     sh "COMMAND"            COMMAND (run by the shell) exits 0
     restored                the program left the alternate screen and
                             showed the cursor again
     signal NAME             send SIGINT, SIGQUIT, SIGTSTP, SIGHUP, SIGSEGV,
                             SIGABRT, SIGBUS or SIGFPE (INT...)
     killed NAME             the program ends killed by that signal
     alive                   the program is still running
     fuzz COUNT              COUNT random keys, taps, resizes and bytes;
                             the program must survive them (VTDRIVE_SEED)
     stop                    SIGTERM ends the program with status 0
     exit STATUS             the program exits by itself with STATUS  */
#include <config.h>

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <vterm.h>

enum { MAX_WORDS = 16, MAX_ENV = 32, ROW_BYTES = 4096 };

struct term
{
  VTerm *vt;
  VTermScreen *screen;
  int master;
  pid_t pid;
  int rows, cols;
  bool altscreen;
  bool cursor_visible;
  int mouse;         /* the mouse reports the terminal sends: 0, none */
  /* The program answers pings (SAFEJOB_TEST_SYNC): the last answer seen,
     and the pings sent. */
  bool pings;
  bool resized;      /* since the last ping */
  unsigned long pong, pinged;
  /* Where the scan for the answer "ESC ] 5379 ; N BEL" is in the output. */
  int pong_state;
  unsigned long pong_value;
};

static struct term term = { .master = -1, .pid = -1 };
static char *child_env[MAX_ENV];
static long child_file_limit = -1;   /* RLIMIT_FSIZE for programs started later */
/* The terminal's default colours for the next start: dark unless "background
   light". */
static bool light_background;
static size_t child_env_count;
static int tests;
static int failures;
static double timeout_seconds = 10;
static const char *script_name;
static int script_line;

static void
bail (const char *fmt, ...)
{
  va_list ap;
  printf ("Bail out! %s:%d: ", script_name, script_line);
  va_start (ap, fmt);
  vprintf (fmt, ap);
  va_end (ap);
  putchar ('\n');
  if (term.pid > 0)
    kill (term.pid, SIGKILL);
  exit (99);
}

static double
now (void)
{
  struct timespec ts;
  clock_gettime (CLOCK_MONOTONIC, &ts);
  return (double) ts.tv_sec + (double) ts.tv_nsec / 1e9;
}

/* What the program wrote while we were writing to it: kept here, and fed
   to the emulator by the next pump. */
static char backlog[1 << 20];
static size_t backlog_len;

/* Terminal replies (and the keys and mouse reports we make the emulator
   send) go to the program. A program busy writing its screen reads no
   input, so when the terminal's input queue is full, its output is read
   (into the backlog) until it can take more: otherwise both would wait
   for each other for ever. */
static void
to_program (const char *s, size_t len, void *user)
{
  (void) user;
  while (len > 0)
    {
      struct pollfd pfd = { term.master, POLLOUT | POLLIN, 0 };
      if (poll (&pfd, 1, 1000) <= 0)
        return;    /* a program that reads nothing for a second is hung */
      if ((pfd.revents & POLLIN) && backlog_len < sizeof backlog)
        {
          ssize_t got = read (term.master, backlog + backlog_len, sizeof backlog - backlog_len);
          if (got > 0)
            backlog_len += (size_t) got;
        }
      if (!(pfd.revents & POLLOUT))
        {
          if (pfd.revents & (POLLERR | POLLHUP))
            return;
          continue;
        }
      ssize_t n = write (term.master, s, len);
      if (n < 0 && (errno == EINTR || errno == EAGAIN))
        continue;
      if (n < 0)
        return;
      s += n;
      len -= (size_t) n;
    }
}

static int
on_termprop (VTermProp prop, VTermValue *val, void *user)
{
  (void) user;
  if (prop == VTERM_PROP_ALTSCREEN)
    term.altscreen = val->boolean;
  else if (prop == VTERM_PROP_CURSORVISIBLE)
    term.cursor_visible = val->boolean;
  else if (prop == VTERM_PROP_MOUSE)
    term.mouse = val->number;
  return 1;
}

/* Gives the program's output to the emulator, and notes the answers to
   pings in it, wherever the reads cut it. */
static void
feed (const char *buf, size_t n)
{
  static const char prefix[] = "\033]5379;";
  for (size_t i = 0; i < n; i++)
    {
      char c = buf[i];
      int at = term.pong_state;
      if (at < (int) sizeof prefix - 1)
        {
          term.pong_state = c == prefix[at] ? at + 1 : c == prefix[0] ? 1 : 0;
          if (term.pong_state == (int) sizeof prefix - 1)
            term.pong_value = 0;
        }
      else if (c >= '0' && c <= '9')
        term.pong_value = term.pong_value * 10 + (unsigned long) (c - '0');
      else
        {
          if (c == '\007')
            {
              term.pings = true;
              term.pong = term.pong_value;
            }
          term.pong_state = 0;
        }
    }
  vterm_input_write (term.vt, buf, n);
}

/* Reads what the program wrote for up to WAIT_SECONDS; returns false once
   the program has closed the terminal. */
static bool
pump (double wait_seconds)
{
  struct pollfd pfd = { term.master, POLLIN, 0 };
  char buf[8192];
  int ms = (int) (wait_seconds * 1000);

  if (term.master < 0)
    return false;
  if (backlog_len > 0)
    {
      size_t n = backlog_len;
      backlog_len = 0;
      feed (backlog, n);
      return true;
    }
  if (poll (&pfd, 1, ms) <= 0)
    return true;
  ssize_t n = read (term.master, buf, sizeof buf);
  if (n <= 0)
    return n < 0 && (errno == EINTR || errno == EAGAIN);
  feed (buf, (size_t) n);
  return true;
}

/* Sends a ping after whatever was sent before, and reads until the program
   answers it: it has then acted on everything before the ping and drawn
   the result. Returns false when no answer came. */
static bool
ping (void)
{
  double deadline = now () + timeout_seconds;
  unsigned long want = ++term.pinged;
  to_program ("\xEE\x80\x80", 3, NULL);     /* U+E000 */
  while (term.pong < want)
    if (!pump (0.05) || now () > deadline)
      return false;
  return true;
}

/* Reads until the program has drawn everything it was sent: by a ping when
   it answers them, else until it has been quiet for a moment. */
static void
settle (void)
{
  if (term.pings && term.pid > 0)
    {
      /* A ping swallowed by the program (after a cut escape sequence, say)
         gets no answer: then only silence tells. */
      /* A resize is a signal, which the program may see only after the
         key read with it: the second ping comes after it for sure. */
      bool resized = term.resized;
      term.resized = false;
      if (ping () && (!resized || ping ()))
        return;
      term.pings = false;
    }
  double deadline = now () + timeout_seconds;
  double quiet_since = now ();
  while (now () < deadline && now () - quiet_since < 0.15)
    {
      struct pollfd pfd = { term.master, POLLIN, 0 };
      if (poll (&pfd, 1, 20) > 0)
        {
          if (!pump (0))
            return;
          quiet_since = now ();
        }
    }
}

static size_t
put_utf8 (char *out, uint32_t c)
{
  if (c < 0x80)
    return out[0] = (char) c, 1;
  if (c < 0x800)
    return out[0] = (char) (0xC0 | c >> 6), out[1] = (char) (0x80 | (c & 0x3F)), 2;
  if (c < 0x10000)
    return out[0] = (char) (0xE0 | c >> 12), out[1] = (char) (0x80 | ((c >> 6) & 0x3F)),
           out[2] = (char) (0x80 | (c & 0x3F)), 3;
  return out[0] = (char) (0xF0 | c >> 18), out[1] = (char) (0x80 | ((c >> 12) & 0x3F)),
         out[2] = (char) (0x80 | ((c >> 6) & 0x3F)), out[3] = (char) (0x80 | (c & 0x3F)), 4;
}

/* Row ROW of the screen as UTF-8; COLUMN_AT, when given, maps each byte
   offset to the column of its cell. */
static void
screen_row (int row, char *out, size_t size, int *column_at)
{
  size_t n = 0;
  for (int col = 0; col < term.cols && n + 32 < size;)
    {
      VTermScreenCell cell;
      VTermPos pos = { row, col };
      vterm_screen_get_cell (term.screen, pos, &cell);
      size_t start = n;
      if (cell.chars[0] == 0)
        out[n++] = ' ';
      else
        for (int i = 0; i < VTERM_MAX_CHARS_PER_CELL && cell.chars[i]; i++)
          n += put_utf8 (out + n, cell.chars[i]);
      if (column_at)
        for (size_t b = start; b < n; b++)
          column_at[b] = col;
      col += cell.width > 1 ? cell.width : 1;
    }
  out[n] = '\0';
}

static void
print_screen (void)
{
  char line[ROW_BYTES];
  printf ("# screen %dx%d:\n", term.cols, term.rows);
  for (int r = 0; r < term.rows; r++)
    {
      screen_row (r, line, sizeof line, NULL);
      size_t len = strlen (line);
      while (len > 0 && line[len - 1] == ' ')
        line[--len] = '\0';
      printf ("# %2d|%s\n", r, line);
    }
}

/* Appends the screen to PATH, a row a line without trailing blanks, then a
   line "--": a record of what a person could read, for a test to compare. */
static void
save_screen (const char *path)
{
  char line[ROW_BYTES];
  FILE *out = fopen (path, "a");
  if (!out)
    bail ("cannot write %s: %s", path, strerror (errno));
  for (int r = 0; r < term.rows; r++)
    {
      screen_row (r, line, sizeof line, NULL);
      size_t len = strlen (line);
      while (len > 0 && line[len - 1] == ' ')
        line[--len] = '\0';
      fprintf (out, "%s\n", line);
    }
  fputs ("--\n", out);
  if (fclose (out) != 0)
    bail ("cannot write %s: %s", path, strerror (errno));
}

/* Finds TEXT on the screen (rows FIRST..LAST); sets *ROW and *COL. */
static bool
find_text (const char *text, int first, int last, int *row, int *col)
{
  char line[ROW_BYTES];
  static int column_at[ROW_BYTES];
  for (int r = first; r <= last; r++)
    {
      screen_row (r, line, sizeof line, column_at);
      const char *hit = strstr (line, text);
      if (hit)
        {
          *row = r;
          *col = column_at[hit - line];
          return true;
        }
    }
  return false;
}

static void
report (bool ok, const char *fmt, ...)
{
  va_list ap;
  tests++;
  printf ("%s %d - %s:%d: ", ok ? "ok" : "not ok", tests, script_name, script_line);
  va_start (ap, fmt);
  vprintf (fmt, ap);
  va_end (ap);
  putchar ('\n');
  if (!ok)
    {
      failures++;
      if (term.vt)
        print_screen ();
    }
  fflush (stdout);
}

/* Waits until TEXT is on rows FIRST..LAST (or, when WANT is false, is not). */
static bool
wait_for (const char *text, int first, int last, bool want)
{
  double deadline = now () + timeout_seconds;
  int r, c;
  for (;;)
    {
      bool alive = pump (0.05);
      if (want)
        {
          if (find_text (text, first, last, &r, &c))
            return true;
        }
      else
        {
          settle ();
          if (!find_text (text, first, last, &r, &c))
            return true;
        }
      if (!alive || now () > deadline)
        return false;
    }
}

static void
set_size (int rows, int cols)
{
  struct winsize ws = { (unsigned short) rows, (unsigned short) cols, 0, 0 };
  term.rows = rows;
  term.cols = cols;
  vterm_set_size (term.vt, rows, cols);
  term.resized = true;
  if (term.master >= 0)
    ioctl (term.master, TIOCSWINSZ, &ws);
}

static void
start (int rows, int cols, char **args, size_t nargs)
{
  static const VTermScreenCallbacks callbacks = { .settermprop = on_termprop };
  const char *program = getenv ("SAFEJOB");
  struct winsize ws = { (unsigned short) rows, (unsigned short) cols, 0, 0 };
  char *argv[MAX_WORDS + 3];

  if (!program)
    bail ("SAFEJOB is not set to the program to test");
  if (term.pid > 0)
    bail ("start: a program is already running");
  /* Scripts send keys at the machine's pace: the input guard, which drops
     what comes within 400 ms of a new screen, is off unless a script sets
     it (tests/walks/guard.walk tries it); commands have no such option. */
  bool guard_set = nargs > 0 && args[0][0] != '-';    /* a command: screen, offers */
  argv[0] = (char *) program;
  for (size_t i = 0; i < nargs; i++)
    {
      argv[i + 1] = args[i];
      guard_set |= strncmp (args[i], "--input-guard", 13) == 0 || strcmp (args[i], "--help") == 0;
    }
  argv[nargs + 1] = guard_set ? NULL : (char *) "--input-guard=0";
  argv[nargs + 2] = NULL;

  /* The last program's screen stays readable after it ends (a script may
     check what it left); a new program gets a new terminal. */
  if (term.vt)
    vterm_free (term.vt);
  term.vt = vterm_new (rows, cols);
  vterm_set_utf8 (term.vt, 1);
  vterm_output_set_callback (term.vt, to_program, NULL);
  term.screen = vterm_obtain_screen (term.vt);
  vterm_screen_enable_altscreen (term.screen, 1);
  vterm_screen_set_callbacks (term.screen, &callbacks, NULL);
  /* A dark terminal, as most kiosk terminals are (a QR code drawn in the
     terminal's own colours would come out inverted and fail to decode), or
     after "background light" a light one, where a code drawn with no light
     quiet zone of its own would merge into the page. */
  VTermColor fg, bg;
  int ink = light_background ? 20 : 230, paper = light_background ? 255 : 0;
  vterm_color_rgb (&fg, ink, ink, ink);
  vterm_color_rgb (&bg, paper, paper, paper);
  vterm_state_set_default_colors (vterm_obtain_state (term.vt), &fg, &bg);
  vterm_screen_reset (term.screen, 1);
  term.rows = rows;
  term.cols = cols;
  term.altscreen = false;
  term.cursor_visible = true;
  term.mouse = 0;
  term.pings = false;
  term.pong = term.pinged = 0;
  term.pong_state = 0;

  term.pid = forkpty (&term.master, NULL, NULL, &ws);
  if (term.pid < 0)
    bail ("forkpty: %s", strerror (errno));
  if (term.pid == 0)
    {
      setenv ("TERM", "xterm-256color", 1);
      setenv ("SAFEJOB_TEST_SYNC", "1", 1);
      for (size_t i = 0; i < child_env_count; i++)
        putenv (child_env[i]);
      if (child_file_limit >= 0)
        {
          struct rlimit limit = { (rlim_t) child_file_limit, (rlim_t) child_file_limit };
          setrlimit (RLIMIT_FSIZE, &limit);
        }
      execv (program, argv);
      fprintf (stderr, "vtdrive: cannot run %s: %s\n", program, strerror (errno));
      _exit (127);
    }
  /* Writes that do not fit return at once (see to_program). */
  fcntl (term.master, F_SETFL, fcntl (term.master, F_GETFL) | O_NONBLOCK);
}

/* Waits for the program to end; returns its wait status, or -1 on time-out. */
static int
reap (void)
{
  double deadline = now () + timeout_seconds;
  int status;
  while (now () < deadline)
    {
      pid_t done = waitpid (term.pid, &status, WNOHANG);
      if (done == term.pid)
        {
          while (pump (0.01))
            ;    /* read the last screen, through EOF */
          term.pid = -1;
          return status;
        }
      if (!pump (0.02))
        usleep (20000);
    }
  return -1;
}

static void
close_term (void)
{
  if (term.pid > 0)
    {
      kill (term.pid, SIGKILL);
      waitpid (term.pid, NULL, 0);
      term.pid = -1;
    }
  if (term.master >= 0)
    close (term.master);
  term.master = -1;
}

static const struct
{
  const char *name;
  VTermKey key;
} key_names[] = {
  { "Up", VTERM_KEY_UP }, { "Down", VTERM_KEY_DOWN },
  { "Left", VTERM_KEY_LEFT }, { "Right", VTERM_KEY_RIGHT },
  { "Enter", VTERM_KEY_ENTER }, { "Tab", VTERM_KEY_TAB },
  { "Escape", VTERM_KEY_ESCAPE }, { "Backspace", VTERM_KEY_BACKSPACE },
  { "Home", VTERM_KEY_HOME }, { "End", VTERM_KEY_END },
  { "PageUp", VTERM_KEY_PAGEUP }, { "PageDown", VTERM_KEY_PAGEDOWN },
};

static void
press (const char *name)
{
  for (size_t i = 0; i < sizeof key_names / sizeof key_names[0]; i++)
    if (strcmp (key_names[i].name, name) == 0)
      {
        vterm_keyboard_key (term.vt, key_names[i].key, VTERM_MOD_NONE);
        return;
      }
  if (name[0] == 'F' && atoi (name + 1) >= 1 && atoi (name + 1) <= 12)
    {
      vterm_keyboard_key (term.vt, VTERM_KEY_FUNCTION (atoi (name + 1)), VTERM_MOD_NONE);
      return;
    }
  if (strlen (name) == 1)
    vterm_keyboard_unichar (term.vt, (unsigned char) name[0], VTERM_MOD_NONE);
  else
    bail ("unknown key '%s'", name);
}

static void
tap_at (int row, int col)
{
  /* The emulator encodes the report in whatever mouse mode the program
     asked for; a program that enabled no mouse mode gets nothing. */
  vterm_mouse_move (term.vt, row, col, VTERM_MOD_NONE);
  vterm_mouse_button (term.vt, 1, true, VTERM_MOD_NONE);
  pump (0.02);
  vterm_mouse_button (term.vt, 1, false, VTERM_MOD_NONE);
}

/* Paints the screen as a PBM image, 4 pixels a module: each cell is one
   module wide and two high, and a half is dark when the colour that paints
   it (foreground for the half a block character covers, background for the
   rest) is dark. This is what a phone camera sees. */
static bool
write_pbm (const char *path)
{
  enum { SCALE = 4 };
  FILE *f = fopen (path, "w");
  if (!f)
    return false;
  fprintf (f, "P1\n%d %d\n", term.cols * SCALE, term.rows * 2 * SCALE);
  for (int r = 0; r < term.rows; r++)
    for (int half = 0; half < 2; half++)
      {
        char line[ROW_BYTES * 4];
        size_t n = 0;
        for (int c = 0; c < term.cols && n + 2 * SCALE < sizeof line; c++)
          {
            VTermScreenCell cell;
            VTermPos pos = { r, c };
            vterm_screen_get_cell (term.screen, pos, &cell);
            VTermColor fg = cell.fg, bg = cell.bg;
            vterm_screen_convert_color_to_rgb (term.screen, &fg);
            vterm_screen_convert_color_to_rgb (term.screen, &bg);
            if (cell.attrs.reverse)
              {
                VTermColor t = fg;
                fg = bg;
                bg = t;
              }
            uint32_t g = cell.chars[0];
            bool fg_paints = g == 0x2588 || (half == 0 && g == 0x2580)
                             || (half == 1 && g == 0x2584);
            VTermColor *paint = fg_paints ? &fg : &bg;
            int luma = (299 * paint->rgb.red + 587 * paint->rgb.green
                        + 114 * paint->rgb.blue) / 1000;
            for (int s = 0; s < SCALE; s++)
              {
                line[n++] = luma < 128 ? '1' : '0';
                line[n++] = ' ';
              }
          }
        line[n] = '\0';
        for (int s = 0; s < SCALE; s++)
          fprintf (f, "%s\n", line);
      }
  return fclose (f) == 0;
}

enum qr_match { QR_IS, QR_HAS, QR_LACKS };

/* Checks the QR code(s) on screen decode to PAYLOAD exactly (QR_IS), to
   something containing it (QR_HAS), or to something that does not
   (QR_LACKS: a code must be there). */
static void
check_qr (const char *payload, enum qr_match how)
{
  const char *zbarimg = getenv ("ZBARIMG");
  char path[] = "/tmp/vtdrive-qr-XXXXXX";
  char command[512];
  char got[4096] = "";

  if (!zbarimg || !*zbarimg)
    {
      tests++;
      printf ("ok %d # SKIP zbarimg not found: install zbar-tools\n", tests);
      return;
    }
  settle ();
  int fd = mkstemp (path);
  if (fd < 0)
    bail ("mkstemp: %s", strerror (errno));
  close (fd);
  if (!write_pbm (path))
    bail ("cannot write %s", path);
  snprintf (command, sizeof command, "'%s' --nodbus -q --raw '%s' 2>&1", zbarimg, path);
  FILE *p = popen (command, "r");
  if (p)
    {
      size_t n = fread (got, 1, sizeof got - 1, p);
      got[n] = '\0';
      pclose (p);
    }
  unlink (path);
  size_t len = strlen (got);
  while (len > 0 && (got[len - 1] == '\n' || got[len - 1] == '\r'))
    got[--len] = '\0';
  bool match = how == QR_HAS ? strstr (got, payload) != NULL
               : how == QR_LACKS ? got[0] && strstr (got, payload) == NULL
               : strcmp (got, payload) == 0;
  report (match, "qr decodes to %s\"%s\" (got \"%s\")",
          how == QR_HAS ? "something with " : how == QR_LACKS ? "something without " : "",
          payload, got);
}

/* $NAME or $NAME/more: the variable's value, then the rest of the word. */
static char *
expand (const char *word)
{
  size_t n = strspn (word + 1, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_0123456789");
  char name[128];
  snprintf (name, sizeof name, "%.*s", (int) n, word + 1);
  const char *value = getenv (name);
  if (!value)
    bail ("$%s is not set", name);
  char *out = malloc (strlen (value) + strlen (word + 1 + n) + 1);
  if (!out)
    bail ("out of memory");
  strcpy (out, value);
  strcat (out, word + 1 + n);
  return out;   /* freed after its step (free_expanded) */
}

/* The words expand made for the current line. */
static char *expanded[MAX_WORDS];
static size_t expanded_count;

static void
free_expanded (void)
{
  for (size_t i = 0; i < expanded_count; i++)
    free (expanded[i]);
  expanded_count = 0;
}

/* Splits LINE into words; quoted words take C escapes. */
static size_t
split (char *line, char **words)
{
  size_t count = 0;
  char *in = line;
  while (*in)
    {
      while (isspace ((unsigned char) *in))
        in++;
      if (!*in)
        break;
      if (count == MAX_WORDS)
        bail ("too many words");
      char *out = in;
      words[count++] = out;
      if (*in == '"')
        {
          in++;
          while (*in && *in != '"')
            {
              if (*in == '\\' && in[1])
                {
                  in++;
                  switch (*in)
                    {
                    case 'n': *out++ = '\n'; in++; break;
                    case 't': *out++ = '\t'; in++; break;
                    case 'e': *out++ = 27; in++; break;
                    case 'x':
                      {
                        char hex[3] = { in[1], in[1] ? in[2] : 0, 0 };
                        *out++ = (char) strtol (hex, NULL, 16);
                        in += 3;
                        break;
                      }
                    default: *out++ = *in++; break;
                    }
                }
              else
                *out++ = *in++;
            }
          if (*in != '"')
            bail ("unterminated string");
          in++;
        }
      else
        while (*in && !isspace ((unsigned char) *in))
          *out++ = *in++;
      if (*in)
        in++;
      *out = '\0';
      if (words[count - 1][0] == '$' && expanded_count < MAX_WORDS)
        words[count - 1] = expanded[expanded_count++] = expand (words[count - 1]);
    }
  return count;
}

static int
number (const char *word)
{
  char *end;
  long n = strtol (word, &end, 10);
  if (*end || end == word)
    bail ("'%s' is not a number", word);
  return (int) n;
}

static void
need_program (const char *step)
{
  if (!term.vt)
    bail ("%s before start", step);
}


/* Random input for SECONDS: keys, taps, wheel turns, resizes (some below
   the minimum size) and bursts of raw bytes (invalid UTF-8, cut escape
   sequences, control characters). The program must stay alive throughout.
   The seed is printed; VTDRIVE_SEED replays a run. */
static void
fuzz (long count)
{
  static const char *const keys[] = {
    "Up", "Down", "Left", "Right", "Enter", "Tab", "Escape", "Backspace", "Home", "End",
    "PageUp", "PageDown", "F1", "F2", "F5", "F10", "F12", "1", "2", "3", "9", "0", "a", "?", " ",
  };
  static const char *const bursts[] = {
    "\xff\xfe", "\xc3", "\xe0\xa4", "\xf0\x9f\x98", "\x1b[", "\x1b[1;", "\x1b[<0;", "\x1b[M",
    "\x1bO", "\x1b]0;", "\x1b[200~", "\x1b\x1b\x1b", "\x03", "\x1a", "\x1c", "\x18", "\x13",
    "\x7f", "\x08", "\x1b[99999;99999H", "\x1b[?1000h", "\x1b[6n",
  };
  const char *env = getenv ("VTDRIVE_SEED");
  unsigned seed = env && *env ? (unsigned) strtoul (env, NULL, 10) : (unsigned) time (NULL);
  long actions = 0;
  bool alive = true;
  int status = 0;

  printf ("# fuzz seed %u (VTDRIVE_SEED=%u replays it)\n", seed, seed);
  srand (seed);
  while (alive && actions < count)
    {
      int kind = rand () % 100;
      if (kind < 55)
        press (keys[rand () % (int) (sizeof keys / sizeof keys[0])]);
      else if (kind < 70)
        tap_at (rand () % term.rows, rand () % term.cols);
      else if (kind < 75)
        {
          vterm_mouse_move (term.vt, rand () % term.rows, rand () % term.cols, VTERM_MOD_NONE);
          vterm_mouse_button (term.vt, rand () % 2 ? 4 : 5, true, VTERM_MOD_NONE);
        }
      else if (kind < 82)
        set_size (8 + rand () % 60, 20 + rand () % 200);
      else if (kind < 92)
        {
          const char *b = bursts[rand () % (int) (sizeof bursts / sizeof bursts[0])];
          to_program (b, strlen (b), NULL);
        }
      else
        {
          char junk[64];
          size_t len = 1 + (size_t) (rand () % (int) sizeof junk);
          for (size_t i = 0; i < len; i++)
            junk[i] = (char) (rand () % 256);
          to_program (junk, len, NULL);
        }
      actions++;
      pump (0);
      if (waitpid (term.pid, &status, WNOHANG) == term.pid)
        {
          alive = false;
          term.pid = -1;
        }
    }
  report (alive, "the program survives %ld random actions (seed %u)%s", actions, seed,
          alive ? "" : WIFSIGNALED (status) ? ": killed by a signal" : ": it exited");
}

/* The signal called NAME ("INT" for SIGINT); bails on others. */
static int
signal_number (const char *name)
{
  static const struct { const char *name; int sig; } signals[] = {
    { "INT", SIGINT }, { "QUIT", SIGQUIT }, { "TSTP", SIGTSTP }, { "HUP", SIGHUP },
    { "SEGV", SIGSEGV }, { "ABRT", SIGABRT }, { "BUS", SIGBUS }, { "FPE", SIGFPE },
  };
  for (size_t i = 0; i < sizeof signals / sizeof signals[0]; i++)
    if (strcmp (signals[i].name, name) == 0)
      return signals[i].sig;
  bail ("unknown signal %s", name);
  return 0;
}

static void
run_step (char **w, size_t n)
{
  const char *cmd = w[0];
  if (strcmp (cmd, "env") == 0 && n == 2)
    {
      /* NAME=$OTHER takes OTHER's value (and what follows it). */
      const char *equals = strchr (w[1], '=');
      char *line = NULL;
      if (equals && equals[1] == '$')
        {
          char *value = expand (equals + 1);
          line = malloc ((size_t) (equals - w[1]) + strlen (value) + 2);
          if (line)
            sprintf (line, "%.*s=%s", (int) (equals - w[1]), w[1], value);
          free (value);
        }
      else
        line = strdup (w[1]);
      if (child_env_count == MAX_ENV)
        bail ("too many env lines");
      if (!line)
        bail ("out of memory");
      child_env[child_env_count++] = line;
    }
  else if (strcmp (cmd, "timeout") == 0 && n == 2)
    timeout_seconds = number (w[1]);
  else if (strcmp (cmd, "background") == 0 && n == 2
           && (strcmp (w[1], "light") == 0 || strcmp (w[1], "dark") == 0))
    light_background = strcmp (w[1], "light") == 0;
  else if (strcmp (cmd, "filesize") == 0 && n == 2)
    child_file_limit = number (w[1]);
  else if (strcmp (cmd, "create") == 0 && n == 2)
    {
      FILE *f = fopen (w[1], "w");
      if (!f || fclose (f) != 0)
        bail ("cannot create %s", w[1]);
    }
  else if (strcmp (cmd, "sh") == 0 && n == 2)
    {
      int status = system (w[1]);
      report (status == 0, "sh: %s", w[1]);
    }
  else if (strcmp (cmd, "remove") == 0 && n == 2)
    {
      /* A database and its journal files, so a test starts afresh. */
      static const char *const suffixes[] = { "", "-wal", "-shm", "-journal" };
      for (size_t i = 0; i < sizeof suffixes / sizeof suffixes[0]; i++)
        {
          char path[4096];
          snprintf (path, sizeof path, "%s%s", w[1], suffixes[i]);
          unlink (path);
        }
    }
  else if (strcmp (cmd, "start") == 0 && n >= 3)
    start (number (w[1]), number (w[2]), w + 3, n - 3);
  else if (strcmp (cmd, "key") == 0 && (n == 2 || n == 3))
    {
      need_program (cmd);
      int count = n == 3 ? number (w[2]) : 1;
      /* The program reads keys in order: one settle after the last is enough. */
      for (int i = 0; i < count; i++)
        {
          press (w[1]);
          pump (0);
        }
      settle ();
    }
  else if (strcmp (cmd, "type") == 0 && n == 2)
    {
      need_program (cmd);
      to_program (w[1], strlen (w[1]), NULL);
    }
  else if (strcmp (cmd, "click") == 0 && n == 2)
    {
      int r, c;
      need_program (cmd);
      /* Tap only a finished screen: mid-repaint, TEXT may still stand where
         the old screen had it. */
      settle ();
      if (!wait_for (w[1], 0, term.rows - 1, true) || !find_text (w[1], 0, term.rows - 1, &r, &c))
        {
          report (false, "click: \"%s\" is not on screen", w[1]);
          return;
        }
      tap_at (r, c);
    }
  else if (strcmp (cmd, "save") == 0 && n == 2)
    {
      need_program (cmd);
      settle ();
      save_screen (w[1]);
    }
  else if (strcmp (cmd, "clickat") == 0 && n == 3)
    {
      need_program (cmd);
      tap_at (number (w[1]), number (w[2]));
    }
  else if (strcmp (cmd, "resize") == 0 && n == 3)
    {
      need_program (cmd);
      set_size (number (w[1]), number (w[2]));
    }
  else if (strcmp (cmd, "wait") == 0 && n == 2)
    {
      need_program (cmd);
      report (wait_for (w[1], 0, term.rows - 1, true), "screen shows \"%s\"", w[1]);
    }
  else if (strcmp (cmd, "absent") == 0 && n == 2)
    {
      need_program (cmd);
      report (wait_for (w[1], 0, term.rows - 1, false), "screen does not show \"%s\"", w[1]);
    }
  else if (strcmp (cmd, "row") == 0 && n == 3)
    {
      need_program (cmd);
      int row = number (w[1]);
      if (row < 0)
        row += term.rows;
      report (row >= 0 && row < term.rows && wait_for (w[2], row, row, true),
              "row %d shows \"%s\"", row, w[2]);
    }
  else if (strcmp (cmd, "right") == 0 && n == 3)
    {
      /* Right-aligned: TEXT ends the row, within the last four columns. */
      need_program (cmd);
      int row = number (w[1]);
      if (row < 0)
        row += term.rows;
      char line[ROW_BYTES];
      static int column_at[ROW_BYTES];
      bool seen = row >= 0 && row < term.rows && wait_for (w[2], row, row, true);
      size_t len = 0, tlen = strlen (w[2]);
      if (seen)
        {
          settle ();
          screen_row (row, line, sizeof line, column_at);
          len = strlen (line);
          while (len > 0 && line[len - 1] == ' ')
            len--;
        }
      report (seen && len >= tlen && memcmp (line + len - tlen, w[2], tlen) == 0
              && column_at[len - 1] >= term.cols - 4,
              "row %d ends with \"%s\" at the right edge", row, w[2]);
    }
  else if (strcmp (cmd, "before") == 0 && n == 3)
    {
      int r1, c1, r2, c2;
      need_program (cmd);
      bool seen = wait_for (w[1], 0, term.rows - 1, true) && wait_for (w[2], 0, term.rows - 1, true);
      settle ();
      seen = seen && find_text (w[1], 0, term.rows - 1, &r1, &c1)
             && find_text (w[2], 0, term.rows - 1, &r2, &c2);
      report (seen && (r1 < r2 || (r1 == r2 && c1 < c2)), "\"%s\" comes before \"%s\"",
              w[1], w[2]);
    }
  else if (strcmp (cmd, "qr") == 0 && n == 2)
    {
      need_program (cmd);
      check_qr (w[1], QR_IS);
    }
  else if (strcmp (cmd, "qrhas") == 0 && n == 2)
    {
      need_program (cmd);
      check_qr (w[1], QR_HAS);
    }
  else if (strcmp (cmd, "qrlacks") == 0 && n == 2)
    {
      need_program (cmd);
      check_qr (w[1], QR_LACKS);
    }
  else if (strcmp (cmd, "restored") == 0 && n == 1)
    {
      need_program (cmd);
      report (!term.altscreen && term.cursor_visible && term.mouse == 0,
              "terminal restored (alternate screen %s, cursor %s, mouse reports %s)",
              term.altscreen ? "still on" : "off",
              term.cursor_visible ? "visible" : "hidden", term.mouse ? "still on" : "off");
    }
  else if (strcmp (cmd, "signal") == 0 && n == 2)
    {
      int sig = signal_number (w[1]);
      need_program (cmd);
      settle ();
      kill (term.pid, sig);
    }
  else if (strcmp (cmd, "killed") == 0 && n == 2)
    {
      int sig = signal_number (w[1]);
      need_program (cmd);
      int status = reap ();
      report (status >= 0 && WIFSIGNALED (status) && WTERMSIG (status) == sig,
              "the program is killed by SIG%s (wait status %d)", w[1], status);
      close_term ();
    }
  else if (strcmp (cmd, "fuzz") == 0 && n == 2)
    {
      need_program (cmd);
      fuzz (number (w[1]));
    }
  else if (strcmp (cmd, "alive") == 0 && n == 1)
    {
      need_program (cmd);
      settle ();
      int status;
      pid_t done = waitpid (term.pid, &status, WNOHANG);
      report (done == 0, "the program is still running%s",
              done == 0 ? "" : " (it ended)");
    }
  else if (strcmp (cmd, "stop") == 0 && n == 1)
    {
      need_program (cmd);
      settle ();
      kill (term.pid, SIGTERM);
      int status = reap ();
      report (status >= 0 && WIFEXITED (status) && WEXITSTATUS (status) == 0,
              "SIGTERM ends the program cleanly (wait status %d)", status);
      close_term ();
    }
  else if (strcmp (cmd, "exit") == 0 && n == 2)
    {
      need_program (cmd);
      int want = number (w[1]);
      int status = reap ();
      report (status >= 0 && WIFEXITED (status) && WEXITSTATUS (status) == want,
              "the program exits with status %d (wait status %d)", want, status);
      close_term ();
    }
  else
    bail ("unknown step or wrong number of words: %s", cmd);
}

int
main (int argc, char **argv)
{
  char line[ROW_BYTES];
  char *words[MAX_WORDS];
  const char *t = getenv ("VTDRIVE_TIMEOUT");

  if (argc != 2)
    {
      fprintf (stderr, "usage: vtdrive SCRIPT\n");
      return 2;
    }
  if (t && atof (t) > 0)
    timeout_seconds = atof (t);
  script_name = argv[1];
  FILE *script = fopen (script_name, "r");
  if (!script)
    {
      printf ("Bail out! cannot open %s: %s\n", script_name, strerror (errno));
      return 99;
    }
  signal (SIGPIPE, SIG_IGN);
  /* Line by line: a TAP line is never lost in a buffer if a check aborts. */
  setvbuf (stdout, NULL, _IOLBF, 0);
  while (fgets (line, sizeof line, script))
    {
      script_line++;
      line[strcspn (line, "\n")] = '\0';
      char *p = line;
      while (isspace ((unsigned char) *p))
        p++;
      if (*p == '#' || *p == '\0')
        continue;
      size_t n = split (p, words);
      if (n > 0)
        run_step (words, n);
      free_expanded ();
    }
  fclose (script);
  close_term ();
  if (term.vt)
    vterm_free (term.vt);
  if (tests == 0)
    bail ("the script checks nothing");
  printf ("1..%d\n", tests);
  return failures ? 1 : 0;
}
