#!/bin/sh
# test-screen.sh -- "safejob screen" and "safejob offers": errors that name
# what is wrong, the report's languages and JSON, the office log and its
# CSV, and weights that change results without touching C.
. "$srcdir/tests/tap.sh"
work=$(mktemp -d "${TMPDIR:-/tmp}/safejob-screen.XXXXXX") || exit 1
trap 'rm -rf "$work"' EXIT
has () { grep -q -F -- "$2" "$1"; }   # has FILE TEXT
screen () { "$SAFEJOB" screen --content-db "$FIXTURE_DB" "$@"; }

printf 'route = overland\n' | screen >"$work/out" 2>&1; status=$?
check "a critical answer alone exits 2 (high)" test $status -eq 2
check "the report names the level in words and a symbol" has "$work/out" "(!!!) HIGH RISK"
check "and the critical sign, with why and what to do" has "$work/out" "Why: Scam compounds bring people this way."
check "general advice comes with every report" has "$work/out" "- Never hand over your passport."
check "unanswered questions are listed" has "$work/out" "- What visa will you travel on?"
# Not one answer is nothing to judge: an error, no result, nothing logged.
printf '# only a comment\noffer.agency = Golden Jobs\n' \
  | screen --log --office-db "$work/empty-answers.db" >"$work/out" 2>"$work/err"; status=$?
check "a file that answers no question exits 3, with no result and nothing logged" \
  sh -c "test $status -eq 3 && grep -q 'answers no question' '$work/err' && ! grep -q RISK '$work/out' \
         && ! test -s '$work/empty-answers.db'"

printf 'route = direct\nvisa = work\n' | screen >/dev/null 2>&1; status=$?
check "safe answers exit 0 (low)" test $status -eq 0
printf 'route = unknown\n' | screen >/dev/null 2>&1; status=$?
check "an 'I don't know' of weight 30 exits 1 (medium)" test $status -eq 1

printf '# comment\n\nroute=direct\nvissa = tourist\nvisa = tourst\nnonsense\nvisa = work\nvisa = tourist\noffer.colour = red\noffer.date = 21/11/2026\n' \
  | screen >"$work/out" 2>"$work/err"; status=$?
check "bad answers exit 3 and print no report" sh -c "test $status -eq 3 && ! test -s '$work/out'"
check "an unknown question is named, with the valid ones" has "$work/err" "<stdin>:4: unknown question 'vissa'; the questions are: route, visa"
check "an unknown answer is named, with the valid ones" has "$work/err" "<stdin>:5: question 'visa' has no answer 'tourst'; its answers are: work, tourist, unknown"
check "a line without '=' is refused" has "$work/err" "<stdin>:6: expected 'question = answer'"
check "a question answered twice is refused" has "$work/err" "<stdin>:8: 'visa' is answered twice (first at line 7)"
check "an unknown offer detail is named" has "$work/err" "<stdin>:9: unknown offer detail 'offer.colour'"
check "a malformed offer date is refused" has "$work/err" "<stdin>:10: 'offer.date' must be a date written YYYY-MM-DD"
# What is not text is named, and the answers around it are not lost: a NUL
# byte used to end its line silently there, dropping what followed.
printf 'route = direct\nvisa = work\000\nvisa = tourist\n' | screen >"$work/out" 2>"$work/err"; status=$?
check "a NUL byte in an answers file exits 3 and names its line" \
  sh -c "test $status -eq 3 && grep -q '<stdin>:2: a NUL byte' '$work/err'"
printf '\357\273\277route = overland\nvisa = caf\351\n' | screen >"$work/out" 2>"$work/err"; status=$?
check "a byte-order mark and Latin-1 are named by line" sh -c "test $status -eq 3 \
  && grep -q '<stdin>:1: a byte-order mark' '$work/err' && grep -q '<stdin>:2: this line is not valid UTF-8' '$work/err'"
printf 'route = direct\noffer.date = 2026-02-30\n' | screen >/dev/null 2>"$work/err"; status=$?
check "an offer date that is no day of the calendar is refused" \
  sh -c "test $status -eq 3 && grep -q \"<stdin>:2: 'offer.date' must be a date\" '$work/err'"
screen "$work/missing.answers" >/dev/null 2>"$work/err"; status=$?
check "a missing answers file exits 3 and says so" sh -c "test $status -eq 3 && grep -q 'missing.answers: No such file' '$work/err'"
"$SAFEJOB" screen --lang xx </dev/null >/dev/null 2>"$work/err"; status=$?
check "an unknown language is refused, naming the offered ones" sh -c "test $status -eq 3 && grep -q \"no language 'xx'; the languages are: en, ne\" '$work/err'"

printf 'route = overland\n' | screen --lang ne >"$work/out" 2>&1
check "--lang ne writes the report in Nepali" has "$work/out" "उच्च जोखिम"
printf 'route = overland\nvisa = work\noffer.agency = A "quoted" name\n' | screen --format json >"$work/out" 2>&1
check "--format json is valid JSON" jq -e . "$work/out"
check "JSON: level, score and the critical flag" \
  test "$(jq -r '[.level, .score, .critical] | join(" ")' "$work/out")" = "high 100 true"
check "JSON: the sign names its question and answer ids" \
  test "$(jq -r '.signs[0] | .question + "." + .answer' "$work/out")" = "route.overland"
check "JSON: strings are escaped" test "$(jq -r .offer.agency "$work/out")" = 'A "quoted" name'

# The office log: a second offer from an agency that was high before says so,
# however its name is written.
log=$work/offers.db
printf 'route = overland\nvisa = work\noffer.agency = Golden Jobs Ltd.\noffer.licence = AB-123\noffer.country = KH\n' \
  | screen --log --office-db "$log" >/dev/null 2>&1
printf 'route = direct\nvisa = work\noffer.agency = GOLDEN jobs ltd\n' \
  | screen --office-db "$log" >"$work/out" 2>&1; status=$?
check "an agency seen before with a high result is flagged" has "$work/out" 'Agency "Golden Jobs Ltd." had a high-risk result on'
check "the flag does not change the level of this offer" test $status -eq 0
printf 'route = direct\noffer.employer = Someone Else\n' | screen --office-db "$log" >"$work/out" 2>&1
check "an unrelated offer is not flagged" sh -c "! grep -q 'Seen before' '$work/out'"
# The day of that first screening, as the log holds it.
day=$("$SAFEJOB" offers --office-db "$log" --csv 2>/dev/null | awk -F, 'NR == 2 { print $1 }')
printf 'route = direct\nvisa = work\noffer.licence = ab 123\n' | screen --office-db "$log" >"$work/out" 2>&1
check "a licence number seen before with a high result is flagged, however it is written" \
  has "$work/out" "Licence number \"AB-123\" had a high-risk result on $day."
printf 'route = direct\noffer.employer = --\n' | screen --office-db "$log" >"$work/out" 2>&1
check "a name with no letters or digits matches no earlier offer (that had none)" \
  sh -c "! grep -q 'had a high-risk result' '$work/out'"
printf 'route = direct\nvisa = work\noffer.agency = golden-jobs LTD\noffer.licence = AB 123\n' \
  | screen --office-db "$log" --format json >"$work/out" 2>&1
check "JSON: seen_before holds each field seen, as it was logged, and the day" \
  test "$(jq -r '[.seen_before[] | .field + "=" + .value + "@" + .day] | join(";")' "$work/out")" \
  = "agency=Golden Jobs Ltd.@$day;licence=AB-123@$day"
printf 'route = direct\noffer.employer = Someone Else\n' | screen --office-db "$log" --format json >"$work/out" 2>&1
check "JSON: seen_before is an empty list for an offer not seen" \
  sh -c "jq -e '.seen_before == []' '$work/out' >/dev/null"
printf 'route = direct\noffer.agency = =HYPERLINK("http://x")\n' | screen --log --office-db "$log" >/dev/null 2>&1
"$SAFEJOB" offers --office-db "$log" --csv >"$work/csv" 2>&1
check "offers --csv starts with its header" \
  sh -c "head -1 '$work/csv' | grep -q '^day,agency,licence,employer,title,country,offer_date,level,score,signs,content_version'"
check "every logged screening is a row" test "$(wc -l < "$work/csv")" -eq 3
check "a row holds the offer, level, score and signs" grep -q ',Golden Jobs Ltd.,AB-123,,,KH,,high,100,route.overland,' "$work/csv"
check "a formula in a name cannot run in a spreadsheet" grep -q '^[0-9-]*,"'"'"'=HYPERLINK(""http://x"")"' "$work/csv"
check "days are dates, with no time of day" sh -c "! cut -d, -f1 '$work/csv' | tail -n +2 | grep -qv '^[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]\$'"
"$SAFEJOB" offers --office-db "$log" >"$work/out" 2>&1
check "offers lists the screenings for people" grep -q 'high *100  Golden Jobs Ltd. (AB-123) / KH' "$work/out"
# A log written by another program (or edited by hand) with control codes
# in a name: the listing shows '?', never the codes (issue 19: a clear
# screen, a printer's paper cut).
cp "$log" "$work/ctl.db"
sqlite3 "$work/ctl.db" "UPDATE offer SET agency = 'Evil' || char(27) || '[2J' || char(7) || char(155) || 'Jobs'"
"$SAFEJOB" offers --office-db "$work/ctl.db" >"$work/ctl.out" 2>&1
check "control codes in the log never reach the terminal" \
  sh -c "grep -q 'Evil?\\[2J??Jobs' '$work/ctl.out' && ! LC_ALL=C grep -q \"\$(printf '\\033')\" '$work/ctl.out'"
# Only a high result flags: the formula agency was screened low.
printf 'route = direct\noffer.agency = hyperlink http x\n' | screen --office-db "$log" >"$work/out" 2>&1
check "an agency seen before with a low result is not flagged" \
  sh -c "! grep -q 'had a high-risk result' '$work/out'"
printf 'route = overland\noffer.employer = Lee & Sons\n' | screen --log --office-db "$log" >/dev/null 2>&1
printf 'route = direct\nvisa = work\noffer.employer = LEE SONS\n' | screen --office-db "$log" >"$work/out" 2>&1
check "an employer seen before with a high result is flagged" \
  has "$work/out" "Employer \"Lee & Sons\" had a high-risk result on"
# An agency written another way is the same agency: case, legal form and a
# plural s do not hide it, and the flag names it as it was logged (issue 19).
printf 'route = direct\nvisa = work\noffer.agency = golden job\n' | screen --office-db "$log" >"$work/out" 2>&1
check "'golden job' is 'Golden Jobs Ltd.'" has "$work/out" "Agency \"Golden Jobs Ltd.\" had a high-risk result on"
printf 'route = direct\nvisa = work\noffer.agency = Golden Jobs Pvt Ltd\n' | screen --office-db "$log" >"$work/out" 2>&1
check "so is 'Golden Jobs Pvt Ltd'" has "$work/out" "Agency \"Golden Jobs Ltd.\" had a high-risk result on"
printf 'route = direct\nvisa = work\noffer.agency = Goldenrod Jobs\n' | screen --office-db "$log" >"$work/out" 2>&1
check "but not 'Goldenrod Jobs'" sh -c "! grep -q 'had a high-risk result' '$work/out'"
# A log of version 1 (keys with every letter) is re-keyed when opened.
cp "$log" "$work/v1.db"
sqlite3 "$work/v1.db" "UPDATE offer SET agency_key = lower(replace(replace(agency, ' ', ''), '.', '')); PRAGMA user_version = 1"
printf 'route = direct\nvisa = work\noffer.agency = golden job\n' | screen --office-db "$work/v1.db" >"$work/out" 2>&1
check "a version 1 log is re-keyed: its agencies match too" \
  sh -c "grep -q 'Agency \"Golden Jobs Ltd.\" had a high-risk result on' '$work/out' \
         && test \"\$(sqlite3 '$work/v1.db' 'PRAGMA user_version')\" = 3"
# Version 3: each screening has an id of its own, by which a server
# stores it once (test-office-pg.sh); a log of before is given them.
check "and each of its screenings is given an id of its own (32 hex digits, all different)" \
  test "$(sqlite3 "$work/v1.db" "SELECT count(DISTINCT uid) = count(*) AND count(*) > 0
                                 AND sum(length(uid) = 32 AND uid NOT GLOB '*[^0-9a-f]*') = count(*)
                                 FROM offer")" = 1
"$SAFEJOB" offers --office-db "$work/none.db" >/dev/null 2>"$work/err"; status=$?
check "a missing office log is an error, not an empty list" sh -c "test $status -eq 1 && grep -q 'cannot use the office log' '$work/err'"
check "and it says so in words, not SQLite's 'unable to open database file'" \
  sh -c "grep -q 'no office log there yet' '$work/err' && ! grep -q 'unable to open' '$work/err'"

# Weights live in the content: change one, rebuild, and the result changes.
cp -R "$srcdir/tests/content" "$work/c" && chmod -R u+w "$work/c"
sed -i '/^\[option visa.tourist\]/,/^$/ s/^weight = 40$/weight = 5/' "$work/c/checklist.txt"
"$SAFEJOB_CONTENT" --output "$work/light.db" "$work/c" 2>&1
printf 'route = unknown\nvisa = tourist\n' | screen >/dev/null 2>&1; before=$?
printf 'route = unknown\nvisa = tourist\n' | "$SAFEJOB" screen --content-db "$work/light.db" >/dev/null 2>&1; after=$?
check "a lighter weight in content/ lowers the result (high to medium), no C touched" \
  test "$before-$after" = "2-1"

# A question left out counts as "I don't know": leaving it out is never
# better than saying so.
printf 'route = direct\n' | screen >"$work/out" 2>&1; status=$?
check "a question left out counts as its 'I don't know' (medium, exit 1)" test $status -eq 1
check "and the report says so at its sign" has "$work/out" 'Not answered: it counts as "I don'"'"'t know"'
printf 'route = direct\n' | screen --format json >"$work/out" 2>&1
check "JSON: the sign of a question left out is marked skipped" \
  test "$(jq -r '.signs[0] | .question + "." + .answer + " " + (.skipped | tostring)' "$work/out")" \
  = "visa.unknown true"

# The person's nationality: an origin of countries.txt, given once.
printf 'route = direct\nnationality = TH\nnationality = XX\n' | screen >/dev/null 2>"$work/err"; status=$?
check "a nationality that is not an origin is refused, naming the origins" \
  sh -c "test $status -eq 3 && grep -q \"<stdin>:2: no nationality 'TH'; the nationalities are: NP, PH\" '$work/err'"
printf 'nationality = NP\nnationality = PH\n' | screen >/dev/null 2>"$work/err"
check "a nationality given twice is refused" has "$work/err" "<stdin>:2: 'nationality' is given twice (first at line 1)"

# A rule for one nationality, and an answer that counts for the offer, in a
# copy of the fixture: the report says what counted against and for.
cp -R "$srcdir/tests/content" "$work/r" && chmod -R u+w "$work/r"
sed -i '/^\[option visa.work\]/,/^$/ s/^weight = 0$/weight = 0\ncredit = 25\nbecause = The embassy said the visa is real./' \
  "$work/r/checklist.txt"
printf '\n[rule visa.philippines]\norigin = PH\nanswers = tourist\nweight = 100\ncritical = yes\nwhy = The Philippines stops workers who leave as tourists.\nadvice = Get a work visa and the exit clearance.\nsource = test\n' \
  >>"$work/r/checklist.txt"
"$SAFEJOB_CONTENT" --output "$work/rules.db" "$work/r" 2>&1
rules () { "$SAFEJOB" screen --content-db "$work/rules.db" "$@"; }
printf 'route = direct\nvisa = tourist\n' | rules >/dev/null 2>&1; before=$?
printf 'route = direct\nvisa = tourist\nnationality = PH\n' | rules >"$work/out" 2>&1; after=$?
check "a nationality's rule weighs its answer: medium without it, high with it" \
  test "$before-$after" = "1-2"
check "the report names the nationality whose rules count" \
  has "$work/out" "Nationality: Philippines. Its government's rules count here."
check "and says the sign applies to people from there" has "$work/out" "This applies to people from Philippines."
check "with the rule's explanation" has "$work/out" "Why: The Philippines stops workers who leave as tourists."
printf 'route = direct\nvisa = tourist\nnationality = NP\n' | rules >/dev/null 2>&1; status=$?
check "another nationality gets the answer's own weight" test $status -eq 1
printf 'route = direct\nvisa = tourist\nnationality = PH\n' | rules --format json >"$work/out" 2>&1
check "JSON: the nationality, and the rule that set the sign" \
  test "$(jq -r '.nationality + " " + .signs[0].rule' "$work/out")" = "PH visa.philippines"
printf 'route = unknown\nvisa = work\n' | rules >"$work/out" 2>&1; status=$?
check "what counts for the offer is listed, with why" \
  sh -c "grep -qF 'What counts for the offer:' '$work/out' && grep -qF 'Why it counts: The embassy said the visa is real.' '$work/out'"
check "with the points against and for" has "$work/out" "30 points against the offer, 25 for it."
check "a sign that alone reaches medium keeps the offer medium" test $status -eq 1
printf 'route = unknown\nvisa = work\n' | rules --format json >"$work/out" 2>&1
check "JSON: the protections, and the points against and for" \
  test "$(jq -r '[.protections[0].answer, .protections[0].credit, .points_against, .points_for, .score] | map(tostring) | join(" ")' "$work/out")" \
  = "work 25 30 25 5"

# A low result with a sign says so: not "No warning signs" over "1 warning
# sign". On the shipped content, every answer safe but Thailand (5 points).
printf 'destination = thailand\nroute = direct\njobtype = other\nsalary = normal\nskills = match
channel = agency\nagency = verified\ncompany = checked\nvisa = checked\nclearance = done
contract = signed\nfees = none\ncosts = me\nticket = job\npassport = me\ninterview = proper
tests = none\nchanged = no\nsecrecy = no\nimmigration = truth\nhurry = no\nage = adult\n' \
  | "$SAFEJOB" screen >"$work/out" 2>&1; status=$?
check "a low result with one sign says to check it, not that there are none" \
  sh -c "test $status -eq 0 && grep -qF 'Low risk, but check the warning sign below before you go.' '$work/out' \
         && ! grep -qF 'No warning signs' '$work/out'"

done_testing
