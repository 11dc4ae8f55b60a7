#!/bin/sh
# inami dossier: timeline, new/apply/show. $1 = inami binary, $2 = source dir.
# Golden dates (the [law calendar] sections of libinami/data/law.rules): contract by 31 December N (INAMI,
# https://inami.fgov.be/fr/professionnels/professionnels-de-la-sante/medecins/interventions-financieres/statut-social-medecin-ou-pharmacien-biologiste);
# first cut-off 1 February 2021 for premium year 2020 (https://socialevoordelen.be/apotheker/);
# extra information until 31 August N+1 and contest within 60 days (https://www.asgb.be/node/28219);
# payment by 15 January N+2 (https://bnpparibasfortis.be/generic/ebw/en/public/entrepreneurs/save-and-invest/supplementary-pension-for-self-employed/inami).
INAMI=$1
TMP=${TMPDIR:-/tmp}/inami_dossier_$$
mkdir -p "$TMP"
trap 'rm -rf "$TMP"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
expect() { # expect NAME FILE PATTERN
	grep -q -- "$3" "$2" || { echo "--- $2:"; cat "$2"; fail "$1: '$3' not found"; }
}
refuse() { # refuse NAME EXIT PATTERN ARGS...
	name=$1 code=$2 pattern=$3
	shift 3
	"$INAMI" dossier "$@" > "$TMP/out" 2> "$TMP/err"
	rc=$?
	[ "$rc" -eq "$code" ] || { cat "$TMP/err"; fail "$name: exit $rc, expected $code"; }
	[ "$(wc -l < "$TMP/err")" -eq 1 ] || { cat "$TMP/err"; fail "$name: not one line on stderr"; }
	expect "$name" "$TMP/err" "^inami: .*$pattern"
}

# Timeline
"$INAMI" dossier timeline --profession physiotherapist --year 2020 --json > "$TMP/t.json" || fail "timeline"
expect "milestones" "$TMP/t.json" '^{"profession":"physiotherapist","premium_year":2020,"milestones":\[{"id":"contract_concluded","date":"2020-12-31"'
expect "cutoff" "$TMP/t.json" '{"id":"contract_data_cutoff","date":"2021-02-01","precision":"day","label":"first cut-off for contract data"'
expect "extra info" "$TMP/t.json" '{"id":"extra_info_deadline","date":"2021-08-31"'
expect "decision month" "$TMP/t.json" '{"id":"decision","date":"2021-09","precision":"month"'
expect "contest" "$TMP/t.json" '{"id":"contest_window","date":null,"precision":"relative","days_after_decision":60'
expect "payment" "$TMP/t.json" '{"id":"payment_deadline","date":"2022-01-15"'
expect "not found" "$TMP/t.json" '{"id":"file_access","date":null,"precision":"none",.*"provenance":"not_found"'
"$INAMI" dossier timeline --profession pharmacist --year 2019 --lang nl > "$TMP/t.txt" || fail "timeline human"
expect "2019 decision" "$TMP/t.txt" '10-2020 .*beslissing'
expect "2019 snapshot" "$TMP/t.txt" '30-04-2020 .*momentopname'
refuse "paper years" 1 "from premium year 2020" timeline --profession doctor --year 2019
refuse "timeline args" 2 "--profession" timeline --year 2020

# A dossier kept in a file.
F=$TMP/d.txt
"$INAMI" dossier new --profession physiotherapist --year 2023 --file "$F" > /dev/null || fail "new"
expect "new file" "$F" '^state contract_pending$'
refuse "no overwrite" 2 "exists" new --profession physiotherapist --year 2023 --file "$F"
"$INAMI" dossier apply --file "$F" contract_received --date 2024-01-10 --json > "$TMP/n1" || fail "received"
expect "contract data changed" "$TMP/n1" '"state":"contract_received",.*"notification":{"id":"contract_data_changed"'
"$INAMI" dossier apply --file "$F" contract_received --date 2024-01-20 --json > "$TMP/n2" || fail "second contract"
expect "two contracts" "$TMP/n2" '"notification":{"id":"action_needed","label":"action needed","action":"two_contracts"'
cp "$F" "$TMP/before"
refuse "invalid transition" 1 "event 'evaluated' is not allowed in state 'two_contracts'" apply --file "$F" evaluated
cmp -s "$F" "$TMP/before" || fail "a refused event changed the file"
"$INAMI" dossier apply --file "$F" contract_chosen --date 2024-03-01 > /dev/null || fail "chosen"
"$INAMI" dossier apply --file "$F" evaluated --date 2024-07-01 --lang fr > "$TMP/n3" || fail "evaluated"
expect "evaluation fr" "$TMP/n3" "^notification : votre résultat d'évaluation est disponible$"
expect "deadline" "$TMP/n3" '^échéance : 31/08/2024$'
refuse "after 31 August" 1 "until 2024-08-31" apply --file "$F" extra_info_submitted --date 2024-09-02
"$INAMI" dossier apply --file "$F" decision_partial --date 2024-09-15 --amount 1200 --note "below the full tier" \
	--json > "$TMP/n4" || fail "decision"
expect "decision" "$TMP/n4" '"notification":{"id":"decision",.*"deadline":"2024-11-14","provenance":"secondary"}'
refuse "contest too late" 1 "until 2024-11-14" apply --file "$F" contested --date 2024-11-15
"$INAMI" dossier show --file "$F" --json > "$TMP/s.json" || fail "show"
expect "show" "$TMP/s.json" '"state":"decided_partial",.*"amount_cents":120000,"deadline":{"id":"contest_window","date":"2024-11-14"},"allowed_events":\["contested","paid","bank_account_registered"\]'
expect "history note" "$TMP/s.json" '"note":"below the full tier"'
"$INAMI" dossier apply --file "$F" paid --date 2024-12-01 > /dev/null || fail "paid"
"$INAMI" dossier apply --file "$F" closed > /dev/null || fail "closed"
"$INAMI" dossier show --file "$F" > "$TMP/s.txt" || fail "show human"
expect "closed" "$TMP/s.txt" '^state: closed'
expect "history" "$TMP/s.txt" 'decision: partial amount *-> decision: partial amount  below the full tier'

# A retired provider without a bank account.
R=$TMP/r.txt
"$INAMI" dossier new --profession dentist --year 2023 --retired --file "$R" > /dev/null || fail "new retired"
"$INAMI" dossier apply --file "$R" evaluated --json > "$TMP/r1" || fail "retired evaluated"
expect "no bank account" "$TMP/r1" '"action":"no_bank_account"'
"$INAMI" dossier apply --file "$R" decision_full > /dev/null || fail "retired decision"
refuse "no bank account" 1 "bank account" apply --file "$R" paid
"$INAMI" dossier apply --file "$R" bank_account_registered > /dev/null || fail "bank account"
"$INAMI" dossier apply --file "$R" paid --json > "$TMP/r2" || fail "paid to bank"
expect "paid to bank" "$TMP/r2" '"state":"paid_to_bank_account"'

# Bad input
printf 'inami-dossier 1\nprofession nurse\npremium_year 2022\nevent - paid\nstate paid_to_insurer\n' > "$TMP/bad.txt"
refuse "corrupt history" 1 "bad.txt:4: event 'paid' is not allowed" show --file "$TMP/bad.txt"
refuse "missing file" 1 "cannot read" show --file "$TMP/none.txt"
refuse "unknown event" 2 "unknown event 'teleport'" apply --file "$F" teleport
refuse "bad date" 2 "--date" apply --file "$R" closed --date 2024-02-30
refuse "before the procedure" 1 "2019" new --profession nurse --year 2018
refuse "unknown subcommand" 2 "unknown dossier command" archive
"$INAMI" dossier --help > "$TMP/help" || fail "help"
expect "help" "$TMP/help" "usage: inami dossier timeline"
echo "ok"
