#!/bin/sh
# test-content-translations.sh -- an operator who edits a line of the
# content is told that the line lost its translation, in which languages
# (safejob-content --translations), instead of finding it in English in a
# Nepali session. Reads the build's catalogues ($SAFEJOB_LOCALEDIR).
. "$srcdir/tests/tap.sh"
compiler=${SAFEJOB_CONTENT:?SAFEJOB_CONTENT must name safejob-content}
work=$(mktemp -d "${TMPDIR:-/tmp}/safejob-translations.XXXXXX") || exit 1
trap 'rm -rf "$work"' EXIT
cp -r "$srcdir/content" "$work/content"
chmod -R u+w "$work/content"
languages=$(sed -e 's/#.*//' "$srcdir/po/LINGUAS" | wc -w)

(cd "$work" && "$compiler" --translations content) >"$work/out" 2>&1; status=$?
check "the shipped content: every string has a translation in all $languages catalogues" \
  grep -qx "Every content string has a translation in each of the $languages languages." "$work/out"
check "and the report is all it says (nothing untranslated)" test "$(wc -l <"$work/out")" -eq 1 -a $status -eq 0

# The operator rewrites one country's name.
sed -i 's/^name = Bangladesh$/name = People'"'"'s Republic of Bangladesh/' "$work/content/countries.txt"
line=$(grep -n "^name = People's Republic of Bangladesh$" "$work/content/countries.txt" | cut -d: -f1)
(cd "$work" && "$compiler" --translations --output content.db content) >"$work/out" 2>&1; status=$?
check "the edited line is named, with every language that lost its translation" \
  grep -q "^content/countries.txt:$line: no translation in ne, .*pt_BR: \"People's Republic of Bangladesh\"" "$work/out"
check "each language says how many of its strings a session shows in English" \
  test "$(grep -c '^[a-zA-Z_]*: 1 of [0-9]* content strings have no translation' "$work/out")" -eq "$languages"
check "it is a warning: the database is still written and the exit status is 0" \
  test $status -eq 0 -a -s "$work/content.db"
(cd "$work" && "$compiler" content) >"$work/out" 2>&1
check "without --translations, checking the sources says nothing about catalogues" test ! -s "$work/out"
done_testing
