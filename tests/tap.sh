# tap.sh -- sourced by the shell tests: one TAP test a check.
n=0 failed=0

# check DESCRIPTION COMMAND...: runs COMMAND; ok when it exits 0.
check () {
  desc=$1; shift
  n=$((n + 1))
  if "$@"; then echo "ok $n - $desc"; else echo "not ok $n - $desc"; failed=$((failed + 1)); fi
}

# done_testing: the plan, and the exit status.
done_testing () {
  echo "1..$n"
  test $failed -eq 0
}
