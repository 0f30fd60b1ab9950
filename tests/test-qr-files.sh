#!/bin/sh
# test-qr-files.sh -- "safejob qr": SVG and PBM files and ESC/POS receipts
# whose codes a real decoder (zbarimg) reads back into contact cards with
# every number; non-Latin names survive; bad requests are refused.
. "$srcdir/tests/tap.sh"
work=$(mktemp -d "${TMPDIR:-/tmp}/safejob-qr.XXXXXX") || exit 1
trap 'rm -rf "$work"' EXIT
if [ -z "$ZBARIMG" ]; then echo "1..0 # SKIP zbarimg not found: install zbar-tools"; exit 0; fi
qr () { "$SAFEJOB" qr --content-db "$FIXTURE_DB" "$@"; }
decode () { "$ZBARIMG" --nodbus -q --raw "$@" 2>/dev/null; }
has_all () {  # has_all FILE: the numbers a Nepali going to Thailand needs
  grep -q '^TEL;TYPE=VOICE:1300' "$1" && grep -q '^TEL;TYPE=VOICE:+66991301300' "$1" \
    && grep -q '^TEL;TYPE=VOICE:1177' "$1" && grep -q '^BEGIN:VCARD' "$1" && grep -q '^VERSION:3.0' "$1"
}

qr -n NP -d TH -f pbm -o "$work/np.pbm"; status=$?
check "a PBM is written" test $status -eq 0 -a -s "$work/np.pbm"
decode "$work/np.pbm" | tr -d '\r' >"$work/np.txt"
check "the PBM decodes to a vCard 3.0 with every number" has_all "$work/np.txt"
check "a foreign embassy is not on a Nepali's card" sh -c "! grep -q '+442079460000' '$work/np.txt'"
qr -n NP -d TH -f svg -o "$work/np.svg"
check "the SVG is an SVG document" grep -q '<svg xmlns="http://www.w3.org/2000/svg"' "$work/np.svg"
decode "$work/np.svg" | tr -d '\r' >"$work/svg.txt"
check "the SVG decodes to the same card" has_all "$work/svg.txt"

qr -n NP -d TH -f pbm --lang ne -o "$work/ne.pbm"
decode "$work/ne.pbm" >"$work/ne.txt"
check "Devanagari names survive the code (UTF-8, ECI 26)" grep -q 'नेपाल' "$work/ne.txt"

qr -n NP -d TH -f escpos -o "$work/slip.bin"
"$ESCPOS_DECODE" "$work/slip.bin" "$work/slip" >"$work/slip.log"; status=$?
check "the receipt is a valid ESC/POS stream" test $status -eq 0
check "it starts by initialising the printer" sh -c "head -1 '$work/slip.log' | grep -qx init"
check "it ends with feed and cut" sh -c "grep -v '^images' '$work/slip.log' | tail -1 | grep -qx 'cut 66 0'"
check "it prints the numbers as text too" grep -q '^text Thailand: Social Assistance Center hotline' "$work/slip.log"
check "its raster fits 58 mm paper (384 dots)" \
  sh -c "grep '^raster' '$work/slip.log' | awk '{ split(\$2, d, \"x\"); if (d[1] > 384) exit 1 }'"
decode "$work"/slip-*.pbm | tr -d '\r' >"$work/slip.txt"
check "the printed code decodes to the card with every number" has_all "$work/slip.txt"

qr -n PH -d TH -f pbm -o "$work/ph.pbm"
decode "$work/ph.pbm" >"$work/ph.txt"
check "a web address gets a code of its own" grep -qx 'https://example.org/embassy' "$work/ph.txt"
check "beside the card with the embassy's number" grep -q '^TEL;TYPE=VOICE:+442079460000' "$work/ph.txt"

qr -n XX -f pbm >/dev/null 2>"$work/err"; status=$?
check "an unknown country is refused" sh -c "test $status -eq 1 && grep -q \"unknown country 'XX'\" '$work/err'"
qr -f pbm >/dev/null 2>"$work/err"; status=$?
check "--nationality is required" test $status -eq 1
qr -n PH -d NP -f pbm >/dev/null 2>"$work/err"; status=$?
check "no numbers for a choice is said, not an empty code" sh -c "test $status -eq 1 && grep -q 'no checked numbers' '$work/err'"

done_testing
