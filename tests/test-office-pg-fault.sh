#!/bin/sh
# test-office-pg-fault.sh -- the shared office log's server stopped in the
# middle of a desk's work and started again (issue 22): the desk goes on,
# shows every result, flags what waits on it, keeps every screening made
# while the server was down and sends each once when it is back; a desk
# that stopped after the server committed and before it cleared its outbox
# sends that screening again, and the server keeps it once.
. "$srcdir/tests/tap.sh"
. "$srcdir/tests/pg-server.sh"
has () { grep -q -F -- "$2" "$1"; }   # has FILE TEXT

pg_role desk
"$SAFEJOB" office-db --migrate --grant=desk "host=$pg_host dbname=office user=owner" \
  >/dev/null || exit 1
on_server () { pg_sql owner "SELECT count(*) FROM safejob.offer $1"; }

# One desk process, as safejob --office keeps one open all day, paced
# through pipes: a round of offers in, its results out, then the server
# is stopped or started between two rounds, its connection open.
mkfifo "$work/in" "$work/out" || exit 1
"$OFFICE_DESK" "$server" "$work/desk.db" <"$work/in" >"$work/out" 2>"$work/err" &
desk=$!
exec 3>"$work/in" 4<"$work/out"
# round FILE: the offers of FILE to the desk; their results in FILE.out.
round () {
  cat "$1" >&3
  lines=$(wc -l <"$1") k=0
  while [ $k -lt "$lines" ] && read -r line <&4; do echo "$line"; k=$((k + 1)); done >"$1.out"
}
# Each line of results: names found earlier, lookup trouble, save trouble.
results () { sort "$1.out" | uniq -c | awk '{ printf "%s%s*%s %s %s", sep, $1, $2, $3, $4; sep = ", " }'; }

awk 'BEGIN { for (k = 1; k <= 100; k++) printf "Before %d Ltd.|||high\n", k }' >"$work/up"
round "$work/up"
check "with the server up, 100 screenings go through, none flagged, no trouble" \
  test "$(results "$work/up")" = "100*0 0 0"

pg_stop_server immediate
awk 'BEGIN { for (k = 1; k <= 50; k++) printf "Down %d|||high\n", k;
             for (k = 1; k <= 50; k++) printf "DOWN %d Co.|||high\n", k }' >"$work/down"
round "$work/down"
check "with it stopped, the desk goes on: every screening has its result, looked up and kept on the desk" \
  test "$(results "$work/down")" = "50*0 1 1, 50*1 1 1"
check "an agency screened while the server was down is flagged from what waits on the desk" \
  test "$(sed -n '51,100p' "$work/down.out" | sort -u)" = "1 1 1"
check "the reason is said: the server cannot be reached" \
  grep -q 'connection to server on socket .* failed' "$work/err"
check "the 100 wait in the desk's outbox" test "$(sqlite3 "$work/desk.db" 'SELECT count(*) FROM offer')" = 100

pg_start_server
check "none reached the server (started again, before the desk's next screening)" \
  test "$(on_server "WHERE agency ILIKE 'down%'")" = 0
awk 'BEGIN { for (k = 1; k <= 50; k++) printf "before %d|||high\n", k;
             for (k = 1; k <= 50; k++) printf "d o w n %d|||high\n", k }' >"$work/again"
round "$work/again"
check "started again, the same desk reaches it: every repeat flagged, no trouble" \
  test "$(results "$work/again")" = "100*1 0 0"
exec 3>&-
wait $desk; status=$?
check "the desk ran to the end" test $status -eq 0
check "what waited was sent: the outbox is empty" \
  test "$(sqlite3 "$work/desk.db" 'SELECT count(*) FROM offer')" = 0
check "the server holds all 300 screenings, each once" \
  test "$(on_server):$(pg_sql owner "SELECT count(DISTINCT id) FROM safejob.offer")" = 300:300
check "each made while it was down, once" \
  test "$(on_server "WHERE agency LIKE 'Down %'"):$(on_server "WHERE agency LIKE 'DOWN %'")" = 50:50

# The command line, the server stopped: the report, the reason, the
# screening kept; office-db says what waits.
for d in a; do
  printf 'office-db = %s\noffice-outbox = %s\n' "$server" "$work/desk-$d.db" >"$work/desk-$d.conf"
done
desk () { SAFEJOB_CONFIG=$work/desk-a.conf SAFEJOB_OFFICE_DB= "$SAFEJOB" "$@"; }
pg_stop_server
printf 'route = overland\noffer.agency = Replay Agency\n' \
  | desk screen --log --content-db "$FIXTURE_DB" >"$work/out.txt" 2>"$work/err.txt"
status=$?
check "safejob screen --log, the server stopped: the report and its level (2)" \
  sh -c "test $status -eq 2 && grep -q 'HIGH RISK' '$work/out.txt'"
check "it says the shared log could not be reached" \
  has "$work/err.txt" "the shared office log could not be reached, so earlier results are only those waiting on this desk"
check "and that the screening is kept on the desk, to be sent (1 waiting)" \
  has "$work/err.txt" "the screening is kept on this desk and will be sent to the shared office log when it can be reached (1 waiting)"
desk office-db >"$work/out.txt" 2>&1; status=$?
check "office-db: 1 waiting, exit 1" sh -c "test $status -eq 1 && grep -q 'waiting on this desk to be sent: 1' '$work/out.txt'"
# The kiosk's office mode, the server stopped: the result and why the
# flags may be missing; saved on the desk, and the form says so.
printf '%s\n' 'size 24 80' 'key Enter' 'key Enter' 'type "Kiosk While Down"' \
  'tap "Continue to the checklist"' 'key 2' 'key 1' 'key 1' 'dump result' \
  'tap "Save to the office log and start again"' 'key Enter' 'key Enter' 'dump form' \
  >"$work/office.script"
SAFEJOB_SCRIPT=$work/office.script desk --office --config "$work/desk-a.conf" \
  --content-db "$FIXTURE_DB" --input-guard=0 >"$work/screens" 2>&1
check "safejob --office, the server stopped: the result, and that the shared log cannot be reached" \
  sh -c "grep -q 'HIGH RISK' '$work/screens' \
         && grep -q 'The shared office log cannot be reached, so earlier results are only those' '$work/screens'"
check "saved, the form says on this desk, to be sent" \
  grep -q 'The last screening was saved on this desk; it will be sent to the shared' "$work/screens"
check "2 wait on the desk" test "$(sqlite3 "$work/desk-a.db" 'SELECT count(*) FROM offer')" = 2
# The form's notice is in the language staff pick (Nepali, second on the
# picker), not in the one the program started in.
printf '%s\n' 'size 24 80' 'key Enter' 'key 2' 'dump form' >"$work/office-ne.script"
SAFEJOB_SCRIPT=$work/office-ne.script desk --office --config "$work/desk-a.conf" \
  --content-db "$FIXTURE_DB" --input-guard=0 >"$work/screens-ne" 2>&1
notice=$(TEXTDOMAINDIR=$SAFEJOB_LOCALEDIR LANGUAGE=ne LC_ALL=C.UTF-8 gettext safejob \
  "The shared office log cannot be reached: screenings are kept on this desk and sent when it can be. (%s)" \
  | cut -d' ' -f1-3)
check "the form says the shared log cannot be reached in the staff's language (ne: $notice)" \
  sh -c "test -n '$notice' && grep -q -F '$notice' '$work/screens-ne' \
         && ! grep -q 'The shared office log cannot be reached' '$work/screens-ne'"

# The desk's outbox as it was before the screenings were sent: as if the
# desk had stopped after the server committed them, before clearing them.
sqlite3 "$work/desk-a.db" ".backup '$work/before-send.db'"
pg_start_server
desk office-db >"$work/out.txt" 2>&1; status=$?
check "the server back, office-db sends them: 0 waiting, exit 0" \
  sh -c "test $status -eq 0 && grep -q 'waiting on this desk to be sent: 0' '$work/out.txt'"
check "the server has them" \
  test "$(on_server "WHERE agency IN ('Replay Agency', 'Kiosk While Down')")" = 2
rm -f "$work/desk-a.db-wal" "$work/desk-a.db-shm"
cp "$work/before-send.db" "$work/desk-a.db"
desk office-db >"$work/out.txt" 2>&1; status=$?
check "sent again from an outbox that still held them, they are accepted (exit 0, 0 waiting)" \
  sh -c "test $status -eq 0 && grep -q 'waiting on this desk to be sent: 0' '$work/out.txt'"
check "and the server keeps each once" \
  test "$(on_server "WHERE agency = 'Replay Agency'"):$(on_server "WHERE agency = 'Kiosk While Down'")" = 1:1
done_testing
