/* arena.c -- a list of blocks, each allocation a block of its own: the
   content is small and loaded once, so simplicity beats packing. */
#include <config.h>
#include "arena.h"

#include <stdlib.h>
#include <string.h>

struct arena_block
{
  struct arena_block *next;
  size_t size;
  max_align_t data[];
};

void *
arena_alloc (struct arena *arena, size_t size)
{
  struct arena_block *block = calloc (1, sizeof *block + (size ? size : 1));
  if (!block)
    return NULL;
  block->next = arena->blocks;
  block->size = size;
  arena->blocks = block;
  return block->data;
}

char *
arena_strndup (struct arena *arena, const char *s, size_t n)
{
  char *copy = arena_alloc (arena, n + 1);
  if (copy)
    memcpy (copy, s, n);
  return copy;
}

char *
arena_strdup (struct arena *arena, const char *s)
{
  return arena_strndup (arena, s, strlen (s));
}

void
arena_free (struct arena *arena)
{
  while (arena->blocks)
    {
      struct arena_block *next = arena->blocks->next;
      free (arena->blocks);
      arena->blocks = next;
    }
}

void
arena_wipe (struct arena *arena)
{
  for (struct arena_block *b = arena->blocks; b; b = b->next)
    explicit_bzero (b->data, b->size);
  arena_free (arena);
}
