#!/bin/sh
# Rebuild the SEED inputs of the fuzz corpora from the project's data files:
#   sh tests/fuzz/make_seeds.sh OUT_DIR
# writes OUT_DIR/<target>/ for each harness: whole data files plus small
# pieces (the header and one section of each rules file, the header and a few
# rows of each CSV), which libFuzzer mutates faster than whole files.
# The committed corpus (tests/fuzz/corpus/) is these seeds merged with what
# fuzzing found, minimised with -merge=1 (tools/fuzz.sh does both).
set -eu
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
OUT=$1
mkdir -p "$OUT/rules" "$OUT/nomenclature" "$OUT/billing_csv" "$OUT/products" "$OUT/dossier" "$OUT/messages"

# rules: whole files, then "inami-rules 1" + one section per seed
for f in "$ROOT"/libinami/data/*.rules "$ROOT"/examples/rules/*.rules; do
	b=$(basename "$f" .rules)
	cp "$f" "$OUT/rules/whole-$b"
	awk -v out="$OUT/rules/sec-$b-" '
		/^\[/ { n++; file = sprintf("%s%03d", out, n); print "inami-rules 1" > file }
		n > 0 { print >> file }
	' "$f"
done

# nomenclature: whole files, then the header and 1..20 rows
for f in "$ROOT"/libinami/data/nomenclature.csv "$ROOT"/tests/data/billing/nomenclature_domain.csv \
	"$ROOT"/tests/data/billing/extra_codes.csv; do
	b=$(basename "$f" .csv)
	cp "$f" "$OUT/nomenclature/whole-$b"
done
f=$ROOT/libinami/data/nomenclature.csv
hdr=$(grep -n '^code,' "$f" | head -1 | cut -d: -f1)
body=$(($(wc -l < "$f") - hdr))
i=1
while [ "$i" -le "$body" ]; do
	{ sed -n "${hdr}p" "$f"; sed -n "$((hdr + i)),$((hdr + i + 2))p" "$f"; } > "$OUT/nomenclature/rows-$i"
	i=$((i + 3))
done

# billing CSV: the fixtures and a few hand-made variants (date column first, CRLF, corrections)
for f in "$ROOT"/tests/data/billing/forty_m.csv "$ROOT"/tests/data/billing/malformed.csv; do
	cp "$f" "$OUT/billing_csv/whole-$(basename "$f" .csv)"
done
printf 'date,provider,quantity,code\n2022-03-01,a,1,560011\n2022-03-02,b,2,560416\n' > "$OUT/billing_csv/date-first"
printf 'provider,code,quantity\r\np1,560011,3\r\np1,560011,-1\r\np2,713016,1\r\n' > "$OUT/billing_csv/crlf-undated"
printf 'provider,code,quantity,date,extra\np,999999,1,2022-01-01,x\n\np,560011,2147483647,2022-02-28,y\n' > "$OUT/billing_csv/unknown-and-big"
# dialects: the second byte picks the harness's options (delimiter, column names, date range)
printf '\357\273\277provider;code;quantity;date\r\n"kine; a";560011;1;01/03/2022\r\nkine, b;560416;-1;2023-05-02\r\n' > "$OUT/billing_csv/bom-semicolon"
printf 'NIHII;Code;QTE;date;note\n"a;b";560011;1;01/03/2022;"n;""o"""\nc;560416;2;31/12/2021;x\nc;560011;1;;\n' > "$OUT/billing_csv/mapped-quoted"
printf 'provider,code,quantity,date\na,560011,1,2023-04-30\na,560011,1,2023-05-01\nb,560416,3,2019-01-01\nb,560416,1,\n' > "$OUT/billing_csv/years"

# products and dossiers
cp "$ROOT"/examples/products/*.products "$OUT/products/" 2>/dev/null || true
awk -v out="$OUT/products/one-" '
	/^\[/ { n++; file = sprintf("%s%02d", out, n); print "format = 1" > file }
	n > 0 { print >> file }
' "$ROOT"/examples/products/examples.products
cp "$ROOT/tests/bad-input/good/example.dossier" "$OUT/dossier/doc-example"   # docs/dossier.md's example
cat > "$OUT/dossier/retired" <<'EOD'
inami-dossier 1
profession dentist
premium_year 2023
retired yes
bank_account no
event - evaluated
event - bank_account_registered
event 2024-10-01 decision_full amount=3000.00
event 2024-12-01 paid
event - closed
state closed
EOD
cat > "$OUT/dossier/two-contracts" <<'EOD'
inami-dossier 1
profession pharmacist
premium_year 2022
retired no
bank_account yes
event 2023-01-10 contract_received
event 2023-01-20 contract_received
event 2023-03-01 contract_chosen
event 2023-07-01 evaluated
event 2023-08-01 extra_info_requested
event 2023-08-10 extra_info_submitted note=hours
event 2023-09-15 decision_refused
event 2023-10-01 contested
state contested
EOD
# message catalogues: the embedded one whole, then its magic line with each block of a comment heading
cp "$ROOT/libinami/data/messages.catalogue" "$OUT/messages/whole"
awk -v out="$OUT/messages/part-" '
	/^# ----/ { n++; file = sprintf("%s%03d", out, n); print "inami-messages 1" > file }
	n > 0 { print >> file }' "$ROOT/libinami/data/messages.catalogue"

echo "seeds in $OUT: $(find "$OUT" -type f | wc -l) files"
