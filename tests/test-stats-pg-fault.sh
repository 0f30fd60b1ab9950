#!/bin/sh
# test-stats-pg-fault.sh -- a push of the usage figures killed halfway
# (issue 22): a kiosk's file of many days grows before each round, and
# its push is killed with SIGKILL at a random moment of it, round after
# round. After each kill the server must hold that kiosk's figures whole
# as they were before the round, or whole as the file holds them now,
# never a part of each; and after a last push, exactly the file's.
# The moments vary (the seed is printed; STATS_PG_FAULT_SEED=N replays
# them), the assertion does not depend on them: where the kill lands
# only decides which of the two whole states the server holds.
. "$srcdir/tests/tap.sh"
. "$srcdir/tests/pg-server.sh"

seed=${STATS_PG_FAULT_SEED:-$(od -An -N2 -tu2 /dev/urandom | tr -d ' ')}
rounds=${STATS_PG_FAULT_ROUNDS:-30}
echo "# seed $seed, $rounds rounds (STATS_PG_FAULT_SEED=$seed replays them)"

pg_role kiosk
"$SAFEJOB" stats --migrate --grant=kiosk "host=$pg_host dbname=office user=owner" >/dev/null || exit 1
printf 'kiosk-id = kiosk-k\nstats-db = %s\nstats-server = %s\n' "$work/k.db" "$server" >"$work/k.conf"
# Another kiosk's figures, which no push of this one may touch.
pg_sql owner "INSERT INTO safejob.stats_sessions VALUES ('other', '2020-01-05', 'ne', '', 'low',
                'result', 0, 0, 0, 7)"

# The file: 120 days of 2020, each with 64 rows of sessions and 8 of signs
# (stats-writer makes the tables as the kiosk does).
"$STATS_WRITER" "$work/k.db" 1 >/dev/null || exit 1
sqlite3 "$work/k.db" "DELETE FROM sessions; DELETE FROM signs;
  WITH RECURSIVE d(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM d WHERE n < 119)
  INSERT INTO sessions SELECT date ('2020-01-01', '+' || n || ' days'), l.v, 'KH', lv.v, r.v, 0, 0, 0, 1
    FROM d, (SELECT 'ne' v UNION SELECT 'th' UNION SELECT 'hi' UNION SELECT 'bn') l,
      (SELECT 'none' v UNION SELECT 'low' UNION SELECT 'medium' UNION SELECT 'high') lv,
      (SELECT 'language' v UNION SELECT 'checklist' UNION SELECT 'result' UNION SELECT 'contacts') r;
  WITH RECURSIVE d(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM d WHERE n < 119)
  INSERT INTO signs SELECT date ('2020-01-01', '+' || n || ' days'), 'KH', s.v, 1
    FROM d, (SELECT 'passport.kept' v UNION SELECT 'route.overland' UNION SELECT 'fee.high'
      UNION SELECT 'visa.tourist' UNION SELECT 'contract.none' UNION SELECT 'pay.cash'
      UNION SELECT 'job.vague' UNION SELECT 'recruiter.online') s;" || exit 1

# state: rows and sessions of each table, of the file or of the server.
local_state () {
  sqlite3 "$work/k.db" "SELECT (SELECT count(*) || ':' || sum (sessions) FROM sessions) || '/'
                             || (SELECT count(*) || ':' || sum (sessions) FROM signs)"
}
server_state () {
  pg_sql owner "SELECT (SELECT count(*) || ':' || coalesce (sum (sessions), 0)
                         FROM safejob.stats_sessions WHERE kiosk = 'kiosk-k') || '/'
                       || (SELECT count(*) || ':' || coalesce (sum (sessions), 0)
                         FROM safejob.stats_signs WHERE kiosk = 'kiosk-k')"
}
# Until the server is done with the killed push's connection: a COMMIT it
# received just before the kill is then in, or never will be.
settle () {
  while [ "$(pg_sql owner "SELECT count(*) FROM pg_stat_activity
                           WHERE usename = 'kiosk' AND pid <> pg_backend_pid ()")" != 0 ]; do
    sleep 0.01
  done
}

push () { "$SAFEJOB" stats --config "$work/k.conf" --push; }
start=$(date +%s%N)
push >/dev/null 2>&1 || { echo "Bail out! the first push failed"; exit 1; }
took=$(( ($(date +%s%N) - start) / 1000000 ))
check "a whole push puts the file's figures on the server" test "$(server_state)" = "$(local_state)"
echo "# a push of $(local_state) takes ${took} ms here"
# Kill moments spread over 0 to twice the time of a push (a push that replaces
# takes longer than the first), from the seed.
delays=$(awk -v seed="$seed" -v n="$rounds" -v ms="$took" \
  'BEGIN { srand (seed); for (i = 0; i < n; i++) printf "%.3f\n", rand () * ms * 2 / 1000 }')

before=$(server_state)
partial=0 old=0 new=0
for delay in $delays; do
  # The kiosk counted more on every day since.
  sqlite3 "$work/k.db" "UPDATE sessions SET sessions = sessions + 1;
                        UPDATE signs SET sessions = sessions + 1" || exit 1
  now=$(local_state)
  # (The program itself in the background, not a shell running it: the
  # kill must reach the push.)
  "$SAFEJOB" stats --config "$work/k.conf" --push >/dev/null 2>&1 &
  pid=$!
  sleep "$delay"
  kill -KILL "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null
  settle
  state=$(server_state)
  if [ "$state" = "$before" ]; then
    old=$((old + 1))
  elif [ "$state" = "$now" ]; then
    new=$((new + 1))
    before=$now
  else
    partial=$((partial + 1))
    echo "# after a kill ${delay} s in: $state, neither $before nor $now"
    before=$state
  fi
done
echo "# after the kills: $old as before, $new as the file, $partial partial"
check "after every kill the server held the kiosk's figures whole, old or new ($partial partial)" \
  test "$partial" -eq 0
push >"$work/out" 2>"$work/err"
status=$?
check "a last push completes" sh -c "test $status -eq 0 && grep -q '^kiosk-k: pushed 120 days' '$work/out'"
check "and the server holds exactly the file's figures, nothing counted twice" \
  test "$(server_state)" = "$(local_state)"
check "and every day's rows as the file's" test "$(pg_sql owner "
  SELECT md5 (string_agg (to_char (day, 'YYYY-MM-DD') || language || level || reached || sessions, ','
                          ORDER BY day, language, level, reached))
  FROM safejob.stats_sessions WHERE kiosk = 'kiosk-k'")" = "$(sqlite3 "$work/k.db" "
  SELECT group_concat (day || language || level || reached || sessions, ',') FROM
    (SELECT * FROM sessions ORDER BY day, language, level, reached)" | tr -d '\n' | md5sum | cut -d' ' -f1)"
check "the other kiosk's figures were never touched" \
  test "$(pg_sql owner "SELECT sum (sessions) FROM safejob.stats_sessions WHERE kiosk = 'other'")" = 7
done_testing
