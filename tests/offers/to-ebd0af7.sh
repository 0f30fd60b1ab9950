#!/bin/sh
# to-ebd0af7.sh FILE -- prints the answers of an offer case (tests/offers/*.answers) in the ids of
# the checklist of commit ebd0af7, the model before the offer sets were added, for the "before"
# column of the confusion table in README.md. That checklist had no nationality, clearance, ticket
# or age question; one option for Myanmar, Cambodia and Laos; no checked visa, no crypto fee and
# no company known but unchecked. A case's "# before: QUESTION = ANSWER" lines give the answer
# that person would have chosen there when the mapping below does not ("-": leave it out).
# Run the result through that commit's "safejob screen".
overrides=$(sed -n 's/^# before: *\([a-z]*\) *= *\([a-z-]*\).*/\1=\2/p' "$1")
sed -e '/^#/d' -e '/^ *$/d' "$1" | while IFS= read -r line; do
  q=$(printf '%s' "${line%%=*}" | tr -d ' ')
  a=$(printf '%s' "${line#*=}" | tr -d ' ')
  for o in $overrides; do [ "${o%%=*}" = "$q" ] && a=${o#*=}; done
  case $q=$a in
    nationality=* | clearance=* | ticket=* | age=* | *=-) continue ;;
    destination=myanmar | destination=cambodia | destination=laos) a=mekong ;;
    company=unchecked) a=notfound ;;
    visa=checked) a=work ;;
    fees=crypto) a=noreceipt ;;
  esac
  printf '%s = %s\n' "$q" "$a"
done
