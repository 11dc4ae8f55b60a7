#!/bin/sh
# inami mvalues: totals per provider from a billing CSV. $1 = inami binary, $2 = source dir.
# Golden values: 560011 M24 + 560416 M16 = 40 M (INAMI statut social page
# https://www.inami.fgov.be/fr/professionnels/sante/kinesitherapeutes/Pages/beneficier-statut-social-kinesitherapeute.aspx);
# 713016 R17.5 until 2023-04-30 and R15 from 2023-05-01 (docs/sources/speech_therapists.md,
# https://vlex.be/vid/koninklijk-besluit-tot-wijziging-926303670); physiotherapist 2022 base tier
# 1,500 prestations or 36,000 M (docs/sources/physiotherapists.md).
INAMI=$1
DATA=$2/tests/data/billing
TMP=${TMPDIR:-/tmp}/inami_mvalues_$$
mkdir -p "$TMP"
trap 'rm -rf "$TMP"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
expect() { # expect NAME FILE PATTERN
	grep -q -- "$3" "$2" || { echo "--- $2:"; cat "$2"; fail "$1: '$3' not found"; }
}

"$INAMI" mvalues "$DATA/forty_m.csv" --json > "$TMP/out.json" || fail "json run"
expect "40 M" "$TMP/out.json" '"provider":"physio-1","status":"ok","prestations":2,"key_values":{"M":40}'
expect "R 2x17.5 + 15" "$TMP/out.json" '"provider":"physio-2","status":"ok","prestations":6,"key_values":{"R":50}'
expect "unknown code" "$TMP/out.json" '"unknown_codes":\[{"code":"567011","quantity":3,"reason":"unknown_code"}\]'
expect "correction" "$TMP/out.json" '"provider":"physio-3","status":"ok","prestations":3,"key_values":{"M":72}'
expect "incomplete" "$TMP/out.json" '"incomplete"'

# Evaluation: 40 M is far from the 2022 base tier (36,000 M or 1,500 prestations).
"$INAMI" mvalues "$DATA/forty_m.csv" --year 2022 --profession physiotherapist --json > "$TMP/eval.json" || fail "eval run"
expect "missing" "$TMP/eval.json" '"next_tier":"base","missing":{"prestations":1498,"M":35960}'

# CSV output, one row per provider.
"$INAMI" mvalues "$DATA/forty_m.csv" --csv > "$TMP/out.csv" || fail "csv run"
[ "$(wc -l < "$TMP/out.csv")" -eq 4 ] || fail "csv rows"
expect "csv row" "$TMP/out.csv" '^physio-1,ok,2,40,0,0,,'

# Standard input.
"$INAMI" mvalues - --json < "$DATA/forty_m.csv" > "$TMP/stdin.json" || fail "stdin run"
cmp -s "$TMP/out.json" "$TMP/stdin.json" || fail "stdin output differs"
cat "$DATA/forty_m.csv" | "$INAMI" mvalues - --json > "$TMP/pipe.json" || fail "pipe run"
cmp -s "$TMP/out.json" "$TMP/pipe.json" || fail "pipe output differs"
"$INAMI" mvalues "$DATA/forty_m.csv" --json --threads 2 > "$TMP/t2.json" || fail "--threads 2 run"
cmp -s "$TMP/out.json" "$TMP/t2.json" || fail "--threads 2 output differs"

# A user nomenclature adds a code (illustrative, so only with --allow-derived).
"$INAMI" mvalues "$DATA/forty_m.csv" --nomenclature "$DATA/extra_codes.csv" --allow-derived --json > "$TMP/nom.json" || fail "nomenclature run"
expect "added code" "$TMP/nom.json" '"provider":"physio-2","status":"ok","prestations":6,"key_values":{"M":72,"R":50}'
"$INAMI" mvalues "$DATA/forty_m.csv" --nomenclature "$DATA/malformed.csv" > "$TMP/o" 2> "$TMP/e" && fail "bad nomenclature accepted"
expect "nomenclature error" "$TMP/e" "malformed.csv:1:1: header has no 'key_letter' column"

# Malformed line: error with its line number; --skip-bad skips and counts it.
"$INAMI" mvalues "$DATA/malformed.csv" > "$TMP/o" 2> "$TMP/e"; rc=$?
[ $rc -eq 1 ] || fail "malformed exit $rc"
expect "line number" "$TMP/e" 'malformed.csv:3:11: quantity is not a whole number'
"$INAMI" mvalues "$DATA/malformed.csv" --skip-bad --json > "$TMP/o" || fail "skip-bad run"
expect "skipped" "$TMP/o" '"lines":2,"skipped_lines":1'
expect "skip total" "$TMP/o" '"key_values":{"M":40}'

# Empty file: an error; header only: no providers.
: > "$TMP/empty.csv"
"$INAMI" mvalues "$TMP/empty.csv" > "$TMP/o" 2> "$TMP/e" && fail "empty file accepted"
expect "empty" "$TMP/e" 'empty input'
echo "provider,code,quantity" > "$TMP/header.csv"
"$INAMI" mvalues "$TMP/header.csv" --json > "$TMP/o" || fail "header-only run"
expect "no providers" "$TMP/o" '"providers":\[\]'

# Huge quantities: above int32 is malformed; a total below zero is an error for that provider only.
printf 'provider,code,quantity\np,560011,99999999999\n' > "$TMP/huge.csv"
"$INAMI" mvalues "$TMP/huge.csv" > "$TMP/o" 2> "$TMP/e" && fail "huge quantity accepted"
expect "too large" "$TMP/e" 'huge.csv:2:10: quantity is too large'
printf 'provider,code,quantity\np,560011,2147483647\np,560011,2147483647\nq,560011,-1\n' > "$TMP/big.csv"
"$INAMI" mvalues "$TMP/big.csv" --json > "$TMP/o" 2> "$TMP/e"; rc=$?
[ $rc -eq 3 ] || fail "big run: exit $rc, expected 3 (a provider in error)"
expect "big total" "$TMP/o" '"provider":"p","status":"ok","prestations":4294967294,"key_values":{"M":103079215056}'
expect "negative" "$TMP/o" '"provider":"q","status":"negative","prestations":null'

# Command-line errors.
"$INAMI" mvalues > /dev/null 2>&1; [ $? -eq 2 ] || fail "no file: exit 2"
"$INAMI" mvalues "$DATA/forty_m.csv" --profession physiotherapist > /dev/null 2>&1; [ $? -eq 2 ] || fail "profession without year"
"$INAMI" mvalues "$DATA/forty_m.csv" --json --csv > /dev/null 2>&1; [ $? -eq 2 ] || fail "json and csv"
"$INAMI" mvalues /nonexistent.csv > /dev/null 2>&1; [ $? -eq 1 ] || fail "missing file: exit 1"
"$INAMI" mvalues "$DATA/forty_m.csv" --threads 0 > /dev/null 2>&1; [ $? -eq 2 ] || fail "--threads 0"
"$INAMI" mvalues "$DATA/forty_m.csv" --threads 3 > /dev/null 2>&1; [ $? -eq 2 ] || fail "--threads 3"
"$INAMI" mvalues --help | grep -q 'usage: inami mvalues' || fail "help"
echo "ok"
