#!/bin/sh
# test-cli.sh -- the command line: --help, --version, bad usage, no terminal.
. "$srcdir/tests/tap.sh"
out=${TMPDIR:-/tmp}/safejob-cli.$$
trap 'rm -f "$out"' EXIT

"$SAFEJOB" --help >"$out" 2>&1; status=$?
check "--help exits 0" test $status -eq 0
check "--help shows the usage line" grep -q '^Usage: safejob \[OPTION\]' "$out"
check "--help lists --version" grep -q -- '--version' "$out"

"$SAFEJOB" --version >"$out" 2>&1; status=$?
check "--version exits 0" test $status -eq 0
check "--version names the program and version" grep -q '^safejob [0-9][0-9.]*$' "$out"

# Output that cannot be written is a failure, not a silent exit 0.
if [ -w /dev/full ]; then
  for args in --version --help --languages "screen $srcdir/tests/same-result.answers" \
              "qr --nationality NP --destination TH --format pbm" "screen --help" \
              "stats --help" "offers --help"; do
    # shellcheck disable=SC2086
    "$SAFEJOB" $args >/dev/full 2>"$out"; status=$?
    check "$args > /dev/full exits non-zero and says why" \
      sh -c "test $status -ne 0 && grep -q 'write error\\|cannot write\\|No space' '$out'"
  done
  "$SAFEJOB_CONTENT" --help >/dev/full 2>"$out"; status=$?
  check "safejob-content --help > /dev/full exits non-zero" \
    sh -c "test $status -ne 0 && grep -q 'write error' '$out'"
fi

"$SAFEJOB" --no-such-option >"$out" 2>&1; status=$?
check "an unknown option exits 1" test $status -eq 1
check "an unknown option points to --help" grep -q "Try 'safejob --help'" "$out"

"$SAFEJOB" extra >"$out" 2>&1; status=$?
check "a stray argument is refused" grep -q "unexpected argument 'extra'" "$out"

"$SAFEJOB" </dev/null >"$out" 2>&1; status=$?
check "without a terminal it exits 1" test $status -eq 1
check "without a terminal it says why" grep -q 'needs a terminal' "$out"

# A developer's first run, the program from its build tree with no content
# installed, is told of 'make run'; a copy outside a build tree is not.
if command -v script >/dev/null 2>&1; then
  copy=${TMPDIR:-/tmp}/safejob-cli-copy.$$
  mkdir -p "$copy/bin" && cp "$abs_top_builddir/src/safejob" "$copy/bin/"
  for program in "$abs_top_builddir/src/safejob" "$copy/bin/safejob"; do
    SAFEJOB_CONTENT_DB=/nonexistent/content.db SAFEJOB_CONFIG=/dev/null \
      script -qec "$program" /dev/null >"$out" 2>&1
    case $program in
      "$copy"/*) check "installed elsewhere, it does not speak of 'make run'" \
                   sh -c "grep -q 'cannot use the content database' '$out' && ! grep -q 'make run' '$out'" ;;
      *) check "from its build tree, it says 'make run' starts it with the build's content" \
           grep -q "'make run' starts it with the content and catalogues of its build" "$out" ;;
    esac
  done
  rm -rf "$copy"
fi

LANGUAGE=ne "$SAFEJOB" --help >"$out" 2>&1
check "--help is translated (LANGUAGE=ne)" grep -q 'प्रयोग: safejob' "$out"

"$SAFEJOB" --languages >"$out" 2>&1; status=$?
check "--languages exits 0" test $status -eq 0
check "--languages names each language in its script, with its English name" grep -q '^ne  *नेपाली (Nepali)' "$out"
check "--languages says the Nepali draft is a draft, with how complete it is" \
  grep -q '^ne  .* [0-9][0-9]*%  *draft  *voice$' "$out"
check "English is the source" grep -q '^en  *English  *100%  *source  *voice$' "$out"
check "the longest name stays clear of its completeness" \
  grep -q '^pt_BR  *Português (Brasil) (Portuguese (Brazil))  *[0-9][0-9]*%  *draft  *voice$' "$out"
check "a language with no voice says so (speech: none)" grep -q '^km  .*  *none$' "$out"
# The picker's table and po/LINGUAS name the same languages: a catalogue
# the table lacks would never be offered (nor walked by test-locales.sh).
linguas=$(sed -e 's/#.*//' "$srcdir/po/LINGUAS" | tr -s ' \n' '\n' | grep . | sort)
offered=$(awk 'NR > 2 { print $1 }' "$out" | sort)
check "every language of po/LINGUAS is offered, and only those (with English)" \
  test "$linguas" = "$offered"
printf 'ne 90 5 5 reviewed\n' >"$out.stats"
SAFEJOB_LANGUAGES_STATS="$out.stats" "$SAFEJOB" --languages >"$out" 2>&1
check "a reviewed translation says so, with its share translated" grep -q '^ne  .* 90%  *reviewed  *voice$' "$out"
check "a language missing from the stats is unknown, not invented" grep -q '^th  .* ?  *?  *voice$' "$out"
rm -f "$out.stats"

# Whose sessions the usage figures count (issue 21): the kiosk's, not a
# run by hand on its machine, and never a look at the pseudo-locale. A
# session that answers a question, then Hide.
printf 'size 24 80\nkey Enter\nkey Enter\nkey 1\nkey F12\n' >"$out.script"
figures () {   # figures ARG...: the sessions counted after a run with ARGs
  rm -f "$out.db" "$out.db-wal" "$out.db-shm"
  SAFEJOB_SCRIPT="$out.script" SAFEJOB_STATS_DB="$out.db" "$SAFEJOB" --content-db "$FIXTURE_DB" \
    --input-guard 0 "$@" >/dev/null 2>&1
  if [ -f "$out.db" ]; then sqlite3 "$out.db" 'SELECT coalesce (sum (sessions), 0) FROM sessions'
  else echo none; fi
}
check "a run by hand counts no session" test "$(figures)" = none
check "the kiosk (kiosk mode) counts its session" test "$(figures --kiosk)" = 1
check "--stats-db names a file: a run by hand counts too" test "$(figures --stats-db "$out.db")" = 1
pseudo=$(SAFEJOB_PSEUDO_LOCALE=1 figures --kiosk)
check "a session in the pseudo-locale is never counted ($pseudo)" \
  sh -c "test '$pseudo' = none || test '$pseudo' = 0"
rm -f "$out.script" "$out.db" "$out.db-wal" "$out.db-shm"

done_testing
