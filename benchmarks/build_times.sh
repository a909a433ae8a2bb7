#!/usr/bin/env bash
# Measure the book's build and test times (issue 2's budget: clean build <= 3 min,
# cached build <= 20 s, make test <= 3 min on a 2-core machine). Run from the repository
# root after `make book` has created .venv once. Prints one line per measurement and
# whether the cached build re-executed any notebook.
set -euo pipefail
cd "$(dirname "$0")/.."
secs() {  # run a command quietly, print its wall time in seconds (one decimal)
  local t0 t1
  t0=$(date +%s%N)
  "$@" > /tmp/build_times_last.log 2>&1 || { echo "FAILED: $* (log: /tmp/build_times_last.log)" >&2; exit 1; }
  t1=$(date +%s%N)
  echo "$(( (t1 - t0) / 1000000000 )).$(( (t1 - t0) / 100000000 % 10 ))"
}

rm -rf _build/html _build/.jupyter_cache _build/jupyter_execute
clean=$(secs make book)
cached=$(secs make book)
executed=$(grep -c "Executing notebook" /tmp/build_times_last.log || true)
student=$(secs make student)
tests=$(secs make test)
printf 'cores: %s\n' "$(nproc)"
printf 'clean build (make book, empty cache): %6s s\n' "$clean"
printf 'cached build (make book, unchanged):   %6s s  (notebooks executed: %s)\n' "$cached" "$executed"
printf 'student edition (make student):       %6s s\n' "$student"
printf 'make test:                             %6s s\n' "$tests"
