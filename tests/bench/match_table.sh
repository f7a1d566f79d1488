#!/usr/bin/env bash
# Every row of issue 14's table in one run: stable term and region, optimal
# region quiet and busy (a shell loop spinning on the other core), optimal
# national, and the assignment core against SciPy on OR-Library instances.
# usage: tests/bench/match_table.sh BUILD_DIR WORKSPACES OR_LIBRARY_DIR
# WORKSPACES holds term/, region/ and national/; missing ones are made first
# (make_match_workspace.py, seed 1).
set -euo pipefail
usage="usage: match_table.sh BUILD_DIR WORKSPACES OR_LIBRARY_DIR"
build=${1:?$usage}
workspaces=${2:?$usage}
library=${3:?$usage}
here=$(cd "$(dirname "$0")" && pwd)
tandem="$build/cli/tandem"
out=$(mktemp)
spinner=""
trap 'rm -f "$out"; [ -z "$spinner" ] || kill "$spinner"' EXIT

declare -A sizes=([term]="60 40 45" [region]="600 400 450" [national]="10000 8000 6000")
for name in term region national; do
  if [ ! -d "$workspaces/$name" ]; then
    python3 "$here/make_match_workspace.py" "$workspaces/$name" ${sizes[$name]} 1 >/dev/null
  fi
done

summary() { # the plan's figures from its JSON
  python3 - "$out" <<'EOF'
import json, sys
plan = json.load(open(sys.argv[1]))
line = "placed %d" % plan["placed"]
if plan["method"] == "stable":
    line += ", blocking pairs %d, stable %s" % (len(plan["blocking"]), plan["stable"])
elif plan["bound"]:
    gap = 100 * (plan["bound"] - plan["objective"]) / plan["bound"]
    line += ", objective %.2f, bound %.2f, gap %.3f %%" % (plan["objective"], plan["bound"], gap)
print(line)
EOF
}
run() { # LABEL WORKSPACE [MATCH OPTIONS]: wall time, peak memory, the plan
  local label=$1 workspace=$2
  shift 2
  printf '%s: %s; ' "$label" "$(/usr/bin/time -f '%e s, %M KB' "$tandem" -C "$workspaces/$workspace" match --dry-run \
    --format json "$@" 2>&1 >"$out" | tail -1)"
  summary
}

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); $(git -C "$here" log --oneline -1)"
run "stable, term" term --method stable
run "stable, region" region --method stable
for i in 1 2 3; do run "optimal, region, quiet $i" region; done
(while :; do :; done) &
spinner=$!
for i in 1 2 3; do run "optimal, region, busy $i" region; done
kill "$spinner"
spinner=""
run "optimal, national" national
for instance in assign800:dense assignp800:sparse assignp1500:sparse assignp5000:sparse; do
  file="$library/${instance%%:*}.txt"
  shape=${instance##*:}
  "$build/tests/bench_assignment" "$file" "$shape" 9 | tail -1
  /usr/bin/python3 "$here/scipy_assignment.py" "$file" "$shape" 9 | tail -1
done
