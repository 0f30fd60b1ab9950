#!/bin/sh
# test-locales.sh -- every shipped locale, every kind of screen at 80x24 on
# the shipped content: the walk reaches each screen, and nothing is cut off
# (the kiosk marks a cut text with "…") or drawn past the edge. One TAP line
# a locale; a failure shows the screen.
if [ ! -x "$VTDRIVE" ]; then echo "1..0 # SKIP libvterm not found"; exit 0; fi
work=$(mktemp -d "${TMPDIR:-/tmp}/safejob-locales.XXXXXX") || exit 1
trap 'rm -rf "$work"' EXIT
n=0 failed=0
index=0
for code in $("$SAFEJOB" --languages 2>/dev/null | awk 'NR > 1 { print $1 }'); do
  script=$work/$code.vt
  {
    echo 'start 24 80'
    echo 'wait "safejob"'
    echo 'key Enter'
    [ $index -gt 0 ] && echo "key Down $index"
    echo 'key Enter'
    # Every question.
    q=1
    while [ $q -le 19 ]; do echo 'absent "…"'; echo 'key 2'; q=$((q + 1)); done
    echo 'absent "…"'                         # the result
    echo 'key PageDown 20'
    echo 'absent "…"'
    echo 'key 1'; echo 'absent "…"'           # nationality
    echo 'key 1'; echo 'absent "…"'           # destination
    echo 'key 1'; echo 'absent "…"'           # contacts
    echo 'key Down'; echo 'absent "…"'
    echo 'key Escape'; echo 'key Escape'; echo 'key Escape'
    echo 'key 2'; echo 'absent "…"'           # the articles
    echo 'key 2'; echo 'absent "…"'           # one article
    echo 'key PageDown 5'; echo 'absent "…"'
    echo 'key F1'; echo 'absent "…"'          # help
    echo 'key Escape'
    echo 'key F12'; echo 'wait "."'           # the neutral screen
    echo 'stop'
  } >"$script"
  n=$((n + 1))
  if "$VTDRIVE" "$script" >"$work/$code.log" 2>&1 && ! grep -q '^not ok' "$work/$code.log"; then
    echo "ok $n - $code: every screen fits 80x24 ($(grep -c '^ok' "$work/$code.log") checks)"
  else
    echo "not ok $n - $code: a screen is cut off or the walk failed"
    grep -A27 '^not ok' "$work/$code.log" | head -30 | sed 's/^/# /'
    failed=$((failed + 1))
  fi
  index=$((index + 1))
done
echo "1..$n"
test $failed -eq 0
