#!/bin/sh
# inami.dask over many billing files on a local Dask cluster, in one run: 1 and 2 worker
# processes (one thread each) against a plain dask.dataframe pipeline (read_csv, merge
# with the code table, groupby-sum) on the same cluster. Not part of ctest.
#
# Usage: tests/bench/bench_dask.sh BUILD_DIR [LINES] [FILES]
#   LINES      lines in all (default 100000000), as FILES copies of one generated file
#   FILES      number of files (default 16)
#   BENCH_DIR  where the input is generated (default /tmp/inami_bench_dask)
#   BLOCKSIZE  bytes per task at most (default 67108864: large files are cut in ranges)
#   PLAIN      files the plain pipeline reads, its time scaled per line (default 3)
#   ROUNDS     rounds of each inami.dask run, the best kept (default 2)
set -e
BUILD=$(cd "${1:?usage: bench_dask.sh BUILD_DIR [LINES] [FILES]}" && pwd)
LINES=${2:-100000000}
FILES=${3:-16}
SRC=$(cd "$(dirname "$0")/../.." && pwd)
DIR=${BENCH_DIR:-/tmp/inami_bench_dask}
PY=/usr/bin/python3
PER_FILE=$((LINES / FILES))
mkdir -p "$DIR/one"
# One generated file (common.sh makes it when missing or of another size), copied FILES times.
(DIR=$DIR/one LINES=$PER_FILE PROVIDERS=20000 && . "$SRC/tests/bench/common.sh")
cp "$DIR/one/codes.csv" "$DIR/codes.csv"
i=0
while [ "$i" -lt "$FILES" ]; do
	f=$(printf '%s/part-%02d.csv' "$DIR" "$i")
	[ "$f" -nt "$DIR/one/billing.csv" ] || cp "$DIR/one/billing.csv" "$f"   # missing or older
	i=$((i + 1))
done
cat "$DIR"/part-*.csv > /dev/null   # warm the page cache
PYTHONPATH=$BUILD/bindings/python "$PY" -u "$SRC/tests/bench/py_dask.py" "$DIR" "$FILES" \
	"${BLOCKSIZE:-67108864}" "${PLAIN:-3}" "${ROUNDS:-2}"
