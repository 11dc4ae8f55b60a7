"""inami.dask: totals of many files and byte ranges equal read_billing_csv on
the concatenated input, on a local Dask cluster of two worker processes and
with Dask's default scheduler."""

import os
import random
import subprocess
import sys

import pytest

import inami

dask = pytest.importorskip("dask")
distributed = pytest.importorskip("distributed")
import inami.dask as idask  # noqa: E402

HEADER = "provider,code,quantity,date\n"
CODES = (560011, 560416, 560033, 999999, 560011)


def _rows(rng, n, providers):
    # Negative quantities (corrections) included, some providers only late in a file.
    return ["p%03d,%d,%d,%d-%02d-%02d" % (rng.randrange(providers), rng.choice(CODES),
                                          rng.randrange(-2, 9), rng.choice((2021, 2022, 2022)),
                                          rng.randrange(1, 13), rng.randrange(1, 29))
            for _ in range(n)]


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    """Three small files and one large one (cut in ranges), and their concatenation."""
    d = tmp_path_factory.mktemp("dask")
    rng = random.Random(7)
    files, everything = [], []
    for i, (n, providers) in enumerate(((800, 30), (1200, 60), (500, 90), (6000, 120))):
        rows = _rows(rng, n, providers)
        p = d / ("part%d.csv" % i)
        p.write_text(HEADER + "\n".join(rows) + "\n")
        files.append(str(p))
        everything += rows
    whole = d / "whole.csv"
    whole.write_text(HEADER + "\n".join(everything) + "\n")
    return files, str(whole), d


@pytest.fixture(scope="module")
def client():
    cluster = distributed.LocalCluster(n_workers=2, processes=True, threads_per_worker=1,
                                       dashboard_address=None, host="127.0.0.1")
    c = distributed.Client(cluster)
    yield c
    c.close()
    cluster.close()


def _same(a, b):
    assert a.provider_ids == b.provider_ids
    assert list(a) == list(b)                       # provider by provider, status and flags
    assert list(a.m_hundredths) == list(b.m_hundredths)
    assert list(a.prestations) == list(b.prestations)
    for name in ("lines", "skipped", "first_skipped", "outside_lines", "undated_lines", "outside"):
        assert getattr(a, name) == getattr(b, name), name


def test_import_inami_does_not_import_dask():
    code = "import sys, inami; assert 'dask' not in sys.modules and 'inami.dask' not in sys.modules"
    subprocess.run([sys.executable, "-c", code], check=True)


def test_parts_cut_at_line_starts(data):
    files, _, _ = data
    parts = idask.parts(files, blocksize=40000)
    big = [p for p in parts if p[0] == files[3]]
    assert len(big) >= 4
    blob = open(files[3], "rb").read()
    assert big[0][1] == 0 and big[-1][2] == len(blob)
    for (_, s, e), (_, s2, _) in zip(big, big[1:]):
        assert e == s2 and blob[s - 1:s] in (b"", b"\n") and blob[e - 1:e] == b"\n"
    assert [p for p in parts if p[0] != files[3]] == [(f, 0, None) for f in files[:3]]


@pytest.mark.parametrize("blocksize", [None, 4096, 1000])
def test_distributed_equals_read_billing_csv(data, client, blocksize):
    files, whole, _ = data
    ref = inami.read_billing_csv(whole, year=2022)
    assert ref.outside_lines > 0 and ref.provider_count > 100
    got = idask.totals(files, blocksize=blocksize, year=2022).compute()
    _same(got, ref)
    ref_all = inami.read_billing_csv(whole)
    _same(idask.totals(files, blocksize=blocksize).compute(), ref_all)


def test_default_scheduler_equals_read_billing_csv(data):
    files, whole, _ = data
    ref = inami.read_billing_csv(whole, year=2022)
    # Dask's default scheduler for delayed objects (threads), named since a
    # distributed client of another test may be the default in this process.
    _same(idask.totals(files, blocksize=2048, year=2022).compute(scheduler="threads"), ref)
    _same(idask.totals(files, blocksize=2048, year=2022).compute(scheduler="sync"), ref)


def test_a_correction_in_a_later_range_brings_a_total_back(tmp_path):
    # The first range alone is below zero for p1; the whole is not.
    p = tmp_path / "c.csv"
    p.write_text(HEADER + "p1,560011,-3,2022-02-01\n" * 50 + "p1,560011,5,2022-03-01\n" * 50)
    ref = inami.read_billing_csv(str(p))
    assert ref.status[0] == 0 and ref.prestations[0] == 100
    for bs in (64, 300, None):
        got = idask.totals([str(p)], blocksize=bs).compute(scheduler="threads")
        _same(got, ref)
    # ... and a total that ends below zero is reported as such.
    q = tmp_path / "n.csv"
    q.write_text(HEADER + "p1,560011,5,2022-03-01\n" * 50 + "p1,560011,-6,2022-02-01\n" * 50)
    got = idask.totals([str(q)], blocksize=64).compute(scheduler="sync")
    assert got.status[0] == inami.NegativeValueError.status
    _same(got, inami.read_billing_csv(str(q)))


def test_an_empty_file_is_refused_as_read_billing_csv_refuses_it(tmp_path):
    empty, header_only = tmp_path / "empty.csv", tmp_path / "header.csv"
    empty.write_text("")
    header_only.write_text(HEADER)
    with pytest.raises(inami.ParseError) as e:
        inami.read_billing_csv(str(empty))
    with pytest.raises(inami.ParseError) as e2:
        idask.totals([str(header_only), str(empty)], blocksize=1).compute(scheduler="sync")
    assert str(e2.value) == str(e.value)
    got = idask.totals([str(header_only)] * 2, blocksize=1).compute(scheduler="sync")
    assert (got.lines, got.provider_ids) == (0, [])


def test_a_file_changed_between_two_runs_is_read_again(tmp_path, client):
    # The tasks name files, not contents: a second run must not reuse the first's results.
    p = tmp_path / "month.csv"
    p.write_text(HEADER + "p1,560011,1,2022-02-01\n")
    first = idask.totals([str(p)])
    assert list(first.compute().prestations) == [1]
    p.write_text(HEADER + "p1,560011,4,2022-02-01\n")
    assert list(idask.totals([str(p)]).compute().prestations) == [4]


def test_an_export_dialect_cut_in_ranges(tmp_path):
    # BOM, semicolons, CRLF, other column names, DD/MM/YYYY dates, a date range.
    rng = random.Random(3)
    rows = ["P%02d;%d;%d;%02d/%02d/2022" % (rng.randrange(40), rng.choice(CODES), rng.randrange(0, 5),
                                            rng.randrange(1, 29), rng.randrange(1, 13))
            for _ in range(3000)]
    p = tmp_path / "export.csv"
    p.write_bytes(b"\xef\xbb\xbfNIHII;CODE;QTE;DATE\r\n" + "\r\n".join(rows).encode() + b"\r\n")
    kw = dict(columns={"provider": "NIHII", "code": "CODE", "quantity": "QTE", "date": "DATE"},
              date_from="2022-03-01", date_to="2022-10-31")
    ref = inami.read_billing_csv(str(p), **kw)
    assert ref.outside_lines > 0
    got = idask.totals([str(p)], blocksize=5000, **kw).compute(scheduler="threads")
    _same(got, ref)
    with pytest.raises(TypeError):
        idask.totals([str(p)], year=2022, date_from="2022-01-01")


def _with_bad_lines(data):
    files, whole, d = data
    bad = list(files)
    lines = open(files[3]).read().splitlines(True)
    lines[4321] = "p007,56x011,1,2022-01-01\n"      # line 4322 of the file
    lines[5000] = "p007,560011,,2022-01-01\n"
    p = d / "bad3.csv"
    p.write_text("".join(lines))
    bad[3] = str(p)
    return bad


def test_bad_line_reported_with_its_file_and_line(data, client):
    bad = _with_bad_lines(data)
    with pytest.raises(inami.ParseError) as e:
        idask.totals(bad, blocksize=4096).compute()
    assert str(e.value).startswith(bad[3] + ":4322:")
    with pytest.raises(inami.ParseError) as e2:
        inami.read_billing_csv(bad[3])
    assert str(e.value) == str(e2.value)
    got = idask.totals(bad, blocksize=4096, skip_bad=True).compute()
    assert got.skipped == 2
    assert got.first_skipped == inami.read_billing_csv(bad[3], skip_bad=True).first_skipped
    assert got.first_skipped.startswith(bad[3] + ":4322:")
    # The same with the default scheduler and whole files.
    got2 = idask.totals(bad, skip_bad=True).compute()
    assert (got2.skipped, got2.first_skipped) == (2, got.first_skipped)


def test_blank_lines_before_the_header_and_a_bad_line_in_a_later_range(tmp_path):
    lines = ["p%d,560011,1,2022-01-10\n" % (i % 7) for i in range(400)]
    lines[333] = "p1,560011,x,2022-01-10\n"
    p = tmp_path / "blank.csv"
    p.write_text("\n\r\n" + HEADER + "".join(lines))
    with pytest.raises(inami.ParseError) as e:
        inami.read_billing_csv(str(p))
    assert str(e.value).startswith(str(p) + ":337:")
    with pytest.raises(inami.ParseError) as e2:
        idask.totals([str(p)], blocksize=512).compute(scheduler="sync")
    assert str(e2.value) == str(e.value)
    got = idask.totals([str(p)], blocksize=512, skip_bad=True).compute(scheduler="sync")
    assert got.first_skipped == inami.read_billing_csv(str(p), skip_bad=True).first_skipped


def test_overflow_across_partitions(tmp_path, client):
    # V 140 (derived) x 2^31-1 per line: each half of the file is just above
    # 2^62 hundredths for p1, which fits in int64; the two together do not.
    line = "p1,422656,2147483647,2022-01-10\n"
    per_line = 14000 * 2147483647
    n = (1 << 62) // per_line + 1000
    p = tmp_path / "big.csv"
    with open(p, "w") as f:
        f.write(HEADER + "p0,560011,1,2022-01-10\n" + line * n + line * n)
    size = os.path.getsize(p)
    job = idask.totals([str(p)], blocksize=size // 2, allow_derived=True)
    got = job.compute()
    assert len(idask.parts([str(p)], size // 2)) >= 2
    assert per_line * n < (1 << 63) < 2 * per_line * n
    assert list(got.status) == [0, inami.InamiOverflowError.status]
    assert got.row(1).v is None and got.v_hundredths[1] == 0      # never a wrapped number
    assert got.m_hundredths[0] == 2400
    _same(got, inami.read_billing_csv(str(p), allow_derived=True))


def test_evaluate_gives_a_data_frame(data, client):
    files, whole, _ = data
    job = idask.totals(files, blocksize=4096, year=2022)
    df = idask.evaluate(job, "physiotherapist", 2022)
    ref = inami.read_billing_csv(whole, year=2022).evaluate("physiotherapist", 2022).to_pandas()
    assert list(df.columns) == list(ref.columns) and len(df) == len(ref) > 0
    assert df.equals(ref)


def test_unvalued_codes(data):
    files, _, _ = data
    t, unvalued = idask.totals(files, blocksize=4096, with_unvalued=True).compute()
    assert unvalued and all(codes for codes in unvalued.values())
    assert {c for codes in unvalued.values() for c, _, why in codes} >= {999999}
    assert all(why == "unknown_code" for codes in unvalued.values()
               for c, _, why in codes if c == 999999)
    assert set(unvalued) <= set(t.provider_ids)


def _killer():
    # Nested, so that the workers get it by value (this module is not importable there).
    def kill_once(marker, value):
        if not os.path.exists(marker):
            open(marker, "w").close()
            os._exit(1)                 # the worker process dies; its results are lost
        return value
    return kill_once


def test_worker_killed_during_the_run(data, client, tmp_path):
    files, whole, _ = data
    marker = str(tmp_path / "killed")
    job = idask.totals(files, blocksize=4096, year=2022)
    got = dask.delayed(_killer())(marker, job).compute()
    assert os.path.exists(marker)
    _same(got, inami.read_billing_csv(whole, year=2022))
