#!/bin/sh
# test-paging.sh -- a long result can be read to the end. On the shipped
# content, "I don't know" to every question gives the longest result; it is
# drawn once on a screen tall enough to hold all of it, then read at 80x24 and
# 60x20 by Page Down, and again by taps on "more below". Every row of the tall
# screen must have been on the small screen at some point: a line that paging
# jumps over is a warning sign nobody reads.
if [ ! -x "$VTDRIVE" ]; then echo "1..0 # SKIP libvterm not found"; exit 0; fi
work=$(mktemp -d "${TMPDIR:-/tmp}/safejob-paging.XXXXXX") || exit 1
trap 'rm -rf "$work"' EXIT
checklist=$srcdir/content/checklist.txt

# The keys that answer every question with its "I don't know" option.
answers () {
  awk '/^\[question /{ if (n) print n, u; n = 0; u = 0 }
       /^\[option /{ n++ }
       /^unknown *= *yes/{ u = n }
       END { if (n) print n, u }' "$checklist" |
  while read -r count unknown; do
    [ "$unknown" -gt 0 ] || { echo "a question without 'I don't know'" >&2; exit 1; }
    [ "$unknown" -gt 1 ] && echo "key Down $((unknown - 1))"
    echo "key Enter"
  done
}

# walk ROWS COLS HOW OUT [ROW COL]: a script that reaches the result at ROWS x
# COLS and saves it to OUT, then pages down by HOW (keys, or taps at ROW COL,
# or none), saving each screen. $pages presses: at least one a line, more
# than any paging needs; presses past the end do nothing.
walk () {
  echo "start $1 $2 --content-db $SAFEJOB_CONTENT_DB --idle 0"
  echo 'wait "Touch the screen or press any key to start."'
  echo 'key Enter'
  echo 'wait "Choose your language"'
  echo 'key Enter'
  echo 'wait "Question 1 of"'
  answers
  echo 'wait "Your result"'
  echo "save $4"
  case $3 in
    keys) i=0; while [ $i -lt $pages ]; do echo 'key PageDown'; echo "save $4"; i=$((i + 1)); done ;;
    taps) i=0; while [ $i -lt $pages ]; do echo "clickat $5"; echo "save $4"; i=$((i + 1)); done ;;
  esac
  echo 'stop'
}

n=0 failed=0
for size in "24 80" "20 60"; do
  set -- $size
  rows=$1 cols=$2
  rm -f "$work/tall.txt"
  walk 200 "$cols" none "$work/tall.txt" >"$work/tall.vt"
  "$VTDRIVE" "$work/tall.vt" >"$work/tall.log" 2>&1
  # The tall screen's rows, but for the blank ones and the bottom bar (its
  # buttons sit at the same place on both).
  sed '/^--$/d' "$work/tall.txt" | sed '$d' | grep -v '^ *$' | sort -u >"$work/lines.txt"
  pages=$(wc -l <"$work/lines.txt")
  for how in keys taps; do
    rm -f "$work/small.txt"
    at=
    if [ $how = taps ]; then
      # Where "more below" stands on the first screen of the result.
      walk "$rows" "$cols" none "$work/first.txt" >"$work/first.vt"
      rm -f "$work/first.txt"
      "$VTDRIVE" "$work/first.vt" >"$work/first.log" 2>&1
      at=$(awk '/more below/ { print NR - 1, index($0, "more below") - 1; exit }' "$work/first.txt")
    fi
    walk "$rows" "$cols" $how "$work/small.txt" "$at" >"$work/small.vt"
    "$VTDRIVE" "$work/small.vt" >"$work/small.log" 2>&1
    n=$((n + 1))
    missing=$(sed '/^--$/d' "$work/small.txt" | sort -u | comm -23 "$work/lines.txt" -)
    total=$(wc -l <"$work/lines.txt")
    if grep -q '^not ok' "$work/tall.log" "$work/small.log" || [ "$total" -lt 20 ]; then
      echo "not ok $n - ${cols}x$rows by $how: the walk did not reach the whole result"
      sed 's/^/# /' "$work/tall.log" "$work/small.log" | grep -A30 'not ok' | head -60
      failed=$((failed + 1))
    elif [ -n "$missing" ]; then
      echo "not ok $n - ${cols}x$rows by $how: $(echo "$missing" | wc -l) of $total lines never on screen"
      echo "$missing" | sed 's/^/#   /'
      failed=$((failed + 1))
    else
      echo "ok $n - ${cols}x$rows by $how: all $total lines of the result were on screen"
    fi
  done
done
echo "1..$n"
[ $failed -eq 0 ]
