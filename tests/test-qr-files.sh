#!/bin/sh
# test-qr-files.sh -- "safejob qr": SVG and PBM files and ESC/POS receipts
# whose codes a real decoder (zbarimg) reads back into contact cards with
# every number; non-Latin names survive; numbers too many for one code are
# split over cards of distinct names; bad requests are refused.
. "$srcdir/tests/tap.sh"
work=$(mktemp -d "${TMPDIR:-/tmp}/safejob-qr.XXXXXX") || exit 1
trap 'rm -rf "$work"' EXIT
if [ -z "$ZBARIMG" ]; then echo "1..0 # SKIP zbarimg not found: install zbar-tools"; exit 0; fi
qr () { "$SAFEJOB" qr --content-db "$FIXTURE_DB" "$@"; }
decode () { "$ZBARIMG" --nodbus -q --raw "$@" 2>/dev/null; }
has_all () {  # has_all FILE: the numbers a Nepali going to Thailand can dial
  # there, and not Nepal's 1177, which works only inside Nepal
  grep -q '^TEL;TYPE=VOICE:1300' "$1" && grep -q '^TEL;TYPE=VOICE:+66991301300' "$1" \
    && ! grep -q '^TEL;TYPE=VOICE:1177' "$1" && grep -q '^BEGIN:VCARD' "$1" && grep -q '^VERSION:3.0' "$1"
}

qr -n NP -d TH -f pbm -o "$work/np.pbm"; status=$?
check "a PBM is written" test $status -eq 0 -a -s "$work/np.pbm"
decode "$work/np.pbm" | tr -d '\r' >"$work/np.txt"
check "the PBM decodes to a vCard 3.0 with every number that works there" has_all "$work/np.txt"
check "a foreign embassy is not on a Nepali's card" sh -c "! grep -q '+442079460000' '$work/np.txt'"
qr -n NP -d TH -f svg -o "$work/np.svg"
check "the SVG is an SVG document" grep -q '<svg xmlns="http://www.w3.org/2000/svg"' "$work/np.svg"
decode "$work/np.svg" | tr -d '\r' >"$work/svg.txt"
check "the SVG decodes to the same card" has_all "$work/svg.txt"

qr -n NP -d TH -f pbm --lang ne -o "$work/ne.pbm"
decode "$work/ne.pbm" >"$work/ne.txt"
check "Devanagari names survive the code (UTF-8, ECI 26)" grep -q 'थाइल्यान्ड' "$work/ne.txt"

qr -n NP -d TH -f escpos -o "$work/slip.bin"
"$ESCPOS_DECODE" "$work/slip.bin" "$work/slip" >"$work/slip.log"; status=$?
check "the receipt is a valid ESC/POS stream" test $status -eq 0
check "it starts by initialising the printer" sh -c "head -1 '$work/slip.log' | grep -qx init"
check "it ends with feed and cut" sh -c "grep -v '^images\|^paper\|^ink runs' '$work/slip.log' | tail -1 | grep -qx 'cut 66 0'"
check "it prints the numbers as text too" grep -q '^text Thailand: Social Assistance Center hotline' "$work/slip.log"
check "its raster fits 58 mm paper (384 dots)" \
  sh -c "grep '^raster' '$work/slip.log' | awk '{ split(\$2, d, \"x\"); if (d[1] > 384) exit 1 }'"
decode "$work"/slip-*.pbm | tr -d '\r' >"$work/slip.txt"
check "the printed code decodes to the card with every number that works there" has_all "$work/slip.txt"

qr -n PH -d TH -f pbm -o "$work/ph.pbm"
decode "$work/ph.pbm" >"$work/ph.txt"
check "a web address gets a code of its own" grep -qx 'https://example.org/embassy' "$work/ph.txt"
check "beside the card with the embassy's number" grep -q '^TEL;TYPE=VOICE:+442079460000' "$work/ph.txt"

# A Filipino going to Thailand, on the shipped content: more numbers than one
# readable code holds, so several cards, each under a name of its own (a
# phone may merge contacts of one name, or keep only the last saved).
sqr () { "$SAFEJOB" qr --content-db "$SAFEJOB_CONTENT_DB" "$@"; }
numbers_of () {  # numbers_of NAMES WHERE: the numbers content/contacts.txt
  # gives the contacts named in the file NAMES that can be dialled from the
  # country WHERE (those without "inside", or "inside WHERE"), one a line,
  # as dialled
  awk -F ' = ' -v where="$2" 'function flush() { if (name in want) printf "%s", phones; name = phones = "" }
    NR == FNR { want[$0] = 1; next }
    /^\[/ { flush() }
    $1 == "name" { name = $2 }
    $1 == "phone" && ($2 !~ / inside / || $2 ~ (" inside " where "$")) {
      sub(/ inside .*/, "", $2); gsub(/[^0-9+]/, "", $2); phones = phones $2 "\n" }
    END { flush() }' "$1" "$srcdir/content/contacts.txt"
}
all_in () {  # all_in EXPECTED FOUND: every line of EXPECTED is a number on a card in FOUND
  test -s "$1" || return 1
  while read -r number; do
    grep -qx "TEL;TYPE=VOICE:$number" "$2" || { echo "# $number is on no card"; return 1; }
  done <"$1"
}
sqr -n PH -d TH -f text | tr -d '\r' >"$work/split-text.txt"
sqr -n PH -d TH -f pbm -o "$work/split.pbm"
decode "$work/split.pbm" | tr -d '\r' >"$work/split.txt"
cards=$(grep -c '^BEGIN:VCARD' "$work/split.txt")
check "the shipped numbers for a Filipino in Thailand need several cards" test "$cards" -gt 1
check "every card the program writes decodes" \
  test "$cards" -eq "$(grep -c '^BEGIN:VCARD' "$work/split-text.txt")"
check "each card has a name of its own" \
  sh -c "test \$(grep '^FN:' '$work/split.txt' | sort -u | wc -l) -eq $cards \
    && test \$(grep '^N:' '$work/split.txt' | sort -u | wc -l) -eq $cards"
check "the names say each card's place in the set" grep -qx "FN:Help abroad (safejob) $cards/$cards" "$work/split.txt"
sed -n 's/^TEL;TYPE=VOICE://p' "$work/split-text.txt" >"$work/split-printed"
check "every number the cards hold survives the codes" all_in "$work/split-printed" "$work/split.txt"
# The contacts, as the slip lists them (its title aside), and their numbers
# read from the content sources rather than from any card.
sqr -n PH -d TH -f escpos -o "$work/split.bin"
"$ESCPOS_DECODE" "$work/split.bin" "$work/split-slip" | sed -n 's/^text //p' \
  | grep -vx 'Numbers to save - safejob' >"$work/split-names"
numbers_of "$work/split-names" TH >"$work/split-expected"
check "every number of those contacts that works in Thailand is on one of the cards" all_in "$work/split-expected" "$work/split.txt"
check "and no number is on two" \
  test "$(wc -l <"$work/split-expected")" -eq "$(grep -c '^TEL;' "$work/split.txt")"

qr -n XX -f pbm >/dev/null 2>"$work/err"; status=$?
check "an unknown country is refused" sh -c "test $status -eq 1 && grep -q \"unknown country 'XX'\" '$work/err'"
qr -f pbm >/dev/null 2>"$work/err"; status=$?
check "--nationality is required" test $status -eq 1
qr -n PH -d NP -f pbm >/dev/null 2>"$work/err"; status=$?
check "no numbers for a choice is said, not an empty code" sh -c "test $status -eq 1 && grep -q 'no checked numbers' '$work/err'"

done_testing
