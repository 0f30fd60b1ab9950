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
# The template is in the repository, for translation platforms that import
# it from there: it must hold exactly the messages (with their comments
# for translators) that the sources have now.
n=$((n + 1))
tmp=${TMPDIR:-/tmp}/safejob-pot.$$
if [ -f "$srcdir/content/strings.pot" ]; then
  # Messages and their comments only: no header, no file:line.
  entries () { msgcat --no-location --no-wrap --sort-output "$1" | awk 'BEGIN { RS = ""; ORS = "\n\n" } !/\n"Project-Id-Version: /'; }
  (cd "$srcdir" && xgettext --from-code=UTF-8 --keyword=_ --keyword=N_ --keyword=C_:1c,2 \
     --add-comments=TRANSLATORS: --files-from=po/POTFILES.in -o "$tmp.new")
  entries "$tmp.new" >"$tmp.a"
  entries "$srcdir/po/safejob.pot" >"$tmp.b"
  if cmp -s "$tmp.a" "$tmp.b"; then
    echo "ok $n - po/safejob.pot holds the messages of the sources as they are"
  else
    echo "not ok $n - po/safejob.pot is not the sources' messages: run 'make update-po' and commit it"
    diff "$tmp.b" "$tmp.a" | head -20 | sed 's/^/# /'
    failed=$((failed + 1))
  fi
  rm -f "$tmp.a" "$tmp.b"
  # The bars and marks every screen has (layout.c) have little room: each
  # of their messages tells translators how much, in its comment.
  msgcat --no-wrap "$tmp.new" | awk 'BEGIN { RS = ""; ORS = "\n\n" } /src\/ui\/layout\.c/' \
    | awk 'BEGIN { RS = ""; FS = "\n" } {
             room = 0; id = ""
             for (i = 1; i <= NF; i++) {
               if ($i ~ /^#\. .*(column|one line)/) room = 1
               if ($i ~ /^msgid /) id = $i
             }
             if (!room) print id
           }' >"$tmp.roomless"
  n=$((n + 1))
  if [ -s "$tmp.roomless" ]; then
    echo "not ok $n - messages of the bars and marks (layout.c) that do not tell translators their room:"
    sed 's/^/#   /' "$tmp.roomless"
    failed=$((failed + 1))
  else
    echo "ok $n - every message of the bars and marks (layout.c) tells translators its room"
  fi
  rm -f "$tmp.new" "$tmp.roomless"
else
  echo "ok $n - # SKIP content/strings.pot is not built yet"
fi
echo "1..$n"
test $failed -eq 0
