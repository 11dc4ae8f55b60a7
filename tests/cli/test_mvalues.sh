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

# Dialects: a UTF-8 byte order mark, semicolons (detected), CRLF, quoted ids holding the delimiter.
printf '\357\273\277provider,code,quantity\r\nphysio-1,560011,1\r\nphysio-1,560416,1\r\n' > "$TMP/bom.csv"
"$INAMI" mvalues "$TMP/bom.csv" --json > "$TMP/o" || fail "bom run"
expect "bom" "$TMP/o" '"provider":"physio-1","status":"ok","prestations":2,"key_values":{"M":40}'
printf 'provider;code;quantity;date\nkine, a;560011;1;01/03/2022\n"kine; b";560416;2;2022-03-02\n' > "$TMP/semi.csv"
"$INAMI" mvalues "$TMP/semi.csv" --json > "$TMP/o" || fail "semicolon run"
cp "$TMP/o" "$TMP/semi.json"
expect "semicolon" "$TMP/o" '"provider":"kine, a","status":"ok","prestations":1,"key_values":{"M":24}'
expect "quoted semicolon" "$TMP/o" '"provider":"kine; b","status":"ok","prestations":2,"key_values":{"M":32}'
"$INAMI" mvalues "$TMP/semi.csv" --delimiter ',' > "$TMP/o" 2> "$TMP/e" && fail "forced comma accepted a semicolon file"
expect "forced comma" "$TMP/e" "semi.csv:1:1: the header has no 'provider' column (columns found: provider;code;quantity;date); map them with --columns"
"$INAMI" mvalues "$TMP/semi.csv" --delimiter ';' --json > "$TMP/o2" || fail "forced semicolon run"
cmp -s "$TMP/semi.json" "$TMP/o2" || fail "forced semicolon differs"
printf 'provider,code,quantity\n"kine, a",560011,1\n"say ""hi""",560011,2\n' > "$TMP/quoted.csv"
"$INAMI" mvalues "$TMP/quoted.csv" --json > "$TMP/o" || fail "quoted run"
expect "quoted comma" "$TMP/o" '"provider":"kine, a","status":"ok","prestations":1,"key_values":{"M":24}'
expect "doubled quote" "$TMP/o" '"provider":"say \\"hi\\"","status":"ok","prestations":2'
"$INAMI" mvalues "$TMP/quoted.csv" --csv > "$TMP/o" || fail "quoted csv run"
expect "csv output quotes the id" "$TMP/o" '^"kine, a",ok,1,24,0,0,,'
expect "csv output doubles quotes" "$TMP/o" '^"say ""hi""",ok,2,48,0,0,,'
printf 'provider,code,quantity\n"kine, a,560011,1\n' > "$TMP/unterminated.csv"
"$INAMI" mvalues "$TMP/unterminated.csv" > "$TMP/o" 2> "$TMP/e" && fail "unterminated quote accepted"
expect "unterminated" "$TMP/e" 'unterminated.csv:2:1: unterminated quoted field'

# Other header names: --columns, matched ignoring case.
printf 'NIHII;Code;QTE;DATE\n12345678901;560011;1;01/03/2022\n' > "$TMP/mapped.csv"
"$INAMI" mvalues "$TMP/mapped.csv" > "$TMP/o" 2> "$TMP/e" && fail "unmapped header accepted"
expect "unmapped" "$TMP/e" "mapped.csv:1:1: the header has no 'provider' column (columns found: NIHII;Code;QTE;DATE); map them with --columns provider="
"$INAMI" mvalues "$TMP/mapped.csv" --columns provider=nihii,code=CODE,quantity=QTE,date=DATE --json > "$TMP/o" || fail "mapped run"
expect "mapped" "$TMP/o" '"provider":"12345678901","status":"ok","prestations":1,"key_values":{"M":24}'
"$INAMI" mvalues "$TMP/mapped.csv" --columns provider > /dev/null 2>&1; [ $? -eq 2 ] || fail "--columns without ="
"$INAMI" mvalues "$TMP/mapped.csv" --columns color=x > /dev/null 2>&1; [ $? -eq 2 ] || fail "--columns unknown role"
"$INAMI" mvalues "$TMP/mapped.csv" --columns provider=QTE,quantity=qte > /dev/null 2>&1; [ $? -eq 2 ] || fail "--columns clash"
"$INAMI" mvalues "$TMP/mapped.csv" --delimiter tab > /dev/null 2>&1; [ $? -eq 2 ] || fail "--delimiter tab"

# --year: lines dated in other years are left out, counted and reported; undated lines are counted.
printf 'provider,code,quantity,date\nphysio-1,560011,1,2019-06-01\nphysio-1,560011,1,2022-06-01\nphysio-1,560416,1,\nphysio-2,560011,3,31/01/2023\n' > "$TMP/years.csv"
"$INAMI" mvalues "$TMP/years.csv" --year 2022 > "$TMP/o" || fail "year run"
expect "year text" "$TMP/o" '^2 lines outside 2022 were left out$'
expect "undated text" "$TMP/o" '^1 undated line counted (its year is not known)$'
expect "year totals" "$TMP/o" '^physio-1: 2 prestations, M 40 .*; 1 outside 2022$'
expect "provider with only other years" "$TMP/o" '^physio-2: 0 prestations; 1 outside 2022$'
"$INAMI" mvalues "$TMP/years.csv" --year 2022 --json > "$TMP/o" || fail "year json run"
expect "year json" "$TMP/o" '"premium_year":2022,"lines_outside_year":2,"undated_lines":1,'
expect "year json provider" "$TMP/o" '"provider":"physio-1","status":"ok","prestations":2,"key_values":{"M":40},.*"lines_outside_year":1,"undated_lines":1}'
"$INAMI" mvalues "$TMP/years.csv" --year 2022 --profession physiotherapist --csv > "$TMP/o" || fail "year csv run"
expect "year csv header" "$TMP/o" '^provider,status,prestations,M,R,V,unknown_codes,notes,eligible,tier,amount_eur,next_tier,missing_prestations,missing_key_value,lines_outside_year,undated_lines$'
expect "year csv row" "$TMP/o" '^physio-2,ok,0,0,0,0,,,no,,0.00,base,1500,36000,1,0$'
"$INAMI" mvalues "$TMP/years.csv" --json > "$TMP/o" || fail "no year run"
expect "no year: every line" "$TMP/o" '"provider":"physio-1","status":"ok","prestations":3,"key_values":{"M":64}'

# A provider whose totals are in error: exit 3, one line on stderr, the JSON says which.
printf 'code,key_letter,value,valid_from,valid_to,provenance,source_url\n999001,M,10000000,,,official,https://example.invalid/test-only\n' > "$TMP/huge_value.csv"
printf 'provider,code,quantity\nok-1,560011,1\nbig,999001,2147483647\nbig,999001,2147483647\nbig,999001,2147483647\nbig,999001,2147483647\nbig,999001,2147483647\n' > "$TMP/overflow.csv"
"$INAMI" mvalues "$TMP/overflow.csv" --nomenclature "$TMP/huge_value.csv" --json > "$TMP/o" 2> "$TMP/e"; rc=$?
[ $rc -eq 3 ] || fail "overflow: exit $rc, expected 3"
[ "$(wc -l < "$TMP/e")" -eq 1 ] || fail "overflow: stderr is not one line"
expect "overflow message" "$TMP/e" '^inami: the totals of 1 provider are in error (first: big, overflow)$'
expect "overflow json" "$TMP/o" '"providers_in_error":\["big"\]'
expect "overflow status" "$TMP/o" '"provider":"big","status":"overflow","prestations":null'
expect "others unaffected" "$TMP/o" '"provider":"ok-1","status":"ok","prestations":1,"key_values":{"M":24}'
"$INAMI" mvalues "$TMP/overflow.csv" --nomenclature "$TMP/huge_value.csv" > "$TMP/o" 2> /dev/null; rc=$?
[ $rc -eq 3 ] || fail "overflow text: exit $rc, expected 3"
expect "overflow text" "$TMP/o" '^big: error: total overflows$'
"$INAMI" mvalues --help | grep -q '3 totals made but some provider' || fail "help documents exit 3"

# Doctors are evaluated on the amount reimbursed: one explanation, no error per provider.
"$INAMI" mvalues "$DATA/forty_m.csv" --year 2022 --profession doctor > "$TMP/o" 2> "$TMP/e" || fail "doctor run"
[ "$(grep -c 'not evaluated' "$TMP/o")" -eq 1 ] || fail "doctor: one explanation expected"
expect "doctor why" "$TMP/o" "^not evaluated: doctor tiers are reached on the amount INAMI reimbursed, which billing lines do not carry; evaluate each doctor with 'inami eval --profession doctor --year 2022 --specialty ID --reimbursed EUR'$"
grep -q 'invalid argument' "$TMP/o" && fail "doctor: an error per provider"
"$INAMI" mvalues "$DATA/forty_m.csv" --year 2022 --profession doctor --json > "$TMP/o" || fail "doctor json run"
expect "doctor json" "$TMP/o" '"not_evaluated":"doctor tiers are reached on the amount INAMI reimbursed'
grep -q '"evaluation_status"' "$TMP/o" && fail "doctor json: evaluation fields per provider"

# Command-line errors.
"$INAMI" mvalues > /dev/null 2>&1; [ $? -eq 2 ] || fail "no file: exit 2"
"$INAMI" mvalues "$DATA/forty_m.csv" --profession physiotherapist > /dev/null 2>&1; [ $? -eq 2 ] || fail "profession without year"
"$INAMI" mvalues "$DATA/forty_m.csv" --json --csv > /dev/null 2>&1; [ $? -eq 2 ] || fail "json and csv"
"$INAMI" mvalues /nonexistent.csv > /dev/null 2>&1; [ $? -eq 1 ] || fail "missing file: exit 1"
"$INAMI" mvalues "$DATA/forty_m.csv" --threads 0 > /dev/null 2>&1; [ $? -eq 2 ] || fail "--threads 0"
"$INAMI" mvalues "$DATA/forty_m.csv" --threads 3 > /dev/null 2>&1; [ $? -eq 2 ] || fail "--threads 3"
# --profession takes the names a person uses, as every command does.
"$INAMI" mvalues "$DATA/forty_m.csv" --year 2022 --profession Kiné --json > "$TMP/kine.json" || fail "kiné"
cmp -s "$TMP/kine.json" "$TMP/eval.json" || fail "--profession Kiné differs from physiotherapist"
"$INAMI" mvalues "$DATA/forty_m.csv" --year 2022 --profession plombier > /dev/null 2> "$TMP/e"; [ $? -eq 2 ] || fail "unknown profession: exit 2"
expect "unknown profession" "$TMP/e" "unknown profession 'plombier'"
"$INAMI" mvalues "$DATA/forty_m.csv" --year 2022 --profession nurse --profession nurse > /dev/null 2>&1; [ $? -eq 2 ] || fail "repeated --profession"
"$INAMI" mvalues --help | grep -q 'usage: inami mvalues' || fail "help"
echo "ok"
