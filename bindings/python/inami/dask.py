"""Per-provider totals of many billing CSV files with Dask (docs/distributed.md).

    >>> import inami.dask
    >>> job = inami.dask.totals(["2022-01.csv", "2022-02.csv"], blocksize=64 << 20)
    >>> t = job.compute()              # the same Totals as read_billing_csv
    >>> inami.dask.evaluate(t, "physiotherapist", 2022)   # a pandas.DataFrame

Each task reads one part - a whole file, or a byte range of a large file cut
at a line start, read after that file's header line
(inami_billing_csv_read_range) - with the library's C reader (no parsing in
Python), and returns partial per-provider totals. Partials are combined
pairwise (a tree of dask.delayed calls), exactly: int64 arrays while every
sum fits, Python integers once one would not, so a provider whose total
leaves int64 gets the overflow status, never a wrapped number. A malformed line is reported as
"file:line:column" with the line number read_billing_csv gives.

This module imports dask; ``import inami`` does not import it.
"""

import array
import os
import re

import dask
import numpy as np

from . import inami_native as _n
from ._arrays import INT32, INT64, UINT32
from ._billing import Billing, Nomenclature, csv_reading_args
from ._bulk import Totals
from ._errors import InvalidArgumentError, ParseError
from ._ids import UNVALUED_REASONS, id_of
from ._util import date_int, text_arg

__all__ = ["totals", "evaluate", "parts"]

_INT64_MAX = (1 << 63) - 1
_PRESTATIONS_MAX = 1 << 55        # the library's limit of a prestation count
_SCAN = 1 << 16                   # bytes read at a time to find a line end


def _line_end_after(f, offset, size):
    """The offset just after the first newline at or after ``offset`` (``size`` if none)."""
    f.seek(offset)
    pos = offset
    while pos < size:
        block = f.read(_SCAN)
        if not block:
            break
        i = block.find(b"\n")
        if i >= 0:
            return pos + i + 1
        pos += len(block)
    return size


def parts(paths, blocksize=None):
    """The parts the tasks read: (path, start, end) with end None for a
    whole file. A file larger than ``blocksize`` bytes is cut into ranges of
    about that size, each starting at a line start; the first range holds
    the header line."""
    if isinstance(paths, (str, bytes, os.PathLike)):
        paths = [paths]
    if blocksize is not None and (isinstance(blocksize, bool) or not isinstance(blocksize, int)
                                  or blocksize <= 0):
        raise InvalidArgumentError("blocksize must be a positive int (bytes) or None")
    out = []
    for p in paths:
        p = os.fspath(p)
        p = p.decode() if isinstance(p, bytes) else p
        size = os.path.getsize(p)
        if blocksize is None or size <= blocksize:
            out.append((p, 0, None))
            continue
        with open(p, "rb") as f:
            start = 0
            while start < size:
                end = _line_end_after(f, max(start + blocksize, start + 1) - 1, size)
                out.append((p, start, end))
                start = end
    return out


_NOMENCLATURES = {}   # path -> Nomenclature, loaded once per worker process


def _nomenclature(path):
    if path is None:
        return Nomenclature.default()
    if path not in _NOMENCLATURES:
        _NOMENCLATURES[path] = Nomenclature.load(path)
    return _NOMENCLATURES[path]


def _reader(path, options):
    nom = _nomenclature(options["nomenclature"])
    flags = (_n.INAMI_BILLING_ALLOW_DERIVED if options["allow_derived"] else 0) | \
            (_n.INAMI_CSV_SKIP_BAD if options["skip_bad"] else 0)
    columns = options["columns"]
    return nom, _n.inami_py_billing_csv_new(
        nom._h, flags, path, options["delimiter"],
        *(columns.get(k) for k in ("provider", "code", "quantity", "date")),
        options["date_from"], options["date_to"])


def _lines_before(path, start):
    """How many lines of ``path`` come before byte ``start`` (a line start)."""
    count = 0
    with open(path, "rb") as f:
        left = start
        while left > 0:
            chunk = f.read(min(left, 1 << 20))
            if not chunk:
                break
            left -= len(chunk)
            count += chunk.count(b"\n")
    return count


def _absolute(path, start, message):
    """A reader's message "path:line:..." about a range starting at byte
    ``start``, with the line number in the whole file. Counting the lines
    before the range reads it again, so it is done only when there is a
    message to give."""
    if start == 0 or not message:
        return message
    m = re.match(re.escape(path) + r":(\d+):", message)
    if m is None:
        return message
    # The reader numbered the lines up to the header, then the range's lines after it.
    line = int(m.group(1)) - _header_line(path) + _lines_before(path, start)
    return "%s:%d:%s" % (path, line, message[m.end():])


def _header_line(path):
    """The line number of the header: blank lines may come before it."""
    with open(path, "rb") as f:
        for number, line in enumerate(f, 1):
            if line.strip():
                return number
    return 1


def _read_part(index, path, start, end, options):
    """Partial totals of one part (runs in a worker)."""
    nom, reader = _reader(path, options)
    error = None
    try:
        if end is None:
            _n.inami_py_billing_csv_read_file(reader, path, 1)
        else:   # the file's header first, then the range, read by the C reader
            _n.inami_py_billing_csv_read_range(reader, path, start, end)
    except ParseError as e:
        error = _absolute(path, start, str(e))
    part = {"first": index, "last": index, "error": error}
    if error is not None:
        part.update(_empty_sums(), unvalued=[] if options["with_unvalued"] else None, lines=0,
                    skipped=0, first_skipped=None, outside_lines=0, undated_lines=0)
        return part
    acc = Billing._wrap(_n.inami_billing_csv_totals(reader), reader)
    ids = list(_n.inami_py_billing_csv_provider_ids(reader))
    n = len(ids)
    outside, undated, per_provider = _n.inami_py_billing_csv_date_counts(reader, n)
    sums = {k: np.zeros(n, dtype=t) for k, t in _SUMS.items()}
    status = np.zeros(n, dtype=np.int32)
    # The sums of a provider below zero are kept: a later part may bring them back.
    _n.inami_py_billing_signed_results(acc._h, sums["m"], sums["r"], sums["v"], sums["prestations"],
                                       sums["flags"], status)
    sums["outside"][:] = np.array(per_provider, dtype=np.int64)
    # Only an overflow is final; whether a total is below zero is decided on the whole.
    sums["overflow"][:] = status == _n.INAMI_EOVERFLOW
    skipped = _n.inami_billing_csv_skipped_count(reader)
    part.update(
        sums, ids=ids,
        # Unvalued lines are gathered only when asked for: it costs a call per provider.
        unvalued=[{(c, r): q for c, q, r in acc.unvalued(i)} for i in range(n)]
        if options["with_unvalued"] else None,
        lines=_n.inami_billing_csv_line_count(reader), skipped=skipped,
        first_skipped=_absolute(path, start, _n.inami_billing_csv_first_skipped(reader)) if skipped
        else None,
        outside_lines=outside, undated_lines=undated)
    del acc, reader, nom
    return part


# The per-provider arrays of a partial; sums are int64 while they fit and
# become arrays of Python ints (exact) once an addition would leave int64.
_SUMS = {"m": np.int64, "r": np.int64, "v": np.int64, "prestations": np.int64,
         "outside": np.int64, "flags": np.uint32, "overflow": np.bool_}
_ADDED = ("m", "r", "v", "prestations", "outside")


def _empty_sums():
    return dict({k: np.zeros(0, dtype=t) for k, t in _SUMS.items()}, ids=[])


def _add_exact(x, y):
    """x + y element-wise, exactly: int64 unless a sum leaves int64."""
    if x.dtype == object or y.dtype == object:
        return x.astype(object) + y.astype(object)
    with np.errstate(over="ignore"):
        z = x + y
    wrapped = ((x > 0) & (y > 0) & (z < 0)) | ((x < 0) & (y < 0) & (z >= 0))
    return x.astype(object) + y.astype(object) if wrapped.any() else z


def _combine(a, b):
    """Partials a then b (a's parts come before b's) -> one partial."""
    if a["last"] > b["first"]:
        a, b = b, a
    out = {"first": a["first"], "last": b["last"], "error": a["error"] or b["error"]}
    where = {p: i for i, p in enumerate(a["ids"])}
    na = len(a["ids"])
    # Where each of b's providers goes: its row in a, or a new row after a's.
    rows = np.fromiter((where.get(p, -1) for p in b["ids"]), dtype=np.int64, count=len(b["ids"]))
    fresh = np.flatnonzero(rows < 0)
    rows[fresh] = na + np.arange(len(fresh))
    n = na + len(fresh)
    out["ids"] = a["ids"] + [b["ids"][j] for j in fresh]
    for k, t in _SUMS.items():
        grown = np.zeros(n, dtype=a[k].dtype)
        grown[:na] = a[k]
        if k in _ADDED:
            added = _add_exact(grown[rows], b[k])
            if added.dtype == object and grown.dtype != object:
                grown = grown.astype(object)
            grown[rows] = added
        else:   # flags and the overflow mark: either part's
            grown[rows] |= b[k]
        out[k] = grown
    if a["unvalued"] is not None:
        unvalued = [dict(u) for u in a["unvalued"]] + [{} for _ in fresh]
        for j, u in enumerate(b["unvalued"]):
            mine = unvalued[rows[j]]
            for key, q in u.items():
                mine[key] = mine.get(key, 0) + q
        out["unvalued"] = unvalued
    else:
        out["unvalued"] = None
    for k in ("lines", "skipped", "outside_lines", "undated_lines"):
        out[k] = a[k] + b[k]
    out["first_skipped"] = a["first_skipped"] or b["first_skipped"]
    return out


def _plain(x, kind):
    """An array.array of a numpy array (read_billing_csv gives array.array)."""
    out = array.array(kind[0])
    out.frombytes(np.asarray(x).astype(kind[1]).tobytes())
    return out


def _finish(partial, with_unvalued):
    if partial["error"] is not None:
        raise ParseError(partial["error"], _n.INAMI_EPARSE)
    added = [partial[k] for k in ("m", "r", "v", "prestations")]
    over = partial["overflow"].copy()
    for x in added[:3]:
        over |= np.asarray(x > _INT64_MAX, dtype=bool)
    over |= np.asarray(added[3] >= _PRESTATIONS_MAX, dtype=bool)
    negative = ~over & np.asarray(sum((x < 0) for x in added) > 0, dtype=bool)
    ok = ~over & ~negative
    status = np.where(over, _n.INAMI_EOVERFLOW, np.where(negative, _n.INAMI_ENEGATIVE, 0))
    # A provider whose total is negative or overflows has zero totals, as in read_billing_csv.
    cols = [_plain(np.where(ok, x, 0), INT64) for x in added]
    t = Totals(cols[0], cols[1], cols[2], cols[3], _plain(partial["flags"], UINT32),
               _plain(status, INT32), provider_ids=partial["ids"],
               lines=partial["lines"], skipped=partial["skipped"],
               first_skipped=partial["first_skipped"] or "",
               outside_lines=partial["outside_lines"], undated_lines=partial["undated_lines"],
               outside=tuple(int(x) for x in partial["outside"]))
    if not with_unvalued:
        return t
    unvalued = {p: [(c, q, id_of(UNVALUED_REASONS, r)) for (c, r), q in sorted(u.items())]
                for p, u in zip(partial["ids"], partial["unvalued"]) if u}
    return t, unvalued


def totals(paths, *, nomenclature=None, blocksize=None, year=None, allow_derived=False,
           skip_bad=False, with_unvalued=False, delimiter=None, columns=None, date_from=None,
           date_to=None):
    """A dask.delayed whose ``.compute()`` gives the :class:`inami.Totals` that
    read_billing_csv gives on the files read one after the other (providers
    in order of first appearance, files in the order given).

    ``nomenclature`` is None (the embedded one) or the path of a nomenclature
    CSV that every worker loads over the embedded one (Nomenclature.load).
    ``blocksize`` (bytes, None = whole files) cuts larger files into ranges
    read by separate tasks. ``year`` counts only the lines dated in it, as in
    read_billing_csv, as do ``date_from``/``date_to``, ``delimiter`` and
    ``columns`` (the same arguments as there). A malformed line raises ParseError ("file:line:column:
    why") at compute time, unless ``skip_bad``: then ``skipped`` counts them
    and ``first_skipped`` names the first. With ``with_unvalued`` the result
    is (Totals, {provider id: [(code, quantity, reason)]}) for providers
    with unvalued lines.
    """
    date_from, date_to, columns = csv_reading_args(year, date_from, date_to, columns)
    if nomenclature is not None and not isinstance(nomenclature, (str, os.PathLike)):
        raise TypeError("nomenclature is the path of a nomenclature CSV (loaded by each worker "
                        "over the embedded one), not %s" % type(nomenclature).__name__)
    options = {"nomenclature": None if nomenclature is None else os.fspath(nomenclature),
               "allow_derived": bool(allow_derived), "skip_bad": bool(skip_bad),
               "with_unvalued": bool(with_unvalued),
               "delimiter": "" if delimiter is None else text_arg(delimiter, "delimiter"),
               "columns": {k: text_arg(v, "columns[%r]" % k) for k, v in columns.items()
                           if v is not None},
               "date_from": date_int(date_from, "date_from"),
               "date_to": date_int(date_to, "date_to")}
    # Not pure: the arguments name files, not their contents, and a file may
    # change between two calls; each call gets tasks of its own.
    todo = [dask.delayed(_read_part, pure=False)(i, p, s, e, options)
            for i, (p, s, e) in enumerate(parts(paths, blocksize))]
    if not todo:
        raise InvalidArgumentError("no input files")
    combine = dask.delayed(_combine, pure=False)
    while len(todo) > 1:
        nxt = [combine(todo[i], todo[i + 1]) for i in range(0, len(todo) - 1, 2)]
        if len(todo) % 2:
            nxt.append(todo[-1])
        todo = nxt
    return dask.delayed(_finish, pure=False)(todo[0], bool(with_unvalued))


def evaluate(totals, profession, year, *, rules=None, allow_derived=False):
    """Per-provider tier, amount and what is missing for the next tier (a
    pandas.DataFrame, one row per provider) of computed totals (a Totals, or
    the delayed object :func:`totals` returns, which is computed first)."""
    if hasattr(totals, "compute") and not isinstance(totals, Totals):
        totals = totals.compute()
    if isinstance(totals, tuple):
        totals = totals[0]
    return totals.evaluate(profession, year, rules=rules, allow_derived=allow_derived).to_pandas()

