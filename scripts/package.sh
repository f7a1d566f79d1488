#!/usr/bin/env bash
# Builds the Debian package with CPack: BUILD_DIR/tandem_VERSION_ARCH.deb (binary, man
# pages, bash completion, example workspace, docs, a commented /etc/cron.d/tandem).
# Usage: scripts/package.sh [BUILD_DIR]   (default: build-deb; an existing build folder
# is reused, with its tests, and only given the /usr prefix)
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir=${1:-build-deb}
if [ -f "$build_dir/CMakeCache.txt" ]; then
  cmake -S . -B "$build_dir" -DCMAKE_INSTALL_PREFIX=/usr -DTANDEM_CRON_DIR=/etc/cron.d > /dev/null
else
  cmake -S . -B "$build_dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_INSTALL_PREFIX=/usr \
    -DTANDEM_CRON_DIR=/etc/cron.d -DBUILD_TESTING=OFF > /dev/null
fi
cmake --build "$build_dir" -j "$(nproc 2>/dev/null || echo 2)"
(cd "$build_dir" && cpack -G DEB > /dev/null)
ls "$build_dir"/tandem_*.deb
