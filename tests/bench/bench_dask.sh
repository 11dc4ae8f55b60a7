#!/bin/sh
# inami.dask against inami.read_billing_csv on one generated billing CSV (gen_billing.py), timed
# in one run: read_billing_csv (one thread), inami.dask with Dask's default scheduler (threads)
# and with a local distributed cluster of WORKERS processes, both over byte ranges of BLOCKSIZE
# bytes. Each result is checked equal to read_billing_csv's. Not part of ctest.
#
# Usage: tests/bench/bench_dask.sh BUILD_DIR [LINES] [PROVIDERS]
#   BENCH_DIR  where the input is generated (default /tmp/inami_bench, shared with bench_mvalues.sh)
#   BLOCKSIZE  bytes per range (default 16777216)
#   WORKERS    worker processes of the local cluster (default 2, one thread each)
#   ROUNDS     rounds, the best time kept (default 3)
#
# On one machine the cluster pays for starting tasks and moving partials between processes;
# what it shows is the overhead per part, not the speed of a real cluster (docs/distributed.md).
set -e
BUILD=$(cd "${1:?usage: bench_dask.sh BUILD_DIR [LINES] [PROVIDERS]}" && pwd)
LINES=${2:-5000000}
PROVIDERS=${3:-20000}
SRC=$(cd "$(dirname "$0")/../.." && pwd)
DIR=${BENCH_DIR:-/tmp/inami_bench}
PY=/usr/bin/python3
mkdir -p "$DIR"
if [ ! -f "$DIR/billing.csv" ] || [ "$(($(wc -l < "$DIR/billing.csv") - 1))" -ne "$LINES" ]; then
	echo "generating $LINES lines for $PROVIDERS providers in $DIR ..."
	"$PY" "$SRC/tests/bench/gen_billing.py" "$DIR" "$LINES" "$PROVIDERS"
fi
cat "$DIR/billing.csv" > /dev/null  # warm the page cache
PYTHONPATH=$BUILD/bindings/python "$PY" "$SRC/tests/bench/py_dask.py" "$DIR/billing.csv" \
	"${BLOCKSIZE:-16777216}" "${WORKERS:-2}" "${ROUNDS:-3}"
