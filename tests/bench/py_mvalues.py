"""The Python equivalent of `inami mvalues FILE --year Y --profession P`: the billing CSV read
by the library (inami.read_billing_csv) and every provider evaluated in one batch call
(Totals.evaluate). Prints the number of providers, of eligible ones, and the seconds the
two calls took (the interpreter's start and `import inami` not counted).

Usage: py_mvalues.py FILE YEAR PROFESSION THREADS (run with PYTHONPATH=BUILD/bindings/python)
"""

import sys
import time

import inami


def main(path, year, profession, threads):
    start = time.perf_counter()
    totals = inami.read_billing_csv(path, threads=int(threads))
    batch = totals.evaluate(profession, int(year))
    seconds = time.perf_counter() - start
    print(totals.provider_count, sum(batch.eligible), "%.6f" % seconds)


if __name__ == "__main__":
    main(*sys.argv[1:5])
