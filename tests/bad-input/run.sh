#!/bin/sh
# Bad-input corpus runner (docs/reliability.md): sh run.sh INAMI_BINARY SOURCE_DIR
# Runs the inami command on every malformed file of tests/bad-input/ (made by
# gen.py) and on every argument set of args/*.txt, and asserts for each case:
# a non-zero exit that is not a signal or a timeout, exactly one line
# "inami: ..." on stderr (a JSON error object under --json; or, for a bare subcommand, its usage with exit 2), and no sanitizer report (ASan, LSan, UBSan) when the
# binary is built with INAMI_SANITIZE. The valid bases in good/ must pass, so
# that each mutation is known to be what makes its case fail.
set -u
INAMI=$1
SRC=$2
DIR=$SRC/tests/bad-input
cd "$SRC" || exit 1
TMP=${TMPDIR:-/tmp}/inami_badinput_$$
mkdir -p "$TMP"
trap 'rm -rf "$TMP"' EXIT INT TERM
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1}
TIMEOUT=
command -v timeout > /dev/null 2>&1 && TIMEOUT="timeout 60"

cases=0
failed=0

# run EXPECT DESCRIPTION ARGS...: EXPECT is "fail" or "ok"
run() {
	expect=$1; what=$2; shift 2
	cases=$((cases + 1))
	$TIMEOUT "$INAMI" "$@" < /dev/null > "$TMP/out" 2> "$TMP/err"
	rc=$?
	why=
	if grep -q -e 'Sanitizer' -e 'runtime error:' -e 'LeakSanitizer' "$TMP/err"; then
		why="sanitizer report"
	elif [ "$rc" -eq 124 ] && [ -n "$TIMEOUT" ]; then
		why="timed out"
	elif [ "$rc" -ge 128 ]; then
		why="killed by signal $((rc - 128))"
	elif [ "$expect" = ok ]; then
		[ "$rc" -eq 0 ] || why="valid base refused (exit $rc)"
	elif [ "$rc" -eq 0 ]; then
		why="accepted (exit 0)"
	elif [ "$rc" -eq 2 ] && head -n 1 "$TMP/err" | grep -q '^usage: inami '; then
		: # a bare subcommand prints its usage (exit 2), as 'inami dossier' does
	elif [ "$(wc -l < "$TMP/err")" -ne 1 ]; then
		why="stderr is not one line ($(wc -l < "$TMP/err") lines)"
	elif ! grep -q -e '^inami: .' -e '^{"error":{"status":"[a-z_]*","code":[12],"message":".' "$TMP/err"; then
		why="stderr is neither 'inami: ...' nor a JSON error object"
	fi
	if [ -n "$why" ]; then
		failed=$((failed + 1))
		echo "FAIL: $what: $why"
		echo "  command: inami $*"
		sed -n '1,12s/^/  stderr: /p' "$TMP/err"
	fi
}

# the valid bases
run ok good/standalone.rules rules check "$DIR/good/standalone.rules" --standalone
run ok good/layer.rules rules check "$DIR/good/layer.rules"
run ok good/nomenclature.csv mvalues --nomenclature "$DIR/good/nomenclature.csv" "$DIR/good/billing.csv"
run ok good/billing.csv mvalues "$DIR/good/billing.csv"
run ok good/examples.products allocate --products "$DIR/good/examples.products" --premium 1790.34
run ok good/example.dossier dossier show --file "$DIR/good/example.dossier"
controls=$cases

for f in "$DIR"/rules/standalone/*; do
	run fail "${f#$DIR/}" rules check "$f" --standalone
done
for f in "$DIR"/rules/layered/*; do
	run fail "${f#$DIR/}" rules check "$f"
done
for f in "$DIR"/nomenclature/*; do
	run fail "${f#$DIR/}" mvalues --nomenclature "$f" "$DIR/good/billing.csv"
done
for f in "$DIR"/billing/*; do
	run fail "${f#$DIR/}" mvalues "$f"
done
for f in "$DIR"/products/*; do
	run fail "${f#$DIR/}" allocate --products "$f" --premium 1790.34
done
for f in "$DIR"/dossier/*; do
	run fail "${f#$DIR/}" dossier show --file "$f"
done
for f in "$DIR"/args/*.txt; do
	n=0
	while IFS= read -r line || [ -n "$line" ]; do
		n=$((n + 1))
		case $line in ''|'#'*) continue ;; esac
		set -f   # an argument set is split on blanks, never globbed
		# shellcheck disable=SC2086
		run fail "${f#$DIR/}:$n" $line
		set +f
	done < "$f"
done

echo "bad-input: $((cases - controls)) malformed cases and $controls valid bases, $failed failed"
[ "$failed" -eq 0 ]
