#!/bin/sh
# `--lang fr` and `--lang nl`: a full evaluation, a dossier timeline and a dossier shown with no English
# sentence left, amounts and dates in the language's format, columns aligned by display width.
INAMI=$1
. "$(dirname "$0")/lib.sh"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

# Words of the English texts that neither French nor Dutch use. Lines quoting the sources (their
# URLs, and the notes of the data that say they are in English) are left out.
english='the|and|with|for|not|more|threshold|tier|premium|eligible|checks|paid|within|above|below|given|must|waiting|received|available|additional|information|decision|payment|contest|calendar|days|found|state|deadline|history|allowed|events|amount|provider|insurance|note|nobody|official|secondary|reached|activity'
no_english() {
	left=$(printf '%s\n' "$2" | grep -v 'https\?://' | grep -v 'en anglais\|in het Engels\|possibles :\|mogelijke gebeurtenissen:' |
		LC_ALL=C grep -Ewi "$english" | grep -v '^ *\(bron\|source\) *:')
	[ -z "$left" ] || fail "$1: English left: $left"
}
# Every line's '[' (the provenance column) at the same display column.
aligned() {
	cols=$(printf '%s\n' "$2" | sed -n 's/^\(  .*\)\[[^]]*\]$/\1/p' | while IFS= read -r l; do
		printf '%s' "$l" | /usr/bin/python3 -c 'import sys; print(len(sys.stdin.buffer.read().decode()))'; done | sort -u)
	[ "$(printf '%s\n' "$cols" | wc -l)" -eq 1 ] || fail "$1: columns not aligned (widths: $(echo $cols))"
}

# The reference case (2022 base 1,790.34: docs/sources/physiotherapists.md), every part of the output.
for args in "physiotherapist --year 2022 --prestations 2299" "dentist --year 2023 --prestations 300 --retired" \
	"dentist --year 2022 --prestations 10 --convention partial --sanctioned" \
	"physiotherapist --year 2022 --prestations 2299 --contracts 2 --first-number 2022-03-15 --allow-derived" \
	"physiotherapist --year 2022 --prestations 9000 --employment employee --contracts 0" \
	"doctor --year 2023 --reimbursed 1000 --specialty general_practice --convention-start 2023-04-01" \
	"doctor --year 2023 --trainee --contracts 1" "pharmacist --year 2022 --hours-per-week 30" \
	"doctor --year 2022 --convention partial --specialty general_practice --reimbursed 20000" \
	"physiotherapist --year 2020 --prestations 1000 --allow-derived"; do
	for lang in fr nl; do
		# shellcheck disable=SC2086
		expect_ok "eval $lang $args" "$INAMI" eval --profession $args --lang $lang
		no_english "eval $lang $args" "$out"
	done
done
for lang in fr nl; do
	expect_ok "allocate $lang" "$INAMI" allocate --premium 1790.34 --solidarity-share 10 --entry-fee 3 \
		--guaranteed-rate 1.5 --years 20 --age 40 --lang $lang
	no_english "allocate $lang" "$out"
done
contains "allocate fr" "$("$INAMI" allocate --premium 1790.34 --solidarity-share 10 --lang fr)" "prime                           1 790,34 €"
expect_ok "eval fr" "$INAMI" eval --profession physiotherapist --year 2022 --prestations 2299 --lang fr
contains "eval fr" "$out" "Droit ouvert : 1 790,34 €"
contains "eval fr" "$out" "prestations : 2 299 ≥ 1 500"
contains "eval fr" "$out" "Palier suivant : « cotisation intermédiaire » (2 365,79 €)"
contains "eval fr" "$out" "le statut social"
expect_ok "eval nl" "$INAMI" eval --profession physiotherapist --year 2022 --prestations 2299 --lang nl
contains "eval nl" "$out" "Recht: € 1.790,34"
contains "eval nl" "$out" "verstrekkingen: 2.299 ≥ 1.500"
contains "eval nl" "$out" "het sociaal statuut"
expect_ok "eval dentist nl" "$INAMI" eval --profession dentist --year 2023 --prestations 300 --retired --lang nl
contains "eval dentist nl" "$out" "conventievoordeel"
no_english "eval dentist nl" "$out"
expect_ok "eval en" "$INAMI" eval --profession dentist --year 2023 --prestations 300 --retired
contains "eval en" "$out" "convention advantage"
case "$out" in *"avantage de convention"*) fail "eval en: French term in the English output";; esac

# JSON keeps the ids and adds the texts in the language.
expect_ok "eval json nl" "$INAMI" eval --profession physiotherapist --year 2022 --prestations 2299 --lang nl --json
contains "eval json nl" "$out" '"payee":"insurance_contract","payee_label":"het verzekeringscontract van de zorgverlener"'
contains "eval json nl" "$out" '"id":"conventioned","state":"held"'
contains "eval json nl" "$out" '"lang":"nl"'

for lang in fr nl; do
	expect_ok "timeline $lang" "$INAMI" dossier timeline --profession physiotherapist --year 2023 --lang $lang
	no_english "timeline $lang" "$out"
	aligned "timeline $lang" "$out"
done
expect_ok "timeline fr" "$INAMI" dossier timeline --profession physiotherapist --year 2023 --lang fr
contains "timeline fr" "$out" "31/08/2024"
contains "timeline fr" "$out" "MyInami / ProSanté"
expect_ok "timeline nl" "$INAMI" dossier timeline --profession physiotherapist --year 2023 --lang nl
contains "timeline nl" "$out" "31-08-2024"
contains "timeline nl" "$out" "MyRiziv / ProGezondheid"
expect_ok "timeline en" "$INAMI" dossier timeline --profession physiotherapist --year 2023
aligned "timeline en" "$out"

# A dossier through its procedure, shown in French and Dutch.
F=$TMP/d.txt
"$INAMI" dossier new --file "$F" --profession physiotherapist --year 2023 > /dev/null || fail "new"
for e in contract_received contract_linked; do
	"$INAMI" dossier apply --file "$F" $e --date 2024-02-01 > /dev/null || fail "apply $e"
done
expect_ok "apply fr" "$INAMI" dossier apply --file "$F" evaluated --date 2024-07-01 --lang fr
no_english "apply fr" "$out"
contains "apply fr" "$out" "échéance : 31/08/2024"
"$INAMI" dossier apply --file "$F" decision_full --date 2024-09-15 --amount 1790.34 > /dev/null || fail "decision"
for lang in fr nl; do
	expect_ok "show $lang" "$INAMI" dossier show --file "$F" --lang $lang
	no_english "show $lang" "$out"
done
expect_ok "show nl" "$INAMI" dossier show --file "$F" --lang nl
contains "show nl" "$out" "bedrag: € 1.790,34"

# Key-letter totals in French and Dutch: counts, reasons, flags and the next tier in the language.
printf 'provider,code,quantity,date\nphysio-1,560011,1,2019-06-01\nphysio-1,560011,1,2022-06-01\nphysio-1,560416,1,\nphysio-1,999999,2,2022-03-01\nphysio-2,560011,3,31/01/2023\n' > "$TMP/years.csv"
for lang in fr nl; do
	expect_ok "mvalues $lang" "$INAMI" mvalues "$TMP/years.csv" --year 2022 --profession physiotherapist --lang $lang
	no_english "mvalues $lang" "$out"
done
expect_ok "mvalues fr" "$INAMI" mvalues "$TMP/years.csv" --year 2022 --profession physiotherapist --lang fr
contains "mvalues fr" "$out" "il manque pour « cotisation de base » : 1 496 prestations ou 35 960 M"
contains "mvalues fr" "$out" "999999 x2 (code inconnu)"
expect_ok "mvalues nl" "$INAMI" mvalues "$TMP/years.csv" --year 2022 --profession physiotherapist --lang nl
contains "mvalues nl" "$out" "physio-1: 4 verstrekkingen, M 40"
contains "mvalues nl" "$out" "2 regels buiten 2022 weggelaten"

# A refusal of the library: its status in the language, its detail as the library gives it.
expect_fail "error fr" 1 "pas de règles pour cette profession et cette année de prime (détail en anglais : no rules for physiotherapist premium year 2031" \
	"$INAMI" eval --profession physiotherapist --year 2031 --prestations 10 --lang fr
expect_fail "error nl" 1 "onbekende identificatie (details in het Engels: unknown specialty" \
	"$INAMI" eval --profession doctor --year 2023 --reimbursed 100 --specialty lunch --lang nl
expect_fail "error en" 1 "inami: no rules for physiotherapist premium year 2031" \
	"$INAMI" eval --profession physiotherapist --year 2031 --prestations 10

# The catch itself: an English line is found.
no_english_probe=$(fails=0; no_english "probe" "Next tier: the amount" 2>&1; echo $fails)
case "$no_english_probe" in *1) ;; *) fail "the English detector missed an English line";; esac
finish
