#!/usr/bin/env bash
# Installs what a fresh Debian (bookworm) machine lacks to build and test tandem.
# Idempotent: does nothing when every package is already there.
set -euo pipefail

packages=(
  cmake g++ make
  pkg-config libcli11-dev libyaml-cpp-dev libyaml-dev libfccp-dev libfmt-dev catch2
  coinor-libcbc-dev  # match: the exact ILP solver (COIN-OR CBC)
  python3    # the tests parse tandem's JSON with a real parser
  chromium   # the tests render the HTML report in a real headless browser; profiles --format pdf
  fonts-dejavu-core  # profiles: PDF fonts with ä, ö, å, Vietnamese and Turkish letters
  poppler-utils      # profiles: the tests read the PDF back with pdftotext
  python3-scipy  # the match benchmark compares with SciPy's linear_sum_assignment
  libhowardhinnant-date-dev  # schedule: time zones (g++ 12 has no C++20 <chrono> zones)
  libkainjow-mustache-dev    # schedule remind: the message templates (Mustache, header-only)
  libxlsxwriter-dev          # --format xlsx: Excel workbooks
  python3-openpyxl           # --format xlsx: the tests read the workbooks back with another reader
  man-db                     # the tests render every manual page with man -l
  dpkg-dev file              # scripts/package.sh: cpack's dpkg-shlibdeps works out the .deb's dependencies
  msmtp             # schedule remind: the tests send through a real sendmail-style client
  python3-aiosmtpd  # schedule remind: the tests run a real SMTP server on 127.0.0.1
  python3-icalendar # schedule: the tests parse the ICS output with a real parser
  python3-yaml      # import companies: the tests read the rewritten YAML with another reader
  clang libclang-rt-14-dev  # scripts/fuzz.sh: libFuzzer with ASan, UBSan and LeakSanitizer
)

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" \
    || missing+=("$package")
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "installing: ${missing[*]}" >&2
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  sudo="sudo"
fi
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
