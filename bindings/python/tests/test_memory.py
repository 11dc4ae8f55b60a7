"""No memory growth over many calls (results, inputs, errors, bulk buffers)."""

import array

import inami


def _rss_kib():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * 4096 // 1024  # resident pages


def test_no_growth_over_100000_evaluations():
    for i in range(2000):  # warm caches and allocator
        inami.evaluate("physiotherapist", 2022, prestations=i)
    before = _rss_kib()
    for i in range(100_000):
        r = inami.evaluate("physiotherapist", 2022, prestations=i % 7000,
                           specialty="general_practice" if i % 2 else None)
        assert r.amount_cents >= 0
    after = _rss_kib()
    assert after - before < 2048, "RSS grew by %d KiB" % (after - before)


def test_no_growth_over_errors_and_bulk():
    code = array.array("i", [560011, 560416] * 500)
    qty = array.array("i", [3] * 1000)
    prov = array.array("I", list(range(10)) * 100)
    for _ in range(200):
        inami.totals(code, qty, prov)
    before = _rss_kib()
    for i in range(20_000):
        try:
            inami.evaluate("physiotherapist", 2031, prestations=5)
        except inami.NoRulesError:
            pass
        if i % 10 == 0:
            t = inami.totals(code, qty, prov)
            inami.evaluate_batch("physiotherapist", 2022, prestations=t.prestations,
                                 key_values=t.m)
    after = _rss_kib()
    assert after - before < 2048, "RSS grew by %d KiB" % (after - before)
