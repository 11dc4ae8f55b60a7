# Shared by the benchmark scripts (sourced): the generated input and the timing helpers.
# Needs SRC, DIR, LINES, PROVIDERS and PY set by the caller; sets CSV and CODES.

mkdir -p "$DIR"
if [ ! -f "$DIR/billing.csv" ] || [ "$(($(wc -l < "$DIR/billing.csv") - 1))" -ne "$LINES" ]; then
	echo "generating $LINES lines for $PROVIDERS providers in $DIR ..."
	"$PY" "$SRC/tests/bench/gen_billing.py" "$DIR" "$LINES" "$PROVIDERS"
fi
CSV=$DIR/billing.csv
CODES=$DIR/codes.csv   # the code values gen_billing.py writes beside it
cat "$CSV" > /dev/null  # warm the page cache for every contender

once() { # once NAME COMMAND... : wall time of one run, in seconds
	n=$1
	shift
	s=$(date +%s.%N)
	"$@" > "$DIR/out_$n" 2>&1 || { echo "$* failed" >&2; cat "$DIR/out_$n" >&2; exit 1; }
	e=$(date +%s.%N)
	echo "$e - $s" | bc -l
}

lower() { # lower A B : the smaller of two times (A may be empty)
	if [ -z "$1" ] || [ "$(echo "$2 < $1" | bc -l)" -eq 1 ]; then echo "$2"; else echo "$1"; fi
}
