#!/bin/sh
# test-speech-flow.sh -- the kiosk speaks (issue 20): the real program, keys sent
# with no terminal (SAFEJOB_SCRIPT), what it says written to a log by its
# test sink (SAFEJOB_SPEECH_LOG: "LANGUAGE<TAB>TEXT" a line, "-<TAB>silence"
# when cut off). In several languages, right to left and without a voice
# among them: each question is said in the person's language with its
# choices and their keys, the highlight says its item, Hide silences it
# and the neutral screen says nothing; speech off says nothing at all and
# loads no voice; on request, F5 speaks and F6 stops. tests/test-speech.c
# checks the voice itself.
. "$srcdir/tests/tap.sh"
work=$(mktemp -d "${TMPDIR:-/tmp}/safejob-speech.XXXXXX") || exit 1
trap 'rm -rf "$work"' EXIT

# tr LANG MSGID: the catalogue's translation, as the program finds it.
tr_ () {
  TEXTDOMAINDIR=$SAFEJOB_LOCALEDIR LANGUAGE=$1 LC_ALL=C.UTF-8 gettext safejob "$2"
}
# position LANG: the language's place on the picker (0 is the first).
position () {
  "$SAFEJOB" --languages 2>/dev/null | awk -v code="$1" 'NR > 1 && $1 == code { print NR - 2 }'
}
# run NAME ARG...: the script $work/NAME.script, its speech in NAME.log.
run () {
  name=$1; shift
  rm -f "$work/$name.log"
  SAFEJOB_SCRIPT="$work/$name.script" SAFEJOB_SPEECH_LOG="$work/$name.log" \
    "$SAFEJOB" --content-db "$FIXTURE_DB" --idle 0 "$@" >"$work/$name.screens" 2>"$work/$name.err"
}

question="How will you travel to the place where you will work?"
first="By air, straight to the country of the job"
second="By air to another city, then by car across a border"
for lang in en ne ar my km; do
  index=$(position "$lang")
  {
    echo "size 24 80"
    echo "key Enter"
    [ "$index" -gt 0 ] && echo "key Down $index"
    echo "key Enter"
    echo "dump \"question\""
    echo "key Down"
    echo "key F12"
  } >"$work/$lang.script"
  run "$lang" --speech on
  # The question screen: one utterance, in the language.
  q=$(tr_ "$lang" "$question"); one=$(tr_ "$lang" "$first"); two=$(tr_ "$lang" "$second")
  press=$(tr_ "$lang" "Press %1\$d for %2\$s")
  press1=$(printf '%s' "$press" | sed -e 's/%1\$d/1/' -e "s|%2\\\$s|$one|")
  said=$(grep -F "$q" "$work/$lang.log" | head -1)
  check "$lang: the question is said in the person's language, with each choice and its key" \
    sh -c 'case "$1" in "$2	"*"$3"*"$4"*) exit 0 ;; *) exit 1 ;; esac' - "$said" "$lang" "$q" "$press1"
  bar=$(sed -n '/^== question/,/^==/p' "$work/$lang.screens" | grep -v '^==' | sed -n 24p)
  if [ "$lang" = km ]; then
    check "$lang: with no voice for it, the log says so" \
      sh -c 'case "$1" in *"(no voice)"*) exit 0 ;; *) exit 1 ;; esac' - "$said"
    check "$lang: and the bottom bar shows the no-voice mark, not a silent Listen button" \
      sh -c 'case "$1" in *"♪✕"*) exit 0 ;; *) exit 1 ;; esac' - "$bar"
  else
    check "$lang: the bottom bar has the Listen button" \
      sh -c 'case "$1" in *"♪ "*) exit 0 ;; *) exit 1 ;; esac' - "$bar"
  fi
  # Down: the second choice alone.
  press2=$(printf '%s' "$press" | sed -e 's/%1\$d/2/' -e "s|%2\\\$s|$two|")
  after=$(sed -n "/$(printf '%s' "$q" | sed 's/[][\/.*^$?]/./g')/,\$p" "$work/$lang.log" \
          | grep -v '^-' | sed -n 2p)
  check "$lang: moving the highlight says the item highlighted" \
    sh -c 'case "$1" in *"$2") exit 0 ;; *) exit 1 ;; esac' - "$after" "$press2"
  # Hide: silence, and nothing after it.
  check "$lang: Hide silences the voice, and the neutral screen says nothing" \
    test "$(tail -n 1 "$work/$lang.log")" = "-	silence"
  sed 's/^/# /' "$work/$lang.err" | head -5
done

# Off (the default): nothing said, and the voice never loaded: with the
# real module and a WAV file named, no file is written (the module makes
# it as it starts).
cp "$work/en.script" "$work/off.script"
SAFEJOB_SPEECH_WAV="$work/off.wav" run off
check "speech off: nothing is said" test ! -s "$work/off.log"
check "speech off: the voice is never loaded" test ! -e "$work/off.wav"

# On request: nothing until F5, which says the screen; F6 stops.
{
  echo "size 24 80"; echo "key Enter"; echo "key Enter"
  echo "key Down"; echo "key F5"; echo "key F6"; echo "key Up"
} >"$work/request.script"
run request --speech request
check "on request: nothing is said before F5, then the screen, then silence at F6" \
  test "$(grep -v '^-' "$work/request.log" | wc -l)" -eq 1 -a \
       "$(tail -n 1 "$work/request.log")" = "-	silence"
check "on request: F5 says the whole screen" grep -q "$question" "$work/request.log"
# And by touch: a tap on Listen.
{
  echo "size 24 80"; echo "key Enter"; echo "key Enter"; echo "tap \"Listen\""
} >"$work/tap.script"
run tap --speech request
check "on request: a tap on the Listen button says the screen" grep -q "$question" "$work/tap.log"

# A voice that cannot speak (here: its file cannot be written) never stops
# the kiosk, and staff see why on the self-test page.
{
  echo "size 24 80"; echo "key Enter"; echo "key Enter"; echo "key Down"
  echo 'type "\x18\x13"'; echo 'type "2468"'; echo "key Enter"; echo "key 3"
  echo 'dump "self-test"'
} >"$work/broken.script"
# (Not in kiosk mode: there the tests' sound card is never used.)
grep -v '^kiosk-mode' "$srcdir/tests/staff.conf" >"$work/staff.conf"
SAFEJOB_SPEECH_WAV=/nonexistent/speech.wav run broken --speech on --config "$work/staff.conf"
check "a voice that cannot speak leaves the kiosk running, and the self-test says why" \
  sh -c "grep -q 'FAILED  Speech: on' '$work/broken.screens' \
         && grep -q 'cannot write /nonexistent/speech.wav' '$work/broken.screens'"
# Speech on with no headphones' device: nothing is played, and staff are
# told so (--check-config refuses it too).
sed 's/^key Down$/key Down/' "$work/broken.script" >"$work/nodevice.script"
run nodevice --speech on --config "$srcdir/tests/staff.conf"
check "speech on with no headphones' device: the self-test says nothing is played" \
  grep -q "FAILED  Speech: on" "$work/nodevice.screens"
# Headphones named but not there (unplugged): the kiosk goes on, staff see
# why, and ALSA writes nothing of its own on the person's screen.
if [ -n "$SAFEJOB_SPEECH_MODULE" ]; then
  { cat "$work/staff.conf"; echo "speech-device = gone"; } \
    >"$work/unplugged.conf"
  cp "$work/broken.script" "$work/unplugged.script"
  run unplugged --speech on --config "$work/unplugged.conf"
  check "headphones that are not there: the kiosk runs on, the self-test says why" \
    sh -c "grep -q \"cannot open the audio device .gone.\" \
             '$work/unplugged.screens' && test ! -s '$work/unplugged.err'"
fi

# The audio, through the real voice module into a WAV file: the flow's
# first screens are heard (the voice itself: test-speech.c).
if [ -n "$SAFEJOB_SPEECH_MODULE" ]; then
  # (The question left on screen to the end: a key would cut it off.)
  printf 'size 24 80\nkey Enter\nkey Enter\ndump "question"\n' >"$work/audio.script"
  SAFEJOB_SPEECH_WAV="$work/en.wav" run audio --speech on
  size=$(wc -c <"$work/en.wav" 2>/dev/null || echo 0)
  check "the voice module writes the speech as audio (a second or more: $size bytes)" \
    test "$size" -gt 44144

  # Hide cuts the voice off at once: after it, not one piece of audio more
  # (the piece under way when it came is the "one buffer"). A FIFO paces
  # the WAV sink as a sound card takes pieces, one byte a piece: one is
  # given before Hide, and many after it, once Hide has cut the voice off.
  # Speech on request: F5 says the question, nothing else speaks.
  rm -f "$work/pace"
  mkfifo "$work/pace"
  exec 3<>"$work/pace"        # open both ways: the writes below never block
                              # (the program gets it closed: ours is its only writer)
  printf x >&3
  printf 'size 24 80\nkey Enter\nkey Enter\nkey F5\naudio 1\nkey F12\ndump "hidden"\n' \
    >"$work/hide.script"
  SAFEJOB_SPEECH_PACE="$work/pace" SAFEJOB_SPEECH_WAV="$work/hide.wav" \
    SAFEJOB_SCRIPT="$work/hide.script" SAFEJOB_SPEECH_LOG="$work/hide.log" \
    "$SAFEJOB" --content-db "$FIXTURE_DB" --idle 0 --speech request \
    >"$work/hide.screens" 2>"$work/hide.err" 3>&- &
  pid=$!
  # Waited for, never timed: the log says "silence" when Hide cuts off,
  # before the voice is stopped.
  # (A minute only bounds a hang.)
  tries=0
  until awk -v q="$question" 'index ($0, q) { said = 1 } said && /^-\tsilence/ { cut = 1 }
                                END { exit !cut }' "$work/hide.log" 2>/dev/null; do
    kill -0 $pid 2>/dev/null || break
    tries=$((tries + 1)); [ $tries -lt 1200 ] || break
    sleep 0.05
  done
  at_hide=$(wc -c <"$work/hide.wav")
  printf '%0200d' 0 >&3       # the sound card would take 200 pieces more,
  exec 3>&-                   # and then as many as come (end of file)
  wait $pid
  check "Hide came while the question was being said (a piece of its audio written)" \
    test "$at_hide" -gt 44
  check "Hide cut the voice off: not one piece of audio more was written after it" \
    test "$(wc -c <"$work/hide.wav")" -eq "$at_hide"
  check "and the screen was hidden" grep -q 'Welcome.' "$work/hide.screens"
fi
done_testing
