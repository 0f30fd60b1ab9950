/* arena.h -- one allocation owner for data loaded together and freed together
   (the content): no per-string frees to forget. */
#ifndef SAFEJOB_ARENA_H
#define SAFEJOB_ARENA_H

#include <stddef.h>

struct arena
{
  struct arena_block *blocks;
};

/* Returns SIZE zeroed bytes owned by ARENA, or NULL when out of memory. */
void *arena_alloc (struct arena *arena, size_t size);

/* Copies S (N bytes, then a NUL) into ARENA; NULL when out of memory. */
char *arena_strndup (struct arena *arena, const char *s, size_t n);
char *arena_strdup (struct arena *arena, const char *s);

/* Frees everything ARENA owns; it can be used again afterwards. */
void arena_free (struct arena *arena);

/* The same, after overwriting it with zeros: for a person's answers. */
void arena_wipe (struct arena *arena);

#endif /* SAFEJOB_ARENA_H */
