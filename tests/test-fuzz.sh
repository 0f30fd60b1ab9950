#!/bin/sh
# test-fuzz.sh -- libFuzzer (clang) over every parser, loader and writer
# (tests/fuzz/, one harness each; its header says what it feeds): the
# content sources and the compiler's checks, the content database, the
# usage figures, the answers of "safejob screen", the settings file, the
# reports, the values written for other programs, the contact cards with
# their codes, files and printer raster, and line wrapping. Each is built
# with AddressSanitizer and UndefinedBehaviorSanitizer and run for a
# bounded time from its seeds: tests/fuzz/corpus/NAME/ and the project's
# own files, with a dictionary of its input's words (tests/fuzz/*.dict).
# Before that, each replays its inputs in tests/fuzz/regressions/NAME/,
# crashers found before and fixed. A crash, a sanitizer report, a leak
# (LeakSanitizer is always on) or a harness's own check fails the test and
# leaves the input that caused it in the log.
#
# FUZZ_SECONDS runs each harness that long (by default 10 s for the first
# three, 5 s for the others); FUZZ_JOBS harnesses run side by side (2);
# FUZZ_HARNESSES="NAME..." runs only those; FUZZ_SEED replays a run (the
# seed is printed). With FUZZ_KEEP=DIR the corpora grow in DIR from one
# run to the next, and what fails a harness is kept in DIR/found-NAME/
# ('make fuzz' does this).
. "$srcdir/tests/tap.sh"
if [ -z "$CLANG" ]; then
  echo "1..0 # SKIP clang not found (apt-get install clang)"
  exit 0
fi
seed=${FUZZ_SEED:-$(od -An -N2 -tu2 /dev/urandom | tr -d ' ')}
jobs=${FUZZ_JOBS:-2}
work=$(mktemp -d) || exit 1
trap 'rm -rf "$work"' EXIT
out=${FUZZ_KEEP:-$work}
mkdir -p "$out" || exit 1
echo "# seed $seed, ${FUZZ_SECONDS:-5 to 10} seconds a harness, $jobs at a time" \
  "(FUZZ_SEED=$seed FUZZ_SECONDS=N replays)"

# Leaks fail: whatever ASAN_OPTIONS the caller has, detect_leaks is last.
ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=1"
export ASAN_OPTIONS
# The harnesses' own files (databases and their journals): in memory when
# the machine has a tmpfs there, as the usage figures sync every commit.
if [ -d /dev/shm ] && [ -w /dev/shm ]; then
  TMPDIR=$(mktemp -d /dev/shm/safejob-fuzz.XXXXXX) || exit 1
  trap 'rm -rf "$work" "$TMPDIR"' EXIT
else
  TMPDIR=$work
fi
export TMPDIR

# Absolute: the harnesses run in $work, and srcdir is relative in a VPATH
# build such as distcheck's.
f=$(cd "$srcdir/tests/fuzz" && pwd) || exit 1
flags="-g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all
  -I$abs_top_builddir -I$srcdir/src -I$srcdir/src/core -I$srcdir/src/storage -I$f
  -DLOCALEDIR=\"/nonexistent\" -DLANGUAGES_STATS=\"/nonexistent\"
  $(pkg-config --cflags sqlite3 libqrencode icu-uc)"
libs="$(pkg-config --libs sqlite3 libqrencode) -ldl"
# harness|seconds by default|the sources it needs (src/ unless named fuzz-*.c)|dictionary
harnesses="fuzz-content|10|core/record.c core/keyfile.c core/arena.c core/diag.c|records
fuzz-answers|10|core/answers.c core/keyfile.c core/dates.c core/content.c storage/content_db.c core/contacts.c storage/sql.c core/arena.c core/diag.c core/offer.c|keyfile
fuzz-settings|10|core/settings.c core/keyfile.c core/languages.c core/icu.c core/diag.c|keyfile
fuzz-content-db|5|fuzz-db.c storage/content_db.c core/content.c storage/sql.c core/arena.c core/diag.c core/contacts.c core/contact_list.c core/result.c core/risk.c core/report.c core/export.c core/wrap.c core/icu.c core/offer.c|sql
fuzz-stats-db|5|fuzz-db.c storage/stats.c storage/sql.c core/diag.c core/export.c|sql
fuzz-compile|5|fuzz-db.c core/content_compile.c storage/content_db.c core/content.c core/record.c core/keyfile.c core/contacts.c core/dates.c storage/sql.c core/arena.c core/diag.c|records
fuzz-report|5|core/i18n.c storage/content_db.c core/content.c storage/sql.c core/arena.c core/diag.c core/contacts.c core/result.c core/risk.c core/report.c core/export.c core/wrap.c core/icu.c core/offer.c|text
fuzz-export|5|core/export.c|text
fuzz-qr-vcard|5|core/vcard.c core/qr.c core/qr_file.c storage/printer.c core/contacts.c|text
fuzz-wrap|5|core/wrap.c core/icu.c|text"
# FUZZ_HARNESSES="NAME..." runs only those.
if [ -n "$FUZZ_HARNESSES" ]; then
  harnesses=$(echo "$harnesses" | while IFS= read -r line; do
    for only in $FUZZ_HARNESSES; do
      [ "${line%%|*}" = "$only" ] && echo "$line"
    done
  done)
fi

# build NAME SOURCES...
build () {
  name=$1; shift
  sources=
  for source in "$@"; do
    case $source in
      fuzz-*) sources="$sources $f/$source" ;;
      *) sources="$sources $srcdir/src/$source" ;;
    esac
  done
  # shellcheck disable=SC2086
  "$CLANG" $flags -o "$work/$name" "$f/$name.c" $sources $libs >"$work/$name.build" 2>&1
}

# add DIR PREFIX FILES...: copies FILES into DIR, each named PREFIX-NAME
# (content/ and tests/content/ have files of the same names).
add () {
  dir=$1 prefix=$2; shift 2
  for file in "$@"; do
    cp "$file" "$dir/$prefix-$(basename "$file")"
  done
}

# seeds NAME DIR: copies the harness's seeds into DIR.
seeds () {
  cp "$f/corpus/$1"/* "$2/" 2>/dev/null
  # The database harnesses' SQL seeds as database files too (fuzz-db.c).
  for sql in "$2"/*.sql; do
    [ -f "$sql" ] && [ -x "$work/fuzz-db" ] && "$work/fuzz-db" "$sql" "${sql%.sql}.db"
  done
  case $1 in
    fuzz-content)
      add "$2" content "$srcdir"/content/*.txt
      add "$2" fixture "$srcdir"/tests/content/*.txt ;;
    fuzz-answers) cp "$srcdir"/tests/offers/*.answers "$2/" ;;
    fuzz-settings) cp "$srcdir"/tests/*.conf "$srcdir"/kiosk/kiosk.conf.example "$2/" ;;
    # The compiled fixture, as it is built (binary: not kept in the tree).
    fuzz-content-db) [ -f "$FIXTURE_DB" ] && cp "$FIXTURE_DB" "$2/compiled-fixture.db" ;;
    fuzz-stats-db)
      rm -f "$work/stats.db"
      [ -x "$STATS_WRITER" ] && "$STATS_WRITER" "$work/stats.db" 3 >/dev/null 2>&1 \
        && cp "$work/stats.db" "$2/stats.db" ;;
    # The fixture sources, in the harness's form: the four files in the
    # compiler's order, separated by form feeds.
    fuzz-compile)
      t=$srcdir/tests/content
      { cat "$t/countries.txt"; printf '\f'; cat "$t/checklist.txt"; printf '\f'
        cat "$t/articles.txt"; printf '\f'; cat "$t/contacts.txt"; } >"$2/fixture.txt" ;;
  esac
  return 0
}

# fuzz NAME SECONDS DICT SOURCES...: builds, replays and runs one harness;
# the statuses in NAME.status ("build", or the replay's and the run's).
fuzz () {
  name=$1 seconds=${FUZZ_SECONDS:-$2} dict=$3; shift 3
  if ! build "$name" "$@"; then
    echo build >"$work/$name.status"
    return
  fi
  replay=0
  if [ -n "$(ls "$f/regressions/$name" 2>/dev/null)" ]; then
    (cd "$work" && "./$name" -runs=1 "$f/regressions/$name"/*) >"$work/$name.replay" 2>&1
    replay=$?
  fi
  corpus=$out/corpus-$name
  mkdir -p "$corpus" "$out/found-$name"
  seeds "$name" "$corpus"
  (cd "$work" && "./$name" -seed="$seed" -max_total_time="$seconds" -timeout=10 \
     -rss_limit_mb=1024 -detect_leaks=1 -print_final_stats=1 -dict="$f/$dict.dict" \
     -artifact_prefix="$out/found-$name/" "$corpus") >"$work/$name.log" 2>&1
  echo "$replay $?" >"$work/$name.status"
}

# The command that turns SQL seeds into database files (fuzz-db.c).
# shellcheck disable=SC2086
"$CLANG" -g -DFUZZ_DB_MAIN -I"$abs_top_builddir" -I"$f" $(pkg-config --cflags sqlite3) \
  -o "$work/fuzz-db" "$f/fuzz-db.c" $libs >"$work/fuzz-db.build" 2>&1

# FUZZ_JOBS queues run side by side, each harness in turn on its queue
# (each uses one core); then each reports in order. (Not in a pipeline:
# its loop would be a subshell, whose jobs wait misses.)
queue=0
while [ "$queue" -lt "$jobs" ]; do
  (
    i=0
    while IFS='|' read -r name seconds sources dict; do
      # shellcheck disable=SC2086
      [ $((i % jobs)) -eq "$queue" ] && fuzz "$name" "$seconds" "$dict" $sources
      i=$((i + 1))
    done <<EOF
$harnesses
EOF
  ) &
  queue=$((queue + 1))
done
wait

for name in $(echo "$harnesses" | sed 's/|.*//'); do
  replay= status=
  read -r replay status 2>/dev/null <"$work/$name.status"
  if [ "$replay" = build ] || [ -z "$replay" ]; then
    check "$name builds" false
    sed 's/^/# /' "$work/$name.build" 2>/dev/null | head -20
    continue
  fi
  if [ -f "$work/$name.replay" ]; then
    inputs=$(ls "$f/regressions/$name" | wc -l)
    check "$name: the regression inputs ($inputs) run clean" test "$replay" -eq 0
    [ "$replay" -ne 0 ] && grep -B2 -A25 -m1 'ERROR\|SUMMARY\|fuzz-' "$work/$name.replay" \
      | sed 's/^/# /'
  fi
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$work/$name.log")
  check "$name: no crash, leak or sanitizer report in ${runs:-?} runs" test "$status" -eq 0
  if [ "$status" -ne 0 ]; then
    { grep -A25 -m1 'ERROR\|SUMMARY\|crash\|leak\|^fuzz-' "$work/$name.log" \
        || tail -5 "$work/$name.log"; } | sed 's/^/# /'
    for found in "$out/found-$name"/*; do
      [ -f "$found" ] || continue
      echo "# input $found: $(od -An -c "$found" | head -5 | tr -s ' ')"
    done
    [ -n "$FUZZ_KEEP" ] && echo "# kept in $out/found-$name/: after the fix, move it to" \
      "tests/fuzz/regressions/$name/"
  fi
done
done_testing
