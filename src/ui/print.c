/* print.c -- frames on paper: drawn by render_slip.c in the session's
   language, sent by printer.c. */
#include <config.h>
#include "print.h"

#include <stdio.h>
#include <syslog.h>
#include "i18n.h"
#include "slip.h"
#include "system.h"

enum printer_status
print_frame (const struct app *app, const struct frame *paper, char *detail, size_t detail_size)
{
  struct slip slip;
  enum printer_status status;

  if (!paper || slip_render (paper, i18n_current (), SLIP_DOTS, &slip) != 0)
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
  slip_free (&slip);
  return status;
}

void
print_for_person (struct app *app, const struct frame *paper, enum screen_id screen,
                  bool numbers)
{
  char detail[256];
  enum printer_status status = print_frame (app, paper, detail, sizeof detail);

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
