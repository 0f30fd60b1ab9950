#!/bin/sh
# test-offers.sh -- realistic job offers (tests/offers/*.answers, drawn from
# documented cases) screened on the shipped content: each comes out at the
# level it states in its "# expect:" line (the sets of lures and legitimate
# offers, marked "# set:", are test-offers-set.sh's). No scam lure may come out low,
# and a legitimate, well-paid job with a real employer must not come out high.
n=0 failed=0
out=$(mktemp "${TMPDIR:-/tmp}/safejob-offers.XXXXXX") || exit 1
trap 'rm -f "$out"' EXIT
count=0
for file in "$srcdir"/tests/offers/*.answers; do
  # The sets of documented lures and legitimate offers: test-offers-set.sh.
  grep -q '^# set:' "$file" && continue
  count=$((count + 1))
  name=${file##*/}
  expect=$(sed -n 's/^# expect: *//p' "$file")
  case $expect in
    low) want=0 ;; medium) want=1 ;; high) want=2 ;;
    *) echo "not ok $((n + 1)) - $name has no '# expect: low|medium|high' line"; n=$((n + 1)); failed=$((failed + 1)); continue ;;
  esac
  "$SAFEJOB" screen --format json "$file" >"$out" 2>&1; status=$?
  level=$(jq -r .level "$out" 2>/dev/null)
  n=$((n + 1))
  if [ "$status" -eq "$want" ] && [ "$level" = "$expect" ]; then
    echo "ok $n - $name: $expect"
  else
    echo "not ok $n - $name: expected $expect (exit $want), got $level (exit $status)"
    sed 's/^/#   /' "$out" | head -20
    failed=$((failed + 1))
  fi
done
n=$((n + 1))
if [ "$count" -ge 20 ]; then echo "ok $n - $count offers screened (at least 20)"
else echo "not ok $n - only $count offers"; failed=$((failed + 1)); fi
echo "1..$n"
test $failed -eq 0
