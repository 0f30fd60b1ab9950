#!/bin/sh
# test-office-pg-load.sh -- eight office desks screen and log 500 offers
# each, all at once, into one PostgreSQL server (issue 22): nothing lost,
# nothing twice, and every repeat flagged.
#
# "A repeat" is an offer whose agency another desk had screened high and
# saved before this one was looked up. To know that without timing
# anything, each desk's 500 offers come in two halves, and no desk starts
# its second half before every desk finished its first: the first halves
# name 2000 agencies never seen before (none may be flagged), each second
# half names the 250 agencies of the next desk's first half, written
# otherwise (every one must be flagged). Within each half the eight desks
# run at once: lookups and commits of eight connections interleave.
. "$srcdir/tests/tap.sh"
. "$srcdir/tests/pg-server.sh"
desks=8 half=250

pg_role desk
"$SAFEJOB" office-db --migrate --grant=desk "host=$pg_host dbname=office user=owner" \
  >/dev/null || exit 1

# The offers: desk D's first half "Agency D-K Ltd." (K from 1), its second
# half the next desk's as "AGENCY N K" (the same key: agencyNK).
d=0
while [ $d -lt $desks ]; do
  next=$(( (d + 1) % desks ))
  awk -v d=$d -v n=$half 'BEGIN { for (k = 1; k <= n; k++) printf "Agency %d-%d Ltd.||Employer %d-%d|high\n", d, k, d, k }' \
    >"$work/first-$d"
  awk -v d=$next -v n=$half 'BEGIN { for (k = 1; k <= n; k++) printf "AGENCY %d %d|||high\n", d, k }' \
    >"$work/second-$d"
  d=$((d + 1))
done

# Each desk is an office-desk process reading its offers from a pipe; a
# controller beside it writes the first half, reads its 250 results, says
# so on the pipe 'done', waits on its gate, then writes the second half.
mkfifo "$work/done" || exit 1
d=0
while [ $d -lt $desks ]; do
  mkfifo "$work/in-$d" "$work/out-$d" "$work/gate-$d" || exit 1
  "$OFFICE_DESK" "$server" "$work/desk-$d.db" <"$work/in-$d" >"$work/out-$d" 2>"$work/err-$d" &
  echo $! >"$work/pid-$d"
  (
    exec 3>"$work/in-$d" 4<"$work/out-$d"
    cat "$work/first-$d" >&3
    k=0
    while [ $k -lt $half ] && read -r line <&4; do echo "$line"; k=$((k + 1)); done \
      >"$work/result-first-$d"
    echo "$d" >"$work/done"
    read -r go <"$work/gate-$d"
    cat "$work/second-$d" >&3
    exec 3>&-
    cat <&4 >"$work/result-second-$d"
  ) &
  d=$((d + 1))
done
# Held open for writing here too, so that the pipe never reads as ended
# between two controllers' lines.
exec 5<>"$work/done"
k=0
while [ $k -lt $desks ] && read -r finished <&5; do k=$((k + 1)); done
echo "# every desk finished its first half"
d=0
while [ $d -lt $desks ]; do echo go >"$work/gate-$d"; d=$((d + 1)); done
failed_desks=0
d=0
while [ $d -lt $desks ]; do
  wait "$(cat "$work/pid-$d")" || { failed_desks=$((failed_desks + 1)); sed 's/^/# /' "$work/err-$d"; }
  d=$((d + 1))
done
wait

check "all $desks desks ran to the end" test $failed_desks -eq 0
# (Each line: names found earlier, lookup trouble, save trouble.)
first=$(cat "$work"/result-first-* | grep -c '^0 0 0$')
second=$(cat "$work"/result-second-* | grep -c '^1 0 0$')
check "no first screening of an agency is flagged, none had trouble ($first of $((desks * half)))" \
  test "$first" -eq $((desks * half))
check "every repeat is flagged, across desks ($second of $((desks * half)))" \
  test "$second" -eq $((desks * half))
total=$(pg_sql owner "SELECT count(*) FROM safejob.offer")
check "the server holds every screening once: $total of $((2 * desks * half))" \
  test "$total" -eq $((2 * desks * half))
check "each agency twice: once from its desk, once from the next" \
  test "$(pg_sql owner "SELECT count(*) FROM (SELECT agency_key FROM safejob.offer
                        GROUP BY agency_key HAVING count(*) = 2) twice")" -eq $((desks * half))
waiting=0
d=0
while [ $d -lt $desks ]; do
  waiting=$((waiting + $(sqlite3 "$work/desk-$d.db" 'SELECT count(*) FROM offer')))
  d=$((d + 1))
done
check "nothing waits in any desk's outbox" test $waiting -eq 0
done_testing
