#!/bin/sh
# End-to-end benchmark of `inami mvalues` against peers doing the same work (read the billing
# CSV, join with the code values, group by provider), timed in one run: DuckDB (node
# @duckdb/node-api), sqlite3 and a plain Python csv loop. Not part of ctest.
#
# Usage: tests/bench/bench_mvalues.sh BUILD_DIR [LINES] [PROVIDERS]
#   BUILD_DIR holds examples/inami, and tests/bench/bench_totals when configured with
#   -DINAMI_BENCHMARKS=ON (then also run: in-memory totals, one core).
#   BENCH_DIR      where the input is generated (default /tmp/inami_bench)
#   DUCKDB_MODULES a node_modules directory holding @duckdb/node-api
#                  (default tests/bench/node_modules: `npm install --prefix tests/bench @duckdb/node-api`)
#   ROUNDS         rounds of the peers (default 3); inami runs twice before each peer run
#   THREADS        --threads of inami mvalues (default: its own default)
#
# Only ratios within one run mean something: the machine's speed drifts, so inami is timed
# between the peers' runs, and each contender's best time is kept.
set -e
BUILD=$(cd "${1:?usage: bench_mvalues.sh BUILD_DIR [LINES] [PROVIDERS]}" && pwd)
LINES=${2:-5000000}
PROVIDERS=${3:-20000}
SRC=$(cd "$(dirname "$0")/../.." && pwd)
DIR=${BENCH_DIR:-/tmp/inami_bench}
ROUNDS=${ROUNDS:-3}
THREADS=${THREADS:-}
INAMI=$BUILD/examples/inami
PY=/usr/bin/python3
. "$SRC/tests/bench/common.sh"   # the input (CSV), once and lower

# Peers: each a command line run by `sh -c`. DuckDB only when its node module is there.
export NODE_PATH=${DUCKDB_MODULES:-$SRC/tests/bench/node_modules}
HAVE_DUCKDB=no
if command -v node > /dev/null && node -e "require('@duckdb/node-api')" > /dev/null 2>&1; then
	HAVE_DUCKDB=yes
else
	echo "DuckDB skipped: no @duckdb/node-api under $NODE_PATH (npm install --prefix tests/bench @duckdb/node-api)"
fi
HAVE_SQLITE=no
if command -v sqlite3 > /dev/null; then HAVE_SQLITE=yes; else echo "sqlite3 skipped: not installed"; fi
cat > "$DIR/query.sql" <<SQL
.mode csv
.import $CSV lines
.import $CODES codes
SELECT l.provider, SUM(CAST(l.quantity AS INTEGER)),
       SUM(CAST(l.quantity AS INTEGER) * CAST(c.value AS INTEGER)),
       SUM(CASE WHEN c.code IS NULL THEN CAST(l.quantity AS INTEGER) ELSE 0 END)
FROM lines l LEFT JOIN codes c ON c.code = l.code GROUP BY l.provider;
SQL

run_inami() { "$INAMI" mvalues "$CSV" --csv ${THREADS:+--threads "$THREADS"}; }
run_duckdb() { node "$SRC/tests/bench/duckdb_totals.js" "$CSV" "$CODES"; }
run_sqlite() { sqlite3 :memory: -init "$DIR/query.sql" .quit; }
run_python() { "$PY" "$SRC/tests/bench/py_totals.py" "$CSV" "$CODES"; }

T_INAMI=""
T_DUCKDB=""
T_SQLITE=""
T_PYTHON=""
inami_twice() {
	T_INAMI=$(lower "$T_INAMI" "$(once inami run_inami)")
	T_INAMI=$(lower "$T_INAMI" "$(once inami run_inami)")
}
for round in $(seq "$ROUNDS"); do
	inami_twice
	[ $HAVE_DUCKDB = no ] || T_DUCKDB=$(lower "$T_DUCKDB" "$(once duckdb run_duckdb)")
	inami_twice
	[ $HAVE_SQLITE = no ] || T_SQLITE=$(lower "$T_SQLITE" "$(once sqlite run_sqlite)")
	inami_twice
	T_PYTHON=$(lower "$T_PYTHON" "$(once python run_python)")
done

# Peak memory (max RSS) of inami.
/usr/bin/time -v "$INAMI" mvalues "$CSV" --csv ${THREADS:+--threads "$THREADS"} > /dev/null 2> "$DIR/time_v"
RSS_KB=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$DIR/time_v")

# Same totals? The key-letter total in units: inami (M+R+V columns of --csv) against Python and DuckDB.
SUM_INAMI=$(awk -F, 'NR > 1 { s += $4 + $5 + $6 } END { printf "%d", s }' "$DIR/out_inami")
SUM_PY=$(awk '{ print $2 }' "$DIR/out_python")
SUM_DUCKDB=$([ $HAVE_DUCKDB = no ] || awk '{ print $2 }' "$DIR/out_duckdb")

echo "input: $(wc -c < "$CSV") bytes, $LINES lines, $PROVIDERS providers; $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1); inami --threads ${THREADS:-default}, best of $((ROUNDS * 6)) runs; peers best of $ROUNDS"
echo "check: key-letter total inami $SUM_INAMI, python $SUM_PY${SUM_DUCKDB:+, duckdb $SUM_DUCKDB}"
FAIL=0
printf '%-24s %9s %9s %8s %7s  %s\n' what time peer ratio floor result
row() { # row WHAT PEER_TIME FLOOR
	if [ -z "$2" ]; then
		printf '%-24s %9s %9s %8s %7s  %s\n' "$1" - - - "$3x" skipped
		return
	fi
	r=$(echo "$2 / $T_INAMI" | bc -l)
	ok=pass
	[ "$(echo "$r >= $3" | bc -l)" -eq 1 ] || { ok=FAIL; FAIL=1; }
	printf '%-24s %8.3fs %8.3fs %7.1fx %6sx  %s\n' "$1" "$T_INAMI" "$2" "$r" "$3" "$ok"
}
row "inami vs duckdb" "$T_DUCKDB" 5
row "inami vs sqlite3" "$T_SQLITE" 50
row "inami vs python csv" "$T_PYTHON" 50
ok=pass
[ "$RSS_KB" -le $((32 * 1024)) ] || { ok=FAIL; FAIL=1; }
printf '%-24s %8.1fM %9s %8s %6sM  %s\n' "inami peak memory" "$(echo "$RSS_KB / 1024" | bc -l)" - - 32 "$ok"
[ "$SUM_INAMI" = "$SUM_PY" ] || { echo "totals differ"; FAIL=1; }

# The in-memory totals (inami_billing_add, one core) when the build has them (-DINAMI_BENCHMARKS=ON).
if [ -x "$BUILD/tests/bench/bench_totals" ]; then
	"$BUILD/tests/bench/bench_totals" 20000000 "$PROVIDERS" 7
else
	echo "bench_totals skipped: configure the build with -DINAMI_BENCHMARKS=ON"
fi
rm -f "$DIR"/out_inami "$DIR"/out_duckdb "$DIR"/out_sqlite "$DIR"/out_python "$DIR/time_v"
exit $FAIL
