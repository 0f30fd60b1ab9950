#!/bin/sh
# test-stats-pg.sh -- the fleet's usage figures (issue 22) on a real
# PostgreSQL server of the test's own (tests/pg-server.sh): the owner makes
# the tables (safejob stats --migrate) and grants a kiosk's role what a
# push needs, no more; two kiosks, each with its own file and settings,
# push twice and the server counts each session once; today's figures stay
# on the kiosk; safejob stats --stats-db=CONNINFO reports the figures of
# both exactly as a kiosk's own report of both would; the default kiosk
# id, a password in the settings, a wrong password and a server down are
# refused in words, with the file untouched; the server's checks refuse
# free text as the kiosk's file does.
. "$srcdir/tests/tap.sh"
. "$srcdir/tests/pg-server.sh"
has () { grep -q -F -- "$2" "$1"; }   # has FILE TEXT

pg_role kiosk
owner="host=$pg_host dbname=office user=owner"
# kiosk K ARGS...: safejob stats at kiosk K (its settings: its id, its
# file, the server). Output in $work/out and $work/err, status in $status.
kiosk () {
  k=$1; shift
  "$SAFEJOB" stats --config "$work/$k.conf" "$@" >"$work/out" 2>"$work/err"
  status=$?
}
on_server () { pg_sql owner "SELECT coalesce (sum (sessions), 0) FROM safejob.stats_$1 $2"; }

# Two kiosks' files: A has 12 sessions on 2020-03-01; B 9 on 2020-03-01
# and 6 on 2020-03-02 (stats-writer's sessions, moved to those days); each
# has 1 of today, which is not over.
for k in a b; do
  printf 'kiosk-id = kiosk-%s\nstats-db = %s\nstats-server = %s\n' "$k" "$work/$k.db" "$server" \
    >"$work/$k.conf"
done
"$STATS_WRITER" "$work/a.db" 12 >/dev/null && "$STATS_WRITER" "$work/b.db" 9 >/dev/null || exit 1
for k in a b; do sqlite3 "$work/$k.db" "UPDATE sessions SET day = '2020-03-01';
                                         UPDATE signs SET day = '2020-03-01'" || exit 1; done
"$STATS_WRITER" "$work/b.db" 6 >/dev/null || exit 1
sqlite3 "$work/b.db" "UPDATE sessions SET day = '2020-03-02' WHERE day > '2020-03-01';
                      UPDATE signs SET day = '2020-03-02' WHERE day > '2020-03-01'" || exit 1
"$STATS_WRITER" "$work/a.db" 1 >/dev/null && "$STATS_WRITER" "$work/b.db" 1 >/dev/null || exit 1
today=$(date +%F)
for k in a b; do sqlite3 "$work/$k.db" "UPDATE sessions SET day = '$today' WHERE day > '2020-03-02';
                                         UPDATE signs SET day = '$today' WHERE day > '2020-03-02'"; done

kiosk a --push
check "before the owner made the tables, a push is refused in words (exit 1)" \
  sh -c "test $status -eq 1 && grep -q \"there is no fleet figures store there yet; the database's owner makes it with 'safejob stats --migrate'\" '$work/err'"

kiosk a --migrate --grant=kiosk "$owner"
check "the owner makes the tables and grants the kiosk's role (stats --migrate --grant)" \
  sh -c "test $status -eq 0 && grep -q 'made the fleet figures store (version 1); the role .kiosk. may use it from a kiosk' '$work/out'"
kiosk a --migrate "$owner"
check "run again, it changes nothing" has "$work/out" "the fleet figures store is of version 1 already"
check "the kiosk's role has SELECT, INSERT and DELETE on the figures and SELECT on their version, nothing more" \
  test "$(pg_sql owner "SELECT string_agg (table_name || ':' || privilege_type, ' '
                          ORDER BY table_name, privilege_type)
                        FROM information_schema.role_table_grants WHERE grantee = 'kiosk'")" \
       = "stats_sessions:DELETE stats_sessions:INSERT stats_sessions:SELECT stats_signs:DELETE stats_signs:INSERT stats_signs:SELECT stats_version:SELECT"
PGPASSFILE=$work/pgpass pg_sql kiosk "UPDATE safejob.stats_sessions SET sessions = 1" >"$work/out" 2>&1
check "it cannot change a count in place" has "$work/out" "permission denied"

cp "$work/a.db" "$work/a-before.db"
kiosk a --push
check "kiosk A pushes its finished day: 'kiosk-a: pushed 1 day, 12 sessions'" \
  sh -c "test $status -eq 0 && grep -q '^kiosk-a: pushed 1 day, 12 sessions$' '$work/out'"
check "a push leaves the kiosk's file as it was" \
  test "$(sqlite3 "$work/a.db" 'SELECT * FROM sessions; SELECT * FROM signs' | md5sum)" \
     = "$(sqlite3 "$work/a-before.db" 'SELECT * FROM sessions; SELECT * FROM signs' | md5sum)"
kiosk b --push
check "kiosk B pushes its two: 'kiosk-b: pushed 2 days, 15 sessions'" \
  sh -c "test $status -eq 0 && grep -q '^kiosk-b: pushed 2 days, 15 sessions$' '$work/out'"
kiosk a --push && kiosk b --push && kiosk a --push
check "pushed twice and more, the sessions of both count once (27)" test "$(on_server sessions)" = 27
check "and their warning signs too (27 passport.kept)" \
  test "$(on_server signs "WHERE sign = 'passport.kept'")" = 27
check "kiosk by kiosk (12 and 15)" \
  test "$(on_server sessions "WHERE kiosk = 'kiosk-a'") $(on_server sessions "WHERE kiosk = 'kiosk-b'")" = "12 15"
check "today's figures stay on the kiosks until the day is over" \
  test "$(on_server sessions "WHERE day = '$today'")" = 0

# A day a kiosk counted more since: pushed again, it replaces the server's.
"$STATS_WRITER" "$work/a.db" 3 >/dev/null
sqlite3 "$work/a.db" "UPDATE sessions SET day = '2020-03-01' WHERE day > '2020-03-02' AND day <> '$today';
                      UPDATE signs SET day = '2020-03-01' WHERE day > '2020-03-02' AND day <> '$today'"
sqlite3 "$work/a.db" "SELECT day, sum (sessions) FROM sessions GROUP BY day" >"$work/days"
kiosk a --push
check "a day that grew on the kiosk is replaced on the server, not added to" \
  test "$(on_server sessions "WHERE kiosk = 'kiosk-a'")" = "$(sqlite3 "$work/a.db" "SELECT sum (sessions) FROM sessions WHERE day < '$today'")"

# The report of both, from the server, against a kiosk's own report of the
# two files added up.
cp "$work/a.db" "$work/both.db"
sqlite3 "$work/both.db" "ATTACH '$work/b.db' AS b;
  DELETE FROM sessions WHERE day = '$today'; DELETE FROM signs WHERE day = '$today';
  INSERT INTO sessions SELECT * FROM b.sessions WHERE day <> '$today'
    ON CONFLICT DO UPDATE SET sessions = sessions + excluded.sessions;
  INSERT INTO signs SELECT * FROM b.signs WHERE day <> '$today'
    ON CONFLICT DO UPDATE SET sessions = sessions + excluded.sessions;" || exit 1
for format in --csv --signs-csv --json ''; do
  # (The kiosk column: "*" for every kiosk, where the file's report
  # names its kiosk "kiosk".)
  "$SAFEJOB" stats --stats-db "$work/both.db" $format \
    | sed -e '2,$s/^kiosk,/*,/' -e 's/^  "kiosk": "kiosk"/  "kiosk": "*"/' >"$work/local"
  "$SAFEJOB" stats --config "$work/a.conf" --stats-db "$server" $format >"$work/fleet" 2>"$work/err"
  status=$?
  check "stats --stats-db=CONNINFO ${format:-(the summary)} reports both kiosks as a report of both files does" \
    sh -c "test $status -eq 0 && cmp -s '$work/local' '$work/fleet'"
done
"$SAFEJOB" stats --stats-db "$server" --csv --from 2020-03-02 --to 2020-03-02 >"$work/fleet"
check "with --from and --to, the days asked for only; small counts merged into '*' rows" \
  sh -c "! grep -q ',2020-03-01,' '$work/fleet' && grep -q '^\*,2020-03-02,\*,\*,\*,\*,\*,\*,\*,6$' '$work/fleet'"

# A kiosk without an id of its own: refused, in words.
printf 'kiosk-id = kiosk\nstats-db = %s\nstats-server = %s\n' "$work/a.db" "$server" >"$work/c.conf"
kiosk c --push
check "the default kiosk-id 'kiosk' is refused: kiosks would replace each other's days" \
  sh -c "test $status -eq 1 && grep -q 'no kiosk-id of its own.*replace each other' '$work/err'"
printf 'stats-db = %s\nstats-server = %s\n' "$work/a.db" "$server" >"$work/c.conf"
kiosk c --push
check "so is no kiosk-id" sh -c "test $status -eq 1 && grep -q 'no kiosk-id of its own' '$work/err'"
printf 'kiosk-id = c\nstats-db = %s\nstats-server = host=%s user=kiosk password=oops\n' \
  "$work/a.db" "$pg_host" >"$work/c.conf"
"$SAFEJOB" --check-config="$work/c.conf" >"$work/out" 2>&1
check "a password in stats-server is refused by the settings, pointing to ~/.pgpass" \
  has "$work/out" "'stats-server' holds a password; keep it in the kiosk user's ~/.pgpass"
check "and stats-db takes no server" sh -c \
  "printf 'stats-db = %s\n' '$server' >'$work/d.conf'; '$SAFEJOB' --check-config='$work/d.conf' 2>&1 | grep -q 'fleet.s server, to which the figures are pushed, is stats-server'"

# Wrong password, server down: said, exit 1, the file as it was.
total=$(on_server sessions)
printf 'kiosk-id = kiosk-a\nstats-db = %s\nstats-server = host=%s dbname=office user=kiosk\n' \
  "$work/a.db" "$pg_host" >"$work/c.conf"
printf '*:*:office:kiosk:not-the-secret\n' >"$work/badpass"; chmod 600 "$work/badpass"
cp "$work/a.db" "$work/a-before.db"
PGPASSFILE=$work/badpass kiosk c --push
check "a wrong password is said in words (exit 1), the figures staying on the kiosk" \
  sh -c "test $status -eq 1 && grep -q 'cannot push the usage figures (they stay on this kiosk): PostgreSQL (.*): .*password authentication failed' '$work/err'"
pg_stop_server
kiosk a --push
check "a server down is said in words (exit 1)" \
  sh -c "test $status -eq 1 && grep -q 'cannot push the usage figures (they stay on this kiosk): PostgreSQL (.*dbname=office.*): .*connection to server on socket' '$work/err'"
"$SAFEJOB" stats --stats-db "$server" >"$work/out" 2>"$work/err"; status=$?
check "and so when reading the fleet's figures" \
  sh -c "test $status -eq 1 && grep -q 'cannot read the fleet.s usage figures: PostgreSQL' '$work/err'"
pg_start_server
check "neither changed the kiosk's file" \
  test "$(sqlite3 "$work/a.db" 'SELECT * FROM sessions; SELECT * FROM signs' | md5sum)" \
     = "$(sqlite3 "$work/a-before.db" 'SELECT * FROM sessions; SELECT * FROM signs' | md5sum)"
check "nor the server's figures" test "$(on_server sessions)" = "$total"

# The server refuses free text and times, whoever writes.
refused () { PGPASSFILE=$work/pgpass pg_sql kiosk "$1" >"$work/out" 2>&1; ! [ $? -eq 0 ] && has "$work/out" "violates check constraint \"$2\""; }
check "the server refuses a phone number as a sign" \
  refused "INSERT INTO safejob.stats_signs VALUES ('kiosk-a', '2020-03-03', '', 'call.0812345678', 1)" sign
check "a name as a language" refused "INSERT INTO safejob.stats_sessions VALUES ('kiosk-a', '2020-03-03',
  'Maya', '', 'low', 'result', 0, 0, 0, 1)" language
check "a count past a day's seconds (a phone number)" refused "INSERT INTO safejob.stats_sessions
  VALUES ('kiosk-a', '2020-03-03', 'ne', '', 'low', 'result', 0, 0, 0, 812345678)" sessions
check "a kiosk id of free text" refused "INSERT INTO safejob.stats_sessions VALUES ('Maya Gurung, Pokhara',
  '2020-03-03', 'ne', '', 'low', 'result', 0, 0, 0, 1)" kiosk
PGPASSFILE=$work/pgpass pg_sql kiosk "INSERT INTO safejob.stats_sessions VALUES ('kiosk-a', '2020-02-30',
  'ne', '', 'low', 'result', 0, 0, 0, 1)" >"$work/out" 2>&1
check "a day that is none" has "$work/out" 'date/time field value out of range'
check "the server keeps no time: its days are dates" \
  test "$(pg_sql owner "SELECT string_agg (DISTINCT data_type, ' ') FROM information_schema.columns
                        WHERE table_name LIKE 'stats_s%' AND column_name = 'day'")" = date
done_testing
