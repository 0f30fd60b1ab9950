#!/bin/sh
# test-fuzz.sh -- libFuzzer (clang) over every parser: the content sources,
# the answers of "safejob screen" and the kiosk's settings file, each built
# with AddressSanitizer and UndefinedBehaviorSanitizer and run for a
# bounded time from a seed corpus of the project's own files. A crash, a
# sanitizer report or a leak fails the test and leaves the input that
# caused it in the log. FUZZ_SECONDS (default 10) runs longer; FUZZ_SEED
# replays a run (the seed is printed).
. "$srcdir/tests/tap.sh"
if [ -z "$CLANG" ]; then
  echo "1..0 # SKIP clang not found (apt-get install clang)"
  exit 0
fi
seconds=${FUZZ_SECONDS:-10}
seed=${FUZZ_SEED:-$(od -An -N2 -tu2 /dev/urandom | tr -d ' ')}
work=$(mktemp -d) || exit 1
trap 'rm -rf "$work"' EXIT
echo "# seed $seed, $seconds seconds a parser (FUZZ_SEED=$seed FUZZ_SECONDS=N replays)"

flags="-g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all -I$abs_top_builddir -I$srcdir/src -I$srcdir/src/core -I$srcdir/src/storage $(pkg-config --cflags sqlite3)"
s=$srcdir/src
# harness: the library sources it needs.
build () {
  name=$1; shift
  # shellcheck disable=SC2086
  "$CLANG" $flags -o "$work/$name" "$srcdir/tests/fuzz/$name.c" "$@" \
    $(pkg-config --libs sqlite3) >"$work/$name.build" 2>&1
}
run () {
  name=$1; shift
  mkdir -p "$work/corpus-$name"
  cp "$@" "$work/corpus-$name/" 2>/dev/null
  (cd "$work" && "./$name" -seed="$seed" -max_total_time="$seconds" -timeout=10 \
     -rss_limit_mb=1024 -print_final_stats=1 "corpus-$name") >"$work/$name.log" 2>&1
}
harnesses="fuzz-content:$s/core/record.c $s/core/keyfile.c $s/core/arena.c $s/core/diag.c
fuzz-answers:$s/core/answers.c $s/core/keyfile.c $s/core/dates.c $s/core/content.c $s/storage/content_db.c $s/core/contacts.c $s/storage/sql.c $s/core/arena.c $s/core/diag.c $s/core/offer.c
fuzz-settings:$s/core/settings.c $s/core/keyfile.c $s/core/languages.c $s/core/diag.c"

# fuzz NAME SOURCES...: builds and runs one harness; its status in NAME.status.
fuzz () {
  name=$1; shift
  if ! build "$name" "$@"; then
    echo build >"$work/$name.status"
    return
  fi
  case $name in
    fuzz-content) run "$name" "$srcdir"/content/*.txt "$srcdir"/tests/content/*.txt ;;
    fuzz-answers) SAFEJOB_CONTENT_DB=$SAFEJOB_CONTENT_DB run "$name" "$srcdir"/tests/offers/*.answers ;;
    fuzz-settings) run "$name" "$srcdir"/tests/*.conf "$srcdir"/kiosk/kiosk.conf.example ;;
  esac
  echo $? >"$work/$name.status"
}

# The harnesses run side by side (each uses one core), then report in order.
# (Not in a pipeline: its loop would be a subshell, whose jobs wait misses.)
while IFS= read -r harness; do
  # shellcheck disable=SC2086
  fuzz "${harness%%:*}" ${harness#*:} &
done <<EOF
$harnesses
EOF
wait
for name in $(echo "$harnesses" | sed 's/:.*//'); do
  status=$(cat "$work/$name.status" 2>/dev/null)
  if [ "$status" = build ] || [ -z "$status" ]; then
    check "$name builds" false
    sed 's/^/# /' "$work/$name.build" 2>/dev/null | head -20
    continue
  fi
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$work/$name.log")
  check "$name: no crash, leak or sanitizer report in ${runs:-?} runs" test "$status" -eq 0
  if [ "$status" -ne 0 ]; then
    grep -A25 -m1 'ERROR\|SUMMARY\|crash\|leak' "$work/$name.log" | sed 's/^/# /'
    for f in "$work"/crash-* "$work"/leak-* "$work"/timeout-*; do
      [ -f "$f" ] && echo "# input $(basename "$f"): $(od -An -c "$f" | head -5 | tr -s ' ')"
    done
  fi
done
done_testing
