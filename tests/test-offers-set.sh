#!/bin/sh
# test-offers-set.sh -- the offer sets: documented lures (tests/offers/lure-*.answers) must come
# out HIGH and legitimate offers through real channels (legit-*.answers) LOW or MEDIUM, screened
# on the shipped content with "safejob screen". Each case names its source ("# source:", with a
# date and an address); there must be at least 25 of each. The confusion table goes to the log
# as TAP comments (it is the one in README.md).
min=25
n=0 failed=0
out=$(mktemp "${TMPDIR:-/tmp}/safejob-offers-set.XXXXXX") || exit 1
trap 'rm -f "$out"' EXIT
lure_low=0 lure_medium=0 lure_high=0 legit_low=0 legit_medium=0 legit_high=0
fail () { echo "not ok $n - $1"; failed=$((failed + 1)); }
for file in "$srcdir"/tests/offers/*.answers; do
  set=$(sed -n 's/^# set: *//p' "$file")
  [ -n "$set" ] || continue
  name=${file##*/}
  n=$((n + 1))
  case $name in
    "$set"-*) ;;
    *) fail "$name: its name does not start with its set '$set-'"; continue ;;
  esac
  # Each "# source:" entry, with its continuation lines, gives a year and an address.
  sources=$(awk '/^# source:/ { if (s != "") print s; s = $0; next }
                 s != "" && /^#   / { s = s " " substr($0, 5); next }
                 s != "" { print s; s = "" }
                 END { if (s != "") print s }' "$file")
  if [ -z "$sources" ] \
     || printf '%s\n' "$sources" | grep -v '[12][09][0-9][0-9]' | grep -q . \
     || printf '%s\n' "$sources" | grep -v 'https\?://' | grep -q .; then
    fail "$name: no '# source:' line with a year and an address"
    continue
  fi
  "$SAFEJOB" screen --format json "$file" >"$out" 2>&1; status=$?
  level=$(jq -r .level "$out" 2>/dev/null)
  case $status:$level in
    0:low | 1:medium | 2:high) ;;
    *) fail "$name: safejob screen gave exit $status, level '$level'"; sed 's/^/#   /' "$out" | head -5
       continue ;;
  esac
  eval "${set}_$level=\$((${set}_$level + 1))"
  case $set:$level in
    lure:high | legit:low | legit:medium)
      echo "ok $n - $name: $level ($(jq -r '"\(.points_against) against, \(.points_for) for"' "$out"))" ;;
    lure:* | legit:*)
      fail "$name: $set came out $level ($(jq -r '"\(.points_against) against, \(.points_for) for"' "$out"))"
      jq -r '.signs[] | "#   - " + .question + "." + .answer + " " + (.weight | tostring)' "$out" ;;
    *) fail "$name: unknown set '$set' (lure or legit)" ;;
  esac
done
lures=$((lure_low + lure_medium + lure_high))
legits=$((legit_low + legit_medium + legit_high))
n=$((n + 1))
if [ $lures -ge $min ] && [ $legits -ge $min ]; then
  echo "ok $n - $lures documented lures and $legits legitimate offers (at least $min of each)"
else
  fail "$lures documented lures and $legits legitimate offers: at least $min of each are needed"
fi
echo "# confusion table (shipped content):"
echo "#   | set | cases | LOW | MEDIUM | HIGH |"
echo "#   | legitimate offers | $legits | $legit_low | $legit_medium | $legit_high |"
echo "#   | documented lures | $lures | $lure_low | $lure_medium | $lure_high |"
echo "# false alarms (legitimate offers HIGH): $legit_high of $legits;" \
     "lures missed (not HIGH): $((lure_low + lure_medium)) of $lures"
echo "1..$n"
test $failed -eq 0
