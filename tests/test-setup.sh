#!/bin/sh
# test-setup.sh -- kiosk/setup without touching this machine: every file
# under SETUP_ROOT, the build skipped, and the commands that change users,
# groups and systemd replaced by stubs that keep a log and a passwd and
# group file of their own. Checks that setup makes the groups a machine
# without udev lacks and says so, and that --remove undoes what setup did
# but the settings and the usage figures, which --purge deletes too.
. "$srcdir/tests/tap.sh"
tmp=$(mktemp -d) || exit 1
trap '[ -n "$KEEP" ] || rm -rf "$tmp"' EXIT
root=$tmp/root stubs=$tmp/stubs log=$tmp/log
mkdir -p "$root/usr/local/bin" "$root/etc/systemd/system" "$root/etc/sysctl.d" "$stubs"
ln -s "$SAFEJOB" "$root/usr/local/bin/safejob"
# This machine's groups: video, input, lp and audio, but no render (as in
# a container without udev).
printf 'root:x:0:\nvideo:x:44:\ninput:x:105:\nlp:x:7:\naudio:x:29:\n' >"$tmp/group"
printf 'root:x:0:0::/root:/bin/sh\n' >"$tmp/passwd"

stub () { printf '#!/bin/sh\n%s\n' "$2" >"$stubs/$1"; chmod +x "$stubs/$1"; }
stub id 'echo 0'
stub getent 'grep -q "^$2:" "'"$tmp"'/$1"'
stub groupadd 'echo "groupadd $*" >>"'"$log"'"; echo "$2:x:999:" >>"'"$tmp"'/group"'
stub groupdel 'echo "groupdel $*" >>"'"$log"'"; sed -i "/^$1:/d" "'"$tmp"'/group"'
stub useradd 'echo "useradd $*" >>"'"$log"'"; echo "kiosk:x:998:998::/var/lib/safejob-kiosk:/usr/sbin/nologin" >>"'"$tmp"'/passwd"'
stub userdel 'echo "userdel $*" >>"'"$log"'"; sed -i "/^$1:/d" "'"$tmp"'/passwd"'
stub usermod 'echo "usermod $*" >>"'"$log"'"'
stub chown 'echo "chown $*" >>"'"$log"'"'
stub sysctl 'echo "sysctl $*" >>"'"$log"'"'
stub systemctl 'echo "systemctl $*" >>"'"$log"'"; [ "$1" = get-default ] && echo multi-user.target; exit 0'
# install as root would, without the owner (the kiosk user is not real).
stub install 'a=; while [ $# -gt 0 ]; do case $1 in -o|-g) shift 2 ;; *) a="$a \"$1\""; shift ;; esac; done; eval exec /usr/bin/install $a'

run_setup () {
  SETUP_ROOT=$root SETUP_SKIP_BUILD=1 PATH=$stubs:$PATH sh "$srcdir/kiosk/setup" "$@" >"$tmp/out" 2>&1
}

run_setup
status=$?
check "setup finishes on a machine without the group 'render'" test "$status" -eq 0
check "it makes the missing group" grep -q '^groupadd --system render$' "$log"
check "and says so" grep -q "made the group 'render'" "$tmp/out"
check "it makes no group that exists" sh -c "! grep -q 'groupadd.*video' '$log'"
check "the kiosk user is in video, input, render, lp and audio (the headphones)" \
  grep -q '^usermod --append --groups video,input,render,lp,audio kiosk$' "$log"
for f in etc/systemd/system/safejob-kiosk.service etc/sysctl.d/90-safejob-kiosk.conf \
         etc/systemd/system/safejob-stats-push.service etc/systemd/system/safejob-stats-push.timer \
         etc/systemd/logind.conf.d/90-safejob-kiosk.conf etc/safejob/kiosk.conf \
         var/lib/safejob-kiosk/.mlterm/aafont var/lib/safejob-kiosk/.config/fontconfig/fonts.conf; do
  check "setup writes /$f" test -f "$root/$f"
done
check "it masks Ctrl-Alt-Del" grep -q '^systemctl mask ctrl-alt-del.target$' "$log"
check "the push's unit runs the installed program as the kiosk user" \
  sh -c "grep -q '^ExecStart=/usr/local/bin/safejob stats --push$' '$root/etc/systemd/system/safejob-stats-push.service' \
         && grep -q '^User=kiosk$' '$root/etc/systemd/system/safejob-stats-push.service'"
check "with no stats-server set, the push's timer is not enabled, and setup says how" \
  sh -c "! grep -q 'enable --now safejob-stats-push.timer' '$log' && grep -q 'set kiosk-id and stats-server' '$tmp/out'"

# A second run (an update) keeps the group it made in its record; with
# stats-server set, it enables the push's timer.
echo 'stats-server = host=figures dbname=fleet user=kiosk' >>"$root/etc/safejob/kiosk.conf"
run_setup
check "with stats-server set, setup enables the push's timer" \
  grep -q '^systemctl enable --now safejob-stats-push.timer$' "$log"
check "a second run makes no group again" test "$(grep -c '^groupadd' "$log")" -eq 1

# Usage figures and a PIN the staff set.
echo figures >"$root/var/lib/safejob/stats.db"
echo 'staff-pin = $y$j9T$...' >>"$root/etc/safejob/kiosk.conf"
: >"$log"
run_setup --remove
status=$?
check "setup --remove succeeds" test "$status" -eq 0
check "it stops and disables the unit" grep -q '^systemctl disable --now safejob-kiosk.service$' "$log"
check "and the push's timer" grep -q '^systemctl disable --now safejob-stats-push.timer$' "$log"
for f in etc/systemd/system/safejob-kiosk.service etc/sysctl.d/90-safejob-kiosk.conf \
         etc/systemd/system/safejob-stats-push.service etc/systemd/system/safejob-stats-push.timer \
         etc/systemd/logind.conf.d/90-safejob-kiosk.conf var/lib/safejob-kiosk etc/safejob/setup.state; do
  check "--remove removes /$f" test ! -e "$root/$f"
done
check "it removes the kiosk user" grep -q '^userdel kiosk$' "$log"
check "it removes the group it made, and no other" \
  sh -c "grep -q '^groupdel render$' '$log' && test \$(grep -c '^groupdel' '$log') -eq 1"
check "it unmasks Ctrl-Alt-Del" grep -q '^systemctl unmask ctrl-alt-del.target$' "$log"
check "it sets the default target back" grep -q '^systemctl set-default multi-user.target$' "$log"
check "it keeps the usage figures" grep -q figures "$root/var/lib/safejob/stats.db"
check "it keeps the settings" grep -q staff-pin "$root/etc/safejob/kiosk.conf"
check "it says how to delete them" grep -q -- '--remove --purge' "$tmp/out"

run_setup --remove --purge
status=$?
check "--remove --purge deletes the usage figures and the settings" \
  sh -c "test $status -eq 0 && test ! -e '$root/var/lib/safejob' && test ! -e '$root/etc/safejob'"
run_setup --purge
status=$?
check "--purge without --remove is refused" sh -c "test $status -eq 1 && grep -q 'goes with --remove' '$tmp/out'"
run_setup --frobnicate
status=$?
check "an unknown option is refused" sh -c "test $status -eq 1 && grep -q \"unknown option '--frobnicate'\" '$tmp/out'"
done_testing
