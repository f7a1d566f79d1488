#!/usr/bin/env bash
# `tandem init --example` from an installed tandem: the example comes from
# PREFIX/share/tandem/example, not from the source tree the binary was built from.
set -euo pipefail
build_dir=$1
prefix=$(mktemp -d)
trap 'rm -rf "$prefix"' EXIT

cmake --install "$build_dir" --prefix "$prefix" > /dev/null
test -x "$prefix/bin/tandem"
test -f "$prefix/share/tandem/example/tandem.yaml"
# The manual, the completion, the docs and the cron example, all under the prefix.
test -f "$prefix/share/man/man1/tandem.1.gz"
test -f "$prefix/share/man/man1/tandem-report.1.gz"
test -f "$prefix/share/bash-completion/completions/tandem"
test -f "$prefix/share/doc/tandem/user-guide.md"
test -f "$prefix/etc/cron.d/tandem"
# A marker only the installed copy has proves which copy init used.
echo "installed" > "$prefix/share/tandem/example/installed-marker.txt"

"$prefix/bin/tandem" init "$prefix/workspace" --example
test -f "$prefix/workspace/installed-marker.txt" || { echo "init used another example copy"; exit 1; }
"$prefix/bin/tandem" -C "$prefix/workspace" check
echo "installed init --example: ok"
