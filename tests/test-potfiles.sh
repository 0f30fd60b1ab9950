#!/bin/sh
# test-potfiles.sh -- every source file with translatable strings is listed
# in po/POTFILES.in, and every listed file exists.
n=0 failed=0
for file in $(cd "$srcdir" && grep -l -E '\bN?_ ?\("' src/*/*.c); do
  n=$((n + 1))
  if grep -qx "$file" "$srcdir/po/POTFILES.in"; then
    echo "ok $n - $file is in po/POTFILES.in"
  else
    echo "not ok $n - $file has translatable strings but is not in po/POTFILES.in"
    failed=$((failed + 1))
  fi
done
for file in $(grep -v '^#' "$srcdir/po/POTFILES.in"); do
  n=$((n + 1))
  if test -f "$srcdir/$file"; then echo "ok $n - $file exists"
  else echo "not ok $n - po/POTFILES.in lists $file, which does not exist"; failed=$((failed + 1)); fi
done
for po in "$srcdir"/po/*.po; do
  n=$((n + 1))
  if msgfmt -c -o /dev/null "$po" 2>/dev/null; then echo "ok $n - msgfmt -c accepts ${po##*/}"
  else echo "not ok $n - msgfmt -c rejects ${po##*/}"; failed=$((failed + 1)); fi
done
echo "1..$n"
test $failed -eq 0
