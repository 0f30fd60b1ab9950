/* print.c -- frames on paper: drawn by render_slip.c in the session's
   language, sent by printer.c.

   render_slip.c is a module of its own (safejob-slip.so), loaded here on
   the first print: Pango, Cairo and their libraries would otherwise load
   at every start of every kiosk, printer or not (bench/README.md). */
#include <config.h>
#include "print.h"

#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <syslog.h>
#include "i18n.h"
#include "slip.h"
#include "system.h"

/* The module's functions (slip.h). */
struct slip_module
{
  __typeof__ (slip_render) *render;
  __typeof__ (slip_free) *free;
  __typeof__ (slip_release_fonts) *release;
};

static struct slip_module module;
static int loaded;             /* 0: not tried yet, 1: loaded, -1: failed */
static char load_error[256];

/* The slip module, loaded on first use and kept for the life of the
   process; NULL, with why in DETAIL, when it cannot be loaded. The
   installed one, or $SAFEJOB_SLIP_MODULE outside kiosk mode (the tests
   name the build tree's). */
static const struct slip_module *
slip_module (const struct app *app, char *detail, size_t detail_size)
{
  if (loaded == 0)
    {
      const char *path = getenv ("SAFEJOB_SLIP_MODULE");
      if (app->kiosk_mode || !path || !path[0])
        path = SLIP_MODULE;
      void *library = dlopen (path, RTLD_NOW | RTLD_LOCAL);
      loaded = -1;
      if (!library)
        snprintf (load_error, sizeof load_error, "cannot load the slip renderer: %s",
                  dlerror ());
      else
        {
          module.render = (__typeof__ (module.render)) dlsym (library, "slip_render");
          module.free = (__typeof__ (module.free)) dlsym (library, "slip_free");
          module.release = (__typeof__ (module.release)) dlsym (library, "slip_release_fonts");
          if (module.render && module.free && module.release)
            loaded = 1;
          else
            snprintf (load_error, sizeof load_error, "%s is not safejob's slip renderer", path);
        }
    }
  if (loaded < 0)
    snprintf (detail, detail_size, "%s", load_error);
  return loaded > 0 ? &module : NULL;
}

void
print_release (void)
{
  if (loaded > 0)
    module.release ();
}

enum printer_status
print_paper (const struct app *app, paper_builder *build, char *detail, size_t detail_size)
{
  const struct slip_module *m = slip_module (app, detail, detail_size);
  /* Not on the stack: a frame holds hundreds of blocks. */
  struct frame *paper = m ? calloc (1, sizeof *paper) : NULL;
  struct slip slip;
  enum printer_status status;
  int drawn = -1;

  if (!m)
    return PRINTER_FAILED;
  if (paper)
    {
      frame_reset (paper);
      build (app, paper);
      drawn = m->render (paper, i18n_current (), SLIP_DOTS, &slip);
      frame_free (paper);    /* wiped: it may hold a person's result */
      free (paper);
    }
  if (drawn != 0)
    {
      snprintf (detail, detail_size, "out of memory drawing the slip");
      return PRINTER_NO_MEMORY;
    }
  if (slip.missing_glyphs > 0)
    /* It prints all the same: the numbers are digits. The operator
       installs the fonts kiosk/setup names. */
    syslog (LOG_WARNING, "slip in '%s': %d characters have no font", i18n_current (),
            slip.missing_glyphs);
  status = printer_print_raster (app->printer, slip.bits, slip.height, slip.row_bytes, detail,
                                 detail_size);
  m->free (&slip);
  return status;
}

void
print_for_person (struct app *app, paper_builder *build, enum screen_id screen, bool numbers)
{
  char detail[256];
  enum printer_status status = print_paper (app, build, detail, sizeof detail);

  app->print_screen = screen;
  if (status == PRINTER_OK)
    {
      app->session.printed = true;
      /* TRANSLATORS: after printing. */
      snprintf (app->print_status, sizeof app->print_status, "%s",
                _("Printed. Take your slip from the printer."));
      return;
    }
  const char *why = _(printer_status_text (status));
  if (numbers)
    /* TRANSLATORS: %s says what is wrong with the printer. */
    snprintf (app->print_status, sizeof app->print_status,
              _("The printer is not working (%s). Please write the numbers down."), why);
  else
    /* TRANSLATORS: %s says what is wrong with the printer. */
    snprintf (app->print_status, sizeof app->print_status, _("The printer is not working (%s)."),
              why);
  syslog (LOG_WARNING, "printer %s: %s", app->printer, detail);
}
