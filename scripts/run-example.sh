#!/usr/bin/env bash
# The main job on the shipped example workspace (README): installs what is
# missing, builds tandem, checks data-examples/, and shows an import of the
# sample student-register export into a copy of it.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo
cmake --build build -j "$(nproc 2>/dev/null || echo 2)"

echo "== tandem check on data-examples/"
build/cli/tandem -C data-examples check
echo "== tandem report on data-examples/ (the funder's indicators, targets against actuals)"
build/cli/tandem -C data-examples report

echo "== tandem match on data-examples/ (a dry run: proposals shown, nothing written)"
build/cli/tandem -C data-examples match --dry-run --explain s22003

copy=$(mktemp -d)
trap 'rm -rf "$copy"' EXIT
build/cli/tandem init --example "$copy/workspace"
echo "== tandem import of the register export (Finnish headers, ';', Latin-1) into a copy"
build/cli/tandem -C "$copy/workspace" import students \
  "$copy/workspace/imports/opiskelijarekisteri.csv" --encoding latin1
build/cli/tandem -C "$copy/workspace" check
echo "== tandem schedule on the copy: the spring 2022 term's calendar"
build/cli/tandem -C "$copy/workspace" schedule --term 2022-spring
echo "== tandem schedule remind on the copy: what a cron run on 2022-05-05 would send (a dry run)"
build/cli/tandem -C "$copy/workspace" schedule remind --today 2022-05-05 --dry-run
