#!/usr/bin/env bash
# The manual pages and the bash completion written at build time (cli/docgen.cpp):
# a page for every command `tandem --help` lists, each option of a command's --help
# in its page, pages that render without a warning, and completions that offer
# commands, options, formats and the workspace's term ids.
# docs/commands.md is checked too: every option of every --help is in it.
# Usage: manual_test.sh TANDEM_BINARY GENERATED_DIR WORKSPACE COMMANDS_MD
set -euo pipefail
tandem=$1
generated=$2
workspace=$3
reference=$4
fail() { echo "manual_test: $*" >&2; exit 1; }

subcommands_of() { "$tandem" "$@" --help | sed -n '/^Subcommands:/,/^$/p' | awk 'NR > 1 && /^  [a-z]/ {print $1}'; }
# A command path's page has every option its --help lists, and so has commands.md.
check_page() {
  local words="$*"
  local page=$generated/man1/tandem-${words// /-}.1
  [ -f "$page" ] || fail "no manual page for '$*'"
  local warnings; warnings=$(MANWIDTH=80 man --warnings -l "$page" 2>&1 > /dev/null)
  [ -z "$warnings" ] || fail "$(basename "$page"): $warnings"
  local text; text=$(MANWIDTH=200 man -l "$page" 2>/dev/null)
  for option in $("$tandem" "$@" --help | sed -n '/^Options:/,/^Subcommands:/p' | grep -o -E -- '--[a-z][a-z-]+' | sort -u); do
    grep -q -- "$option" <<< "$text" || fail "$(basename "$page") lacks $option, which its --help lists"
    [ "$option" = --help ] || grep -q -- "$option" "$reference" \
      || fail "$(basename "$reference") lacks '$*' $option"
  done
}
commands=$(subcommands_of)
[ -n "$commands" ] || fail "tandem --help lists no commands"
for command in $commands; do
  check_page "$command"
  grep -q "^## $command\$" "$reference" || fail "$(basename "$reference") has no section for $command"
  for subcommand in $(subcommands_of "$command"); do
    check_page "$command" "$subcommand"
  done
done
MANWIDTH=200 man -l "$generated/man1/tandem.1" | grep -q 'TANDEM_WORKSPACE' || fail "tandem.1 lacks ENVIRONMENT"
MANWIDTH=200 man -l "$generated/man1/tandem-placement-list.1" | grep -q 'tandem placement list' \
  || fail "tandem-placement-list.1 lacks its synopsis"

# Completion: COMP_WORDS as bash fills them, the last word being completed.
complete_words() {
  bash -c 'source "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 )); _tandem
           echo "${COMPREPLY[*]}"' _ "$generated/completion/tandem" "$@"
}
expect() {
  local want=$1; shift
  local got; got=$(complete_words "$@")
  [ "$got" = "$want" ] || fail "completing '$*': expected '$want', got '$got'"
}
[ "$(bash -c "source '$generated/completion/tandem'; complete -p tandem")" = "complete -F _tandem tandem" ] \
  || fail "the completion does not register for tandem"
expect "init import" tandem i
expect "csv html json md xlsx" tandem report --format ""
expect "csv html json md xlsx" tandem report participants --format ""
expect "lock list" tandem placement l
expect "students" tandem import stu
expect "--map" tandem import students --m
expect "2025-spring 2025-autumn" tandem -C "$workspace" report --term 2025
expect "2025-autumn" tandem -C "$workspace" schedule --term 2025-a
expect "--verbose" tandem check --verb
echo "manual_test: ok"
