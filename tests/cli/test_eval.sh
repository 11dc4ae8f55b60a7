#!/bin/sh
# `inami eval`: JSON and human output, defaults, and every bad command line.
INAMI=$1
. "$(dirname "$0")/lib.sh"

# The reference case: docs/sources/physiotherapists.md, 2022 base 1,790.34 (Securex).
expect_ok "physio 2022" "$INAMI" eval --profession physiotherapist --year 2022 --prestations 2299 --json
contains "physio json" "$out" '"eligible":true'
contains "physio json" "$out" '"amount_cents":179034'
contains "physio json" "$out" '"tier":"base"'
contains "physio json" "$out" '"payee":"insurance_contract"'
contains "physio json" "$out" '"checks":[{"id":"conventioned"'
contains "physio json" "$out" '"next_tier":{"tier":"intermediate","amount_cents":236579'
contains "physio json" "$out" '{"measure":"prestations","threshold":2300,"missing":1}'

expect_ok "physio human" "$INAMI" eval --profession physiotherapist --year 2022 --prestations 2299
contains "human" "$out" "Eligible: EUR 1,790.34"
contains "human" "$out" "prestations: 1 more (threshold 2300)"

# French labels
expect_ok "lang fr" "$INAMI" eval --profession physiotherapist --year 2022 --prestations 2299 --lang fr
contains "lang fr" "$out" "Conventionné"

# Not eligible still exits 0.
expect_ok "not eligible" "$INAMI" eval --profession pharmacist --year 2022 --hours-per-week 10 --json
contains "not eligible" "$out" '"eligible":false'
contains "not eligible" "$out" '"amount_cents":0'

# Retired dentist: bank account (docs/sources/common.md); dentists 2023: 3,523.05.
expect_ok "retired" "$INAMI" eval --profession dentist --year 2023 --prestations 300 --retired --json
contains "retired" "$out" '"payee":"bank_account"'
contains "retired" "$out" '"amount_cents":352305'

# Doctor with specialty (docs/sources/doctors.md; 2022 full 5,128.78).
expect_ok "doctor" "$INAMI" eval --profession doctor --year 2022 --specialty general_practice --reimbursed 25000 --json
contains "doctor" "$out" '"amount_cents":512878'
expect_ok "doctor trainee" "$INAMI" eval --profession doctor --year 2024 --trainee --json
contains "doctor trainee" "$out" '"amount_cents":791668'

# Pro rata, pharmacists (INAMI: 1 October gives 3/12); 2022 full 3,123.92 -> 780.98.
expect_ok "pro rata" "$INAMI" eval --profession pharmacist --year 2022 --hours-per-week 38 --first-number 2022-10-01 --json
contains "pro rata" "$out" '"amount_cents":78098'
contains "pro rata" "$out" '"months":3'

# DERIVED years need --allow-derived (physiotherapists 2017 = 2016 x 1.0251).
expect_fail "derived refused" 1 "DERIVED" "$INAMI" eval --profession physiotherapist --year 2017 --prestations 1600
expect_ok "derived allowed" "$INAMI" eval --profession physiotherapist --year 2017 --prestations 1600 --allow-derived --json
contains "derived allowed" "$out" '"amount_cents":144404'
contains "derived allowed" "$out" '"provenance":"derived"'

# Rules files layered on top.
expect_ok "rules layer" "$INAMI" eval --rules "$2/examples/rules/add-premium-year-2025.rules" --profession physiotherapist --year 2025 --prestations 2400 --json
contains "rules layer" "$out" '"provenance":"illustrative"'
contains "rules layer" "$out" 'ILLUSTRATIVE'

# Bad input: one line on stderr, non-zero exit.
expect_fail "no rules" 1 "no rules for physiotherapist premium year 2031" "$INAMI" eval --profession physiotherapist --year 2031 --prestations 10
expect_fail "not found year" 1 "NOT FOUND" "$INAMI" eval --profession nurse --year 2025 --reimbursed 40000
expect_fail "unknown profession" 2 "unknown profession 'plumber'" "$INAMI" eval --profession plumber --year 2022
expect_fail "missing profession" 2 "--profession is required" "$INAMI" eval --year 2022
expect_fail "missing year" 2 "--year is required" "$INAMI" eval --profession doctor
expect_fail "negative" 2 "negative" "$INAMI" eval --profession physiotherapist --year 2022 --prestations -5
expect_fail "not a number" 2 "not a whole number" "$INAMI" eval --profession physiotherapist --year 2022 --prestations 12x
expect_fail "huge" 2 "too large" "$INAMI" eval --profession physiotherapist --year 2022 --prestations 99999999999999999999999
expect_fail "overflow" 1 "too large" "$INAMI" eval --profession physiotherapist --year 2022 --prestations 9223372036854775807
expect_fail "bad euros" 2 "not a euro amount" "$INAMI" eval --profession nurse --year 2022 --reimbursed 1,000
expect_fail "bad date" 2 "not a date" "$INAMI" eval --profession nurse --year 2022 --reimbursed 40000 --first-number 2022-02-30
expect_fail "bad convention" 2 "not full, partial or none" "$INAMI" eval --profession nurse --year 2022 --convention maybe
expect_fail "partial physio" 1 "partial conventioning does not exist" "$INAMI" eval --profession physiotherapist --year 2022 --prestations 3000 --convention partial
expect_fail "no activity" 1 "give the activity" "$INAMI" eval --profession physiotherapist --year 2022
expect_fail "specialty needed" 1 "specialty" "$INAMI" eval --profession doctor --year 2022 --reimbursed 30000
expect_fail "unknown specialty" 1 "unknown specialty 'astrology'" "$INAMI" eval --profession doctor --year 2022 --reimbursed 30000 --specialty astrology
expect_fail "missing value" 2 "needs a value" "$INAMI" eval --profession
expect_fail "unknown option" 2 "unknown option '--colour'" "$INAMI" eval --colour red --profession doctor --year 2022
expect_fail "bad lang" 2 "unknown language" "$INAMI" eval --profession nurse --year 2022 --reimbursed 40000 --lang de
expect_fail "missing rules file" 1 "cannot open rules file" "$INAMI" eval --rules /nonexistent.rules --profession nurse --year 2022 --reimbursed 40000
expect_fail "unknown command" 2 "unknown command 'evaluate'" "$INAMI" evaluate
expect_ok "help" "$INAMI" eval --help
contains "help" "$out" "usage: inami eval"
finish
