#!/bin/sh
# test-speech-clips.sh -- recorded clips (issue 20): content may ship, per
# language, audio files that say a screen's text exactly, and the kiosk
# plays them instead of the voice, in turn with it. safejob-content checks
# each clip (there, readable, audio, mono at the voice's rate, heard) and
# names the line of clips.txt when one is not. A clip is found in the audio
# the kiosk writes sample for sample (tests/make-clip makes tones and looks
# for them); a language with clips and no voice (Khmer) then speaks, and
# staff see each language's clips.
. "$srcdir/tests/tap.sh"
make_clip=${MAKE_CLIP:?MAKE_CLIP must name tests/make-clip}
work=$(mktemp -d "${TMPDIR:-/tmp}/safejob-clips.XXXXXX") || exit 1
trap 'rm -rf "$work"' EXIT
srcdir=$(cd "$srcdir" && pwd) || exit 1
cd "$work" || exit 1

tr_ () {
  TEXTDOMAINDIR=$SAFEJOB_LOCALEDIR LANGUAGE=$1 LC_ALL=C.UTF-8 gettext safejob "$2"
}
position () {
  "$SAFEJOB" --languages 2>/dev/null | awk -v code="$1" 'NR > 1 && $1 == code { print NR - 2 }'
}

# --- safejob-content checks every clip, naming its line ------------------------
mkdir bad
cp "$srcdir"/tests/content/*.txt bad/
"$make_clip" bad/good.wav 0.5
"$make_clip" bad/stereo.wav 0.5 22050 2
"$make_clip" bad/rate.wav 0.5 44100
"$make_clip" bad/silent.wav 0.5 22050 1 0
echo "not audio" >bad/notaudio.wav
cat >bad/clips.txt <<'CLIPS'
[clip missing]
language = en
text = A
file = nothere.wav

[clip notaudio]
language = en
text = B
file = notaudio.wav

[clip stereo]
language = en
text = C
file = stereo.wav

[clip rate]
language = en
text = D
file = rate.wav

[clip silent]
language = en
text = E
file = silent.wav

[clip language]
language = xx
text = F
file = good.wav

[clip first]
language = en
text = G
file = good.wav

[clip twin]
language = en
text = G
file = good.wav

[clip odd]
language = en
text = H
file = good.wav
colour = red

[clip empty]
language = en
file = good.wav
CLIPS
line () { grep -n -- "$1" bad/clips.txt | head -1 | cut -d: -f1; }
"$SAFEJOB_CONTENT" --output bad.db bad >bad.out 2>&1; status=$?
check "clips that cannot be played fail the build, and nothing is written" \
  sh -c "test $status -ne 0 && test ! -e bad.db && grep -q '9 errors in bad' bad.out"
expect () {
  check "$1: clips.txt:$2 says so" grep -q "clips.txt:$2: .*$3" bad.out
}
expect "a clip's file that is not there" "$(line nothere)" "cannot read the clip .*nothere.wav"
expect "a file that is not audio" "$(line "file = notaudio")" "not audio that can be played"
expect "a stereo clip" "$(line stereo.wav)" "2 channels at 22050 Hz: it must be mono"
expect "a clip at 44.1 kHz" "$(line rate.wav)" "1 channel at 44100 Hz: it must be mono at 22050 Hz"
expect "a silent clip" "$(line silent.wav)" "silent"
expect "a language the kiosk does not have" "$(line 'language = xx')" "'xx' is not a language"
expect "two clips of the same text" "$(line 'clip twin')" "same text as another"
expect "an unknown field" "$(line colour)" "unknown field 'colour'"
expect "a clip with no text" "$(line 'clip empty')" "has no text"
sed 's/^/# /' bad.out | head -12

# --- Good clips: English's question, and Khmer's, which has no voice -----------
question="How will you travel to the place where you will work?"
mkdir good
cp "$srcdir"/tests/content/*.txt good/
"$make_clip" good/question-en.wav 1.5
"$make_clip" good/question-km.ogg 1.2 22050 1 660
"$make_clip" good/press-km.flac 0.8 22050 1 550
km_question=$(tr_ km "$question")
km_press=$(tr_ km "Press %1\$d for %2\$s" | sed -e 's/%1\$d/1/' \
  -e "s|%2\\\$s|$(tr_ km "By air, straight to the country of the job")|")
cat >good/clips.txt <<CLIPS
[clip travel.en]
language = en
text = $question
file = question-en.wav

[clip travel.km]
language = km
text = $km_question
file = question-km.ogg

[clip travel-1.km]
language = km
text = $km_press
file = press-km.flac
CLIPS
"$SAFEJOB_CONTENT" --output clips.db good >good.out 2>&1; status=$?
check "good clips (WAV, Ogg, FLAC) are compiled into the content database" \
  sh -c "test $status -eq 0 && test \"\$(sqlite3 clips.db 'SELECT count(*) FROM clip')\" = 3"
"$SAFEJOB_CONTENT" --output noclips.db "$srcdir/tests/content" >/dev/null 2>&1
check "clips make a content version of their own (a changed recording is new content)" \
  test "$(sqlite3 clips.db "SELECT value FROM meta WHERE key = 'version'")" != \
       "$(sqlite3 noclips.db "SELECT value FROM meta WHERE key = 'version'")"

"$SAFEJOB" --languages --content-db clips.db >languages.out 2>&1
check "staff see each language's clips: --languages says 'voice, 1 clip' for English" \
  grep -q '^en .*voice, 1 clip$' languages.out
check "and '2 clips' for Khmer, which has no voice" grep -q '^km .* 2 clips$' languages.out
check "and 'none' for Lao, which has neither" grep -q '^lo .* none$' languages.out

# run NAME LANG [STEP...]: the question screen in LANG, with speech on,
# then the STEPs; what is said in NAME.log, the audio in NAME.wav. (Left
# on the question, its audio is whole: a key would cut it off.)
run () {
  name=$1 index=$(position "$2")
  shift 2
  {
    echo "size 24 80"; echo "key Enter"
    [ "$index" -gt 0 ] && echo "key Down $index"
    echo "key Enter"; echo 'dump "question"'
    for step in "$@"; do echo "$step"; done
  } >"$name.script"
  SAFEJOB_SCRIPT="$name.script" SAFEJOB_SPEECH_LOG="$name.log" SAFEJOB_SPEECH_WAV="$name.wav" \
    "$SAFEJOB" --content-db clips.db --idle 0 --speech on >"$name.screens" 2>"$name.err"
}
run en en
check "en: the question's clip is played, not synthesized" \
  grep -q "^en	(clip) $question\$" en.log
check "en: and its samples are in the audio, whole and in a row" \
  "$make_clip" --played en.wav good/question-en.wav
check "en: the choices after it are still said by the voice" \
  grep -q "^en	Press 1 for By air" en.log
size=$(wc -c <en.wav)
check "en: the audio holds the clip and the voice after it ($size bytes)" \
  test "$size" -gt $((44 + 2 * 22050 * 3))

run km km
check "km: the question's clip is played, in a language with no voice" \
  grep -q "^km	(clip) $km_question\$" km.log
check "km: so is the first choice's, key and all (Ogg and FLAC decoded)" \
  sh -c "grep -q \"^km	(clip) $km_press\\\$\" km.log && '$make_clip' --played km.wav good/question-km.ogg \
         && '$make_clip' --played km.wav good/press-km.flac"
check "km: what has no clip is still marked as having no voice" grep -q '^km	(no voice) ' km.log
bar=$(sed -n '/^== question/,/^==/p' km.screens | grep -v '^==' | sed -n 24p)
check "km: with clips, the bottom bar has the Listen button, not the no-voice mark" \
  sh -c 'case "$1" in *"♪✕"*) exit 1 ;; *"♪ "*) exit 0 ;; *) exit 1 ;; esac' - "$bar"
run km-next km "key 1" 'dump "next"'
bar=$(sed -n '/^== next/,/^==/p' km-next.screens | grep -v '^==' | sed -n 24p)
check "km: the next question, which no clip says, shows the no-voice mark again" \
  sh -c 'case "$1" in *"♪✕"*) exit 0 ;; *) exit 1 ;; esac' - "$bar"

# Hide cuts a clip off as it cuts the voice: after it, not one piece of
# audio more. A FIFO paces the WAV sink as a sound card takes pieces, one
# byte a piece (as in test-speech-flow.sh): one before Hide, many after.
mkfifo pace
exec 3<>pace
printf x >&3
printf 'size 24 80\nkey Enter\nkey Enter\nkey F5\naudio 1\nkey F12\ndump "hidden"\n' >hide.script
SAFEJOB_SPEECH_PACE=pace SAFEJOB_SPEECH_WAV=hide.wav SAFEJOB_SCRIPT=hide.script \
  SAFEJOB_SPEECH_LOG=hide.log "$SAFEJOB" --content-db clips.db --idle 0 --speech request \
  >hide.screens 2>hide.err 3>&- &
pid=$!
# Waited for, never timed (a minute only bounds a hang).
tries=0
until awk '/\(clip\)/ { said = 1 } said && /^-\tsilence/ { cut = 1 } END { exit !cut }' \
        hide.log 2>/dev/null; do
  kill -0 $pid 2>/dev/null || break
  tries=$((tries + 1)); [ $tries -lt 1200 ] || break
  sleep 0.05
done
at_hide=$(wc -c <hide.wav)
printf '%0200d' 0 >&3
exec 3>&-
wait $pid
check "Hide came while the clip was played (a piece of it written)" test "$at_hide" -gt 44
check "Hide cut the clip off: not one piece of audio more was written after it" \
  test "$(wc -c <hide.wav)" -eq "$at_hide"

# Without clips, the same walk synthesizes (what the tests above would
# have seen before clips).
SAFEJOB_SCRIPT=en.script SAFEJOB_SPEECH_LOG=plain.log \
  "$SAFEJOB" --content-db noclips.db --idle 0 --speech on >/dev/null 2>&1
check "without clips, the question is synthesized" \
  sh -c "grep -q \"^en	.*$question\" plain.log && ! grep -q clip plain.log"
done_testing
