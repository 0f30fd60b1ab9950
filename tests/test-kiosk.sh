#!/bin/sh
# test-kiosk.sh -- the deployment in kiosk/ (issue 8) and the settings
# file's command-line checks: the unit passes systemd-analyze verify, the
# shipped settings are valid, a bad file gets one file:line error a
# mistake, and a PIN hash made by --hash-pin is accepted.
. "$srcdir/tests/tap.sh"
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT

check "kiosk/setup is valid shell" sh -n "$srcdir/kiosk/setup"
# The shipped example is valid but for the staff PIN, which every kiosk
# sets itself: --check-config asks for it, and accepts the file with one.
"$SAFEJOB" --check-config="$srcdir/kiosk/kiosk.conf.example" >"$tmp/out" 2>&1
status=$?
check "the shipped example settings lack only a staff PIN" \
  sh -c "test $status -eq 1 && test \$(wc -l <'$tmp/out') -eq 1 && grep -q \"kiosk mode is on but there is no 'staff-pin'\" '$tmp/out'"
{ cat "$srcdir/kiosk/kiosk.conf.example"; grep '^staff-pin' "$srcdir/tests/staff.conf"; } >"$tmp/example.conf"
check "the shipped example settings with a PIN are valid" "$SAFEJOB" --check-config="$tmp/example.conf"

"$SAFEJOB" --check-config="$srcdir/tests/bad.conf" >"$tmp/out" 2>&1
status=$?
check "a bad settings file fails the check" test "$status" -eq 1
for expected in \
  "bad.conf:2: 'idle' takes a number of seconds from 0 to 86400" \
  "bad.conf:3: 'theme' takes default, contrast or mono" \
  "bad.conf:4: 'staff-pin' holds a PIN in the clear" \
  "bad.conf:5: 'colour' is not a setting" \
  "bad.conf:7: 'languages' is set twice (first on line 6)" \
  "bad.conf:8: expected 'name = value'"; do
  check "--check-config says: $expected" grep -qF "$expected" "$tmp/out"
done
check "one line a mistake, nothing more" test "$(wc -l <"$tmp/out")" -eq 6
"$SAFEJOB" --check-config=/nonexistent/kiosk.conf >"$tmp/out" 2>&1
status=$?
check "a missing settings file that was named is an error" \
  sh -c "test $status -eq 1 && grep -q '^/nonexistent/kiosk.conf: cannot read the settings' '$tmp/out'"

# --check-config checks what would put the kiosk out of service, past the
# syntax (issue 18); each problem is one line naming the file.
SAFEJOB_CONFIG=$tmp/absent.conf "$SAFEJOB" --check-config >"$tmp/out" 2>&1
status=$?
check "--check-config without a file: the default one must exist" \
  sh -c "test $status -eq 1 && grep -q '^$tmp/absent.conf: cannot read the settings' '$tmp/out'"
pin=$(grep '^staff-pin' "$srcdir/tests/staff.conf")
config_problem () {   # config_problem DESCRIPTION MESSAGE SETTINGS-LINE...
  desc=$1 message=$2; shift 2
  printf '%s\n' "$@" >"$tmp/problem.conf"
  "$SAFEJOB" --check-config="$tmp/problem.conf" >"$tmp/out" 2>&1
  status=$?
  check "--check-config: $desc" \
    sh -c "test $status -eq 1 && test \$(wc -l <'$tmp/out') -eq 1 && grep -qF \"$tmp/problem.conf: $message\" '$tmp/out'"
}
config_problem "a content database that does not load" "the kiosk would be out of service: " \
  "content-db = $tmp/none.db"
config_problem "a nationality the content lacks" "'nationality' XX is not a country of" \
  "nationality = XX"
config_problem "a destination that is only a country of origin" \
  "'destination' NP is a country of $SAFEJOB_CONTENT_DB, but not one offered as a destination" \
  "destination = NP"
config_problem "a printer that cannot be written to" \
  "the printer cannot be written to: $tmp/lp0: No such file or directory" "printer = $tmp/lp0"
config_problem "kiosk mode without a staff PIN" "kiosk mode is on but there is no 'staff-pin'" \
  "kiosk-mode = yes"
printf '%s\n' "kiosk-mode = yes" "$pin" "nationality = NP" "destination = TH" \
  "printer = $tmp/lp0" >"$tmp/good.conf"
: >"$tmp/lp0"
check "--check-config accepts settings a kiosk can serve people with" \
  "$SAFEJOB" --check-config="$tmp/good.conf"

# safejob --self-test: the start-up checks from a shell, as text and JSON,
# with the exit status of whether the kiosk could serve people.
"$SAFEJOB" --self-test --config="$tmp/good.conf" >"$tmp/out" 2>&1
status=$?
check "--self-test passes on good settings" test "$status" -eq 0
check "--self-test names each check" sh -c \
  "grep -q '^ok *Settings: ' '$tmp/out' && grep -q '^ok *Content database: ' '$tmp/out' \
   && grep -q '^ok *Printer: ' '$tmp/out' && grep -q 'Usage figures: ' '$tmp/out'"
"$SAFEJOB" --self-test=json --config="$tmp/good.conf" >"$tmp/out.json"
check "--self-test=json gives one object, passed" sh -c "test -s '$tmp/out.json' && \
  jq -e '.passed == true and (.checks | map(.name)) == [\"settings\",\"content\",\"printer\",\"stats\"]' '$tmp/out.json'"
"$SAFEJOB" --self-test=json --config="$tmp/good.conf" --content-db="$tmp/none.db" >"$tmp/out.json"
status=$?
check "--self-test fails, in its status and its JSON, without the content" \
  sh -c "test $status -eq 1 && test -s '$tmp/out.json' \
    && jq -e '.passed == false and (.checks[1] | .ok == false and .needed == true)' '$tmp/out.json'"
"$SAFEJOB" --self-test=xml >"$tmp/out" 2>&1
status=$?
check "--self-test takes text or json only" sh -c "test $status -eq 1 && grep -q \"takes 'text' or 'json'\" '$tmp/out'"

# The staff PIN: hashed, never stored as typed.
printf '24681357\n' | "$SAFEJOB" --hash-pin >"$tmp/pin"
check "--hash-pin prints a settings line with a yescrypt hash of cost 8" \
  grep -q '^staff-pin = \$y\$jCT\$' "$tmp/pin"
check "the PIN itself is not in it" sh -c "! grep -q 24681357 '$tmp/pin'"
{ echo 'kiosk-mode = yes'; cat "$tmp/pin"; } >"$tmp/kiosk.conf"
"$SAFEJOB" --check-config="$tmp/kiosk.conf" >"$tmp/out" 2>&1
status=$?
check "the settings accept the line, with no warning" \
  sh -c "test $status -eq 0 && ! grep -q warning '$tmp/out'"
printf '2468\n' | "$SAFEJOB" --hash-pin >"$tmp/short" 2>&1
status=$?
check "--hash-pin refuses a new PIN of 4 digits" \
  sh -c "test $status -eq 1 && grep -q 'a staff PIN has 8 to 12 digits' '$tmp/short'"
# A PIN set by an older version (cost 5, maybe 4 digits) still works, and
# the operator is told to set it again.
"$SAFEJOB" --check-config="$srcdir/tests/staff.conf" >"$tmp/out" 2>&1
status=$?
check "an older PIN hash is valid, with a warning to set it again" \
  sh -c "test $status -eq 0 && grep -q 'warning: the staff PIN was set by an older version' '$tmp/out'"

# The unit. Programs this machine lacks (cage, mlterm, an installed
# safejob) are replaced by /bin/true for the check, which then covers the
# unit's syntax, directives and dependencies.
if command -v systemd-analyze >/dev/null; then
  sed -e "s|@bindir@|/usr/local/bin|g" -e "s|@docdir@|/usr/share/doc/safejob|g" \
    "$srcdir/kiosk/safejob-kiosk.service.in" >"$tmp/unit"
  for program in /usr/bin/cage /usr/bin/mlterm /usr/local/bin/safejob; do
    test -x "$program" || sed -i "s|$program|/bin/true|" "$tmp/unit"
  done
  cp "$tmp/unit" "$tmp/safejob-kiosk.service"
  check "systemd-analyze verify accepts the unit" \
    sh -c "cd '$tmp' && systemd-analyze verify --man=no ./safejob-kiosk.service 2>&1 | tee '$tmp/verify' >&2; test ! -s '$tmp/verify'"
  check "the unit restarts the kiosk after an exit or a crash" grep -q '^Restart=always' "$tmp/unit"
  check "the unit runs the kiosk as the kiosk user, in kiosk mode" \
    sh -c "grep -q '^User=kiosk' '$tmp/unit' && grep -q -- '--kiosk' '$tmp/unit'"
  # The daily push of the usage figures, its service and its timer.
  sed -e "s|@bindir@|/usr/local/bin|g" -e "s|@docdir@|/usr/share/doc/safejob|g" \
    "$srcdir/kiosk/safejob-stats-push.service.in" >"$tmp/safejob-stats-push.service"
  test -x /usr/local/bin/safejob || sed -i "s|/usr/local/bin/safejob|/bin/true|" "$tmp/safejob-stats-push.service"
  cp "$srcdir/kiosk/safejob-stats-push.timer" "$tmp/"
  check "systemd-analyze verify accepts the push's service and timer" \
    sh -c "cd '$tmp' && systemd-analyze verify --man=no ./safejob-stats-push.service ./safejob-stats-push.timer 2>&1 | tee '$tmp/verify' >&2; test ! -s '$tmp/verify'"
else
  echo "ok $((n = n + 1)) # SKIP systemd-analyze is not installed"
fi
done_testing
