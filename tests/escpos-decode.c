/* escpos-decode.c -- the test oracle for receipts: walks an ESC/POS stream,
   names every command it finds, writes each raster image (GS v 0) as
   PREFIX-N.pbm for zbarimg and the images one under the other, as the
   paper shows them, as PREFIX-paper.pbm, and fails on an unknown command
   or a stream cut short. Last it says how many runs of rows with ink the
   paper has ("ink runs N": a line of text is one, a code another), so a
   test can tell a slip with text from one with a code alone.
   Usage: escpos-decode FILE PREFIX */
#include <config.h>

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The COUNT images one under the other as PREFIX-paper.pbm, and the
   runs of rows with ink. */
static int
write_paper (const unsigned char *data, const size_t *at, const int *bytes, const int *rows,
             int count, const char *prefix)
{
  int width = 0, height = 0, runs = 0;
  bool inked = false;
  char path[4096];

  for (int k = 0; k < count; k++)
    {
      width = bytes[k] > width ? bytes[k] : width;
      height += rows[k];
    }
  snprintf (path, sizeof path, "%s-paper.pbm", prefix);
  FILE *out = fopen (path, "wb");
  if (!out)
    return perror (path), 2;
  fprintf (out, "P4\n%d %d\n", width * 8, height);
  for (int k = 0; k < count; k++)
    for (int r = 0; r < rows[k]; r++)
      {
        const unsigned char *row = data + at[k] + (size_t) r * (size_t) bytes[k];
        bool ink = false;
        for (int b = 0; b < width; b++)
          {
            unsigned char byte = b < bytes[k] ? row[b] : 0;
            ink |= byte != 0;
            fputc (byte, out);
          }
        runs += ink && !inked;
        inked = ink;
      }
  if (fclose (out) != 0)
    return perror (path), 2;
  printf ("paper %dx%d %s\nink runs %d\n", width * 8, height, path, runs);
  return 0;
}

int
main (int argc, char **argv)
{
  if (argc != 3)
    {
      fprintf (stderr, "usage: escpos-decode FILE PREFIX\n");
      return 2;
    }
  FILE *f = fopen (argv[1], "rb");
  if (!f)
    {
      perror (argv[1]);
      return 2;
    }
  static unsigned char data[4 << 20];
  size_t n = fread (data, 1, sizeof data, f);
  fclose (f);
  size_t i = 0;
  int images = 0;
  /* Where each image's rows start, and its size, for the paper. */
  enum { MAX_IMAGES = 256 };
  size_t image_at[MAX_IMAGES];
  int image_bytes[MAX_IMAGES], image_rows[MAX_IMAGES];
  char text[4096];
  size_t t = 0;

#define NEED(k) do { if (i + (k) > n) { printf ("truncated at byte %zu\n", i); return 1; } } while (0)
  while (i < n)
    {
      unsigned char c = data[i];
      if (c == 0x1b)
        {
          NEED (2);
          unsigned char cmd = data[i + 1];
          if (cmd == '@')
            printf ("init\n"), i += 2;
          else if (cmd == 'a' || cmd == 'E')
            {
              NEED (3);
              printf ("%s %d\n", cmd == 'a' ? "align" : "bold", data[i + 2]);
              i += 3;
            }
          else
            {
              printf ("unknown ESC %02x at byte %zu\n", cmd, i);
              return 1;
            }
        }
      else if (c == 0x1d)
        {
          NEED (2);
          if (data[i + 1] == 'v' )
            {
              NEED (8);
              if (data[i + 2] != '0')
                return printf ("bad GS v at byte %zu\n", i), 1;
              int bytes = data[i + 4] | data[i + 5] << 8, rows = data[i + 6] | data[i + 7] << 8;
              i += 8;
              NEED ((size_t) bytes * (size_t) rows);
              char path[4096];
              snprintf (path, sizeof path, "%s-%d.pbm", argv[2], ++images);
              FILE *out = fopen (path, "wb");
              if (!out)
                return perror (path), 2;
              /* A quiet white margin around the print, as paper gives. */
              int margin = 4;
              fprintf (out, "P4\n%d %d\n", (bytes + 2 * margin) * 8, rows + 16 * margin);
              unsigned char blank[512] = { 0 };
              for (int r = 0; r < 8 * margin; r++)
                fwrite (blank, 1, (size_t) (bytes + 2 * margin), out);
              for (int r = 0; r < rows; r++)
                {
                  fwrite (blank, 1, (size_t) margin, out);
                  fwrite (data + i + (size_t) r * (size_t) bytes, 1, (size_t) bytes, out);
                  fwrite (blank, 1, (size_t) margin, out);
                }
              for (int r = 0; r < 8 * margin; r++)
                fwrite (blank, 1, (size_t) (bytes + 2 * margin), out);
              fclose (out);
              printf ("raster %dx%d %s\n", bytes * 8, rows, path);
              if (images <= MAX_IMAGES)
                {
                  image_at[images - 1] = i;
                  image_bytes[images - 1] = bytes;
                  image_rows[images - 1] = rows;
                }
              i += (size_t) bytes * (size_t) rows;
            }
          else if (data[i + 1] == 'V')
            {
              NEED (4);
              printf ("cut %d %d\n", data[i + 2], data[i + 3]);
              i += 4;
            }
          else
            {
              printf ("unknown GS %02x at byte %zu\n", data[i + 1], i);
              return 1;
            }
        }
      else if (c == '\n')
        {
          if (t > 0)
            printf ("text %.*s\n", (int) t, text);
          t = 0;
          i++;
        }
      else if (c >= 0x20 && c < 0x7f)
        {
          if (t < sizeof text)
            text[t++] = (char) c;
          i++;
        }
      else
        {
          printf ("unexpected byte %02x at %zu\n", c, i);
          return 1;
        }
    }
  printf ("images %d\n", images);
  if (images > MAX_IMAGES)
    images = MAX_IMAGES;
  return write_paper (data, image_at, image_bytes, image_rows, images, argv[2]);
}
