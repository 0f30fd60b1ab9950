#!/bin/sh
# test-content-errors.sh -- every kind of broken content source is refused
# with FILE:LINE: MESSAGE and exit status 1, and no database is written.
# Each case copies the valid fixture in tests/content/ and breaks one thing.
. "$srcdir/tests/tap.sh"
compiler=${SAFEJOB_CONTENT:?SAFEJOB_CONTENT must name safejob-content}
fixture=$(cd "$srcdir/tests/content" && pwd) || exit 1
work=$(mktemp -d "${TMPDIR:-/tmp}/safejob-content.XXXXXX") || exit 1
trap 'rm -rf "$work"' EXIT

# expect_error FILE "TEXT TO APPEND" "MESSAGE" [OFFSET]: the message must name
# FILE and the appended line OFFSET (0: the first appended line); in MESSAGE,
# @NEXT@ stands for the line number of the first appended line plus one.
expect_error () {
  file=$1 text=$2 pattern=$3 offset=${4:-0}
  rm -rf "$work/c" && cp -R "$fixture" "$work/c" && chmod -R u+w "$work/c"
  first=$(( $(wc -l < "$work/c/$file") + 1 ))
  printf '%s\n' "$text" >> "$work/c/$file"
  message=$(printf '%s' "$pattern" | sed "s/@NEXT@/$((first + 1))/g")
  want="c/$file:$((first + offset)): $message"
  rm -f "$work/out.db"
  out=$(cd "$work" && "$compiler" --output out.db c 2>&1); status=$?
  n=$((n + 1))
  if [ $status -eq 1 ] && printf '%s\n' "$out" | grep -q -F -- "$want" && [ ! -e "$work/out.db" ]; then
    echo "ok $n - $file: $(printf '%s' "$pattern" | cut -c1-60)"
  else
    echo "not ok $n - $file: expected '$want' and exit 1 (got $status)"
    printf '%s\n' "$out" | sed 's/^/#   /'
    failed=$((failed + 1))
  fi
}

n=$((n + 1))
if out=$(cd "$work" && "$compiler" --output good.db "$fixture" 2>&1) && [ -s "$work/good.db" ]; then
  echo "ok $n - the valid fixture compiles"
else
  echo "not ok $n - the valid fixture does not compile"; printf '%s\n' "$out" | sed 's/^/#   /'
  failed=$((failed + 1))
fi

expect_error checklist.txt '[question extra]
text = A question
source = test
colour = red' "unknown field 'colour' in question 'extra' (known: text, source)" 3
expect_error checklist.txt '[question route]
text = Again
source = test' "duplicate question id 'route' (first at c/checklist.txt:9)"
expect_error checklist.txt '[option nosuch.yes]
text = Yes
weight = 0' "option 'nosuch.yes' belongs to question 'nosuch', which is not defined above it"
expect_error contacts.txt '[contact xx-1]
kind = hotline
country = XX
for = *
name = Nowhere
phone = +44 20 7946 0001
source = test
published = undated
copied = 2026-01-01' "contact 'xx-1' names country 'XX', which countries.txt does not define" 2
expect_error checklist.txt '[question extra]
text = A question
source = test

[option extra.yes]
text = Yes' "option 'extra.yes' has no 'weight'" 4
expect_error contacts.txt '[contact nosource]
kind = hotline
country = TH
for = *
name = No source
phone = 1300 inside TH
published = undated
copied = 2026-01-01' "contact 'nosource' has no 'source'"
expect_error contacts.txt '[contact nodate]
kind = hotline
country = TH
for = *
name = No date
phone = 1300 inside TH
source = test
published = undated' "contact 'nodate' has no 'copied'"
expect_error contacts.txt '[contact nopub]
kind = hotline
country = TH
for = *
name = No source date
phone = 1300 inside TH
source = test
copied = 2026-01-01' "contact 'nopub' has no 'published'"
expect_error contacts.txt '[contact oldfield]
kind = hotline
country = TH
for = *
name = Old field
phone = 1300 inside TH
source = test
published = undated
copied = 2026-01-01
checked = 2026-01-01' "unknown field 'checked' in contact 'oldfield'" 9
for bad in '0800-1000' '(02) 8722-1144' '+0 123 4567 890' '12' '+66 99-' 'call 1300'; do
  expect_error contacts.txt "[contact badphone]
kind = hotline
country = TH
for = *
name = Bad phone
phone = $bad
source = test
published = undated
copied = 2026-01-01" "'phone' of contact 'badphone' is not an international number" 5
done
# Where a number can be dialled from: said for every number that is not in
# international form, and only the contact's own country.
expect_error contacts.txt '[contact local]
kind = hotline
country = TH
for = *
name = Local number
phone = 1300
source = test
published = undated
copied = 2026-01-01' "'phone' of contact 'local' is dialled inside one country only: say which, such as '1300 inside TH'" 5
expect_error contacts.txt '[contact badinside]
kind = hotline
country = TH
for = *
name = Bad inside
phone = 1300 inside Thailand
source = test
published = undated
copied = 2026-01-01' "'phone' of contact 'badinside' must name a country after 'inside'" 5
expect_error contacts.txt '[contact elsewhere]
kind = police
country = TH
for = *
name = Elsewhere
phone = 1177 inside NP
source = test
published = undated
copied = 2026-01-01' "phone '1177' of contact 'elsewhere' works inside 'NP', but the contact is in 'TH' (its 'country')" 5
expect_error contacts.txt '[contact twice]
kind = hotline
country = TH
for = *
name = Twice
phone = +66 99 130 1300
phone = +66-99-130-1300
source = test
published = undated
copied = 2026-01-01' "phone '+66-99-130-1300' is given twice in contact 'twice'" 6
# An embassy serves the people of another country, from abroad too.
expect_error contacts.txt '[contact anyembassy]
kind = embassy
country = TH
for = *
name = Embassy of everyone
phone = +44 20 7946 0002
source = test
published = undated
copied = 2026-01-01' "embassy 'anyembassy' must name in 'for' the country whose people it serves, not '*' or the country it is in ('TH')" 3
expect_error contacts.txt '[contact localembassy]
kind = embassy
country = TH
for = PH
name = Embassy with a local number only
phone = 1234 inside TH
source = test
published = undated
copied = 2026-01-01' "embassy 'localembassy' has no number that can be dialled from another country"
expect_error contacts.txt '[contact kind]
kind = charity
country = TH
for = *
name = Unknown kind
phone = 1300 inside TH
source = test
published = undated
copied = 2026-01-01' "'kind' of contact 'kind' must be 'embassy', 'government', 'hotline', 'police' or 'organisation'" 1
# The source's date: as far as it shows one, and not after it was copied.
expect_error contacts.txt '[contact badpub]
kind = hotline
country = TH
for = *
name = Bad source date
phone = 1300 inside TH
source = test
published = Sep 2018
copied = 2026-01-01' "'published' of contact 'badpub' must be the source's date, written YYYY-MM-DD, YYYY-MM or YYYY, or 'undated'" 7
expect_error contacts.txt '[contact latepub]
kind = hotline
country = TH
for = *
name = Late source date
phone = 1300 inside TH
source = test
published = 2026-05
copied = 2026-01-01' "contact 'latepub': its source's date (2026-05) is after the day it was copied (2026-01-01)" 7
long=$(printf 'word %.0s' $(seq 1 50))
expect_error checklist.txt "[question long]
text = $long
source = test" "'text' of question 'long' is 249 columns long; at most 200 fit the screen" 1
wide=$(printf '中文%.0s' $(seq 1 21))
expect_error countries.txt "[country CN]
name = $wide
role = origin" "'name' of country 'CN' is 84 columns long; at most 40 fit the screen" 1
expect_error checklist.txt 'this line means nothing' "expected 'key = value'"
expect_error checklist.txt '
  an indented line after a blank one' "this indented line continues nothing" 1
expect_error articles.txt '[article ]' "expected a record header"
expect_error articles.txt '[leaflet one]' "unknown record type 'leaflet' in articles.txt (it holds: article, section)"
expect_error checklist.txt "$(printf 'text = caf\351')" "this line is not valid UTF-8"
expect_error checklist.txt '[question w]
text = W?
source = test

[option w.a]
text = A
weight = 150' "'weight' of option 'w.a' must be a whole number from 0 to 100" 6
expect_error checklist.txt '[question w]
text = W?
source = test

[option w.a]
text = A
weight = 10' "option 'w.a' is a warning sign (weight 10): it needs 'why' and 'advice'" 4
expect_error checklist.txt '[question w]
text = W?
source = test
text = Again' "'text' is given twice in question 'w' (first at line @NEXT@)" 3
expect_error checklist.txt '[question lonely]
text = Only one answer?
source = test

[option lonely.yes]
text = Yes
weight = 0' "question 'lonely' has 1 option; it needs 2 to 9"
expect_error contacts.txt '[contact baddate]
kind = hotline
country = TH
for = *
name = Bad date
phone = 1300 inside TH
source = test
published = undated
copied = 2026-02-30' "'copied' of contact 'baddate' must be a date written YYYY-MM-DD" 8
expect_error contacts.txt '[contact future]
kind = hotline
country = TH
for = *
name = Future
phone = 1300 inside TH
source = test
published = 2999
copied = 2999-01-01' "'copied' of contact 'future' is in the future" 8
expect_error contacts.txt '[contact badurl]
kind = hotline
country = TH
for = *
name = Bad URL
phone = 1300 inside TH
url = www.example.org
source = test
published = undated
copied = 2026-01-01' "'url' of contact 'badurl' must be a web address" 6
expect_error articles.txt '[article empty]
title = Empty
source = test' "article 'empty' has no sections"
expect_error checklist.txt '[scoring again]
medium = 10
high = 20' "a second scoring record (the first is 'levels' at line 2): there is one"
expect_error checklist.txt '[scoring levels2]
medium = 0
high = 20' "'medium' of scoring 'levels2' must be a whole number from 1 to 10000" 1
expect_error countries.txt '[country Np]
name = Lower case
role = origin' "country id 'Np' is not valid"
# Answer ids go into the usage figures, whose column takes no digits: a
# question or option id with one is refused here, not there.
expect_error checklist.txt '[question w]
text = W?
source = test

[option w.a2]
text = A
weight = 0' "option id 'w.a2' is not valid: use its question's id, a dot and a name of lower-case letters, '-' and '_' (no digits)" 4
expect_error checklist.txt '[question w2]
text = W?
source = test' "question id 'w2' is not valid: use lower-case letters, '-' and '_' (no digits)"
expect_error checklist.txt '[question w]
text = W?
source = test

[option w.an-answer-whose-name-goes-on-and-on-and-on]
text = A
weight = 0' "option id 'w.an-answer-whose-name-goes-on-and-on-and-on' is longer than 40 characters" 4

# What counts for an offer: an answer with 'credit' is a checked protection,
# never a warning sign too, and says why it counts.
expect_error checklist.txt '[question w]
text = W?
source = test

[option w.a]
text = A
weight = 10
why = W
advice = A
credit = 10
because = B' "option 'w.a' has 'credit' (it counts for the offer), so it cannot also have a weight, be critical or be unknown" 4
expect_error checklist.txt '[question w]
text = W?
source = test

[option w.a]
text = A
weight = 0
credit = 10' "option 'w.a' counts for the offer (credit 10): it needs 'because'" 4
expect_error checklist.txt '[question w]
text = W?
source = test

[option w.a]
text = A
weight = 0
because = B' "option 'w.a' has 'because' but no 'credit'" 4
expect_error checklist.txt '[question w]
text = W?
source = test

[option w.a]
text = A
weight = 0
credit = 101
because = B' "'credit' of option 'w.a' must be a whole number from 0 to 100" 7
# Rules for one nationality: they name origins and answers that exist, and
# change something.
expect_error checklist.txt '[rule route.nepal]
origin = NP
answers = sideways
weight = 50
why = W
advice = A
source = test' "rule 'route.nepal' names answer 'sideways', which question 'route' does not have above it" 2
expect_error checklist.txt '[rule route.nepal]
origin = TH
answers = unknown
advice = A
source = test' "rule 'route.nepal' names nationality 'TH', which countries.txt does not define as an origin" 1
expect_error checklist.txt '[rule route.nepal]
origin = *
answers = unknown
advice = A
source = test' "rule 'route.nepal' must name the nationalities it is for, such as 'ID PH', not '*'" 1
expect_error checklist.txt '[rule route.nepal]
origin = NP
answers = unknown
source = test' "rule 'route.nepal' changes nothing: give it 'weight', 'critical', 'why' or 'advice'"
expect_error checklist.txt '[rule route.nepal]
origin = NP
answers = direct
weight = 50
source = test' "rule 'route.nepal' makes answer 'direct' a warning sign (weight 50): it needs 'why' and 'advice'"
expect_error checklist.txt '[rule route.nepal]
origin = NP PH
answers = unknown
advice = A
source = test

[rule route.philippines]
origin = PH
answers = unknown overland
advice = B
source = test' "rule 'route.philippines' weighs answer 'route.unknown' for PH again (rule 'route.nepal' does already)" 6
expect_error checklist.txt '[rule route.nepal]
origin = NP
answers = Direct
advice = A
source = test' "'answers' of rule 'route.nepal' must be answer names such as 'thailand myanmar', separated by spaces" 2
expect_error checklist.txt '[rule route.nepal]
origin = NP
answers = unknown
advice = A' "rule 'route.nepal' has no 'source'"
expect_error checklist.txt '[rule nosuch.nepal]
origin = NP
answers = unknown
advice = A
source = test' "rule 'nosuch.nepal' belongs to question 'nosuch', which is not defined above it"
expect_error checklist.txt '[question nationality]
text = Where are you from?
source = test' "question id 'nationality' is reserved"

# A session keeps an answer per question for at most 64 questions: the 65th
# is refused (once, its options with it), and so is a checklist with none.
many=$(for a in a b c; do for b in a b c d e f g h i j k l m n o p q r s t u; do
  printf '[question x%s%s]\ntext = Q?\nsource = test\n[option x%s%s.yes]\ntext = Yes\nweight = 0\n[option x%s%s.no]\ntext = No\nweight = 0\n\n' \
    $a $b $a $b $a $b
done; done)
expect_error checklist.txt "$many" "question 'xcu' is one too many: the checklist has at most 64 questions" $((62 * 10))
n=$((n + 1))
rm -rf "$work/c" && cp -R "$fixture" "$work/c" && chmod -R u+w "$work/c"
sed -n '/^\[scoring/,/^$/p' "$fixture/checklist.txt" >"$work/c/checklist.txt"
out=$(cd "$work" && "$compiler" --output none.db c 2>&1); status=$?
if [ $status -eq 1 ] && printf '%s\n' "$out" | grep -q -F "c/checklist.txt: the checklist has no questions" \
   && [ ! -e "$work/none.db" ]; then
  echo "ok $n - checklist.txt: no questions"
else
  echo "not ok $n - checklist.txt: no questions was not refused (status $status)"
  printf '%s\n' "$out" | sed 's/^/#   /'
  failed=$((failed + 1))
fi

# The strings for translators: file:line, what each string is, one entry
# for a text used twice, and valid PO syntax.
rm -rf "$work/c" && cp -R "$fixture" "$work/c" && chmod -R u+w "$work/c"
(cd "$work" && "$compiler" --pot strings.pot c) && pot=$work/strings.pot
entry () {  # the lines of the entry whose msgid is $1, from its comments on
  awk -v id="msgid \"$1\"" 'BEGIN { RS = ""; FS = "\n" } index($0, id) { print }' "$pot"
}
check "--pot writes PO syntax that gettext reads" msgcat -o /dev/null "$pot"
check "a question carries its file:line" \
  sh -c "printf '%s\n' \"\$1\" | grep -qx '#: c/checklist.txt:10'" - "$(entry 'How will you travel to the place where you will work?')"
check "and says what it is and how long it may be" \
  sh -c "printf '%s\n' \"\$1\" | grep -qxF \"#. a checklist question (question 'route'); at most 200 columns\"" - \
  "$(entry 'How will you travel to the place where you will work?')"
check "a text used twice is one entry naming both places" \
  test "$(entry "I don't know" | grep -c '^#: c/checklist.txt:')" -eq 2
check "continued lines reach translators joined" \
  grep -qF 'msgid "By air to another city, then by car across a border"' "$pot"
check "phone numbers, sources and dates are not for translation" \
  sh -c "! grep -qE 'msgid \"(1300|Komchadluek, 12 Sep 2018|2026-11-21)\"' \"\$1\"" - "$pot"

done_testing
