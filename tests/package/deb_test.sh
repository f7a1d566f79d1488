#!/usr/bin/env bash
# The Debian package as a machine would get it: unpacked into a throwaway root
# (dpkg -x), its own binary runs `init --example` and `check`, every manual page
# (compressed, as Debian policy 12.1 asks, with gzip -n)
# renders without a warning, the completion loads, the cron example is all
# comments, and the dependencies are the library packages dpkg-shlibdeps found.
# Usage: tests/package/deb_test.sh tandem_VERSION_ARCH.deb
set -euo pipefail
deb=$1
root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
fail() { echo "deb_test: $*" >&2; exit 1; }

dpkg -x "$deb" "$root"
depends=$(dpkg-deb -f "$deb" Depends)
for library in libyaml-cpp coinor-libcbc libfmt libxlsxwriter libdate-tz; do
  [[ $depends == *"$library"* ]] || fail "Depends lacks $library: $depends"
done
[ "$(dpkg-deb -f "$deb" Package)" = tandem ] || fail "the package is not named tandem"

tandem=$root/usr/bin/tandem
"$tandem" --version | grep -q '^tandem ' || fail "the installed binary does not run"
"$tandem" init --example "$root/workspace" > /dev/null
"$tandem" -C "$root/workspace" check > /dev/null
[ -f "$root/workspace/imports/peppi-opiskelijat.csv" ] || fail "the example workspace lacks its imports"

pages=("$root"/usr/share/man/man1/*.1.gz)
[ ${#pages[@]} -ge 20 ] || fail "only ${#pages[@]} manual pages"
! compgen -G "$root/usr/share/man/man1/*.1" > /dev/null || fail "uncompressed manual pages (Debian policy 12.1)"
for page in "${pages[@]}"; do
  # gzip -n: no file name (flags 00) and no time stamp (0) in the header, so builds are reproducible.
  header=$(od -An -tx1 -N8 "$page" | tr -d ' \n')
  [ "${header:0:4}" = 1f8b ] && [ "${header:6:10}" = 0000000000 ] || fail "$(basename "$page") is not gzip -n: $header"
  warnings=$(MANWIDTH=80 man --warnings -l "$page" 2>&1 > /dev/null)
  [ -z "$warnings" ] || fail "$(basename "$page"): $warnings"
  MANWIDTH=80 man -l "$page" 2>/dev/null | grep -q '^NAME' || fail "$(basename "$page") has no NAME section"
done
MANWIDTH=80 man -l "$root/usr/share/man/man1/tandem-report.1.gz" | grep -q -- '--format' \
  || fail "tandem-report(1) does not list --format"

completion=$root/usr/share/bash-completion/completions/tandem
[ "$(bash -c "source '$completion'; complete -p tandem")" = "complete -F _tandem tandem" ] \
  || fail "the completion does not register for tandem"

cron=$root/etc/cron.d/tandem
[ -f "$cron" ] || fail "no /etc/cron.d/tandem"
! grep -v -E '^(#|$)' "$cron" || fail "the cron example has a line that is not commented out"
[ -f "$root/usr/share/doc/tandem/commands.md" ] || fail "docs/commands.md is not installed"
echo "deb_test: ok ($(basename "$deb"): ${#pages[@]} manual pages)"
