#!/bin/sh
# Disputed readings in `inami eval`, `inami rules new-year` and the FILL check, `inami rules coverage` and the
# README's coverage table, the checks across sections of `inami rules check`.
INAMI=$1
SRC=$2
. "$(dirname "$0")/lib.sh"
tmp=${TMPDIR:-/tmp}/inami-law-test.$$
mkdir -p "$tmp"

# A GP, 2022, partially conventioned, 20,000 EUR: not eligible, and the other reading is shown.
gp="--profession doctor --year 2022 --specialty general_practice --reimbursed 20000 --convention partial"
expect_ok "gp" "$INAMI" eval $gp
contains "gp" "$out" "Not eligible"
contains "gp" "$out" "Readings (the verdict depends on a disputed reading):"
contains "gp" "$out" "partial conventioning, 'reduced_threshold': eligible, tier partial amount, EUR 2,419.36 (secondary)"
contains "gp" "$out" "the thresholds are CARRIED"
expect_ok "gp json" "$INAMI" eval $gp --json
contains "gp json" "$out" '"disputed":true,"carried_from":2017,"readings":[{"dispute":"partial_convention","id":"full_threshold","applied":true,"default":true,"status":"ok","eligible":false'
contains "gp json" "$out" '{"dispute":"partial_convention","id":"reduced_threshold","applied":false,"default":false,"status":"ok","eligible":true,"tier":"partial","amount_cents":241936'
expect_ok "gp reading" "$INAMI" eval $gp --reading reduced_threshold --json
contains "gp reading" "$out" '"eligible":true,"amount_cents":241936'
expect_fail "gp bad reading" 1 "unknown reading 'nope'" "$INAMI" eval $gp --reading nope
expect_ok "physio 2020" "$INAMI" eval --profession physiotherapist --year 2020 --prestations 1200
contains "physio 2020" "$out" "activity thresholds, 'final_rule_11': not eligible"
expect_ok "no dispute" "$INAMI" eval --profession physiotherapist --year 2022 --prestations 2299 --json
contains "no dispute" "$out" '"disputed":false,"carried_from":null,"readings":[]'

# A new premium year: the skeleton, what is still to fill, then a filled file that loads.
expect_ok "new-year" "$INAMI" rules new-year physiotherapist 2025
contains "new-year" "$out" "[amounts physiotherapist 2025 override]"
contains "new-year" "$out" "intermediate = FILL"
printf '%s\n' "$out" > "$tmp/2025.rules"
expect_fail "check unfilled" 1 "6 values still to fill" "$INAMI" rules check "$tmp/2025.rules"
contains "check unfilled" "$out" "2025.rules:15: base: still to fill"
sed -e 's|^provenance = FILL|provenance = illustrative|' -e 's|^source = FILL|source = https://example.invalid|' \
    -e 's|^note = FILL|note = a test|' -e 's|^base = FILL|base = 2100.00|' \
    -e 's|^intermediate = FILL|intermediate = 2780.00|' -e 's|^full = FILL|full = 3720.00|' \
    "$tmp/2025.rules" > "$tmp/filled.rules"
expect_ok "check filled" "$INAMI" rules check "$tmp/filled.rules"
expect_ok "eval filled" "$INAMI" eval --rules "$tmp/filled.rules" --profession physiotherapist --year 2025 --prestations 2400
contains "eval filled" "$out" "EUR 2,780.00"
expect_ok "new-year absent" "$INAMI" rules new-year nurse 2031
contains "new-year absent" "$out" "[amounts nurse 2031]"
expect_fail "new-year known" 1 "has amounts already" "$INAMI" rules new-year doctor 2022
expect_fail "new-year args" 2 "give the PROFESSION and the YEAR" "$INAMI" rules new-year doctor

# Amounts must rise with the tier.
printf 'inami-rules 1\n[amounts physiotherapist 2022 override]\nfull = 1000.00\nfull.provenance = illustrative\nfull.source = https://example.invalid\n' > "$tmp/low.rules"
expect_fail "check falling" 1 "amounts rise with the tier" "$INAMI" rules check "$tmp/low.rules"

# The README's coverage table is the command's output.
expect_ok "coverage" "$INAMI" rules coverage --markdown
block=$(sed -n '/^<!-- coverage: inami rules coverage --markdown -->$/,/^<!-- end coverage -->$/p' "$SRC/README.md" | sed '1d;$d')
[ "$block" = "$out" ] || fail "README coverage table differs from 'inami rules coverage --markdown'"
contains "coverage" "$out" "| dentist | 2013-2014, 2016-2024, 2026 |"

rm -rf "$tmp"
finish
