#!/usr/bin/env bash
# Runs every libFuzzer target (tests/fuzz) for SECONDS each (default 60), under
# AddressSanitizer, UndefinedBehaviorSanitizer and LeakSanitizer, on its seed
# corpora: the example workspace, the test fixtures and the target's regression
# inputs. Fails on the first crash, leak, broken property or timeout; the input
# that did it is left in build-fuzz/crashes/TARGET/ (add it to
# tests/fuzz/regressions/TARGET/ once fixed). New corpus entries are kept in
# build-fuzz/corpus/TARGET/ between runs on one machine.
# usage: scripts/fuzz.sh [SECONDS] [TARGET...]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  targets=(fuzz_csv fuzz_yaml fuzz_workspace_files fuzz_column_map fuzz_ics_text fuzz_mail_header)
fi

CC=clang CXX=clang++ cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DTANDEM_WERROR=ON \
  -DTANDEM_FUZZ=ON >/dev/null
cmake --build build-fuzz -j "$(nproc 2>/dev/null || echo 2)" --target "${targets[@]}"

export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
for target in "${targets[@]}"; do
  corpus="build-fuzz/corpus/$target"
  crashes="build-fuzz/crashes/$target"
  mkdir -p "$corpus" "$crashes"
  echo "== $target: ${seconds} s" >&2
  # -timeout: one input taking 10 s is a hang; -rss_limit_mb: a bomb.
  "build-fuzz/tests/fuzz/$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
    -max_len=16384 -print_final_stats=1 -artifact_prefix="$crashes/" \
    "$corpus" "tests/fuzz/regressions/$target" data-examples tests/fixtures 2>"build-fuzz/$target.log" \
    || { tail -n 60 "build-fuzz/$target.log" >&2; echo "$target: FAILED (input in $crashes/)" >&2; exit 1; }
  grep -E "^stat::number_of_executed_units|^stat::new_units_added" "build-fuzz/$target.log" \
    | sed "s/^/  $target /" >&2
done
echo "fuzz: all ${#targets[@]} targets ran ${seconds} s each without a failure" >&2
