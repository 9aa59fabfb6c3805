#!/bin/sh
# Runs every libFuzzer target for a bounded time, then replays the inputs
# that once found bugs. Fails on any crash, leak, timeout or sanitizer
# report.
#
#   tests/fuzz/run-fuzzers.sh BUILDDIR SECONDS
#
# SPDX-License-Identifier: GPL-3.0-or-later

set -u

if [ $# -ne 2 ]; then
  echo "usage: $0 BUILDDIR SECONDS" >&2
  exit 2
fi

builddir=$(cd "$1" && pwd) || exit 2
seconds=$2
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/copydesk-fuzz-XXXXXX") || exit 2
trap 'rm -rf "$work"' EXIT INT TERM

# Stop at the first sanitizer report; leaks count as failures.
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:symbolize=1:${ASAN_OPTIONS:-}"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1:${UBSAN_OPTIONS:-}"
export G_SLICE=always-malloc
export G_DEBUG=gc-friendly

status=0
for name in markdown wire html xml ninjs email document rtf doc frontmatter wp-content checks pdf; do
  target="$builddir/tests/fuzz/fuzz-$name"
  if [ ! -x "$target" ]; then
    echo "fuzz-$name: not built in $builddir (configure with -Dfuzzing=true)" >&2
    exit 2
  fi

  mkdir -p "$work/$name/corpus" "$work/$name/artifacts"
  # What a target's libraries keep for the life of the process, or leak
  # themselves. A suppression that names a library's function needs the
  # whole stack, which the fast unwinder (it stops in GLib) does not give,
  # at a fifth of the runs: its file says so.
  lsan=
  asan=$ASAN_OPTIONS
  if [ -f "$here/lsan-$name.supp" ]; then
    lsan="suppressions=$here/lsan-$name.supp"
    if grep -q '^# whole stacks' "$here/lsan-$name.supp"; then
      asan="$ASAN_OPTIONS:fast_unwind_on_malloc=0"
    fi
  fi
  regressions="$here/regressions/$name"
  if [ -d "$regressions" ] && [ -n "$(ls -A "$regressions")" ]; then
    echo "== fuzz-$name: replaying $(ls "$regressions" | wc -l) regression inputs"
    if ! ASAN_OPTIONS="$asan" LSAN_OPTIONS="$lsan" "$target" -runs=1 "$regressions"/* > "$work/$name/replay.log" 2>&1; then
      cat "$work/$name/replay.log" >&2
      echo "fuzz-$name: a regression input fails again" >&2
      status=1
    fi
  fi

  # The checks keep each new word's verdict in a cache, so every input
  # leaves more allocated than it found, and libFuzzer would scan the whole
  # heap (dictionaries included) for leaks after each one; leaks are still
  # looked for when the run ends.
  extra=
  if [ "$name" = checks ]; then
    extra=-detect_leaks=0
  fi

  echo "== fuzz-$name: fuzzing for $seconds s"
  ASAN_OPTIONS="$asan" LSAN_OPTIONS="$lsan" "$target" $extra -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
    -print_final_stats=1 -artifact_prefix="$work/$name/artifacts/" \
    "$work/$name/corpus" "$here/corpus-$name" > "$work/$name/fuzz.log" 2>&1
  rc=$?
  grep -E '^(stat::number_of_executed_units|stat::new_units_added|Done )' "$work/$name/fuzz.log"
  if [ $rc -ne 0 ] || [ -n "$(ls -A "$work/$name/artifacts")" ]; then
    tail -n 60 "$work/$name/fuzz.log" >&2
    for f in "$work/$name/artifacts"/*; do
      [ -e "$f" ] || continue
      keep="${FUZZ_KEEP_DIR:-$here/found}/$name"
      mkdir -p "$keep"
      cp "$f" "$keep/"
      echo "fuzz-$name: kept $(basename "$f") in $keep; add it to tests/fuzz/regressions/$name once fixed" >&2
    done
    echo "fuzz-$name: FAILED" >&2
    status=1
  fi
done

exit $status
