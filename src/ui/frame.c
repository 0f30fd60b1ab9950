/* frame.c -- filling a frame, and the text it owns. */
#include <config.h>
#include "frame.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "i18n.h"

void
frame_reset (struct frame *frame)
{
  struct arena strings = frame->strings;
  arena_wipe (&strings);
  explicit_bzero (frame, sizeof *frame);
  frame->top = 2;
  frame->margin = 2;
  frame->strings = strings;
}

void
frame_free (struct frame *frame)
{
  frame_reset (frame);
}

const char *
frame_printf (struct frame *frame, const char *format, ...)
{
  va_list ap;
  va_start (ap, format);
  int n = vsnprintf (NULL, 0, format, ap);
  va_end (ap);
  char *s = n >= 0 ? arena_alloc (&frame->strings, (size_t) n + 1) : NULL;
  if (!s)
    return "";
  va_start (ap, format);
  vsnprintf (s, (size_t) n + 1, format, ap);
  va_end (ap);
  return s;
}

/* Where a block goes when its part of the frame is full: written, never
   shown. Content with more than a frame holds is cut, not overflowed. */
static struct frame_block scratch;

static struct frame_block *
add_block (struct frame_block *blocks, size_t *count, size_t max, const char *text,
           enum style style)
{
  struct frame_block *b = *count < max ? &blocks[(*count)++] : &scratch;
  *b = (struct frame_block) { .text = text ? text : "", .style = style };
  return b;
}

struct frame_block *
frame_lead (struct frame *frame, const char *text, enum style style, int max_rows, int gap)
{
  struct frame_block *b = add_block (frame->lead, &frame->lead_count, FRAME_MAX_LEAD, text,
                                     style);
  b->max_rows = max_rows;
  b->gap = gap;
  return b;
}

struct frame_block *
frame_text (struct frame *frame, const char *text, enum style style, int indent, int gap)
{
  struct frame_block *b = add_block (frame->text, &frame->text_count, FRAME_MAX_TEXT, text,
                                     style);
  b->indent = indent;
  b->gap = gap;
  return b;
}

struct frame_block *
frame_foot (struct frame *frame, const char *text, enum style style)
{
  return add_block (frame->foot, &frame->foot_count, FRAME_MAX_FOOT, text, style);
}

struct frame_item *
frame_item (struct frame *frame, const char *label, int value)
{
  static struct frame_item scratch_item;
  struct frame_item *item = frame->item_count < FRAME_MAX_ITEMS
                            ? &frame->items[frame->item_count++] : &scratch_item;
  *item = (struct frame_item) { .label = label ? label : "", .value = value };
  return item;
}

int
frame_item_value (const struct frame *frame, size_t i)
{
  return i < frame->item_count ? frame->items[i].value : -1;
}

const char *
glyph (const char *utf8, const char *ascii)
{
  static int utf8_terminal = -1;
  if (utf8_terminal < 0)
    utf8_terminal = i18n_is_utf8 ();
  return utf8_terminal ? utf8 : ascii;
}

/* FNV-1a over S, from HASH. */
static uint64_t
hash_text (uint64_t hash, const char *s)
{
  for (const unsigned char *p = (const unsigned char *) (s ? s : ""); *p; p++)
    hash = (hash ^ *p) * UINT64_C (1099511628211);
  return (hash ^ 0xFF) * UINT64_C (1099511628211);    /* a separator: "ab"+"c" is not "a"+"bc" */
}

uint64_t
frame_words_hash (const struct frame *frame)
{
  uint64_t hash = UINT64_C (14695981039346656037);
  hash = hash_text (hash, frame->title);
  for (size_t i = 0; i < frame->lead_count; i++)
    hash = hash_text (hash, frame->lead[i].text);
  for (size_t i = 0; i < frame->text_count; i++)
    hash = hash_text (hash, frame->text[i].text);
  for (size_t i = 0; i < frame->foot_count; i++)
    hash = hash_text (hash, frame->foot[i].text);
  return hash;
}
