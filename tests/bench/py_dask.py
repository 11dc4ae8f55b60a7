#!/usr/bin/python3
"""inami.dask on FILES billing CSVs, with 1 and 2 worker processes (one thread
each), against a plain dask.dataframe pipeline (read_csv -> merge with the code
table -> groupby-sum) on the same cluster; tests/bench/bench_dask.sh runs it.

The files are copies of one generated file, so the reference is that file's
read_billing_csv totals times the number of files; every inami.dask result is
checked against it provider by provider.

Usage: py_dask.py DIR FILES BLOCKSIZE PLAIN_FILES ROUNDS
  DIR holds part-NN.csv and codes.csv (code,value in hundredths); the plain
  pipeline reads the first PLAIN_FILES files and its time is scaled per line."""
import glob
import sys
import time

import dask.dataframe as dd
import distributed
import pandas as pd

import inami
import inami.dask


def check(got, ref, copies):
    assert got.provider_ids == ref.provider_ids, "providers differ"
    assert got.lines == ref.lines * copies
    for name in ("m_hundredths", "r_hundredths", "v_hundredths", "prestations"):
        assert list(getattr(got, name)) == [x * copies for x in getattr(ref, name)], name


def cluster(workers):
    return distributed.LocalCluster(n_workers=workers, processes=True, threads_per_worker=1,
                                    dashboard_address=None, host="127.0.0.1")


def best_of(rounds, run):
    times = []
    for _ in range(rounds):
        t0 = time.perf_counter()
        out = run()
        times.append(time.perf_counter() - t0)
    return min(times), out


def plain_pipeline(files, codes):
    lines = dd.read_csv(files, blocksize=64 << 20,
                        dtype={"provider": "object", "code": "int64", "quantity": "int64",
                               "date": "object"})
    valued = lines.merge(codes, on="code", how="left")
    valued["points"] = valued["quantity"] * valued["value"].fillna(0).astype("int64")
    return valued.groupby("provider")[["points", "quantity"]].sum().compute()


def main():
    d, nfiles, blocksize, nplain, rounds = (sys.argv[1], int(sys.argv[2]), int(sys.argv[3]),
                                            int(sys.argv[4]), int(sys.argv[5]))
    files = sorted(glob.glob(d + "/part-*.csv"))[:nfiles]
    ref = inami.read_billing_csv(files[0])
    total_lines = ref.lines * len(files)
    print("%d lines in %d files, %d providers, %d parts of at most %d bytes"
          % (total_lines, len(files), ref.provider_count,
             len(inami.dask.parts(files, blocksize)), blocksize))
    one, _ = best_of(rounds, lambda: inami.read_billing_csv(files[0]))
    print("read_billing_csv, one file, one thread   %8.2f s  (x%d files: %.2f s)"
          % (one, len(files), one * len(files)))
    timed = {}
    for workers in (1, 2):
        with cluster(workers) as c, distributed.Client(c) as client:
            client.wait_for_workers(workers)
            t, got = best_of(rounds, lambda: inami.dask.totals(files, blocksize=blocksize).compute())
            check(got, ref, len(files))
            timed[workers] = t
            print("inami.dask.totals, %d worker(s)           %8.2f s  %6.1f M lines/s"
                  % (workers, t, total_lines / t / 1e6))
            if workers == 2:
                codes = pd.read_csv(d + "/codes.csv", dtype={"code": "int64", "value": "int64"})
                plain = files[:nplain]
                tp, out = best_of(1, lambda: plain_pipeline(plain, codes))
                assert len(out) == ref.provider_count, "the plain pipeline lost providers"
                plain_lines = ref.lines * len(plain)
                print("plain dask.dataframe, 2 workers, %d files %8.2f s  %6.2f M lines/s"
                      % (len(plain), tp, plain_lines / tp / 1e6))
                per_line_plain = tp / plain_lines
    per_line_inami = timed[2] / total_lines
    print()
    print("2 workers against 1:                     %.2fx  (target >= 1.6x)" % (timed[1] / timed[2]))
    print("inami.dask against plain dask, per line:  %.1fx  (target >= 10x)"
          % (per_line_plain / per_line_inami))


if __name__ == "__main__":
    main()
