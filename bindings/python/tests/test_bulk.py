"""Bulk arrays: totals and batch evaluation equal the per-item results."""

import array
import csv
import decimal
import io
import random

import pytest

import inami

try:
    import numpy as np
except ImportError:  # numpy is optional
    np = None

# Codes and values from the embedded nomenclature (libinami/data/nomenclature.csv):
# 560011 = M 24, 560416 = M 16 (the library keeps hundredths: 2400, 1600).
CODES = [560011, 560416, 560011, 560416, 1]  # 1: an unknown code, reported unvalued


def _lines(n_lines, n_providers, seed=5):
    rnd = random.Random(seed)
    code = array.array("i", (rnd.choice(CODES) for _ in range(n_lines)))
    qty = array.array("i", (rnd.randint(1, 40) for _ in range(n_lines)))
    prov = array.array("I", (rnd.randrange(n_providers) for _ in range(n_lines)))
    return code, qty, prov


def test_nomenclature_lookup():
    n = inami.Nomenclature.default()
    e = n.lookup(560011, "2022-06-01")
    assert e.key_letter == "M" and e.value == decimal.Decimal("24")   # points, not hundredths
    assert isinstance(e.value, decimal.Decimal)
    assert len(n) > 0 and any(c.code == 560011 for c in n)


def test_total_single_provider():
    s = inami.total([560011, 560416, 1], [1, 1, 3])
    assert s.m == decimal.Decimal("40") and s.prestations == 5   # 24 + 16 points
    assert "incomplete" in inami.flag_names(s.flags)
    assert s.unvalued == [(1, 3, "unknown_code")]


def test_totals_equal_per_provider_total():
    code, qty, prov = _lines(5000, 37)
    t = inami.totals(code, qty, prov)
    assert t.provider_count == 37
    for p in range(37):
        idx = [i for i in range(len(code)) if prov[i] == p]
        s = inami.total(array.array("i", (code[i] for i in idx)),
                        array.array("i", (qty[i] for i in idx)))
        assert (t.m[p], t.prestations[p], t.status[p]) == (s.m, s.prestations, 0)
        assert t.flags[p] == s.flags


def test_accumulator_in_chunks_equals_one_call():
    code, qty, prov = _lines(3000, 10)
    b = inami.Billing(10)
    for start in range(0, 3000, 700):
        b.add(code[start:start + 700], qty[start:start + 700], provider=prov[start:start + 700])
    assert b.line_count == 3000
    chunked = b.results()
    whole = inami.totals(code, qty, prov, provider_count=10)
    assert list(chunked.m) == list(whole.m)
    assert list(chunked.m_hundredths) == list(whole.m_hundredths)
    assert list(chunked.prestations) == list(whole.prestations)
    assert b.unvalued(0) and b.unvalued(0)[0][2] == "unknown_code"


def test_memoryview_input():
    code, qty, prov = _lines(100, 3)
    a = inami.totals(memoryview(code), memoryview(qty), memoryview(prov))
    b = inami.totals(code, qty, prov)
    assert list(a.m) == list(b.m)


def test_batch_equals_per_item_evaluate():
    rnd = random.Random(11)
    n = 400
    prest = array.array("q", (rnd.randint(0, 7000) for _ in range(n)))
    mval = [rnd.randint(0, 16000000) for _ in range(n)]   # hundredths of a point
    points = [decimal.Decimal(v).scaleb(-2) for v in mval]
    b = inami.evaluate_batch("physiotherapist", 2022, prestations=prest, key_values=points)
    b2 = inami.evaluate_batch("physiotherapist", 2022, prestations=prest,
                              key_values_hundredths=array.array("q", mval))
    assert list(b2.amount_cents) == list(b.amount_cents)
    assert len(b) == n and b.tier_ids == ("base", "intermediate", "full")
    for i in range(n):
        r = inami.evaluate("physiotherapist", 2022, prestations=prest[i], m_values=points[i])
        assert b.status[i] == 0
        assert bool(b.eligible[i]) == r.eligible
        assert b.amount_cents[i] == r.amount_cents
        assert b.tier(i) == r.tier
        missing = {m.measure: m.missing for m in r.next_tier.missing} if r.next_tier else {}
        exp_p = int(missing["prestations"]) if "prestations" in missing else -1
        exp_m = missing.get("m_value")
        assert b.missing_prestations[i] == exp_p, i
        assert b.missing_key_value[i] == exp_m, i   # Decimal points, None when not applicable
        row = b.row(i)
        assert (row.tier, row.amount_cents, row.missing_key_value) == (r.tier, r.amount_cents, exp_m)


def test_batch_errors():
    with pytest.raises(inami.NoRulesError):
        inami.evaluate_batch("physiotherapist", 2031, prestations=[1, 2])
    with pytest.raises(inami.InvalidArgumentError):
        inami.evaluate_batch("physiotherapist", 2022, prestations=[1, 2], key_values=[1])
    b = inami.evaluate_batch("physiotherapist", 2022, prestations=[2000, 2000],
                             status=[0, -6])
    assert list(b.status) == [0, -6] and b.errors() == [(1, -6)]


def test_csv_reader_equals_totals(tmp_path):
    code, qty, prov = _lines(2000, 25)
    text = io.StringIO()
    w = csv.writer(text, lineterminator="\n")
    w.writerow(["provider", "code", "quantity", "date"])
    for i in range(len(code)):
        w.writerow(["kine-%02d" % prov[i], code[i], qty[i], "2022-05-01"])
    path = tmp_path / "billing.csv"
    path.write_text(text.getvalue())
    t = inami.read_billing_csv(path)
    assert t.lines == 2000 and t.skipped == 0
    order = [int(pid.split("-")[1]) for pid in t.provider_ids]
    dated = inami.totals(code, qty, prov, date=array.array("i", [20220501]) * len(code))
    assert [t.m[i] for i in range(t.provider_count)] == [dated.m[p] for p in order]
    assert [row.provider for row in t] == t.provider_ids
    assert [row.m for row in t] == list(t.m)
    with open(path, "rb") as f:
        t2 = inami.read_billing_csv(f)
    assert list(t2.m) == list(t.m) and t2.provider_ids == t.provider_ids
    ev = t.evaluate("physiotherapist", 2022)
    assert len(ev) == t.provider_count


def test_csv_parse_error(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("provider,code,quantity\nA,560011,x\n")
    with pytest.raises(inami.ParseError, match="bad.csv:2"):
        inami.read_billing_csv(path)
    t = inami.read_billing_csv(path, skip_bad=True)
    assert t.skipped == 1 and "bad.csv:2" in t.first_skipped


@pytest.mark.skipif(np is None, reason="numpy not installed")
def test_numpy_arrays():
    code, qty, prov = _lines(3000, 17)
    a = inami.totals(np.frombuffer(code, dtype=np.int32), np.frombuffer(qty, dtype=np.int32),
                     np.frombuffer(prov, dtype=np.uint32))
    b = inami.totals(code, qty, prov)
    assert isinstance(a.m_hundredths, np.ndarray) and a.m_hundredths.tolist() == list(b.m_hundredths)
    assert list(a.m) == list(b.m)
    # other integer widths are converted when the values fit
    c = inami.totals(np.asarray(code, dtype=np.int64), np.asarray(qty, dtype=np.int64),
                     np.asarray(prov, dtype=np.int64))
    assert c.m_hundredths.tolist() == list(b.m_hundredths)
    ev = inami.evaluate_batch("physiotherapist", 2022, prestations=a.prestations,
                              key_values=a.m)
    assert isinstance(ev.amount_cents, np.ndarray)
    ev2 = inami.evaluate_batch("physiotherapist", 2022, prestations=b.prestations,
                               key_values=b.m)
    assert ev.amount_cents.tolist() == list(ev2.amount_cents)
    with pytest.raises(TypeError):
        inami.total(np.zeros(3, dtype=np.float64), np.zeros(3, dtype=np.int32))


def test_gil_is_released_during_bulk_calls():
    # Another Python thread makes progress while the C calls run. With the GIL
    # held it could tick only between calls (a few ticks at most); released,
    # it ticks thousands of times.
    import threading
    import time
    n = 3_000_000
    code = array.array("i", [560011]) * n
    qty = array.array("i", [1]) * n
    ticks = []
    stop = threading.Event()

    def spin():
        while not stop.is_set():
            ticks.append(time.perf_counter())
            time.sleep(0)

    th = threading.Thread(target=spin)
    th.start()
    windows = []
    try:
        for _ in range(30):
            t0 = time.perf_counter()
            inami.total(code, qty)
            windows.append((t0, time.perf_counter()))
    finally:
        stop.set()
        th.join()
    during = sum(1 for t in ticks for a, b in windows if a < t < b)
    assert during > 100, "another thread ran only %d times during the C calls" % during
