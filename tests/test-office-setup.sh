#!/bin/sh
# test-office-setup.sh -- office staff who are not root share the office
# log: kiosk/office-setup makes the group, gives it the log's directory
# (setgid) and adds the staff, with the commands that change users and
# groups replaced by stubs; and the program makes a new log readable and
# writable by its group alone, whatever the umask.
. "$srcdir/tests/tap.sh"
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
root=$tmp/root stubs=$tmp/stubs log=$tmp/log
mkdir -p "$root" "$stubs"
printf 'root:x:0:\nusers:x:100:\n' >"$tmp/group"
printf 'root:x:0:0::/root:/bin/sh\nasha:x:1000:100::/home/asha:/bin/sh\n' >"$tmp/passwd"
stub () { printf '#!/bin/sh\n%s\n' "$2" >"$stubs/$1"; chmod +x "$stubs/$1"; }
stub id 'echo 0'
stub getent 'grep -q "^$2:" "'"$tmp"'/$1"'
stub groupadd 'echo "groupadd $*" >>"'"$log"'"; echo "$2:x:998:" >>"'"$tmp"'/group"'
stub groupdel 'echo "groupdel $*" >>"'"$log"'"; sed -i "/^$1:/d" "'"$tmp"'/group"'
stub usermod 'echo "usermod $*" >>"'"$log"'"'
stub chown 'echo "chown $*" >>"'"$log"'"'
office_setup () {
  SETUP_ROOT=$root PATH=$stubs:$PATH sh "$srcdir/kiosk/office-setup" "$@" >"$tmp/out" 2>&1
}
dir=$root/usr/local/var/lib/safejob/office

office_setup; status=$?
check "with no staff named it says whom to name, and changes nothing" \
  sh -c "test $status -ne 0 && grep -q 'name the staff' '$tmp/out' && test ! -s '$log'"
office_setup nobody-here; status=$?
check "an unknown user is refused" sh -c "test $status -ne 0 && grep -q \"no user 'nobody-here'\" '$tmp/out'"

office_setup asha; status=$?
check "it finishes" test $status -eq 0
check "it makes the group safejob-office" grep -q '^groupadd --system safejob-office$' "$log"
check "the log's directory belongs to the group" grep -q "^chown -h root:safejob-office $dir\$" "$log"
check "and is setgid, for the group only (2770)" test "$(stat -c %a "$dir")" = 2770
check "the staff member is added to the group" grep -q '^usermod --append --groups safejob-office asha$' "$log"

# The program: a log it makes is 0660 under a umask of 022, so that the
# next member of the group can write it.
(umask 022 && "$SAFEJOB" screen --log --office-db "$dir/offers.db" "$srcdir/tests/same-result.answers") \
  >/dev/null 2>&1
check "a new office log is readable and writable by its group (0660), whatever the umask" \
  test "$(stat -c %a "$dir/offers.db" 2>/dev/null)" = 660
mkdir -p "$tmp/desk"
(umask 022 && "$SAFEJOB" screen --log --office-db "$tmp/desk/offers.db" "$srcdir/tests/same-result.answers") \
  >/dev/null 2>&1
check "elsewhere (no shared, setgid directory) it is its owner's alone (0600)" \
  test "$(stat -c %a "$tmp/desk/offers.db" 2>/dev/null)" = 600

: >"$log"
office_setup asha
check "run again, it makes no second group" sh -c "! grep -q groupadd '$log'"
check "and gives an existing log to the group too" grep -q "^chown -h root:safejob-office $dir/offers.db\$" "$log"

# A member of the group can write in the directory: a link left there
# (to /etc/shadow, say) must not lead root's chown and chmod to it, and a
# directory shared with other files is not the office log's to give away.
ln -s "$tmp/passwd" "$dir/offers.db-wal"
: >"$log"
office_setup asha; status=$?
check "a link among the log's files is refused, and nothing is given to the group" \
  sh -c "test $status -ne 0 && grep -q 'not a plain file' '$tmp/out' && ! grep -q 'safejob-office' '$log'"
check "and the directory is left to root alone meanwhile (0750)" test "$(stat -c %a "$dir")" = 750
rm "$dir/offers.db-wal"
: >"$root/usr/local/var/lib/safejob/stats.db"
office_setup --office-db /usr/local/var/lib/safejob/offers.db asha; status=$?
check "a directory that holds more than the log is refused" \
  sh -c "test $status -ne 0 && grep -q 'holds more than the office log (office)' '$tmp/out'"
office_setup --office-db /offers.db asha; status=$?
check "and so is /" sh -c "test $status -ne 0 && grep -q 'not /' '$tmp/out'"
office_setup asha

office_setup --remove; status=$?
check "--remove gives the directory back to root (0755)" \
  sh -c "test $status -eq 0 && test \"\$(stat -c %a '$dir')\" = 755 && grep -q '^chown -h root:root $dir\$' '$log'"
check "keeps the log, for root alone (0600)" test "$(stat -c %a "$dir/offers.db")" = 600
check "and removes the group it made" grep -q '^groupdel safejob-office$' "$log"
done_testing
