#!/bin/sh
# test-office-pg.sh -- the shared office log (issue 22) on a real
# PostgreSQL server of the test's own (tests/pg-server.sh): the owner makes
# the tables (safejob office-db --migrate) and grants a desk's role what it
# needs, no more; two desks, each with its settings file and its own
# outbox (two machines' local states), flag each other's agencies, licences
# and employers however written; safejob offers lists every desk's
# screenings; retention forgets on the server too; a server without the
# tables, of a newer version, or a wrong password is said in words while
# the screening is kept on the desk and sent later; a connection string
# that is no connection string is refused; the password never shows; and
# a desk whose log is a file never loads libpq.
. "$srcdir/tests/tap.sh"
. "$srcdir/tests/pg-server.sh"
has () { grep -q -F -- "$2" "$1"; }   # has FILE TEXT

pg_role desk
# Each desk: a settings file naming the server and its own outbox.
for d in a b; do
  printf 'office-db = %s\noffice-outbox = %s\n' "$server" "$work/desk-$d.db" >"$work/desk-$d.conf"
done
# desk D ARGS...: safejob at desk D (its settings; the tests' own office
# log in the environment would come first).
desk () {
  d=$1; shift
  SAFEJOB_CONFIG=$work/desk-$d.conf SAFEJOB_OFFICE_DB= "$SAFEJOB" "$@"
}
# screen D ANSWERS: desk D screens and logs an offer; output in $work/out
# and $work/err, the exit status in $status.
screen () {
  printf '%s\n' "$2" | desk "$1" screen --log --content-db "$FIXTURE_DB" >"$work/out" 2>"$work/err"
  status=$?
}
outbox () { sqlite3 "$work/desk-$1.db" 'SELECT count(*) FROM offer'; }
on_server () { pg_sql owner "SELECT count(*) FROM safejob.offer $1"; }

# Before the owner made the tables: the result all the same, the reason
# in words, the screening kept on the desk.
screen a 'route = overland
offer.agency = Golden Jobs Ltd.
offer.licence = AB-123'
check "with no office log on the server yet, a desk still gets its result (high)" \
  sh -c "test $status -eq 2 && grep -q 'HIGH RISK' '$work/out'"
check "and is told the owner must make it (safejob office-db --migrate)" \
  has "$work/err" "there is no office log there yet; the database's owner makes it with 'safejob office-db --migrate'"
check "and that the screening is kept on this desk" has "$work/err" "the screening is kept on this desk"
check "it is in the desk's outbox" test "$(outbox a)" = 1

desk a office-db --migrate --grant=desk "host=$pg_host dbname=office user=owner" >"$work/out" 2>&1
status=$?
check "the owner makes the tables and grants the desk's role (office-db --migrate --grant)" \
  sh -c "test $status -eq 0 && grep -q 'made the office log (version 1); the role .desk. may use it' '$work/out'"
desk a office-db --migrate "host=$pg_host dbname=office user=owner" >"$work/out" 2>&1
check "run again, it changes nothing" has "$work/out" "the office log is of version 1 already"
check "the desk's role has SELECT, INSERT and DELETE on the screenings and SELECT on the version, nothing more" \
  test "$(pg_sql owner "SELECT string_agg (table_name || ':' || privilege_type, ' '
                          ORDER BY table_name, privilege_type)
                        FROM information_schema.role_table_grants WHERE grantee = 'desk'")" \
       = "offer:DELETE offer:INSERT offer:SELECT schema_version:SELECT"
PGPASSFILE=$work/pgpass pg_sql desk "UPDATE safejob.offer SET level = 'low'" >"$work/out" 2>&1
check "it cannot change a screening" has "$work/out" "permission denied"
PGPASSFILE=$work/pgpass pg_sql desk "CREATE TABLE safejob.x (y int)" >"$work/out" 2>&1
check "nor make tables" has "$work/out" "permission denied"

desk a office-db >"$work/out" 2>&1; status=$?
check "the desk's waiting screening is sent when it next opens the log (office-db: 0 waiting)" \
  sh -c "test $status -eq 0 && grep -q 'waiting on this desk to be sent: 0' '$work/out' \
         && test \"\$(sqlite3 '$work/desk-a.db' 'SELECT count(*) FROM offer')\" = 0"
check "the server has it once" test "$(on_server "WHERE agency = 'Golden Jobs Ltd.'")" = 1

# Two desks flag each other's names, however written.
screen b 'route = direct
visa = work
offer.agency = GOLDEN  job'
check "desk B flags desk A's agency written otherwise ('GOLDEN  job')" \
  has "$work/out" 'Agency "Golden Jobs Ltd." had a high-risk result on'
check "without a word of trouble" sh -c "! test -s '$work/err'"
check "a flag does not change this offer's level (low)" test $status -eq 0
screen b 'route = overland
offer.employer = Lee & Sons Pvt Ltd'
screen a 'route = direct
visa = work
offer.licence = ab 123
offer.employer = LEE SONS'
check "desk A flags desk B's employer ('LEE SONS' for 'Lee & Sons Pvt Ltd')" \
  has "$work/out" 'Employer "Lee & Sons Pvt Ltd" had a high-risk result on'
check "and its own licence, written 'ab 123'" has "$work/out" 'Licence number "AB-123" had a high-risk result on'
screen b 'route = direct
visa = work
offer.agency = Goldenrod Jobs'
check "another agency is not flagged" sh -c "! grep -q 'had a high-risk result' '$work/out'"

# The kiosk's office mode (safejob --office) at desk A, with no terminal:
# the offer typed, the checklist answered high, saved; desk B flags it.
printf '%s\n' 'size 24 80' 'key Enter' 'key Enter' 'type "Kiosk Desk Agency"' \
  'tap "Continue to the checklist"' 'key 2' 'key 1' 'key 1' 'dump result' \
  'tap "Save to the office log and start again"' 'key Enter' 'key Enter' 'dump form' \
  >"$work/office.script"
SAFEJOB_SCRIPT=$work/office.script desk a --office --config "$work/desk-a.conf" \
  --content-db "$FIXTURE_DB" --input-guard=0 >"$work/screens" 2>&1
check "safejob --office at desk A saves to the server: 'The last screening was saved.'" \
  sh -c "grep -q 'HIGH RISK' '$work/screens' && grep -q 'The last screening was saved.' '$work/screens' \
         && ! grep -q 'cannot be reached' '$work/screens'"
screen b 'route = direct
visa = work
offer.agency = KIOSK desk-agency'
check "and desk B flags that agency" has "$work/out" 'Agency "Kiosk Desk Agency" had a high-risk result on'

check "nothing waits on either desk" test "$(outbox a)$(outbox b)" = 00
check "the server holds the seven screenings" test "$(on_server)" = 7
check "each with a day and no time (a date column)" \
  test "$(pg_sql owner "SELECT data_type FROM information_schema.columns
                        WHERE table_name = 'offer' AND column_name = 'day'")" = date

desk b offers --csv >"$work/csv" 2>"$work/err"; status=$?
check "safejob offers --csv at desk B exports both desks' screenings" \
  sh -c "test $status -eq 0 && test \$(wc -l <'$work/csv') -eq 8 && grep -q '^day,agency,licence' '$work/csv' \
         && grep -q 'Golden Jobs Ltd.,AB-123' '$work/csv' && grep -q 'Lee & Sons Pvt Ltd' '$work/csv'"
desk a offers >"$work/out" 2>&1
check "safejob offers lists them, oldest first" \
  sh -c "head -n 1 '$work/out' | grep -q 'high *[0-9]*  Golden Jobs Ltd. (AB-123)' && test \$(wc -l <'$work/out') -eq 7"

# Retention: the settings' days apply to the server's rows too.
pg_sql owner "INSERT INTO safejob.offer (id, day, agency, agency_key, licence, licence_key,
                employer, employer_key, title, country, offer_date, level, score, signs,
                content_version)
              VALUES (gen_random_uuid (), current_date - 400, 'Ancient Agency', 'ancientagency',
                '', '', '', '', '', '', '', 'high', 100, '', 'test')"
screen b 'route = overland
offer.agency = Ancient Agency'
check "a server's screening older than office-keep-days (365) is forgotten" \
  sh -c "! grep -q 'had a high-risk result' '$work/out' \
         && test '$(on_server "WHERE agency = 'Ancient Agency'")' = 1"
printf 'office-keep-days = 1\n' >>"$work/desk-b.conf"
pg_sql owner "UPDATE safejob.offer SET day = current_date - 2 WHERE agency = 'Golden Jobs Ltd.'"
desk b office-db >/dev/null 2>&1
check "and with office-keep-days = 1, a screening two days old is forgotten on the server" \
  test "$(on_server "WHERE agency = 'Golden Jobs Ltd.'")" = 0

# A server of a newer version: said, and the screening waits.
pg_sql owner "UPDATE safejob.schema_version SET version = 99"
screen a 'route = overland
offer.agency = Version Test Agency'
check "an office log of a newer version is refused in words, and the result still shown" \
  sh -c "test $status -eq 2 && grep -q 'of version 99, made by a newer safejob, and this program uses version 1: update safejob on this desk' '$work/err'"
check "the screening waits on the desk" test "$(outbox a)" = 1
pg_sql owner "UPDATE safejob.schema_version SET version = 1"
desk a office-db >/dev/null 2>&1
check "and is sent once the server is of this version" \
  test "$(outbox a):$(on_server "WHERE agency = 'Version Test Agency'")" = 0:1

# A wrong password: the reason, the screening kept, the password nowhere.
printf 'office-db = host=%s dbname=office user=desk password=not-the-secret\noffice-outbox = %s\n' \
  "$pg_host" "$work/desk-c.db" >"$work/desk-c.conf"
screen c 'route = overland
offer.agency = Wrong Password Agency'
check "a wrong password is said in words, with the result" \
  sh -c "test $status -eq 2 && grep -q 'password authentication failed for user \"desk\"' '$work/err'"
check "the screening is kept on that desk" test "$(outbox c)" = 1
check "no message shows the password" sh -c "! grep -q 'not-the-secret' '$work/err' '$work/out'"
check "messages name the server (host, database, user)" \
  grep -q "PostgreSQL (.*host=$pg_host.*dbname=office\|PostgreSQL (.*dbname=office.*host=$pg_host" "$work/err"
desk c office-db >"$work/out" 2>"$work/err"; status=$?
check "office-db at that desk says it cannot reach the log and one screening waits (exit 1)" \
  sh -c "test $status -eq 1 && grep -q 'waiting on this desk to be sent: 1' '$work/out' \
         && grep -q 'password authentication failed' '$work/err'"

# A connection string that is none: refused before anything, as a file
# that cannot be opened is.
printf 'route = overland\n' | SAFEJOB_CONFIG=$work/desk-a.conf "$SAFEJOB" screen --log \
  --content-db "$FIXTURE_DB" --office-db "host=$pg_host dbname=office bogus=1" >"$work/out" 2>&1
status=$?
check "a connection string with an unknown word is refused in words (exit 3)" \
  sh -c "test $status -eq 3 && grep -q 'not a valid PostgreSQL connection string: invalid connection option \"bogus\"' '$work/out'"
printf 'route = overland\n' | SAFEJOB_CONFIG=$work/desk-a.conf "$SAFEJOB" screen --log \
  --content-db "$FIXTURE_DB" --office-db "postgresql://desk@[oops/office" >"$work/out" 2>&1
status=$?
check "so is a broken URI" sh -c "test $status -eq 3 && grep -q 'not a valid PostgreSQL connection string' '$work/out'"

# libpq is loaded for a server only: a desk whose log is a file does not
# map it (nor the libraries it brings).
printf 'route = overland\noffer.agency = File Desk\n' \
  | LD_DEBUG=files "$SAFEJOB" screen --log --content-db "$FIXTURE_DB" \
      --office-db "$work/file-desk.db" >/dev/null 2>"$work/ld"
check "a desk whose log is a file never loads libpq" \
  sh -c "grep -q 'file=' '$work/ld' && ! grep -q 'libpq' '$work/ld'"
printf 'route = overland\noffer.agency = Server Desk\n' \
  | LD_DEBUG=files desk a screen --log --content-db "$FIXTURE_DB" >/dev/null 2>"$work/ld"
check "one whose log is on a server does" grep -q 'file=libpq.so.5' "$work/ld"
done_testing
