#!/usr/bin/env bash
# The test command (README): installs what is missing, builds with warnings as
# errors, runs every test, builds the Debian package from that build and tests it
# unpacked in a throwaway root, then builds again under AddressSanitizer and
# UndefinedBehaviorSanitizer and runs every test there too, and last runs each
# fuzz target for 45 s (4.5 minutes in all; scripts/fuzz.sh).
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh
jobs=$(nproc 2>/dev/null || echo 2)

cmake -S . -B build-ci -DCMAKE_BUILD_TYPE=RelWithDebInfo -DTANDEM_WERROR=ON
cmake --build build-ci -j "$jobs"
(cd build-ci && ctest --output-on-failure -j "$jobs")
rm -f build-ci/tandem_*.deb
scripts/package.sh build-ci
tests/package/deb_test.sh build-ci/tandem_*.deb

cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DTANDEM_WERROR=ON -DTANDEM_SANITIZE=ON
cmake --build build-asan -j "$jobs"
(cd build-asan && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
  ctest --output-on-failure -j "$jobs")

scripts/fuzz.sh 45
