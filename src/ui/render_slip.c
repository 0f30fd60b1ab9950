/* render_slip.c -- a frame drawn on paper with Pango and Cairo (slip.h).

   Pango shapes every script with the fonts fontconfig finds (the kiosk's
   own), takes each paragraph's direction from its text, so Arabic and Urdu
   lines run and align right to left with their numbers in order, and
   breaks lines where the language allows. The page is drawn grey on
   white, then cut to black and white dots: a thermal printer has no grey.

   Two passes over the frame, one that measures and one that draws, so the
   page is allocated once at its height. */
#include <config.h>
#include "slip.h"

#include <fontconfig/fontconfig.h>
#include <pango/pangocairo.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include "qr.h"
#include "wrap.h"

/* Sizes in dots (203 an inch): 21 dots of text is 2.6 mm, what a receipt's
   own font is; a module of a code at most 5 dots (0.6 mm), which phone
   cameras read from a hand's length. */
enum
{
  MARGIN = 8,              /* left and right: printers do not reach the edge */
  TEXT_PX = 21, SMALL_PX = 17, BANNER_PX = 28, TITLE_PX = 30,
  PARAGRAPH_GAP = 6,       /* between blocks, plus a line per frame gap */
  MODULE_MAX = 5,
  BOTTOM = 24,
};

struct page
{
  PangoContext *pango;
  cairo_t *cr;             /* NULL while measuring */
  int width;               /* of the paper */
  int y;                   /* the next free row */
  int missing_glyphs;
};

static bool
is_banner (enum style style)
{
  return style == STYLE_HIGH || style == STYLE_MEDIUM || style == STYLE_LOW;
}

/* A layout of TEXT at PX dots, bold or not, WIDTH dots wide. */
static PangoLayout *
make_layout (struct page *page, const char *text, int px, bool bold, int width)
{
  PangoLayout *layout = pango_layout_new (page->pango);
  PangoFontDescription *font = pango_font_description_from_string ("Sans");

  pango_font_description_set_absolute_size (font, px * PANGO_SCALE);
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_width (layout, width * PANGO_SCALE);
  /* Where Khmer, Lao, Thai and Burmese may break, as the screen does. */
  char *marked = wrap_mark_breaks (text);
  pango_layout_set_text (layout, marked ? marked : text, -1);
  free (marked);
  page->missing_glyphs += pango_layout_get_unknown_glyphs_count (layout);
  return layout;
}

/* Draws LAYOUT at X on the page's next rows, black or white, and moves
   down by its height. */
static void
put_layout (struct page *page, PangoLayout *layout, int x, bool white)
{
  int w, h;
  pango_layout_get_pixel_size (layout, &w, &h);
  if (page->cr)
    {
      double shade = white ? 1 : 0;
      cairo_set_source_rgb (page->cr, shade, shade, shade);
      cairo_move_to (page->cr, x, page->y);
      pango_cairo_show_layout (page->cr, layout);
    }
  page->y += h;
}

/* The frame's title, centred and bold, over a rule. */
static void
put_title (struct page *page, const char *title)
{
  PangoLayout *layout = make_layout (page, title, TITLE_PX, true, page->width - 2 * MARGIN);
  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  put_layout (page, layout, MARGIN, false);
  g_object_unref (layout);
  page->y += 4;
  if (page->cr)
    {
      cairo_set_source_rgb (page->cr, 0, 0, 0);
      cairo_rectangle (page->cr, MARGIN, page->y, page->width - 2 * MARGIN, 2);
      cairo_fill (page->cr);
    }
  page->y += 2 + 2 * PARAGRAPH_GAP;
}

/* A level's banner: white on black for HIGH, framed for the others, as
   the screen sets them apart by more than colour. */
static void
put_banner (struct page *page, const struct frame_block *block)
{
  int inner = page->width - 2 * MARGIN - 8;
  PangoLayout *layout = make_layout (page, block->text, BANNER_PX, true, inner);
  int w, h;

  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  pango_layout_get_pixel_size (layout, &w, &h);
  if (page->cr)
    {
      cairo_set_source_rgb (page->cr, 0, 0, 0);
      cairo_rectangle (page->cr, MARGIN, page->y, page->width - 2 * MARGIN, h + 8);
      if (block->style == STYLE_HIGH)
        cairo_fill (page->cr);
      else
        {
          cairo_set_line_width (page->cr, 3);
          cairo_stroke (page->cr);
        }
    }
  page->y += 4;
  put_layout (page, layout, MARGIN + 4, block->style == STYLE_HIGH);
  g_object_unref (layout);
  page->y += 4 + PARAGRAPH_GAP;
}

/* A paragraph, with its indent and hanging indent on the side its text
   starts from. */
static void
put_block (struct page *page, const struct frame_block *block)
{
  if (!block->text || !block->text[0])
    return;
  if (is_banner (block->style))
    {
      put_banner (page, block);
      return;
    }
  bool small = block->style == STYLE_DIM;
  int px = small ? SMALL_PX : TEXT_PX;
  bool bold = block->style == STYLE_STRONG || block->style == STYLE_TITLE;
  int column = px / 2;    /* a terminal column, in dots */
  int indent = block->indent * column, hang = block->hang * column;
  int width = page->width - 2 * MARGIN - indent;
  PangoLayout *layout = make_layout (page, block->text, px, bold, width);
  bool rtl = pango_layout_get_direction (layout, 0) == PANGO_DIRECTION_RTL;
  /* Negative: the first line full width, the others under its first word. */
  pango_layout_set_indent (layout, -hang * PANGO_SCALE);
  put_layout (page, layout, MARGIN + (rtl ? 0 : indent), false);
  g_object_unref (layout);
  page->y += PARAGRAPH_GAP + block->gap * px / 2;
}

/* A QR code, as large as the paper allows up to MODULE_MAX dots a module,
   centred, its quiet zone white paper, and its caption under it. Returns
   -1 when the payload is too long for any code. */
static int
put_code (struct page *page, const struct frame_code *code)
{
  struct qr_image image;
  if (qr_make (code->payload, &image) != 0)
    return -1;
  int side = image.width + 2 * QR_QUIET_ZONE;
  int scale = (page->width - 2 * MARGIN) / side;
  if (scale > MODULE_MAX)
    scale = MODULE_MAX;
  if (scale < 1)
    scale = 1;
  int left = (page->width - side * scale) / 2;
  if (page->cr)
    {
      cairo_set_source_rgb (page->cr, 0, 0, 0);
      for (int y = 0; y < image.width; y++)
        for (int x = 0; x < image.width; x++)
          if (qr_is_dark (&image, x, y))
            cairo_rectangle (page->cr, left + (x + QR_QUIET_ZONE) * scale,
                             page->y + (y + QR_QUIET_ZONE) * scale, scale, scale);
      cairo_fill (page->cr);
    }
  page->y += side * scale;
  qr_free (&image);
  if (code->caption && code->caption[0])
    {
      PangoLayout *layout = make_layout (page, code->caption, TEXT_PX, true,
                                         page->width - 2 * MARGIN);
      pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
      put_layout (page, layout, MARGIN, false);
      g_object_unref (layout);
    }
  page->y += 3 * PARAGRAPH_GAP;
  return 0;
}

/* Lays the frame out on PAGE, drawing when it has a Cairo context. */
static int
put_frame (struct page *page, const struct frame *frame)
{
  page->y = MARGIN;
  page->missing_glyphs = 0;
  if (frame->title)
    put_title (page, frame->title);
  for (size_t i = 0; i < frame->lead_count; i++)
    put_block (page, &frame->lead[i]);
  for (size_t i = 0; i < frame->text_count; i++)
    put_block (page, &frame->text[i]);
  for (size_t i = 0; i < frame->code_count; i++)
    if (put_code (page, &frame->codes[i]) != 0)
      return -1;
  for (size_t i = 0; i < frame->foot_count; i++)
    put_block (page, &frame->foot[i]);
  page->y += BOTTOM;
  return 0;
}

/* A Pango context for CR that draws grey edges (cut to dots later) and
   places glyphs where their outlines say, not on a screen's pixel grid. */
static PangoContext *
make_context (cairo_t *cr, const char *language)
{
  PangoContext *pango = pango_cairo_create_context (cr);
  cairo_font_options_t *options = cairo_font_options_create ();

  cairo_font_options_set_antialias (options, CAIRO_ANTIALIAS_GRAY);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  pango_cairo_context_set_font_options (pango, options);
  cairo_font_options_destroy (options);
  pango_context_set_language (pango, pango_language_from_string (language && language[0]
                                                                 ? language : "en"));
  return pango;
}

/* A page of WIDTH x HEIGHT white dots with a context to draw on it, or
   false when out of memory. */
static bool
open_page (struct page *page, cairo_surface_t **surface, int width, int height,
           const char *language)
{
  *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  if (cairo_surface_status (*surface) != CAIRO_STATUS_SUCCESS)
    return false;
  page->cr = cairo_create (*surface);
  cairo_set_source_rgb (page->cr, 1, 1, 1);
  cairo_paint (page->cr);
  page->pango = make_context (page->cr, language);
  page->width = width;
  return true;
}

static void
close_page (struct page *page, cairo_surface_t *surface)
{
  if (page->pango)
    g_object_unref (page->pango);
  if (page->cr)
    cairo_destroy (page->cr);
  if (surface)
    {
      cairo_surface_flush (surface);
      unsigned char *data = cairo_image_surface_get_data (surface);
      if (data)
        explicit_bzero (data, (size_t) cairo_image_surface_get_stride (surface)
                              * (size_t) cairo_image_surface_get_height (surface));
      cairo_surface_destroy (surface);
    }
}

/* The page's grey cut to dots: darker than half is black. */
static int
to_dots (cairo_surface_t *surface, struct slip *slip)
{
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  int stride = cairo_image_surface_get_stride (surface);
  const unsigned char *data;

  cairo_surface_flush (surface);
  data = cairo_image_surface_get_data (surface);
  slip->width = width;
  slip->height = height;
  slip->row_bytes = ((size_t) width + 7) / 8;
  slip->bits = calloc ((size_t) height, slip->row_bytes);
  if (!slip->bits)
    return -1;
  for (int y = 0; y < height; y++)
    {
      const uint32_t *row = (const uint32_t *) (const void *) (data + (size_t) y * (size_t) stride);
      for (int x = 0; x < width; x++)
        {
          uint32_t p = row[x];
          int grey = (int) (((p >> 16) & 0xff) * 30 + ((p >> 8) & 0xff) * 59 + (p & 0xff) * 11) / 100;
          if (grey < 128)
            slip->bits[(size_t) y * slip->row_bytes + (size_t) x / 8] |= (unsigned char) (0x80 >> (x % 8));
        }
    }
  return 0;
}

/* Whether a slip was drawn: fontconfig is then initialised. */
static bool fonts_loaded;

int
slip_render (const struct frame *frame, const char *language, int dots, struct slip *slip)
{
  struct page page = { 0 };
  cairo_surface_t *surface = NULL;
  int rc = -1;

  memset (slip, 0, sizeof *slip);
  fonts_loaded = true;
  /* Measure on a page one row high, then draw on one of the height. */
  if (!open_page (&page, &surface, dots, 1, language))
    goto out;
  cairo_t *measuring = page.cr;
  page.cr = NULL;
  if (put_frame (&page, frame) != 0)
    {
      page.cr = measuring;
      goto out;
    }
  page.cr = measuring;
  int height = page.y;
  close_page (&page, surface);
  memset (&page, 0, sizeof page);
  if (!open_page (&page, &surface, dots, height, language) || put_frame (&page, frame) != 0)
    goto out;
  slip->missing_glyphs = page.missing_glyphs;
  rc = to_dots (surface, slip);
out:
  close_page (&page, surface);
  return rc;
}

void
slip_free (struct slip *slip)
{
  if (slip->bits)
    explicit_bzero (slip->bits, (size_t) slip->height * slip->row_bytes);
  free (slip->bits);
  memset (slip, 0, sizeof *slip);
}

void
slip_release_fonts (void)
{
  if (!fonts_loaded)
    return;
  pango_cairo_font_map_set_default (NULL);
  cairo_debug_reset_static_data ();
  FcFini ();
  fonts_loaded = false;
}
