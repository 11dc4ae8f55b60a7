#!/bin/sh
# The bash completion of inami: with the completion file sourced and COMP_WORDS set as
# bash sets them, the candidates offered for commands, subcommands, options and the
# values of --profession, --year, --lang and dossier events.
# Usage: completion.sh INAMI COMPLETION-FILE
set -u
cli=$1 file=$2
command -v bash >/dev/null 2>&1 || { echo "bash not found"; exit 1; }
fail=0

cmd=$cli func=_inami
. "$(dirname "$0")/completion_lib.sh"

expect "ev" "eval"
expect "rules sp" "specialties"
expect_has "''" eval rules mvalues allocate dossier --help --version
expect_has "rules ''" list show specialties check dump doc
expect "rules doc --h" "--help --html"
expect_has "eval --" --profession --year --prestations --m-values --lang --json --rules --allow-derived
expect "eval --lang ''" "en fr nl"
expect "eval --convention ''" "full none partial"
expect "eval --profession phy" "physiotherapist"
expect "eval --specialty general_p" "general_practice"
expect "dossier apply --file d.txt contract_r" "contract_received"
expect "eval --prestations ''" ""

# professions and years come from the rules data ('inami rules list')
professions=$("$cli" rules list | awk '/^[a-z_]+ +[0-9]/ { print $1 }' | sort | tr '\n' ' ' | sed 's/ $//')
[ -n "$professions" ] || { echo "FAIL: inami rules list gives no profession"; fail=1; }
expect "eval --profession ''" "$professions"
years=$("$cli" rules list --profession midwife | awk '/^midwife/ { for (i = 2; i <= NF; i++) { sub(/\*$/, "", $i); print $i } }' |
	sort | tr '\n' ' ' | sed 's/ $//')
[ -n "$years" ] || { echo "FAIL: no premium year for midwife"; fail=1; }
expect "eval --profession midwife --year ''" "$years"
expect_has "eval --year 20" 2022 2024

[ "$fail" -eq 0 ] && echo "completion: every case offered the expected candidates"
exit "$fail"
