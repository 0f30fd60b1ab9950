/* keyfile.c -- lines of text, and "name = value" files. */
#include <config.h>
#include "keyfile.h"

#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

/* The length of the UTF-8 sequence at S (N bytes left), or 0 when it is
   not one: overlong forms, surrogates and code points past U+10FFFF are
   refused as well as broken sequences. */
static size_t
utf8_length (const unsigned char *s, size_t n)
{
  unsigned char c = s[0];
  size_t len = c < 0x80 ? 1 : c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3
               : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
  if (len == 0 || len > n)
    return 0;
  for (size_t k = 1; k < len; k++)
    if ((s[k] & 0xC0) != 0x80)
      return 0;
  if ((c == 0xE0 && s[1] < 0xA0) || (c == 0xED && s[1] > 0x9F)
      || (c == 0xF0 && s[1] < 0x90) || (c == 0xF4 && s[1] > 0x8F))
    return 0;
  return len;
}

const char *
keyfile_line_error (const char *line, size_t length, int lineno)
{
  const unsigned char *s = (const unsigned char *) line;
  if (length > KEYFILE_LINE_MAX)
    return "the line is too long";
  if (memchr (line, '\0', length))
    return "a NUL byte: is this a text file?";
  if (length >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF)
    return lineno == 1 ? "a byte-order mark: save the file as UTF-8 without one"
                       : "a byte-order mark in the middle of the file";
  for (size_t i = 0; i < length;)
    {
      size_t len = utf8_length (s + i, length - i);
      if (len == 0)
        return "this line is not valid UTF-8; save the file as UTF-8";
      /* Control characters (an escape sequence would reach the terminal
         or a printer as a command); a tab is blank, a CR ends a line
         saved on Windows. */
      if ((len == 1 && ((s[i] < 0x20 && s[i] != '\t' && !(s[i] == '\r' && i + 1 == length))
                        || s[i] == 0x7F))
          || (len == 2 && s[i] == 0xC2 && s[i + 1] <= 0x9F))
        return "a control character: only text is allowed";
      i += len;
    }
  return NULL;
}

/* Trims blanks at both ends of S in place. */
static char *
trim (char *s)
{
  while (isspace ((unsigned char) *s))
    s++;
  size_t n = strlen (s);
  while (n > 0 && isspace ((unsigned char) s[n - 1]))
    s[--n] = '\0';
  return s;
}

void
keyfile_open (struct keyfile *file, FILE *in, const char *path, const char *form,
              struct diag *diag)
{
  *file = (struct keyfile) { .in = in, .path = path, .form = form, .diag = diag };
}

bool
keyfile_next (struct keyfile *file, char **name, char **value)
{
  ssize_t n;
  while ((n = getline (&file->buffer, &file->size, file->in)) != -1)
    {
      file->line++;
      size_t length = (size_t) n;
      if (length > 0 && file->buffer[length - 1] == '\n')
        length--;
      const char *why = keyfile_line_error (file->buffer, length, file->line);
      if (why)
        {
          diag_error (file->diag, file->path, file->line, "%s", why);
          continue;
        }
      file->buffer[length] = '\0';
      char *text = trim (file->buffer);
      if (*text == '\0' || *text == '#')
        continue;
      char *equals = strchr (text, '=');
      if (!equals)
        {
          diag_error (file->diag, file->path, file->line, "%s", file->form);
          continue;
        }
      *equals = '\0';
      *name = trim (text);
      *value = trim (equals + 1);
      if (**value == '\0')
        {
          diag_error (file->diag, file->path, file->line, "'%s' has no value", *name);
          continue;
        }
      return true;
    }
  if (ferror (file->in))
    diag_error (file->diag, file->path, file->line, "read error: %s", strerror (errno));
  return false;
}

void
keyfile_close (struct keyfile *file)
{
  if (file->buffer)
    explicit_bzero (file->buffer, file->size);
  free (file->buffer);
  file->buffer = NULL;
}
