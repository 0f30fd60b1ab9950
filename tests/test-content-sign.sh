#!/bin/sh
# test-content-sign.sh -- content for a fleet (issue 22): the office signs a
# compiled content database (safejob-content --keygen, --sign) and a kiosk
# installs it (safejob install-content) only when the signature verifies
# with the office's public key and the database loads; the one in use is
# replaced at once and kept to go back to. A tampered, truncated, unsigned
# or otherwise-signed file is refused and the kiosk keeps the old one.
. "$srcdir/tests/tap.sh"
compiler=${SAFEJOB_CONTENT:?SAFEJOB_CONTENT must name safejob-content}
work=$(mktemp -d "${TMPDIR:-/tmp}/safejob-sign.XXXXXX") || exit 1
trap 'rm -rf "$work"' EXIT
# (srcdir may be relative, "." in a build in the source tree.)
srcdir=$(cd "$srcdir" && pwd) || exit 1
cd "$work" || exit 1

"$compiler" --keygen office >out 2>&1
check "--keygen makes the office's key pair, the secret one for its owner alone (0600)" \
  sh -c "test -s office.key -a -s office.pub && test \"\$(stat -c %a office.key)\" = 600"
"$compiler" --keygen office >out 2>&1; status=$?
check "and never overwrites a key" sh -c "test $status -ne 0 && grep -q 'File exists' out"
"$compiler" --keygen other >/dev/null 2>&1

# The kiosk's content now: the fixture. The new content: the shipped one.
cp "$FIXTURE_DB" kiosk.db
"$compiler" --output new.db --sign office.key "$srcdir/content" >out 2>&1; status=$?
check "--sign writes the database and its signature" test $status -eq 0 -a -s new.db.sig
old_sum=$(md5sum <kiosk.db)

install_content () {
  "$SAFEJOB" install-content --key office.pub --content-db kiosk.db "$@" >out 2>&1
}
# refused DESCRIPTION FILE WHY: installing FILE fails, says WHY, and the
# kiosk's database is untouched.
refused () {
  install_content "$2"; status=$?
  check "$1 is refused, saying so, and the kiosk keeps its content" \
    sh -c "test $status -ne 0 && grep -q '$3' out && test \"\$(md5sum <kiosk.db)\" = '$old_sum' \
           && test ! -e kiosk.db.new"
}
cp new.db tampered.db && cp new.db.sig tampered.db.sig
printf 'X' | dd of=tampered.db bs=1 seek=5000 conv=notrunc 2>/dev/null
refused "a database changed after signing (one byte)" tampered.db "does not match"
head -c 100000 new.db >truncated.db && cp new.db.sig truncated.db.sig
refused "a truncated database" truncated.db "does not match"
cp new.db unsigned.db
refused "an unsigned database" unsigned.db "not signed"
cp new.db other.db && "$compiler" --output other.db --sign other.key "$srcdir/content" >/dev/null 2>&1
refused "a database signed with another key" other.db "does not match"
# A file with a good signature that is no content database: the kiosk's
# own loading refuses it.
printf 'SQLite format 3\0 but nothing else' >junk.db
"$SIGN_FILE" office.key junk.db
refused "a well-signed file that does not load as content" junk.db "kiosk.db.new: not a content database"
"$SAFEJOB" install-content --help >help.out 2>&1
check "install-content --help names the key's place and --rollback" \
  sh -c "grep -q -- '--rollback' help.out && grep -q 'content.pub' help.out"

install_content new.db; status=$?
check "a good one is installed in place of the one in use" \
  sh -c "test $status -eq 0 && cmp -s new.db kiosk.db && grep -q 'installed new.db' out"
check "the one before is kept" sh -c "test \"\$(md5sum <kiosk.db.previous)\" = '$old_sum'"
SAFEJOB_CONTENT_DB=$work/kiosk.db "$SAFEJOB" screen "$srcdir/tests/same-result.answers" >/dev/null 2>&1
status=$?
check "and the kiosk works on it (a screening gives a level)" test $status -le 2
"$SAFEJOB" install-content --content-db kiosk.db --rollback >out 2>&1; status=$?
check "--rollback puts the one before back" \
  sh -c "test $status -eq 0 && test \"\$(md5sum <kiosk.db)\" = '$old_sum'"
done_testing
