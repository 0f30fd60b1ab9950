#!/bin/sh
# screens.sh LANG.screens -- every kind of screen in one language, whole,
# compared with what a person saw when it was last reviewed. The program
# walks the kiosk flow on the shipped content with no terminal
# (SAFEJOB_SCRIPT, src/headless.c) at 80x24 and 60x20 and writes each screen
# as text; LANG.screens holds those screens as they should be, and a
# difference fails with the diff. Nothing may be cut off ("…") at 80x24.
#
# After a change that is meant to change screens: make update-screens,
# then read the diff of tests/screens/ before committing it.
#
# With SCREENS_UPDATE=1 it writes LANG.screens instead of comparing.
golden=$1
code=$(basename "$golden" .screens)
work=$(mktemp -d "${TMPDIR:-/tmp}/safejob-screens.XXXXXX") || exit 1
trap 'rm -rf "$work"' EXIT

# The language's place on the picker, and each question's option count.
index=$("$SAFEJOB" --languages 2>/dev/null | awk -v code="$code" 'NR > 1 && $1 == code { print NR - 2 }')
if [ -z "$index" ]; then
  echo "1..1"; echo "not ok 1 - $code: not an offered language (safejob --languages)"; exit 1
fi
questions=$(grep -c '^\[question ' "$srcdir/content/checklist.txt")

# walk ROWS COLS: the script of one walk through every kind of screen.
walk () {
  echo "size $1 $2"
  echo "dump \"attract\""
  echo "key Enter"
  echo "dump \"language picker\""
  [ "$index" -gt 0 ] && echo "key Down $index"
  echo "key Enter"
  q=1
  while [ $q -le "$questions" ]; do
    echo "dump \"question $q\""
    echo "key 2"
    q=$((q + 1))
  done
  echo "dump \"answers\""
  echo "key PageDown"
  echo "dump \"answers, a page down\""
  echo "key 1"
  echo "dump \"result\""
  echo "key PageDown"
  echo "dump \"result, a page down\""
  echo "key PageDown 60"
  echo "dump \"result, at the end\""
  echo "key F1"
  echo "dump \"help, over the result\""
  echo "key 2"
  echo "dump \"language picker, from help\""
  echo "key Escape"
  echo "dump \"result again, by Back\""
  echo "key 1"
  echo "dump \"nationality\""
  echo "key 1"
  echo "dump \"destination\""
  echo "key 1"
  echo "dump \"contacts\""
  echo "key Down"
  echo "dump \"contacts, the second highlighted\""
  echo "key Escape"
  echo "key Escape"
  echo "key Escape"
  echo "key 2"
  echo "dump \"articles\""
  echo "key 1"
  echo "dump \"article\""
  echo "key PageDown"
  echo "dump \"article, a page down\""
  echo "key PageDown 60"
  echo "dump \"article, at the end\""
  echo "key Escape"
  echo "size 15 50"
  echo "dump \"too small\""
  echo "size $1 $2"
  echo "tick 120"
  echo "dump \"still there?\""
  echo "key Enter"
  echo "key F12"
  echo "dump \"hidden\""
  # A tap on the neutral screen: the attract screen, where the next walk
  # starts.
  echo "key Enter"
}

{ walk 24 80; walk 20 60; } >"$work/walk"
SAFEJOB_SCRIPT="$work/walk" "$SAFEJOB" --idle 120 >"$work/screens" 2>"$work/errors"
status=$?

if [ -n "$SCREENS_UPDATE" ]; then
  [ $status -eq 0 ] || { cat "$work/errors" >&2; exit 1; }
  cp "$work/screens" "$golden"
  echo "$golden: $(grep -c '^== ' "$work/screens") screens"
  exit 0
fi

if [ "$code" = en ]; then echo "1..4"; else echo "1..5"; fi
if [ $status -eq 0 ] && [ -s "$work/screens" ]; then
  echo "ok 1 - $code: the walk ran ($(grep -c '^== ' "$work/screens") screens)"
else
  echo "not ok 1 - $code: the walk failed (status $status)"
  sed 's/^/# /' "$work/errors"
fi
# 80x24: the first walk, up to the first 60x20 screen.
cut=$(awk '/^== .*\(80x24\)/ { in80 = 1; next } /^== / { in80 = 0 } in80 && /…/' "$work/screens")
if [ -z "$cut" ]; then
  echo "ok 2 - $code: nothing is cut off at 80x24"
else
  echo "not ok 2 - $code: text cut off at 80x24"
  echo "$cut" | head -10 | sed 's/^/# /'
fi
# Each walk is where it means to be: its picker is the picker (a key lost
# before it would walk the other size in the language before this one).
pickers=$(awk '/^== language picker \(/ { on = 1; n++; next } /^== / { on = 0 }
               on && /English/ { seen++; on = 0 } END { print n + 0, seen + 0 }' "$work/screens")
if [ "$pickers" = "2 2" ]; then
  echo "ok 3 - $code: both walks opened the picker and chose from it"
else
  echo "not ok 3 - $code: a walk lost its way: pickers dumped, pickers shown: $pickers"
fi
if diff -u "$golden" "$work/screens" >"$work/diff"; then
  echo "ok 4 - $code: every screen is as in ${golden##*/}"
else
  echo "not ok 4 - $code: screens differ from ${golden##*/} (make update-screens, then review the diff)"
  head -150 "$work/diff" | sed 's/^/# /'
fi
# A person who reads no English meets no English word in the title bar or
# the bottom bar (issue 17: "Enter" and "PgUp PgDn" were). English's own
# bars give the words to look for; the attract screen (every language in
# turn), the picker as first shown (English highlighted) and the neutral
# screen (nothing on it may tell what was there) are left out.
[ "$code" = en ] && exit 0
english=$(awk '
  function words(line,   w) {
    while (match(line, /[A-Za-z][A-Za-z-]+/)) {
      w = substr(line, RSTART, RLENGTH); line = substr(line, RSTART + RLENGTH)
      if (!keep || w == "safejob") continue
      if (FILENAME == ARGV[1]) en[w] = 1; else if (w in en) print name ": " w
    }
  }
  /^== / { words(last); name = $0; top = 1; last = ""
           keep = name !~ /^== (attract|hidden|language picker) \(/; next }
  { if (top) words($0); top = 0; last = $0 }
  END { words(last) }' "$(dirname "$golden")/en.screens" "$work/screens")
if [ -z "$english" ]; then
  echo "ok 5 - $code: no English word in a title or bottom bar"
else
  echo "not ok 5 - $code: English words in title or bottom bars"
  echo "$english" | head -10 | sed 's/^/# /'
fi
