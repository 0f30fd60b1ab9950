/* languages.h -- the languages the kiosk offers on its picker. */
#ifndef SAFEJOB_LANGUAGES_H
#define SAFEJOB_LANGUAGES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

struct language
{
  const char *code;          /* gettext catalogue name, as in po/LINGUAS ("ne") */
  const char *native_name;   /* the language's name in its own script: never translated */
  const char *english_name;  /* shown smaller, for staff and for people who read Latin script */
  const char *voice;         /* espeak-ng's voice for it, or NULL: Debian 12's
                                espeak-ng 1.51 has none for Khmer, Lao or
                                Filipino */
  const char *script;        /* ISO 15924 code of the script it is written
                                in ("Mymr"): how a terminal shapes it */
};

/* Whether CODE is a language this program has a catalogue for. */
bool languages_known (const char *code);

/* The speech voice of the language CODE, or NULL when it has none. */
const char *languages_voice (const char *code);

/* The ISO 15924 code of the script of the language CODE ("Latn" for one
   not known). */
const char *languages_script (const char *code);

/* Offers the COUNT languages CODES, in that order (the kiosk's settings);
   the first is the default. Returns -1, changing nothing, if one is not
   known. */
int languages_offer (const char *const *codes, size_t count);

/* The number of offered languages; index 0 is the default. */
size_t languages_count (void);

/* The language at INDEX (< languages_count ()). */
const struct language *languages_get (size_t index);

/* The index of the language whose code is CODE, or -1 if none is offered. */
int languages_find (const char *code);

/* How complete a translation is, from the build's languages.stats. */
struct language_status
{
  int translated, fuzzy, untranslated;
  int reviewed;           /* 1 reviewed by a native speaker, 0 a draft */
};

/* The build's languages.stats ($SAFEJOB_LANGUAGES_STATS in tests): it
   lists every catalogue, and so the languages a translator added with a
   catalogue alone, which are offered after the table's. */
const char *languages_stats_path (void);

/* Reads the line for CODE from the stats file STATS (its lines are "CODE
   TRANSLATED FUZZY UNTRANSLATED draft|reviewed") into *STATUS. Returns 0,
   or -1 when the file or the line is missing or malformed. */
int languages_status (FILE *stats, const char *code, struct language_status *status);

/* Writes the offered languages to OUT as a table: code, name, how complete
   the translation is, whether a native speaker reviewed it, and how it
   can be heard: its voice, and the number of its recorded clips that
   CLIP_COUNT (NULL: none) gives ('safejob --languages' and the staff
   screen). Returns 0, or -1 when completeness is not known (the build's
   languages.stats is missing). */
int languages_write_table (FILE *out, size_t (*clip_count) (const char *code, void *data),
                           void *data);

#endif /* SAFEJOB_LANGUAGES_H */
