/* floor.c -- the benchmark's floor: the least a bare ncursesw program does
   to show the screens safejob shows first, with the same text, layout and
   attributes, and nothing else (no content database, no catalogues, no
   bidi or line-breaking library). What safejob costs above this is the
   price of what it does besides drawing.

   Usage: floor [--question | --version]
   Starts on the attract screen, as safejob does; any key shows the first
   checklist question (with --question, it starts there). --version prints
   a line and exits without touching the terminal: the cost of starting a
   program with these libraries, for comparison with 'safejob --version'.
   Up and Down move the highlight, q quits. The strings are the shipped
   English ones: the attract screen's and the first question of
   content/checklist.txt. */
#include <config.h>

#include <locale.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <curses.h>

enum { PAIR_BAR = 1 };

static const char *const question_options[] = {
  "Myanmar, Cambodia or Laos",
  "Thailand",
  "Another country in South-East Asia (for example the Philippines or Malaysia)",
  "The Gulf, or another country outside South-East Asia",
  "I don't know",
};
enum { OPTION_COUNT = sizeof question_options / sizeof question_options[0] };

/* Paints TEXT (ASCII) from (Y, X), broken at blanks into lines of at most
   WIDTH columns; returns the rows used. */
static int
wrapped (int y, int x, int width, const char *text)
{
  int row = 0;
  while (*text)
    {
      int len = (int) strlen (text);
      if (len > width)
        {
          len = width;
          while (len > 0 && text[len] != ' ')
            len--;
          if (len == 0)
            len = width;
        }
      mvaddnstr (y + row++, x, text, len);
      text += len;
      while (*text == ' ')
        text++;
    }
  return row;
}

static int
rows_of (int width, const char *text)
{
  int row = 0;
  while (*text)
    {
      int len = (int) strlen (text);
      if (len > width)
        {
          len = width;
          while (len > 0 && text[len] != ' ')
            len--;
          if (len == 0)
            len = width;
        }
      row++;
      text += len;
      while (*text == ' ')
        text++;
    }
  return row;
}

/* A bar across row Y, bold on the bar colour, with TEXT at its left. */
static void
bar (int y, const char *text)
{
  attron (A_BOLD | COLOR_PAIR (PAIR_BAR));
  mvhline (y, 0, ' ', COLS);
  mvaddstr (y, 1, text);
  attroff (A_BOLD | COLOR_PAIR (PAIR_BAR));
}

static void
centred (int y, const char *text, attr_t attr)
{
  attron (attr);
  mvaddstr (y, (COLS - (int) strlen (text)) / 2, text);
  attroff (attr);
}

static void
draw_attract (void)
{
  int row = LINES / 2 - 4;
  bar (0, "safejob");
  centred (row, "safejob", A_BOLD);
  centred (row + 2, "Going abroad for work? Check the job offer here before you go.", A_BOLD);
  centred (row + 4, "Touch the screen or press any key to start.", A_NORMAL);
}

static void
draw_question (int selected)
{
  int width = COLS - 4;
  int row = 2;

  bar (0, "Check a job offer");
  attron (A_DIM);
  mvaddstr (row, 2, "Question 1 of 19");
  attroff (A_DIM);
  row += 2;
  attron (A_BOLD);
  row += wrapped (row, 2, width, "In which country is the job?") + 1;
  attroff (A_BOLD);
  for (int i = 0; i < OPTION_COUNT; i++)
    {
      attr_t attr = i == selected ? A_REVERSE | A_BOLD : A_NORMAL;
      int height = rows_of (width - 5, question_options[i]);
      attron (attr);
      for (int r = 0; r < height; r++)
        mvhline (row + r, 2, ' ', width);
      mvprintw (row, 2, "%s %d", i == selected ? "\xE2\x96\xB6" : " ", i + 1);
      wrapped (row, 7, width - 5, question_options[i]);
      attroff (attr);
      row += height + 1;
    }

  /* The bottom row: Back at the left, the key hints, Help and Hide at the
     right, as buttons a finger can tap. */
  bar (LINES - 1, "");
  attron (A_BOLD | A_REVERSE);
  mvaddstr (LINES - 1, 0, " \xE2\x97\x80 Back ");
  mvaddstr (LINES - 1, COLS - 26, " ? Help ");
  mvaddstr (LINES - 1, COLS - 13, " \xE2\x9C\x95 Hide ");
  attroff (A_BOLD | A_REVERSE);
  attron (A_BOLD | COLOR_PAIR (PAIR_BAR));
  mvaddstr (LINES - 1, 14, "\xE2\x86\x91\xE2\x86\x93 \xE2\x86\xB5  1-9");
  attroff (A_BOLD | COLOR_PAIR (PAIR_BAR));
}

int
main (int argc, char **argv)
{
  bool attract = !(argc > 1 && strcmp (argv[1], "--question") == 0);
  int selected = 0;

  if (argc > 1 && strcmp (argv[1], "--version") == 0)
    {
      puts ("floor (safejob benchmark)");
      return 0;
    }

  setlocale (LC_ALL, "");
  initscr ();
  raw ();
  noecho ();
  nonl ();
  keypad (stdscr, TRUE);
  curs_set (0);
  /* A kiosk is touched: the same mouse reports safejob asks for. */
  mousemask (BUTTON1_PRESSED | BUTTON1_RELEASED | BUTTON1_CLICKED | BUTTON4_PRESSED, NULL);
  if (has_colors ())
    {
      start_color ();
      use_default_colors ();
      init_pair (PAIR_BAR, COLOR_WHITE, COLOR_BLUE);
    }

  for (;;)
    {
      erase ();
      if (attract)
        draw_attract ();
      else
        draw_question (selected);
      refresh ();

      int key = getch ();
      if (key == 'q' || key == 3)
        break;
      if (attract)
        attract = key == KEY_MOUSE;
      else if (key == KEY_UP && selected > 0)
        selected--;
      else if (key == KEY_DOWN && selected + 1 < OPTION_COUNT)
        selected++;
    }
  endwin ();
  return 0;
}
