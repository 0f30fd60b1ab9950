/* fuzz-qr-vcard.c -- libFuzzer harness for the contacts as codes and paper:
   the contact cards (vcard_codes, src/core/vcard.c) and their QR codes
   (src/core/qr.c), the code files and the receipt (src/core/qr_file.c),
   and the printer's raster writer (printer_print_raster,
   src/storage/printer.c, printing to /dev/null). A card is read by a
   phone: each must be CRLF lines from BEGIN:VCARD to END:VCARD whatever
   the names hold, which the harness checks.

   Input: a byte for the card size limit, one for the scale of the files,
   then a contact a line: its name, then its numbers, separated by tabs.
   Numbers go through phone_parse as the content compiler takes them, and
   names lose control characters, which the compiler refuses. Run by
   test-fuzz.sh. */
#include <config.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "contacts.h"
#include "printer.h"
#include "qr_file.h"
#include "vcard.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);
int LLVMFuzzerInitialize (int *argc, char ***argv);

enum { MAX_CONTACTS = 32, NAME_MAX = 256 };

static FILE *sink;

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  (void) argc;
  (void) argv;
  sink = fopen ("/dev/null", "w");
  return 0;
}

/* Whether CARD is lines ending in CRLF from BEGIN:VCARD to END:VCARD, with
   no other line break. */
static bool
card_ok (const char *card)
{
  static const char begin[] = "BEGIN:VCARD\r\n", end[] = "END:VCARD\r\n";
  size_t len = strlen (card);
  if (strncmp (card, begin, sizeof begin - 1) != 0 || len < sizeof end - 1
      || strcmp (card + len - (sizeof end - 1), end) != 0)
    return false;
  for (size_t i = 0; i < len; i++)
    if ((card[i] == '\r') != (card[i + 1] == '\n')
        || (card[i] == '\n' && (i == 0 || card[i - 1] != '\r')))
      return false;
  return true;
}

/* The image of CODE at SCALE dots a module, quiet zone included, as
   bytes of dots for the printer; ROW_BYTES and HEIGHT say its size. */
static unsigned char *
raster (const struct qr_image *code, int scale, size_t *row_bytes, int *height)
{
  int px = qr_text_cols (code) * scale;
  *row_bytes = ((size_t) px + 7) / 8;
  *height = px;
  unsigned char *bits = calloc ((size_t) px, *row_bytes);
  for (int y = 0; bits && y < px; y++)
    for (int x = 0; x < px; x++)
      if (qr_is_dark (code, x / scale - QR_QUIET_ZONE, y / scale - QR_QUIET_ZONE))
        bits[(size_t) y * *row_bytes + (size_t) x / 8] |= (unsigned char) (0x80 >> (x % 8));
  return bits;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  static struct contact contacts[MAX_CONTACTS];
  static char names[MAX_CONTACTS][NAME_MAX];
  static char dials[MAX_CONTACTS][CONTACT_MAX_PHONES][PHONE_MAX];
  static char cards[MAX_CONTACTS][VCARD_CARD_MAX];
  const struct contact *list[MAX_CONTACTS];
  const char *labels[MAX_CONTACTS];
  struct qr_image codes[MAX_CONTACTS];
  size_t n = 0;

  if (size < 2)
    return 0;
  size_t max_bytes = 64 + (size_t) data[0] * 8;   /* the kiosk and "safejob qr" ask 280 */
  int scale = 1 + data[1] % 2;
  const uint8_t *p = data + 2, *end = data + size;

  while (p < end && n < MAX_CONTACTS)
    {
      const uint8_t *nl = memchr (p, '\n', (size_t) (end - p));
      const uint8_t *line_end = nl ? nl : end;
      struct contact *k = &contacts[n];
      size_t len = 0;
      *k = (struct contact) { .name = names[n] };
      /* The name, up to the first tab. */
      for (; p < line_end && *p != '\t'; p++)
        if (len + 1 < NAME_MAX && (*p >= 0x20 && *p != 0x7f))
          names[n][len++] = (char) *p;
      names[n][len] = '\0';
      /* The numbers, tab-separated: those the compiler would take. */
      while (p < line_end && k->phone_count < CONTACT_MAX_PHONES)
        {
          char text[64];
          size_t t = 0;
          for (p++; p < line_end && *p != '\t'; p++)
            if (t + 1 < sizeof text && *p)
              text[t++] = (char) *p;
          text[t] = '\0';
          char *dial = dials[n][k->phone_count];
          if (phone_parse (text, dial, PHONE_MAX))
            k->phones[k->phone_count++] = (struct phone) { dial, dial, NULL };
        }
      p = nl ? nl + 1 : end;
      list[n] = k;
      labels[n] = names[n];
      n++;
    }
  if (n == 0)
    return 0;

  int made = vcard_codes (list, labels, n, max_bytes, codes, cards);
  for (int i = 0; i < made; i++)
    if (!card_ok (cards[i]))
      {
        fprintf (stderr, "fuzz-qr-vcard: card %d is not a vCard:\n%s\n", i, cards[i]);
        abort ();
      }
  if (made > 0)
    {
      /* Files of up to three codes: drawing is dot by dot, and more codes
         take longer without reaching other code. */
      size_t drawn = made < 3 ? (size_t) made : 3;
      char detail[256];
      size_t row_bytes;
      int height;
      qr_write_svg (sink, codes, labels, drawn);
      qr_write_pbm (sink, codes, drawn, scale);
      qr_write_escpos (sink, "Numbers to save - safejob", labels, n, codes, drawn, 64 * scale);
      unsigned char *bits = raster (&codes[0], scale, &row_bytes, &height);
      if (bits)
        printer_print_raster ("/dev/null", bits, height, row_bytes, detail, sizeof detail);
      free (bits);
    }
  for (int i = 0; i < made; i++)
    qr_free (&codes[i]);
  return 0;
}
