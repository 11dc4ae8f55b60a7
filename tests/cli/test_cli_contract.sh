#!/bin/sh
# What every command promises: valid JSON whatever the bytes, JSON errors under --json, professions by
# any of their names, unknown/repeated/inapplicable options refused, ISO dates, dossier file safety.
INAMI=$1
SRC=$2
. "$(dirname "$0")/lib.sh"
TMP=${TMPDIR:-/tmp}/inami_contract_$$
mkdir -p "$TMP"
trap 'rm -rf "$TMP"' EXIT
PY=/usr/bin/python3
# valid_json DESCRIPTION TEXT: parses as strict JSON and is valid UTF-8
valid_json() {
	printf '%s' "$2" | $PY -c 'import json,sys; json.loads(sys.stdin.buffer.read().decode("utf-8"))' 2>/dev/null \
		|| fail "$1: not valid UTF-8 JSON: $2"
}
BAD=$(printf '\377\376')

# Professions by any name, case and accents aside.
for name in Physiotherapist kine kiné kinésithérapeute KINÉSITHÉRAPEUTE kinesitherapeut physio; do
	expect_ok "profession $name" "$INAMI" eval --profession "$name" --year 2022 --prestations 2299 --json
	contains "profession $name" "$out" '"profession":"physiotherapist","premium_year":2022,"eligible":true,"amount_cents":179034'
done
for pair in logopède:speech_therapist logopedist:speech_therapist médecin:doctor arts:doctor dentiste:dentist \
	tandarts:dentist pharmacien:pharmacist apotheker:pharmacist infirmier:nurse verpleegkundige:nurse \
	sage-femme:midwife vroedvrouw:midwife; do
	expect_ok "rules list ${pair%%:*}" "$INAMI" rules list --profession "${pair%%:*}" --json
	contains "rules list ${pair%%:*}" "$out" "\"profession\":\"${pair#*:}\""
done
expect_ok "dossier timeline kiné" "$INAMI" dossier timeline --profession kiné --year 2023 --json
contains "dossier timeline kiné" "$out" '"profession":"physiotherapist"'
expect_fail "unknown profession" 2 "unknown profession 'plumber' (known: physiotherapist (kinésithérapeute, kinesitherapeut)" \
	"$INAMI" eval --profession plumber --year 2022
expect_fail "ambiguous profession" 2 "profession 'phy' is ambiguous: it could be physiotherapist" \
	"$INAMI" eval --profession phy --year 2022

# Options: unknown (even last), repeated, not for this profession.
expect_fail "trailing --bogus" 2 "unknown option '--bogus'" "$INAMI" eval --profession kine --year 2022 --bogus
expect_fail "rules trailing --bogus" 2 "unknown option '--bogus'" "$INAMI" rules show --profession kine --year 2022 --bogus
expect_fail "dossier trailing --bogus" 2 "unknown option '--bogus'" "$INAMI" dossier timeline --profession kine --year 2022 --bogus
expect_fail "repeated --prestations" 2 "option --prestations is given twice" \
	"$INAMI" eval --profession kine --year 2022 --prestations 1 --prestations 2
expect_fail "--reimbursed for a physiotherapist" 2 \
	"--reimbursed does not apply to a physiotherapist: a physiotherapist is evaluated on prestations or M-values (--prestations, --m-values); --reimbursed applies to doctor, nurse" \
	"$INAMI" eval --profession physiotherapist --year 2022 --reimbursed 25000
expect_fail "--hours-per-week for a nurse" 2 "--hours-per-week applies to pharmacist" \
	"$INAMI" eval --profession nurse --year 2022 --hours-per-week 38
# A library refusal of a flag's value names the flag.
expect_fail "flag names in library messages" 1 "--hours-per-week 200.00 is more than" \
	"$INAMI" eval --profession pharmacist --year 2022 --hours-per-week 200

# ISO dates inside check details.
expect_ok "ISO detail" "$INAMI" eval --profession pharmacist --year 2022 --hours-per-week 38 --first-number 2022-10-01
contains "ISO detail" "$out" "INAMI number granted 2022-10-01"
case $out in *20221001*) fail "ISO detail: a YYYYMMDD date is printed";; esac

# JSON stays valid whatever the bytes: invalid UTF-8 as U+FFFD, controls escaped.
printf 'provider,code,quantity\n%s,560011,2\n' "$BAD" > "$TMP/bad-id.csv"
expect_ok "eval json" "$INAMI" eval --profession kine --year 2022 --prestations 2299 --json
valid_json "eval json" "$out"
expect_ok "rules path" "$INAMI" rules list --json
valid_json "rules list json" "$out"
F="$TMP/d$BAD.txt"
expect_ok "dossier new, odd name" "$INAMI" dossier new --profession nurse --year 2024 --file "$F"
expect_ok "dossier note" "$INAMI" dossier apply --file "$F" contract_received --note "IBAN $BAD	tab" --json
valid_json "dossier apply json" "$out"
expect_ok "dossier show" "$INAMI" dossier show --file "$F" --json
valid_json "dossier show json" "$out"
contains "dossier show" "$out" '"note":"IBAN \ufffd\ufffd\ttab"'

# Errors under --json: one JSON object on stderr, usage errors too.
"$INAMI" eval --profession kine --year 2022 --json --bogus > /dev/null 2> "$TMP/e"; rc=$?
[ $rc -eq 2 ] || fail "json usage error: exit $rc"
valid_json "json usage error" "$(cat "$TMP/e")"
grep -q '^{"error":{"status":"usage","code":2,"message":"eval: unknown option' "$TMP/e" || fail "json usage error: $(cat "$TMP/e")"
"$INAMI" eval --profession midwife --year 2022 --prestations 1 --json > /dev/null 2> "$TMP/e"; rc=$?
[ $rc -eq 1 ] || fail "json library error: exit $rc"
grep -q '^{"error":{"status":"no_rules","code":1,"message":"no rules for midwife premium year 2022' "$TMP/e" \
	|| fail "json library error: $(cat "$TMP/e")"
"$INAMI" dossier show --file "$TMP/none$BAD" --json > /dev/null 2> "$TMP/e"; rc=$?
[ $rc -eq 1 ] || fail "json io error: exit $rc"
valid_json "json io error" "$(cat "$TMP/e")"
grep -q '"status":"io"' "$TMP/e" || fail "json io error: $(cat "$TMP/e")"
[ "$(wc -l < "$TMP/e")" -eq 1 ] || fail "json error is not one line"

# Dossier files: a new one is 0600, an existing mode is kept, no temporary file is left.
D=$TMP/mode.txt
expect_ok "new 600" "$INAMI" dossier new --profession nurse --year 2024 --file "$D"
[ "$(stat -c %a "$D")" = 600 ] || fail "new dossier mode $(stat -c %a "$D")"
chmod 640 "$D"
expect_ok "apply keeps 640" "$INAMI" dossier apply --file "$D" contract_received
[ "$(stat -c %a "$D")" = 640 ] || fail "mode after apply $(stat -c %a "$D")"
chmod 600 "$D"
expect_ok "apply keeps 600" "$INAMI" dossier apply --file "$D" contract_changed
[ "$(stat -c %a "$D")" = 600 ] || fail "mode 600 after apply $(stat -c %a "$D")"
[ -z "$(ls -A "$TMP" | grep '^\.')" ] || fail "a temporary file was left: $(ls -A "$TMP")"

# Concurrent writers: 4 x 100 applies of state-keeping events on one file, every one recorded.
C=$TMP/concurrent.txt
expect_ok "new concurrent" "$INAMI" dossier new --profession physiotherapist --year 2023 --file "$C"
expect_ok "received" "$INAMI" dossier apply --file "$C" contract_received
expect_ok "linked" "$INAMI" dossier apply --file "$C" contract_linked
expect_ok "evaluated" "$INAMI" dossier apply --file "$C" evaluated
writer() {
	k=0
	while [ $k -lt 100 ]; do
		"$INAMI" dossier apply --file "$C" "$2" --note "w$1-$k" > /dev/null || echo "w$1-$k" >> "$TMP/errors"
		k=$((k + 1))
	done
}
writer 1 extra_info_requested & writer 2 bank_account_registered & writer 3 extra_info_requested & writer 4 bank_account_registered &
wait
[ ! -s "$TMP/errors" ] || fail "concurrent applies failed: $(wc -l < "$TMP/errors")"
expect_ok "show after concurrent writers" "$INAMI" dossier show --file "$C" --json
n=$(printf '%s' "$out" | $PY -c 'import json,sys; print(len(json.load(sys.stdin)["history"]))')
[ "$n" = 403 ] || fail "concurrent writers: $n events recorded, expected 403"
for w in 1 2 3 4; do
	c=$(printf '%s' "$out" | grep -o "\"note\":\"w$w-[0-9]*\"" | sort -u | wc -l)
	[ "$c" -eq 100 ] || fail "writer $w: $c of 100 events recorded"
done
[ -z "$(ls -A "$TMP" | grep '^\.')" ] || fail "a temporary file was left by concurrent writers"
finish
