#!/usr/bin/env bash
# Times `tandem import students` of one export row with COLUMNS extra columns
# (issue 15, item 8: 100,000 columns took 13 s while adding columns was quadratic).
# usage: tests/bench/wide_import_bench.sh BUILD_DIR [COLUMNS] [RUNS]
set -euo pipefail
build=${1:?usage: wide_import_bench.sh BUILD_DIR [COLUMNS] [RUNS]}
columns=${2:-100000}
runs=${3:-3}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 - "$work/export.csv" "$columns" <<'PY'
import sys
path, count = sys.argv[1], int(sys.argv[2])
header = ["id", "first_name", "last_name", "email", "group", "field"] + [f"extra{i}" for i in range(count)]
row = ["s1", "Ella", "Berg", "ella.berg@example.fi", "domestic", "business"] + [f"v{i}" for i in range(count)]
open(path, "w").write(",".join(header) + "\n" + ",".join(row) + "\n")
PY
tandem="$build/cli/tandem"
for run in $(seq "$runs"); do
  rm -rf "$work/ws"
  "$tandem" init "$work/ws" >/dev/null
  start=$EPOCHREALTIME
  "$tandem" -C "$work/ws" import students "$work/export.csv" >/dev/null
  awk -v run="$run" -v columns="$columns" -v start="$start" -v end="$EPOCHREALTIME" \
    'BEGIN { printf "run %d: import of %d columns %.3f s\n", run, columns, end - start }'
done
