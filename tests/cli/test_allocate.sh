#!/bin/sh
# inami allocate: split, projection, products. $1 = inami binary, $2 = source dir.
# Golden values: 1790.34 EUR = physiotherapists' premium 2022 (docs/sources/physiotherapists.md,
# https://www.securex.be/fr/independants/assurances/votre-pension-statut-inami/prime-inami-pour-kinesitherapeutes);
# 0.5 % entry fee / 0.75 % rate (https://www.mysavings.be/fr/nos-produits/pension/inami-avantages-sociaux/Information);
# 10 % solidarity minimum (AR 15 Dec 2003, https://etaamb.openjustice.be/fr/arrete-royal-du-15-decembre-2003_n2004022005.html);
# 3.55 % and 0-2 % levies, 80 % base, 5 % at 65 for 10 years (docs/sources/allocation.md).
INAMI=$1
PRODUCTS=$2/examples/products/examples.products
TMP=${TMPDIR:-/tmp}/inami_allocate_$$
mkdir -p "$TMP"
trap 'rm -rf "$TMP"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
expect() { # expect NAME FILE PATTERN
	grep -q -- "$3" "$2" || { echo "--- $2:"; cat "$2"; fail "$1: '$3' not found"; }
}
refuse() { # refuse NAME EXIT PATTERN ARGS...: the command fails with EXIT and a one-line "inami: ..." message
	name=$1 code=$2 pattern=$3
	shift 3
	"$INAMI" allocate "$@" > "$TMP/out" 2> "$TMP/err"
	rc=$?
	[ "$rc" -eq "$code" ] || { cat "$TMP/err"; fail "$name: exit $rc, expected $code"; }
	[ ! -s "$TMP/out" ] || fail "$name: wrote to stdout"
	[ "$(wc -l < "$TMP/err")" -eq 1 ] || { cat "$TMP/err"; fail "$name: not one line on stderr"; }
	expect "$name" "$TMP/err" "^inami: .*$pattern"
}

# 1790.34 EUR, 0.5 % fee -> 8.95; 10 % of 1781.39 -> 178.14; pension 1603.25.
"$INAMI" allocate --premium 1790.34 --solidarity-share 10 --entry-fee 0.5 --json > "$TMP/a.json" || fail "split"
expect "split" "$TMP/a.json" '"premium_cents":179034,"fees_cents":895,"solidarity_cents":17814,"pension_cents":160325'
"$INAMI" allocate --premium 1790.34 --solidarity-share 10 --entry-fee 0.5 > "$TMP/a.txt" || fail "split human"
expect "human pension" "$TMP/a.txt" 'pension *1603.25 EUR'

# Projection: 1000 EUR, 10 %, 2.5 % for 2 years: 900 -> 922.50 -> 945.56; levies 33.57 + 18.91;
# annuity base 80 % = 756.45, 5 % = 37.82 for 10 years.
"$INAMI" allocate --premium 1000 --solidarity-share 10 --guaranteed-rate 2.5 --years 1 --first-year 2024 \
	--json > "$TMP/p1.json" || fail "projection 1 year"
expect "one year" "$TMP/p1.json" '"capital_cents":92250'
"$INAMI" allocate --premium 1000 --solidarity-share 10 --guaranteed-rate 2.5 --years 2 --first-year 2024 \
	--age 65 --full-career --json > "$TMP/p.json" || fail "projection"
# two premiums: 900 for 2 years (945.56) + 900 for 1 year (922.50) = 1868.06
expect "capital" "$TMP/p.json" '"capital_cents":186806'
expect "levy" "$TMP/p.json" '"inami_levy_bp":355,"inami_levy_cents":6632'
expect "solidarity levy max" "$TMP/p.json" '"solidarity_levy_bp":200,"solidarity_levy_cents":3736,"solidarity_levy_is_maximum":true'
expect "annuity" "$TMP/p.json" '"notional_annuity":{"base_bp":8000,"base_cents":149445,"rate_bp":500,"years":10,"yearly_cents":7472}'
"$INAMI" allocate --premium 1000 --solidarity-share 10 --guaranteed-rate 2.5 --years 2 --first-year 2024 \
	--solidarity-levy 1 --json > "$TMP/l.json" || fail "levy given"
expect "levy given" "$TMP/l.json" '"solidarity_levy_bp":100,"solidarity_levy_cents":1868,"solidarity_levy_is_maximum":false'
expect "no annuity" "$TMP/l.json" '"notional_annuity":null'

# Products: AG through MySavings (10 %, 0.5 %, undated 0.75 %), Securex (figures NOT FOUND).
"$INAMI" allocate --premium 1790.34 --products "$PRODUCTS" --product ag-inami-mysavings --json > "$TMP/ag.json" || fail "ag"
expect "ag split" "$TMP/ag.json" '"product":"ag-inami-mysavings","premium_cents":179034,"fees_cents":895,"solidarity_cents":17814,"pension_cents":160325'
# 1603.25 at 0.75 % for one year: + 12.02 (12.024375)
"$INAMI" allocate --premium 1790.34 --products "$PRODUCTS" --product ag-inami-mysavings --years 1 --first-year 2024 \
	--management-fee 0 --assume-rates --json > "$TMP/agp.json" || fail "ag projection"
expect "ag capital" "$TMP/agp.json" '"interest_cents":1202,.*"capital_cents":161527'
expect "ag assumed" "$TMP/agp.json" '"rates_assumed":true'
"$INAMI" allocate --premium 1790.34 --products "$PRODUCTS" --json > "$TMP/all.json" || fail "side by side"
expect "side by side ag" "$TMP/all.json" '"id":"ag-inami-mysavings","insurer":"AG Insurance (through the broker MySavings)","example":true,"premium_cents":179034'
expect "side by side securex" "$TMP/all.json" '"id":"securex-physio-2024","insurer":"Securex","example":true,"missing":\[{"term":"solidarity_share","flag":"--solidarity-share"},{"term":"entry_fee","flag":"--entry-fee"}\]}'
# The README's example: each product on its own terms, the command line's only where a product gives none.
"$INAMI" allocate --premium 1790.34 --products "$PRODUCTS" --solidarity-share 10 --entry-fee 0 > "$TMP/two.txt" || fail "two rows"
expect "two rows: ag keeps its 0.5 %" "$TMP/two.txt" '^ag-inami-mysavings  *8.95  *178.14  *1603.25 '
expect "two rows: securex takes the flags" "$TMP/two.txt" '^securex-physio-2024  *0.00  *179.03  *1611.31 '
grep -q "missing" "$TMP/two.txt" && fail "two rows: a row is missing a term"
# --years 5: rows still shown, each with what is missing.
"$INAMI" allocate --premium 1790.34 --products "$PRODUCTS" --years 5 --first-year 2024 > "$TMP/y5.txt" || fail "years 5"
expect "years 5 ag" "$TMP/y5.txt" '^ag-inami-mysavings  *8.95 .* -  *-  (example)'
expect "years 5 ag missing" "$TMP/y5.txt" '^  missing: management fee (--management-fee)$'
expect "years 5 securex" "$TMP/y5.txt" '^securex-physio-2024  *- '
expect "years 5 securex missing" "$TMP/y5.txt" '^  missing: solidarity share (--solidarity-share), entry fee (--entry-fee), management fee (--management-fee)$'
"$INAMI" allocate --premium 1790.34 --products "$PRODUCTS" --years 5 --first-year 2024 --management-fee 0 \
	--solidarity-share 10 --entry-fee 0 > "$TMP/y5r.txt" || fail "years 5 rates"
expect "rate needs assuming, by its flag" "$TMP/y5r.txt" 'allow it with --assume-rates)$'
grep -q "INAMI_RATE_ASSUME" "$TMP/y5r.txt" && fail "a C constant name in a message"
refuse "constant name" 1 "allow it with --assume-rates)$" --premium 100 --products "$PRODUCTS" --product ag-inami-mysavings \
	--years 2 --first-year 2024 --management-fee 0
"$INAMI" allocate --help > "$TMP/help" || fail "help"
expect "help says product terms win" "$TMP/help" "apply only to products that do not give that term"
refuse "trailing unknown option" 2 "unknown option '--bogus'" --premium 100 --solidarity-share 10 --bogus
refuse "repeated option" 2 "option --premium is given twice" --premium 100 --premium 200 --solidarity-share 10
"$INAMI" allocate --premium 1790.34 --products "$PRODUCTS" --product securex-physio-2024 --solidarity-share 10 \
	--entry-fee 0 --years 1 --first-year 2024 --management-fee 0 --json > "$TMP/sx.json" || fail "securex"
# 1611.31 at 2.50 %: + 40.28 (40.28275)
expect "securex 2.50" "$TMP/sx.json" '"pension_cents":161131,"interest_cents":4028,'
"$INAMI" allocate --premium 1790.34 --products "$PRODUCTS" > "$TMP/all.txt" || fail "side by side human"
expect "table" "$TMP/all.txt" '^ag-inami-mysavings .*1603.25'

# Bad input: clear one-line errors.
refuse "negative premium" 1 "negative" --premium -5 --solidarity-share 10
refuse "share above 100" 1 "above 100" --premium 100 --solidarity-share 101
refuse "share below minimum" 1 "below the 10 % minimum" --premium 100 --solidarity-share 5
refuse "unknown product" 1 "unknown product 'axa-stars' (known: ag-inami-mysavings, securex-physio-2024)" \
	--premium 100 --products "$PRODUCTS" --product axa-stars
printf '[product x]\ninsurer = I\nname = N\ncontract_type = social_pension\nsolidarity_share = ten\n' > "$TMP/bad.products"
refuse "malformed products" 1 "bad.products:5: solidarity_share" --premium 100 --products "$TMP/bad.products"
refuse "missing products" 1 "cannot open" --premium 100 --products "$TMP/none.products"
refuse "NOT FOUND figure" 1 "product 'securex-physio-2024' does not give: entry fee (--entry-fee)" \
	--premium 100 --products "$PRODUCTS" --product securex-physio-2024 --solidarity-share 10
refuse "undated rate" 1 "assume" --premium 100 --products "$PRODUCTS" --product ag-inami-mysavings \
	--years 2 --first-year 2024 --management-fee 0
refuse "management fee unknown" 1 "management fee" --premium 100 --products "$PRODUCTS" \
	--product ag-inami-mysavings --years 2 --first-year 2024 --assume-rates
refuse "bad percentage" 2 "not a percentage" --premium 100 --solidarity-share 1,5
refuse "no premium" 2 "--premium EUR is required" --solidarity-share 10
refuse "no share" 2 "--solidarity-share" --premium 100
refuse "years without rate" 2 "--guaranteed-rate" --premium 100 --solidarity-share 10 --years 3
refuse "bad premium" 2 "--premium" --premium 12.345 --solidarity-share 10
refuse "unknown option" 2 "unknown option" --premium 100 --solidarity-share 10 --colour red
refuse "levy out of range" 1 "solidarity levy" --premium 100 --solidarity-share 10 --guaranteed-rate 1 \
	--years 1 --first-year 2024 --solidarity-levy 3
"$INAMI" allocate --help > "$TMP/help" || fail "help"
expect "help" "$TMP/help" "usage: inami allocate"
echo "ok"
