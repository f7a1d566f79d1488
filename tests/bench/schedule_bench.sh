#!/usr/bin/env bash
# Times `tandem schedule --format ics` and `schedule remind --dry-run` on an
# invented workspace of 10,000 placements and 1,000 events (issue 4's goal:
# under 2 s each). usage: tests/bench/schedule_bench.sh BUILD_DIR [RUNS]
set -euo pipefail
build=${1:?usage: schedule_bench.sh BUILD_DIR [RUNS]}
runs=${2:-3}
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 "$here/make_schedule_workspace.py" "$work/ws" 10000 1000
tandem="$build/cli/tandem"
"$tandem" -C "$work/ws" check 2>&1 | tail -3
time_of() { # prints wall seconds of one run of the command
  local start=$EPOCHREALTIME
  "$@" >/dev/null
  awk -v start="$start" -v end="$EPOCHREALTIME" 'BEGIN { print end - start }'
}
for run in $(seq "$runs"); do
  rm -rf "$work/ws/.tandem"
  ics_first=$(time_of "$tandem" -C "$work/ws" schedule --format ics --output "$work/term.ics")
  ics_again=$(time_of "$tandem" -C "$work/ws" schedule --format ics --output "$work/term.ics")
  remind=$(time_of "$tandem" -C "$work/ws" schedule remind --today 2025-03-03 --dry-run)
  printf 'run %d: schedule --format ics %.3f s (first, writes revisions) %.3f s (again); remind --dry-run %.3f s\n' \
    "$run" "$ics_first" "$ics_again" "$remind"
done
printf 'items: %s VEVENTs, %s bytes of ICS\n' "$(grep -c '^BEGIN:VEVENT' "$work/term.ics")" "$(wc -c < "$work/term.ics")"
