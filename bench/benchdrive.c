/* benchdrive.c -- runs one full-screen program in a pseudo-terminal, reads
   what it writes through libvterm (a real terminal emulator) and measures:
   the time from fork to its first complete screen, the bytes written for
   it, the bytes and time of each arrow key, and its peak resident memory.
   One run a call; bench/run calls it many times and takes the medians.

   Usage: benchdrive [OPTION]... -- PROGRAM [ARG]...
     -r ROWS, -c COLS  the terminal's size (default 24 x 80)
     -f TEXT           the first screen is complete when TEXT is on it and
                       the program has then been quiet for the settle time
     -s MS             the settle time of the first screen (default 250)
     -k MS             the settle time after a key (default 100)
     -t SECONDS        give up on anything after this long (default 20)
     -g KEYS           keys that go from the first screen to the list the
                       arrows are measured on
     -n COUNT          arrow keys to measure: Down, Up, Down... (default 20)
     -w KEYS           keys to press after the arrows (a walk, for memory)
     -q KEYS           keys that make the program exit (default: SIGTERM)
     -m FILE           write to FILE where the resident memory is just
                       before quitting: KiB a mapping, from /proc/PID/smaps,
                       largest first ("[anon]" is memory no file backs)
     -a FILE           the program speaks into FILE (a WAV file it writes
                       as it goes, SAFEJOB_SPEECH_WAV): for each arrow key,
                       once FILE has not grown for 300 ms, also the time
                       until a sample a person hears is written to it
     -v                show the screen at each stage on standard error
   KEYS is one string of words separated by blanks, each pressed in turn and
   followed by the key settle time: Up Down Left Right Enter Tab Escape
   Backspace Home End PageUp PageDown F1..F12, C-c (Ctrl-C), or a single
   character. A word ?TEXT does not press anything: it waits (up to the
   time-out) until TEXT is on screen, "_" in TEXT standing for a blank; the
   run fails when it never comes. A word +SECONDS waits that long, reading
   what the program writes (a screen left alone).

   Prints one line of NAME=VALUE pairs on standard output:
     first_ms     fork to the last byte of the first screen, in ms
     first_bytes  bytes written up to then
     key_bytes    median bytes written for one arrow key
     key_ms       median time from sending the key to the last byte, in ms
     key_silent   arrow keys that made the program write nothing
     audio_ms     with -a, median time from sending the key to the first
                  audible sample of what it makes the program say, in ms
                  (-1: none came)
     maxrss_kib   peak resident set size, from wait4's rusage (KiB)
     hwm_kib      VmHWM from /proc just before quitting (KiB): the same peak
                  seen from inside, a check that the driver's own memory,
                  which the child shares until exec, does not count
     private_kib  Private_Dirty from /proc/PID/smaps_rollup just before
                  quitting (KiB): the memory only this process holds and the
                  kernel cannot drop (the rest of the RSS is mostly library
                  code and catalogues, read from files and shared)
     status       the wait status
   Exits 0, or 1 when a step failed (the line is still printed). */
#include <config.h>

#include <errno.h>
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
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <vterm.h>

enum { ROW_BYTES = 4096, MAX_PRESSES = 1000 };

static VTerm *vt;
static VTermScreen *screen;
static int master = -1;
static pid_t child = -1;
static int rows = 24, cols = 80;
static double timeout_seconds = 20;
static bool verbose;
static bool failed;

/* Counted by read_output: every byte the program wrote, and when the last
   one came. */
static unsigned long total_bytes;
static double last_byte_at;
static bool closed;

static double
now (void)
{
  struct timespec ts;
  clock_gettime (CLOCK_MONOTONIC, &ts);
  return (double) ts.tv_sec + (double) ts.tv_nsec / 1e9;
}

__attribute__ ((format (printf, 1, 2)))
static void
fail (const char *fmt, ...)
{
  va_list ap;
  fprintf (stderr, "benchdrive: ");
  va_start (ap, fmt);
  vfprintf (stderr, fmt, ap);
  va_end (ap);
  fputc ('\n', stderr);
  failed = true;
}

/* Replies of the emulator (and the keys it encodes) go to the program. */
static void
to_program (const char *s, size_t len, void *user)
{
  (void) user;
  while (len > 0)
    {
      ssize_t n = write (master, s, len);
      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        return;
      s += n;
      len -= (size_t) n;
    }
}

/* Waits up to MS milliseconds for output and reads what there is; returns
   the bytes read (0 when none came). */
static size_t
read_output (int ms)
{
  struct pollfd pfd = { master, POLLIN, 0 };
  char buf[16384];

  if (closed)
    return 0;
  if (poll (&pfd, 1, ms < 0 ? 0 : ms) <= 0)
    return 0;
  ssize_t n = read (master, buf, sizeof buf);
  if (n <= 0)
    {
      if (n == 0 || errno != EINTR)
        closed = true;   /* EIO: the program closed the terminal */
      return 0;
    }
  last_byte_at = now ();
  total_bytes += (unsigned long) n;
  vterm_input_write (vt, buf, (size_t) n);
  return (size_t) n;
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

/* Row ROW of the screen as UTF-8. */
static void
screen_row (int row, char *out, size_t size)
{
  size_t n = 0;
  for (int col = 0; col < cols && n + 32 < size;)
    {
      VTermScreenCell cell;
      VTermPos pos = { row, col };
      vterm_screen_get_cell (screen, pos, &cell);
      if (cell.chars[0] == 0)
        out[n++] = ' ';
      else
        for (int i = 0; i < VTERM_MAX_CHARS_PER_CELL && cell.chars[i]; i++)
          n += put_utf8 (out + n, cell.chars[i]);
      col += cell.width > 1 ? cell.width : 1;
    }
  out[n] = '\0';
}

static bool
on_screen (const char *text)
{
  char line[ROW_BYTES];
  for (int r = 0; r < rows; r++)
    {
      screen_row (r, line, sizeof line);
      if (strstr (line, text))
        return true;
    }
  return false;
}

static void
show_screen (const char *stage)
{
  char line[ROW_BYTES];
  if (!verbose)
    return;
  fprintf (stderr, "--- %s (%lu bytes so far)\n", stage, total_bytes);
  for (int r = 0; r < rows; r++)
    {
      screen_row (r, line, sizeof line);
      size_t len = strlen (line);
      while (len > 0 && line[len - 1] == ' ')
        line[--len] = '\0';
      fprintf (stderr, "%2d|%s\n", r, line);
    }
}

/* Reads until the program has written nothing for SETTLE_MS; when TEXT is
   given, it must be on screen first. Returns false on the time-out. The
   settle time itself is never counted: LAST_BYTE_AT is when the program
   stopped. */
static bool
read_until_quiet (int settle_ms, const char *text)
{
  double deadline = now () + timeout_seconds;
  bool seen = !text;
  double quiet_from = now ();

  for (;;)
    {
      double t = now ();
      if (t > deadline)
        return false;
      if (closed)
        return seen;
      int wait_ms;
      if (!seen)
        wait_ms = 50;
      else
        {
          double start = last_byte_at > quiet_from ? last_byte_at : quiet_from;
          double left = settle_ms / 1000.0 - (t - start);
          if (left <= 0)
            return true;
          wait_ms = (int) (left * 1000) + 1;
        }
      read_output (wait_ms);
      if (!seen)
        seen = on_screen (text);
    }
}

/* The size of the file PATH, or -1. */
static long long
file_size (const char *path)
{
  struct stat st;
  return stat (path, &st) == 0 ? (long long) st.st_size : -1;
}

/* Reads the program's output until the file PATH has not grown for
   QUIET_MS: what was being said is over. Returns its size. */
static long long
audio_quiet (const char *path, int quiet_ms)
{
  double deadline = now () + timeout_seconds;
  long long size = file_size (path);
  double still_from = now ();
  while (now () < deadline && (now () - still_from) * 1000 < quiet_ms)
    {
      read_output (5);
      long long s = file_size (path);
      if (s != size)
        {
          size = s;
          still_from = now ();
        }
    }
  return size;
}

/* Reads the program's output until the 16-bit samples written to the file
   PATH after its first SIZE bytes hold one a person hears (above 1/64 of
   full scale: espeak-ng starts with a little silence); returns when that
   was seen, or -1 at the time-out. */
static double
audio_heard (const char *path, long long size)
{
  double deadline = now () + timeout_seconds;
  FILE *f = fopen (path, "rb");
  if (!f || fseeko (f, (off_t) size, SEEK_SET) != 0)
    {
      if (f)
        fclose (f);
      return -1;
    }
  unsigned char pair[2];
  while (now () < deadline)
    {
      while (fread (pair, 1, 2, f) == 2)
        {
          int sample = (int) (short) (pair[0] | pair[1] << 8);
          if (sample > 512 || sample < -512)
            {
              fclose (f);
              return now ();
            }
        }
      clearerr (f);
      read_output (0);
      struct timespec pause = { 0, 200000 };   /* 0.2 ms between looks */
      nanosleep (&pause, NULL);
    }
  fclose (f);
  return -1;
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

/* Sends the key NAME through the emulator, which encodes it the way the
   program asked for (application cursor keys and so on). */
static bool
press (const char *name)
{
  for (size_t i = 0; i < sizeof key_names / sizeof key_names[0]; i++)
    if (strcmp (key_names[i].name, name) == 0)
      {
        vterm_keyboard_key (vt, key_names[i].key, VTERM_MOD_NONE);
        return true;
      }
  if (name[0] == 'F' && atoi (name + 1) >= 1 && atoi (name + 1) <= 12)
    {
      vterm_keyboard_key (vt, VTERM_KEY_FUNCTION (atoi (name + 1)), VTERM_MOD_NONE);
      return true;
    }
  if (strcmp (name, "C-c") == 0)
    {
      to_program ("\003", 1, NULL);
      return true;
    }
  if (strlen (name) == 1)
    {
      vterm_keyboard_unichar (vt, (unsigned char) name[0], VTERM_MOD_NONE);
      return true;
    }
  fail ("unknown key '%s'", name);
  return false;
}

/* Presses the KEYS (see the usage), each followed by SETTLE_MS of quiet. */
static bool
play (const char *keys, int settle_ms)
{
  char *copy = strdup (keys);
  bool ok = copy != NULL;
  char *save = NULL;

  for (char *word = copy ? strtok_r (copy, " \t\n", &save) : NULL; ok && word;
       word = strtok_r (NULL, " \t\n", &save))
    {
      if (word[0] == '+' && atof (word + 1) > 0)
        {
          double until = now () + atof (word + 1);
          while (now () < until && !closed)
            read_output ((int) ((until - now ()) * 1000) + 1);
          continue;
        }
      if (word[0] == '?' && word[1])
        {
          for (char *p = word + 1; *p; p++)
            if (*p == '_')
              *p = ' ';
          if (!read_until_quiet (settle_ms, word + 1))
            {
              show_screen ("missing text");
              fail ("\"%s\" never came on screen", word + 1);
              ok = false;
            }
          continue;
        }
      ok = press (word) && read_until_quiet (settle_ms, NULL);
      if (!ok && !failed)
        fail ("no quiet after key %s", word);
    }
  free (copy);
  return ok;
}

static int
compare_double (const void *a, const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

static double
median (double *v, size_t n)
{
  if (n == 0)
    return 0;
  qsort (v, n, sizeof *v, compare_double);
  return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

/* The field NAME (with its colon) of /proc/PID/FILE, in KiB, or -1. */
static long
proc_kib (pid_t pid, const char *file, const char *name)
{
  char path[64], line[256];
  long kib = -1;
  size_t len = strlen (name);
  snprintf (path, sizeof path, "/proc/%ld/%s", (long) pid, file);
  FILE *f = fopen (path, "r");
  if (!f)
    return -1;
  while (fgets (line, sizeof line, f))
    if (strncmp (line, name, len) == 0)
      kib = strtol (line + len, NULL, 10);
  fclose (f);
  return kib;
}

/* Writes the resident KiB of each mapping of PID (summed by file) to
   PATH, largest first. */
enum { MAX_MAPS = 256 };
static struct mapping
{
  char name[256];
  long kib;
} maps[MAX_MAPS];

static int
compare_mapping (const void *a, const void *b)
{
  long x = ((const struct mapping *) a)->kib, y = ((const struct mapping *) b)->kib;
  return (y > x) - (y < x);
}

static void
write_smaps (pid_t pid, const char *out_path)
{
  char path[64], line[512], name[256] = "[anon]";
  size_t count = 0;
  snprintf (path, sizeof path, "/proc/%ld/smaps", (long) pid);
  FILE *f = fopen (path, "r");
  if (!f)
    {
      fail ("cannot read %s", path);
      return;
    }
  while (fgets (line, sizeof line, f))
    {
      char *slash;
      long kib;
      line[strcspn (line, "\n")] = '\0';
      if (strchr ("0123456789abcdef", line[0]) && strchr (line, '-') && strchr (line, ' '))
        {
          /* A mapping's first line: "start-end perms offset dev inode [path]". */
          char *p = line;
          for (int field = 0; field < 5 && p; field++)
            p = strchr (p + 1, ' ');
          while (p && *p == ' ')
            p++;
          snprintf (name, sizeof name, "%s", p && *p ? p : "[anon]");
          slash = strrchr (name, '/');
          if (slash)
            memmove (name, slash + 1, strlen (slash));
        }
      else if (sscanf (line, "Rss: %ld kB", &kib) == 1 && kib > 0)
        {
          size_t i = 0;
          while (i < count && strcmp (maps[i].name, name) != 0)
            i++;
          if (i == count && count < MAX_MAPS)
            {
              snprintf (maps[count].name, sizeof maps[count].name, "%s", name);
              maps[count++].kib = 0;
            }
          if (i < count)
            maps[i].kib += kib;
        }
    }
  fclose (f);
  qsort (maps, count, sizeof maps[0], compare_mapping);
  FILE *out = fopen (out_path, "w");
  if (!out)
    {
      fail ("cannot write %s", out_path);
      return;
    }
  for (size_t i = 0; i < count; i++)
    fprintf (out, "%ld %s\n", maps[i].kib, maps[i].name);
  fclose (out);
}

static void
start (char **argv)
{
  struct winsize ws = { (unsigned short) rows, (unsigned short) cols, 0, 0 };

  vt = vterm_new (rows, cols);
  vterm_set_utf8 (vt, 1);
  vterm_output_set_callback (vt, to_program, NULL);
  screen = vterm_obtain_screen (vt);
  vterm_screen_enable_altscreen (screen, 1);
  vterm_screen_reset (screen, 1);

  child = forkpty (&master, NULL, NULL, &ws);
  if (child < 0)
    {
      perror ("benchdrive: forkpty");
      exit (2);
    }
  if (child == 0)
    {
      if (!getenv ("TERM"))
        setenv ("TERM", "xterm-256color", 1);
      execvp (argv[0], argv);
      fprintf (stderr, "benchdrive: cannot run %s: %s\n", argv[0], strerror (errno));
      _exit (127);
    }
}

/* Waits for the program to exit, reading what it writes; kills it after
   the time-out. */
static int
reap (struct rusage *usage)
{
  double deadline = now () + timeout_seconds;
  int status = -1;
  for (;;)
    {
      pid_t done = wait4 (child, &status, WNOHANG, usage);
      if (done == child)
        return status;
      if (now () > deadline)
        {
          fail ("the program did not exit: killed");
          kill (child, SIGKILL);
          wait4 (child, &status, 0, usage);
          return status;
        }
      if (read_output (10) == 0 && closed)
        usleep (1000);
    }
}

int
main (int argc, char **argv)
{
  const char *first_text = NULL, *go_keys = NULL, *walk_keys = NULL, *quit_keys = NULL;
  const char *smaps_file = NULL, *audio_file = NULL;
  int first_settle = 250, key_settle = 100, presses = 20;
  int opt;

  while ((opt = getopt (argc, argv, "+r:c:f:s:k:t:g:n:w:q:m:a:v")) != -1)
    switch (opt)
      {
      case 'r': rows = atoi (optarg); break;
      case 'c': cols = atoi (optarg); break;
      case 'f': first_text = optarg; break;
      case 's': first_settle = atoi (optarg); break;
      case 'k': key_settle = atoi (optarg); break;
      case 't': timeout_seconds = atof (optarg); break;
      case 'g': go_keys = optarg; break;
      case 'n': presses = atoi (optarg); break;
      case 'w': walk_keys = optarg; break;
      case 'q': quit_keys = optarg; break;
      case 'm': smaps_file = optarg; break;
      case 'a': audio_file = optarg; break;
      case 'v': verbose = true; break;
      default:
        fprintf (stderr, "usage: benchdrive [-r ROWS] [-c COLS] [-f TEXT] [-s MS] [-k MS] "
                 "[-t SECONDS] [-g KEYS]\n                  [-n COUNT] [-w KEYS] [-q KEYS] "
                 "[-m FILE] [-a FILE] [-v] -- PROGRAM [ARG]...\n");
        return 2;
      }
  if (optind >= argc || rows < 2 || cols < 2 || presses < 0 || presses > MAX_PRESSES
      || first_settle < 1 || key_settle < 1 || timeout_seconds <= 0)
    {
      fprintf (stderr, "benchdrive: give a program, and sensible numbers (see the source)\n");
      return 2;
    }
  signal (SIGPIPE, SIG_IGN);

  /* The first screen: from just before the fork to the last byte before
     the program went quiet with TEXT on screen. */
  double started = now ();
  start (argv + optind);
  bool ok = read_until_quiet (first_settle, first_text);
  double first_ms = (last_byte_at - started) * 1000;
  unsigned long first_bytes = total_bytes;
  show_screen ("first screen");
  if (!ok)
    fail ("the first screen never came (%s on screen)", first_text ? first_text : "quiet");

  /* The arrows, on the list that GO_KEYS leads to. */
  static double key_bytes[MAX_PRESSES], key_ms[MAX_PRESSES], audio_ms[MAX_PRESSES];
  int silent = 0;
  if (ok && go_keys)
    ok = play (go_keys, key_settle);
  show_screen ("before the arrows");
  for (int i = 0; ok && i < presses; i++)
    {
      unsigned long before = total_bytes;
      long long audio_before = audio_file ? audio_quiet (audio_file, 300) : 0;
      double sent = now ();
      ok = press (i % 2 == 0 ? "Down" : "Up");
      if (ok && audio_file)
        {
          double heard = audio_heard (audio_file, audio_before);
          audio_ms[i] = heard < 0 ? -1 : (heard - sent) * 1000;
        }
      ok = ok && read_until_quiet (key_settle, NULL);
      key_bytes[i] = (double) (total_bytes - before);
      key_ms[i] = key_bytes[i] > 0 ? (last_byte_at - sent) * 1000 : 0;
      silent += key_bytes[i] == 0;
      if (i == 0)
        show_screen ("after the first Down");
    }
  if (ok && walk_keys)
    {
      ok = play (walk_keys, key_settle);
      show_screen ("after the walk");
    }

  long hwm = closed ? -1 : proc_kib (child, "status", "VmHWM:");
  long private_kib = closed ? -1 : proc_kib (child, "smaps_rollup", "Private_Dirty:");
  if (smaps_file && !closed)
    write_smaps (child, smaps_file);
  struct rusage usage;
  memset (&usage, 0, sizeof usage);
  if (quit_keys && !closed)
    play (quit_keys, key_settle);
  if (!closed)
    kill (child, SIGTERM);
  int status = reap (&usage);

  printf ("first_ms=%.3f first_bytes=%lu key_bytes=%.1f key_ms=%.3f key_silent=%d "
          "maxrss_kib=%ld hwm_kib=%ld private_kib=%ld status=%d",
          first_ms, first_bytes, median (key_bytes, (size_t) presses),
          median (key_ms, (size_t) presses), silent, usage.ru_maxrss, hwm, private_kib,
          status);
  if (audio_file)
    printf (" audio_ms=%.3f", median (audio_ms, (size_t) presses));
  putchar ('\n');
  if (!ok && !failed)
    fail ("a step timed out");
  vterm_free (vt);
  close (master);
  return failed || !ok ? 1 : 0;
}
