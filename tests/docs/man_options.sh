#!/bin/sh
# Every command, subcommand and option that 'inami ... --help' and 'inami-broker --help'
# print appears in the man page, and the pages render without a warning. The help is
# read now, so an option added to the command line without its man entry fails here.
# Usage: man_options.sh INAMI MANDIR [INAMI-BROKER]
set -u
cli=$1 mandir=$2 broker=${3:-}
fail=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# the man source with roff's \- as -, \fB... font changes removed
plain() { sed -e 's/\\-/-/g' -e 's/\\f[BIRP]//g' "$1"; }

# check_help PAGE WHAT HELPFILE: each --option of HELPFILE is in PAGE
check_help() {
	for opt in $(grep -o -- '--[a-z][a-z0-9-]*' "$3" | sort -u); do
		if ! grep -q -- "$opt\([^a-z0-9-]\|\$\)" "$1"; then
			echo "FAIL: $2: option $opt is not in $(basename "$4")"
			fail=1
		fi
	done
}

plain "$mandir/inami.1" > "$tmp/inami.txt"
"$cli" --help > "$tmp/help" 2>&1 || { echo "FAIL: inami --help exited $?"; exit 1; }
check_help "$tmp/inami.txt" "inami --help" "$tmp/help" "$mandir/inami.1"
commands=$(awk '/^commands:/ { on = 1; next } on && /^  [a-z]/ { print $1 }' "$tmp/help")
[ -n "$commands" ] || { echo "FAIL: no command found in inami --help"; exit 1; }
n=0
for c in $commands; do
	"$cli" "$c" --help > "$tmp/help.$c" 2>&1 || { echo "FAIL: inami $c --help exited $?"; fail=1; }
	if ! grep -q "^\.SH $(echo "$c" | tr a-z A-Z)\$\|inami $c" "$tmp/inami.txt"; then
		echo "FAIL: command '$c' has no section in inami.1"
		fail=1
	fi
	check_help "$tmp/inami.txt" "inami $c --help" "$tmp/help.$c" "$mandir/inami.1"
	# subcommands: the forms the help lists as "inami COMMAND SUB", each with its own --help
	for s in $(grep -o "inami $c [a-z][a-z-]*" "$tmp/help.$c" | awk '{ print $3 }' | sort -u); do
		if ! grep -q "inami $c $s\([^a-z-]\|\$\)" "$tmp/inami.txt"; then
			echo "FAIL: 'inami $c $s' is not in inami.1"
			fail=1
		fi
		"$cli" "$c" "$s" --help > "$tmp/help.$c.$s" 2>&1
		check_help "$tmp/inami.txt" "inami $c $s --help" "$tmp/help.$c.$s" "$mandir/inami.1"
		n=$((n + 1))
	done
	n=$((n + 1))
done

if [ -n "$broker" ]; then
	plain "$mandir/inami-broker.1" > "$tmp/broker.txt"
	"$broker" --help > "$tmp/help.broker" 2>&1 || { echo "FAIL: inami-broker --help exited $?"; fail=1; }
	check_help "$tmp/broker.txt" "inami-broker --help" "$tmp/help.broker" "$mandir/inami-broker.1"
	for s in $(grep -o "inami-broker [a-z][a-z-]*" "$tmp/help.broker" | awk '{ print $2 }' | sort -u); do
		grep -q "inami-broker $s" "$tmp/broker.txt" || { echo "FAIL: 'inami-broker $s' is not in inami-broker.1"; fail=1; }
	done
	pages="inami.1 inami-broker.1"
else
	pages="inami.1"
fi

# the pages render cleanly (groff warnings, unknown macros)
if command -v man >/dev/null 2>&1; then
	for p in $pages; do
		LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings -l "$mandir/$p" > "$tmp/out" 2> "$tmp/err"
		if [ -s "$tmp/err" ] || ! grep -q "EXIT STATUS" "$tmp/out"; then
			echo "FAIL: $p does not render cleanly:"; cat "$tmp/err"
			fail=1
		fi
	done
fi
[ "$fail" -eq 0 ] && echo "man pages cover $n help texts of inami${broker:+ and inami-broker}"
exit "$fail"
