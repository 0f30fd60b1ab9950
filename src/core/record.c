/* record.c -- parser for the content record format. */
#include <config.h>
#include "record.h"

#include <ctype.h>
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "keyfile.h"

/* Grows *ARRAY (COUNT elements of SIZE) in ARENA to hold one more. */
static void *
grow (struct arena *arena, void *array, size_t count, size_t size)
{
  /* Capacities are the powers of two: grow when COUNT reaches one. */
  if (count != 0 && (count & (count - 1)) != 0)
    return array;
  void *bigger = arena_alloc (arena, (count ? 2 * count : 1) * size);
  if (bigger && count)
    memcpy (bigger, array, count * size);
  return bigger;
}

static bool
is_key_char (int c)
{
  return (c >= 'a' && c <= 'z') || c == '_';
}

static bool
is_id_char (int c)
{
  return isalnum (c) || c == '.' || c == '-' || c == '_';
}

struct parser
{
  const char *path;
  struct arena *arena;
  struct diag *diag;
  struct record_file *out;
  struct field *open_field;   /* the field an indented line continues */
};

static struct record *
current_record (struct parser *p)
{
  return p->out->count ? &p->out->records[p->out->count - 1] : NULL;
}

static void
parse_header (struct parser *p, const char *line, int lineno)
{
  const char *s = line + 1;
  const char *type = s, *id;
  size_t type_len, id_len;

  while (*s >= 'a' && *s <= 'z')
    s++;
  type_len = (size_t) (s - type);
  while (*s == ' ' || *s == '\t')
    s++;
  id = s;
  while (is_id_char ((unsigned char) *s))
    s++;
  id_len = (size_t) (s - id);
  if (type_len == 0 || id_len == 0 || id == type + type_len || *s != ']' || s[1] != '\0')
    {
      diag_error (p->diag, p->path, lineno,
                  "expected a record header like '[question visa]' "
                  "(letters for the type, then an id of letters, digits, '.', '-' or '_')");
      return;
    }
  struct record_file *out = p->out;
  out->records = grow (p->arena, out->records, out->count, sizeof *out->records);
  if (!out->records)
    return;
  struct record *r = &out->records[out->count++];
  memset (r, 0, sizeof *r);
  r->file = p->path;
  r->line = lineno;
  r->type = arena_strndup (p->arena, type, type_len);
  r->id = arena_strndup (p->arena, id, id_len);
}

static void
parse_field (struct parser *p, const char *line, int lineno)
{
  const char *s = line;
  const char *key = s;
  size_t key_len;

  while (is_key_char ((unsigned char) *s))
    s++;
  key_len = (size_t) (s - key);
  while (*s == ' ' || *s == '\t')
    s++;
  if (key_len == 0 || *s != '=')
    {
      diag_error (p->diag, p->path, lineno,
                  "expected 'key = value', a '[type id]' header, or an indented "
                  "line that continues the value above");
      return;
    }
  s++;
  while (*s == ' ' || *s == '\t')
    s++;

  struct record *r = current_record (p);
  if (!r)
    {
      diag_error (p->diag, p->path, lineno, "'%.*s' comes before any '[type id]' header",
                  (int) key_len, key);
      return;
    }
  if (*s == '\0')
    {
      diag_error (p->diag, p->path, lineno, "'%.*s' has no value", (int) key_len, key);
      return;
    }
  r->fields = grow (p->arena, r->fields, r->field_count, sizeof *r->fields);
  if (!r->fields)
    return;
  struct field *f = &r->fields[r->field_count++];
  f->key = arena_strndup (p->arena, key, key_len);
  f->value = arena_strdup (p->arena, s);
  f->line = lineno;
  p->open_field = f;
}

static void
parse_continuation (struct parser *p, const char *line, int lineno)
{
  while (*line == ' ' || *line == '\t')
    line++;
  if (!p->open_field)
    {
      diag_error (p->diag, p->path, lineno,
                  "this indented line continues nothing: indent only the lines "
                  "that go on a value");
      return;
    }
  size_t old = strlen (p->open_field->value), add = strlen (line);
  char *joined = arena_alloc (p->arena, old + 1 + add + 1);
  if (!joined)
    return;
  memcpy (joined, p->open_field->value, old);
  joined[old] = ' ';
  memcpy (joined + old + 1, line, add);
  p->open_field->value = joined;
}

int
record_parse (const char *path, const char *text, struct arena *arena,
              struct diag *diag, struct record_file *out)
{
  struct parser p = { path, arena, diag, out, NULL };
  int lineno = 0;

  memset (out, 0, sizeof *out);
  out->path = path;
  while (*text)
    {
      size_t len = strcspn (text, "\n");
      char *line = arena_strndup (arena, text, len);
      text += len + (text[len] == '\n');
      lineno++;
      if (!line)
        return -1;
      /* Trailing blanks (and a DOS carriage return) are never meaningful. */
      while (len > 0 && isspace ((unsigned char) line[len - 1]))
        line[--len] = '\0';

      const char *first = line + strspn (line, " \t");
      const char *why = keyfile_line_error (line, len, lineno);
      if (why)
        diag_error (diag, path, lineno, "%s", why);
      else if (*first == '\0')
        p.open_field = NULL;
      else if (*first == '#')
        ;
      else if (first != line)
        parse_continuation (&p, line, lineno);
      else if (*line == '[')
        {
          p.open_field = NULL;
          parse_header (&p, line, lineno);
        }
      else
        parse_field (&p, line, lineno);
    }
  return 0;
}

int
record_file_read (const char *path, struct arena *arena, struct diag *diag,
                  struct record_file *out)
{
  FILE *f = fopen (path, "rb");
  char *text = NULL;
  size_t size = 0;

  memset (out, 0, sizeof *out);
  if (!f)
    {
      diag_error (diag, path, 0, "cannot read: %s", strerror (errno));
      return -1;
    }
  FILE *mem = open_memstream (&text, &size);
  char buf[8192];
  size_t n;
  while (mem && (n = fread (buf, 1, sizeof buf, f)) > 0)
    fwrite (buf, 1, n, mem);
  bool failed = ferror (f) || !mem;
  fclose (f);
  if (mem)
    fclose (mem);
  if (failed || !text)
    {
      diag_error (diag, path, 0, "cannot read: %s", strerror (errno));
      free (text);
      return -1;
    }
  if (strlen (text) != size)
    diag_error (diag, path, 0, "the file holds a NUL byte: is it a text file?");
  int rc = record_parse (arena_strdup (arena, path), text, arena, diag, out);
  free (text);
  return rc;
}

const struct field *
record_field (const struct record *record, const char *key)
{
  for (size_t i = 0; i < record->field_count; i++)
    if (strcmp (record->fields[i].key, key) == 0)
      return &record->fields[i];
  return NULL;
}
