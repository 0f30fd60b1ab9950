/* checklist_builtin.c -- the checklist compiled into the program.
   The content system (content/ compiled into SQLite) replaces this table; the
   question is grounded in documented warning signs: victims fly to Bangkok and
   are driven across a land border to compounds in Myanmar, Cambodia or Laos
   (IOM Asia-Pacific, 24 Jul 2023; FBI PSA, 22 May 2023; Manila Times, 9 Mar 2023). */
#include <config.h>
#include "checklist.h"

#include "system.h"

static const struct checklist_question questions[] = {
  {
    "route",
    /* TRANSLATORS: a checklist question; the screen wraps it to the width. */
    N_("How will you travel to the place where you will work?"),
    3,
    {
      { "direct", N_("By air, straight to the country of the job, with a work visa"),
        0, false, false, NULL, NULL },
      { "overland",
        N_("By air to another city (for example Bangkok), then by car or boat across a border"),
        100, true, false,
        N_("Scam compounds in Myanmar, Cambodia and Laos bring people this way: "
           "a flight to a big city, then a drive across a border far from any "
           "official checkpoint."),
        N_("Do not go. A real employer gives you a work visa for the country "
           "where you will work and a ticket to fly there.") },
      { "unknown", N_("I don't know"), 30, false, true,
        N_("You should know the exact route before you leave."),
        N_("Ask the employer in writing for the route, the city and the address "
           "of the workplace, and check them before you pay or travel.") },
    },
  },
};

static const struct checklist builtin = { ARRAY_SIZE (questions), questions };

const struct checklist *
checklist_builtin (void)
{
  return &builtin;
}
