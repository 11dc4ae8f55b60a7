#!/bin/sh
# `inami rules`: list, show, specialties, check, dump (and dump | check round trip).
INAMI=$1
SRC=$2
. "$(dirname "$0")/lib.sh"
tmp=${TMPDIR:-/tmp}/inami-rules-test.$$
mkdir -p "$tmp"

expect_ok "list" "$INAMI" rules list
contains "list" "$out" "physiotherapist   2003 2009 2015* 2016 2017*"
contains "list" "$out" "midwife           2023 2024"
expect_ok "list json" "$INAMI" rules list --profession doctor --json
contains "list json" "$out" '{"professions":[{"profession":"doctor","years":[2007,2010'
contains "list json" "$out" '"derived_years":[]'

expect_ok "show" "$INAMI" rules show --profession physiotherapist --year 2022
contains "show" "$out" "tier base"
contains "show" "$out" "1790.34"
contains "show" "$out" "securex"
contains "show" "$out" "maximum prestations"
expect_ok "show conflict" "$INAMI" rules show --profession physiotherapist --year 2020
contains "show conflict" "$out" "CONFLICT: 1335"
expect_ok "show json" "$INAMI" rules show --profession speech_therapist --year 2023 --json
contains "show json" "$out" '"id":"base"'
contains "show json" "$out" '"cents":142427'
expect_ok "show doctor" "$INAMI" rules show --profession doctor --year 2022 --specialty surgery
contains "show doctor" "$out" "51498.05"
expect_fail "show no year" 1 "no rules for midwife premium year 2022" "$INAMI" rules show --profession midwife --year 2022
expect_fail "show args" 2 "--profession and --year are required" "$INAMI" rules show --profession midwife

expect_ok "specialties" "$INAMI" rules specialties --lang nl
contains "specialties" "$out" "huisartsgeneeskunde"

expect_ok "check example" "$INAMI" rules check "$SRC/examples/rules/correct-physiotherapist-2022.rules"
contains "check example" "$out" "ok"
printf 'inami-rules 1\n[amounts physiotherapist 2022 override]\nbase = 1,800\nprovenance = official\nsource = https://x\n' > "$tmp/bad.rules"
expect_fail "check bad" 1 "bad.rules:3:8: malformed number" "$INAMI" rules check "$tmp/bad.rules"
expect_fail "check none" 2 "give the FILE" "$INAMI" rules check

# Dumping then loading gives identical rules: dump, check standalone, dump again.
"$INAMI" rules dump > "$tmp/all.rules" || fail "dump"
expect_ok "check dump standalone" "$INAMI" rules check --standalone "$tmp/all.rules"
"$INAMI" rules dump --rules "$tmp/all.rules" > /dev/null 2>&1 && fail "dump over itself should clash (duplicate sections)"
expect_ok "dump one year" "$INAMI" rules dump --profession nurse --year 2023
contains "dump one year" "$out" "[amounts nurse 2023]"
printf '%s\n' "$out" > "$tmp/nurse.rules"
expect_ok "check one year" "$INAMI" rules check --standalone "$tmp/nurse.rules"
expect_fail "unknown sub" 2 "unknown subcommand 'frobnicate'" "$INAMI" rules frobnicate
rm -rf "$tmp"
finish
