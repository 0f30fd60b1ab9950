#!/bin/sh
# test-speech-walk.sh -- the whole flow by ear (issue 20): a person who
# cannot read the screen goes from the picker to the result and the
# numbers to save by listening and pressing number keys. The real program
# is driven with no terminal (SAFEJOB_SCRIPT), its test sink logs what is
# said; every line shown on every screen of the walk must have been said
# (the bars' buttons and the sources in small print aside), in the
# person's language, and on the numbers page every phone number digit by
# digit. In English, Nepali, Burmese and Khmer (which has no voice: its
# words are still what would be said, and the screen says so).
. "$srcdir/tests/tap.sh"
work=$(mktemp -d "${TMPDIR:-/tmp}/safejob-walk.XXXXXX") || exit 1
trap 'rm -rf "$work"' EXIT

position () {
  "$SAFEJOB" --languages 2>/dev/null | awk -v code="$1" 'NR > 1 && $1 == code { print NR - 2 }'
}

# The contacts' sources, as the foot of the numbers page names them.
sqlite3 "$FIXTURE_DB" "SELECT DISTINCT substr (source, 1, 12) FROM contact" >"$work/sources"

for lang in en ne my km; do
  index=$(position "$lang")
  {
    echo "size 24 80"
    echo "key Enter"
    # The picker: a number key for the first nine, the arrows after.
    if [ "$index" -lt 9 ]; then
      echo "key $((index + 1))"
    else
      echo "key Down $index"; echo "key Enter"
    fi
    # A lure: by air to another city, then by car across a border; a
    # tourist visa.
    echo 'dump "question 1"'; echo "key 2"
    echo 'dump "question 2"'; echo "key 2"
    echo 'dump "answers"'; echo "key 1"
    echo 'dump "result"'; echo "key 1"
    echo 'dump "from"'; echo "key 1"
    echo 'dump "to"'; echo "key 1"
    echo 'dump "numbers"'
  } >"$work/$lang.script"
  SAFEJOB_SCRIPT="$work/$lang.script" SAFEJOB_SPEECH_LOG="$work/$lang.log" \
    "$SAFEJOB" --content-db "$FIXTURE_DB" --idle 0 --speech on \
    >"$work/$lang.screens" 2>"$work/$lang.err"
  sed 's/^/# /' "$work/$lang.err" | head -5

  # Each screen's lines that are not said: none. A line is compared with
  # what was said without its blanks and commas (the voice reads a line
  # break as a comma, and a phone number's groups apart).
  awk -v lang="$lang" -v spoken="$work/$lang.log" -v sources="$work/sources" '
    BEGIN {
      while ((getline line < spoken) > 0) {
        split (line, f, "\t")
        if (f[1] != lang) continue
        sub (/^\(no voice\) /, "", f[2])
        said = said f[2]
      }
      gsub (/[ ,]/, "", said)
      while ((getline line < sources) > 0) source[line] = 1
    }
    /^== / { screen = $0; row = 0; foot = 0; next }
    {
      row++
      if (row == 1 || row == 24) next          # the bars: buttons, not words
      for (name in source)                     # a source: small print for staff,
        if (index ($0, name)) foot = 1         # to the bar
      if (foot) next
      text = $0
      sub (/^ *(▶ )?[1-9]  /, "", text)         # an item: its key is said as words
      gsub (/[ ,]/, "", text)
      if (text == "") next
      checked++
      if (index (said, text) == 0) { print screen ": " $0; missing++ }
    }
    END { print checked " lines checked"; exit missing > 0 }' "$work/$lang.screens" \
    >"$work/$lang.missing"
  status=$?
  checked=$(sed -n 's/ lines checked$//p' "$work/$lang.missing")
  check "$lang: every line of every screen, to the result and the numbers, is said ($checked lines)" \
    test "$status" -eq 0 -a "${checked:-0}" -gt 40
  grep -v 'lines checked$' "$work/$lang.missing" | sed 's/^/# not said: /' | head -5
  check "$lang: the walk reached the numbers to save" \
    grep -q '+66 99 130 1300' "$work/$lang.screens"
  check "$lang: each phone number is said digit by digit, its groups apart" \
    sh -c "grep -q '+ 6 6, 9 9, 1 3 0, 1 3 0 0' '$work/$lang.log' \
           && grep -q '1 1 7 7' '$work/$lang.log'"
  if [ "$lang" = km ]; then
    check "km: with no voice, every screen shows the no-voice mark" \
      test "$(grep -c '♪✕' "$work/$lang.screens")" -eq 7
  fi
done
done_testing
