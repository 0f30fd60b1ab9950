#!/bin/sh
# test-man.sh -- the manual pages (issue 21): groff reads each without a
# warning, safejob.1 names every option of 'safejob --help',
# safejob-content.1 every option of 'safejob-content --help', and
# kiosk.conf.5 every setting the settings file takes.
. "$srcdir/tests/tap.sh"
pages="$srcdir/src/cmd/safejob.1 $srcdir/src/cmd/safejob-content.1 $srcdir/kiosk/kiosk.conf.5"
if ! command -v groff >/dev/null; then
  echo "1..0 # SKIP groff not found (apt-get install groff-base)"
  exit 0
fi
for page in $pages; do
  warnings=$(LC_ALL=C.UTF-8 groff -man -Tutf8 -ww -z "$page" 2>&1)
  check "${page##*/}: groff reads it without a warning" test -z "$warnings"
  [ -n "$warnings" ] && echo "$warnings" | head -5 | sed 's/^/# /'
done

# names PAGE: the page's source with groff's escaped dashes as dashes.
names () { sed 's/\\-/-/g; s/\\c$//' "$1"; }
# missing PAGE WORD...: the words the page does not name.
missing () {
  page=$1; shift
  for word in "$@"; do
    names "$page" | grep -q -F -e "$word" || echo "$word"
  done
}
options=$("$SAFEJOB" --help | grep -o -e '--[a-z][a-z-]*' | sort -u)
# shellcheck disable=SC2086
lacking=$(missing "$srcdir/src/cmd/safejob.1" $options)
check "safejob.1 names every option of --help" test -z "$lacking"
[ -n "$lacking" ] && echo "# not in safejob.1:" $lacking
options=$("$SAFEJOB_CONTENT" --help | grep -o -e '--[a-z][a-z-]*' | sort -u)
# shellcheck disable=SC2086
lacking=$(missing "$srcdir/src/cmd/safejob-content.1" $options)
check "safejob-content.1 names every option of its --help" test -z "$lacking"
[ -n "$lacking" ] && echo "# not in safejob-content.1:" $lacking
settings=$(sed -n 's/.*strcmp (name, "\([a-z-]*\)") == 0.*/\1/p' "$srcdir/src/core/settings.c" | sort -u)
# shellcheck disable=SC2086
lacking=$(missing "$srcdir/kiosk/kiosk.conf.5" $settings)
check "kiosk.conf.5 names every setting ($(echo $settings | wc -w))" test -z "$lacking"
[ -n "$lacking" ] && echo "# not in kiosk.conf.5:" $lacking
done_testing
