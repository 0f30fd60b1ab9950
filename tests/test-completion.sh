#!/bin/sh
# test-completion.sh -- the bash completion of safejob and safejob-content
# (src/cmd/safejob.bash), with bash-completion's own functions, as a
# person's shell would load it: every option of --help is offered, and the
# values of the options that take one of a list.
. "$srcdir/tests/tap.sh"
main=/usr/share/bash-completion/bash_completion
if [ ! -r "$main" ] || ! command -v bash >/dev/null 2>&1; then
  echo "1..0 # SKIP bash-completion is not installed (kiosk/install-deps installs it)"
  exit 77
fi
out=${TMPDIR:-/tmp}/safejob-completion.$$
trap 'rm -f "$out" "$out".*' EXIT

# complete WORD...: what bash offers for the last WORD, one a line.
complete_words () {
  PATH="$abs_top_builddir/src:$PATH" bash --norc --noprofile -c '
    . "$1"; . "$2"; shift 2
    COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1))
    COMP_LINE="$*"; COMP_POINT=${#COMP_LINE}
    function=$(complete -p "$1" | sed -n "s/.* -F \([^ ]*\) .*/\1/p")
    "$function" "$1" "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
    printf "%s\n" "${COMPREPLY[@]}"' complete "$main" "$srcdir/src/cmd/safejob.bash" "$@"
}

# Every long option --help lists is offered after "--".
complete_words safejob -- >"$out"
"$abs_top_builddir/src/safejob" --help | grep '^ *-' | grep -o -- '--[a-z][a-z-]*' | sort -u >"$out.help"
missing=$(sed 's/=$//' "$out" | sort -u | comm -13 - "$out.help" | tr '\n' ' ')
check "safejob --<Tab> offers every option of --help${missing:+ (missing: $missing)}" \
  test -z "$missing" -a -s "$out.help"
complete_words safejob --th >"$out"
check "safejob --th<Tab> completes to --theme=" grep -qx -- '--theme=' "$out"
complete_words safejob --theme '' >"$out"
check "safejob --theme <Tab> offers default, contrast and mono" \
  test "$(sort "$out" | tr '\n' ' ')" = "contrast default mono "
complete_words safejob --speech '' >"$out"
check "safejob --speech <Tab> offers off, on and request" \
  test "$(sort "$out" | tr '\n' ' ')" = "off on request "
complete_words safejob '' >"$out"
check "safejob <Tab> offers the commands" \
  test "$(sort "$out" | tr '\n' ' ')" = "install-content offers office-db qr screen stats "
complete_words safejob -o '' >"$out"
check "safejob -o <Tab> (--office, no value) offers the commands, not files" \
  test "$(sort "$out" | tr '\n' ' ')" = "install-content offers office-db qr screen stats "
complete_words safejob screen -- >"$out"
check "safejob screen --<Tab> offers the screen command's options (--log)" grep -qx -- '--log' "$out"
complete_words safejob qr --format '' >"$out"
check "safejob qr --format <Tab> offers the code formats" \
  test "$(sort "$out" | tr '\n' ' ')" = "escpos pbm svg text "
complete_words safejob screen --lang n >"$out"
check "safejob screen --lang n<Tab> offers Nepali's code" grep -qx 'ne' "$out"
complete_words safejob-content --o >"$out"
check "safejob-content --o<Tab> completes to --output=" grep -qx -- '--output=' "$out"
done_testing
