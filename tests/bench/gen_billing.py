#!/usr/bin/python3
"""Generate a billing CSV for the benchmark: N lines over P providers (random order),
provider,code,quantity,date; ~4% of lines use codes without a known value (567011, the
post-2021 courante code) and ~2% are corrections (quantity -1). Also writes codes.csv
(code,value in hundredths, undated single-period codes) for the sqlite3 comparison.
Usage: gen_billing.py OUT_DIR [LINES] [PROVIDERS]"""
import os, random, sys

out = sys.argv[1]
lines = int(sys.argv[2]) if len(sys.argv) > 2 else 5_000_000
providers = int(sys.argv[3]) if len(sys.argv) > 3 else 20_000
os.makedirs(out, exist_ok=True)
rnd = random.Random(20240601)
# Codes with their value in hundredths, from libinami/data/nomenclature.csv.
known = [(560011, 2400)] * 12 + [(560416, 1600)] * 4 + [(560033, 1000)] * 2 + [(560055, 1300), (560092, 2400),
         (561245, 2400), (422052, 1500), (422030, 2100), (421993, 500), (701013, 1750), (702015, 3500)]
codes = [c for c, _ in known] + [567011]  # 567011: value NOT FOUND -> unknown
ids = ["P%06d" % i for i in range(providers)]
dates = ["2022-%02d-%02d" % (m, d) for m in range(1, 13) for d in range(1, 29)]
with open(os.path.join(out, "billing.csv"), "w") as f:
    f.write("provider,code,quantity,date\n")
    chunk = []
    for i in range(lines):
        q = "-1" if rnd.random() < 0.02 else "1"
        chunk.append("%s,%d,%s,%s\n" % (ids[rnd.randrange(providers)], codes[rnd.randrange(len(codes))], q,
                                       dates[rnd.randrange(len(dates))]))
        if len(chunk) == 100000:
            f.write("".join(chunk))
            chunk = []
    f.write("".join(chunk))
with open(os.path.join(out, "codes.csv"), "w") as f:
    f.write("code,value\n")
    for c, v in sorted(set(known)):
        f.write("%d,%d\n" % (c, v))
