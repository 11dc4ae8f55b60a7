#!/usr/bin/python3
"""inami.dask against read_billing_csv on one file (tests/bench/bench_dask.sh runs it).
Usage: py_dask.py CSV BLOCKSIZE WORKERS ROUNDS"""
import sys
import time

import distributed

import inami
import inami.dask


def best(run, ref, rounds):
    times = []
    for _ in range(rounds):
        t0 = time.perf_counter()
        got = run()
        times.append(time.perf_counter() - t0)
    assert got.provider_ids == ref.provider_ids and list(got) == list(ref), "results differ"
    return min(times)


def main():
    path, blocksize, workers, rounds = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
    ref = inami.read_billing_csv(path)
    parts = len(inami.dask.parts([path], blocksize))
    print("%d lines, %d providers, %d parts of %d bytes" % (ref.lines, ref.provider_count, parts, blocksize))
    print("read_billing_csv                 %.3f s" % best(lambda: inami.read_billing_csv(path), ref, rounds))
    print("inami.dask, threads scheduler    %.3f s" % best(
        lambda: inami.dask.totals([path], blocksize=blocksize).compute(scheduler="threads"), ref, rounds))
    with distributed.LocalCluster(n_workers=workers, processes=True, threads_per_worker=1,
                                  dashboard_address=None, host="127.0.0.1") as cluster, \
            distributed.Client(cluster):
        print("inami.dask, %d worker processes %.3f s" % (workers, best(
            lambda: inami.dask.totals([path], blocksize=blocksize).compute(), ref, rounds)))


if __name__ == "__main__":
    main()
