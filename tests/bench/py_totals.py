#!/usr/bin/python3
"""The plain Python csv loop the benchmark compares with: per-provider prestations and key
values (hundredths) with a dict of code values. Usage: py_totals.py billing.csv codes.csv"""
import csv, sys

values = {}
with open(sys.argv[2], newline="") as f:
    r = csv.reader(f)
    next(r)
    for code, value in r:
        values[code] = int(value)
totals = {}
with open(sys.argv[1], newline="") as f:
    r = csv.reader(f)
    next(r)
    for provider, code, quantity, date in r:
        q = int(quantity)
        t = totals.get(provider)
        if t is None:
            t = totals[provider] = [0, 0, 0]
        t[0] += q
        v = values.get(code)
        if v is None:
            t[2] += q
        else:
            t[1] += q * v
print(len(totals), sum(t[1] for t in totals.values()) // 100)
