#!/bin/sh
# test-language-added.sh -- a translator adds a language with its catalogue
# and a line in po/LINGUAS, nothing else (issue 21): the build lists it in
# languages.stats, and the program names it in its own script and in
# English from CLDR's data, offers it on the picker and speaks it. Tamil
# (tests/languages/ta.po) is not in the program's table.
. "$srcdir/tests/tap.sh"
work=$(mktemp -d "${TMPDIR:-/tmp}/safejob-language.XXXXXX") || exit 1
trap 'rm -rf "$work"' EXIT

# The build's catalogues and list, and Tamil's, as make install would add them.
cp -r "$abs_top_builddir/tests/locale" "$work/locale"
mkdir -p "$work/locale/ta/LC_MESSAGES"
msgfmt -o "$work/locale/ta/LC_MESSAGES/safejob.mo" "$srcdir/tests/languages/ta.po" || exit 1
cp "$abs_top_builddir/languages.stats" "$work/stats"
echo "ta 2 0 737 draft" >>"$work/stats"
SAFEJOB_LOCALEDIR=$work/locale SAFEJOB_LANGUAGES_STATS=$work/stats
export SAFEJOB_LOCALEDIR SAFEJOB_LANGUAGES_STATS

"$SAFEJOB" --languages >"$work/out" 2>&1
check "--languages lists Tamil, named in its own script and in English, as a draft with no voice" \
  grep -q '^ta  *தமிழ் (Tamil)  *0%  *draft  *none$' "$work/out"
check "and still every language of the table, then it" \
  test "$(sed 1d "$work/out" | wc -l)" -eq "$(($(sed -e 's/#.*//' "$srcdir/po/LINGUAS" | wc -w) + 2))"

# The picker: Tamil after the table's languages; highlighted, the title is
# in Tamil; chosen, the session's screens come from its catalogue.
printf 'size 24 80\nkey Enter\nkey Down 30\ndump\nkey Enter\ndump\n' >"$work/walk"
SAFEJOB_SCRIPT=$work/walk "$SAFEJOB" --input-guard=0 >"$work/screens" 2>"$work/errors"
check "the picker offers it: தமிழ்   Tamil" grep -q '▶ *தமிழ்   Tamil' "$work/screens"
check "highlighted, the picker asks in Tamil" grep -q 'உங்கள் மொழியைத் தேர்ந்தெடுக்கவும்' "$work/screens"
check "chosen, the question's title is in Tamil" grep -q '^ வேலை வாய்ப்பைச் சரிபார்க்கவும்' "$work/screens"

# The settings can name it, and put it first.
printf 'languages = ta en\n' >"$work/kiosk.conf"
"$SAFEJOB" --check-config="$work/kiosk.conf" >"$work/out" 2>&1
check "the settings can offer it (languages = ta en)" grep -q 'the settings are valid' "$work/out"
printf 'size 24 80\nkey Enter\ndump\n' >"$work/walk"
SAFEJOB_SCRIPT=$work/walk "$SAFEJOB" --config="$work/kiosk.conf" --input-guard=0 >"$work/screens" 2>&1
check "and the picker then starts with it" grep -q '▶ 1  தமிழ்   Tamil' "$work/screens"
done_testing
