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
# A marker only the installed copy has proves which copy init used.
echo "installed" > "$prefix/share/tandem/example/installed-marker.txt"

"$prefix/bin/tandem" init "$prefix/workspace" --example
test -f "$prefix/workspace/installed-marker.txt" || { echo "init used another example copy"; exit 1; }
"$prefix/bin/tandem" -C "$prefix/workspace" check
echo "installed init --example: ok"
