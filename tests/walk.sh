#!/bin/sh
# walk.sh NAME.walk -- a walk through the kiosk with no terminal, whose
# screens must be exactly as the file shows them. The file is the script
# and its expected screens together:
#
#   start ARG...      the program's arguments ($NAME expands from the
#                     environment); one such line, first
#   env NAME=VALUE    set for the program
#   screen "LABEL"    the screen now, as the "|" lines after it show it
#   | TEXT            a row of that screen ("|" alone: an empty row)
#   code "PAYLOAD"    the QR code on the screen before it, painted from its
#                     text, decodes with zbarimg to PAYLOAD (whether it
#                     shows on a dark terminal is for the .vt tests, which
#                     see colours)
#   anything else     a step of src/ui/headless.c (key, type, tap, wheel,
#                     tick, size), or a "#" comment
#
# With WALK_UPDATE=1 it rewrites the "|" lines from what the program shows
# (make update-screens does, for every walk); review the diff.
file=$1
name=$(basename "$file" .walk)
work=$(mktemp -d "${TMPDIR:-/tmp}/safejob-walk.XXXXXX") || exit 1
trap 'rm -rf "$work"' EXIT

args=$(sed -n 's/^start //p' "$file" | head -1)
# The script: every step, with "screen" as the program's "dump".
grep -v -e '^|' -e '^start$' -e '^start ' -e '^env ' -e '^code ' "$file" \
  | sed 's/^screen /dump /' >"$work/script"
(
  for setting in $(sed -n 's/^env //p' "$file"); do
    export "${setting?}"
  done
  eval "set -- $args"
  SAFEJOB_SCRIPT="$work/script" exec "$SAFEJOB" "$@"
) >"$work/screens" 2>"$work/errors"
status=$?

# The file again, with each screen's "|" lines as the program showed it.
awk -v screens="$work/screens" '
  BEGIN {
    while ((getline line < screens) > 0) {
      if (line ~ /^== /) { n++; count[n] = 0; continue }
      if (n > 0) row[n, ++count[n]] = line
    }
  }
  /^\|/ { next }
  { print }
  /^screen / {
    k++
    for (i = 1; i <= count[k]; i++)
      print (row[k, i] == "" ? "|" : "| " row[k, i])
  }
' "$file" >"$work/actual"

if [ -n "$WALK_UPDATE" ]; then
  [ $status -eq 0 ] || { cat "$work/errors" >&2; exit 1; }
  cp "$work/actual" "$file"
  echo "$file: $(grep -c '^screen ' "$file") screens"
  exit 0
fi
n=0 failed=0
report () {
  n=$((n + 1))
  if [ "$1" = ok ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; failed=$((failed + 1)); fi
}
if [ $status -eq 0 ]; then
  report ok "$name: the walk ran ($(grep -c '^== ' "$work/screens") screens)"
else
  report not "$name: the walk failed (status $status)"
  sed 's/^/# /' "$work/errors"
fi
if diff -u "$file" "$work/actual" >"$work/diff"; then
  report ok "$name: every screen is as the walk shows it"
else
  report not "$name: screens differ (make update-screens, then review the diff)"
  head -120 "$work/diff" | sed 's/^/# /'
fi
# The codes, each on the screen before it.
k=0
while IFS= read -r line; do
  case $line in
    'screen '*) k=$((k + 1)) ;;
    'code '*)
      want=$(echo "$line" | sed 's/^code "\(.*\)"$/\1/')
      if [ -z "$ZBARIMG" ]; then
        n=$((n + 1)); echo "ok $n # SKIP zbarimg not found: install zbar-tools"; continue
      fi
      awk -v k=$k '/^== / { i++; next } i == k' "$work/screens" >"$work/screen.txt"
      "$TEXT2PBM" <"$work/screen.txt" >"$work/code.pbm"
      got=$("$ZBARIMG" --nodbus -q --raw "$work/code.pbm" 2>/dev/null)
      if [ "$got" = "$want" ]; then
        report ok "$name: the code on screen $k decodes to $want"
      else
        report not "$name: the code on screen $k decodes to '$got', not $want"
      fi ;;
  esac
done <"$file"
echo "1..$n"
[ $failed -eq 0 ]
