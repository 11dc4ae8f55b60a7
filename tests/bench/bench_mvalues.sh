#!/bin/sh
# Benchmark of issue 4 (not part of ctest). Usage: tests/bench/bench_mvalues.sh BUILD_DIR [LINES] [PROVIDERS]
# Generates a billing CSV (default 5,000,000 lines, 20,000 providers) in $BENCH_DIR (default
# /tmp/inami_bench), then times in the same run: `inami mvalues --csv`, sqlite3 (import + join
# with the code table + group by) and a plain Python csv loop (three rounds, inami run between the
# peers: inami best of 12 runs, the peers, seconds each, best of 3), and prints the ratios; then
# the in-memory totals micro-benchmark (lines per second, one core; undated lines also against a
# plain C loop and against the row updates alone, in the same rounds).
set -e
BUILD=${1:?usage: bench_mvalues.sh BUILD_DIR [LINES] [PROVIDERS]}
LINES=${2:-5000000}
PROVIDERS=${3:-20000}
SRC=$(cd "$(dirname "$0")/../.." && pwd)
DIR=${BENCH_DIR:-/tmp/inami_bench}
INAMI=$BUILD/examples/inami
mkdir -p "$DIR"
if [ ! -f "$DIR/billing.csv" ] || [ "$(($(wc -l < "$DIR/billing.csv") - 1))" -ne "$LINES" ]; then
	echo "generating $LINES lines for $PROVIDERS providers in $DIR ..."
	/usr/bin/python3 "$SRC/tests/bench/gen_billing.py" "$DIR" "$LINES" "$PROVIDERS"
fi
echo "input: $(wc -c < "$DIR/billing.csv") bytes, $LINES lines, $PROVIDERS providers"
cat "$DIR/billing.csv" > /dev/null  # warm the page cache for every contender

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

best() { # best RUNS NAME COMMAND... : best wall time of RUNS runs, in seconds
	b=""
	runs=$1
	n=$2
	shift 2
	for i in $(seq "$runs"); do
		b=$(lower "$b" "$(once "$n" "$@")")
	done
	echo "$b"
}

cat > "$DIR/query.sql" <<SQL
.mode csv
.import $DIR/billing.csv lines
.import $DIR/codes.csv codes
SELECT l.provider, SUM(CAST(l.quantity AS INTEGER)),
       SUM(CAST(l.quantity AS INTEGER) * CAST(c.value AS INTEGER)),
       SUM(CASE WHEN c.code IS NULL THEN CAST(l.quantity AS INTEGER) ELSE 0 END)
FROM lines l LEFT JOIN codes c ON c.code = l.code GROUP BY l.provider;
SQL

# The same lines grouped by provider (billing exports usually are), for inami only.
if [ ! -f "$DIR/billing_grouped.csv" ] || [ "$DIR/billing_grouped.csv" -ot "$DIR/billing.csv" ]; then
	{ head -n 1 "$DIR/billing.csv"; tail -n +2 "$DIR/billing.csv" | LC_ALL=C sort -s -t, -k1,1; } > "$DIR/billing_grouped.csv"
fi
cat "$DIR/billing_grouped.csv" > /dev/null

# Three rounds, each: inami twice, sqlite3 once, inami twice, Python once; best time of each. The
# machine's speed drifts over the minute the peers take, so inami is timed between them rather than
# all at once before them (its best of 12 runs against the peers' best of 3).
T_INAMI=""
T_SQLITE=""
T_PY=""
for round in 1 2 3; do
	T_INAMI=$(lower "$T_INAMI" "$(best 2 inami "$INAMI" mvalues "$DIR/billing.csv" --csv)")
	T_SQLITE=$(lower "$T_SQLITE" "$(once sqlite sqlite3 :memory: -init "$DIR/query.sql" .quit)")
	T_INAMI=$(lower "$T_INAMI" "$(best 2 inami "$INAMI" mvalues "$DIR/billing.csv" --csv)")
	T_PY=$(lower "$T_PY" "$(once python /usr/bin/python3 "$SRC/tests/bench/py_totals.py" "$DIR/billing.csv" "$DIR/codes.csv")")
done
T_INAMI_G=$(best 7 inami "$INAMI" mvalues "$DIR/billing_grouped.csv" --csv)
rm -f "$DIR"/out_inami "$DIR"/out_sqlite "$DIR"/out_python

AVX2=no
grep -qw avx2 /proc/cpuinfo && AVX2=yes
echo "machine: $(nproc) cores, $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1), AVX2 $AVX2 (the in-memory kernel uses it when present)"
echo "load average $(cut -d' ' -f1-3 /proc/loadavg) (other work on the machine slows every contender)"
printf 'inami mvalues : %8.3f s  (%.1f M lines/s, random order; grouped by provider: %.3f s)\n' "$T_INAMI" \
	"$(echo "$LINES / $T_INAMI / 1000000" | bc -l)" "$T_INAMI_G"
printf 'sqlite3       : %8.3f s  -> inami is %.1fx faster\n' "$T_SQLITE" "$(echo "$T_SQLITE / $T_INAMI" | bc -l)"
printf 'python csv    : %8.3f s  -> inami is %.1fx faster\n' "$T_PY" "$(echo "$T_PY / $T_INAMI" | bc -l)"

# Same totals? Compare the M sum of inami (column 4 of --csv, in M) with Python's.
M_INAMI=$("$INAMI" mvalues "$DIR/billing.csv" --csv | awk -F, 'NR > 1 { s += $4 + $5 + $6 } END { printf "%d", s }')
M_PY=$(/usr/bin/python3 "$SRC/tests/bench/py_totals.py" "$DIR/billing.csv" "$DIR/codes.csv" | awk '{ print $2 }')
echo "check: key-letter total (M+R+V units) inami $M_INAMI, python $M_PY"

cc -O2 -I"$SRC/include" -I"$BUILD/include" "$SRC/tests/bench/bench_totals.c" \
	"$BUILD/libinami/libinami.a" -lpthread -lm -o "$DIR/bench_totals"
"$DIR/bench_totals" 20000000 "$PROVIDERS" 7
