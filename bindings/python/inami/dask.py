"""Per-provider totals of many billing CSV files with Dask (docs/distributed.md).

    >>> import inami.dask
    >>> job = inami.dask.totals(["2022-01.csv", "2022-02.csv"], blocksize=64 << 20)
    >>> t = job.compute()              # the same Totals as read_billing_csv
    >>> inami.dask.evaluate(t, "physiotherapist", 2022)   # a pandas.DataFrame

Each task reads one part - a whole file, or a byte range of a large file cut
at a line start, fed after that file's header line - with the library's C
reader (no parsing in Python), and returns partial per-provider totals.
Partials are combined pairwise (a tree of dask.delayed calls) with exact
Python integer sums: a provider whose total leaves int64 gets the overflow
status, never a wrapped number. A malformed line is reported as
"file:line:column" with the line number read_billing_csv gives.

This module imports dask; ``import inami`` does not import it.
"""

import os
import re

import dask

from . import inami_native as _n
from ._arrays import INT32, INT64, UINT32, new
from ._billing import Billing, Nomenclature
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


def _read_part(index, path, start, end, options):
    """Partial totals of one part (runs in a worker)."""
    nom, reader = _reader(path, options)
    newlines = 0
    error = None
    try:
        if end is None:
            _n.inami_py_billing_csv_read_file(reader, path, 1)
        else:
            with open(path, "rb") as f:
                if start > 0:
                    _n.inami_py_billing_csv_feed(reader, f.readline())
                f.seek(start)
                left = end - start
                while left > 0:
                    chunk = f.read(min(left, 1 << 20))
                    if not chunk:
                        break
                    left -= len(chunk)
                    newlines += chunk.count(b"\n")
                    _n.inami_py_billing_csv_feed(reader, chunk)
            _n.inami_billing_csv_finish(reader)
    except ParseError as e:
        error = str(e)
    part = {"first": index, "last": index, "parts": {index: (path, start, newlines)},
            "error": None if error is None else (index, error)}
    if error is not None:
        part.update(ids=[], kv=[], prestations=[], flags=[], status=[], outside=[], unvalued=[],
                    lines=0, skipped=0, first_skipped=None, outside_lines=0, undated_lines=0)
        return part
    acc = Billing._wrap(_n.inami_billing_csv_totals(reader), reader)
    ids = list(_n.inami_py_billing_csv_provider_ids(reader))
    n = len(ids)
    outside, undated, per_provider = _n.inami_py_billing_csv_date_counts(reader, n)
    kv = [new(INT64, n, False) for _ in range(3)]
    prest, flags, status = new(INT64, n, False), new(UINT32, n, False), new(INT32, n, False)
    # The sums of a provider below zero are kept: a later part may bring them back.
    _n.inami_py_billing_signed_results(acc._h, kv[0], kv[1], kv[2], prest, flags, status)
    skipped = _n.inami_billing_csv_skipped_count(reader)
    part.update(
        ids=ids,
        kv=[(int(kv[0][i]), int(kv[1][i]), int(kv[2][i])) for i in range(n)],
        prestations=[int(x) for x in prest], flags=[int(x) for x in flags],
        # Only an overflow is final; whether a total is below zero is decided on the whole.
        status=[_n.INAMI_EOVERFLOW if x == _n.INAMI_EOVERFLOW else 0 for x in status], outside=[int(x) for x in per_provider],
        unvalued=[{(c, r): q for c, q, r in acc.unvalued(i)} for i in range(n)],
        lines=_n.inami_billing_csv_line_count(reader), skipped=skipped,
        first_skipped=(index, _n.inami_billing_csv_first_skipped(reader)) if skipped else None,
        outside_lines=outside, undated_lines=undated)
    del acc, reader, nom
    return part


def _combine(a, b):
    """Partials a then b (a's parts come before b's) -> one partial."""
    if a["last"] > b["first"]:
        a, b = b, a
    out = {"first": a["first"], "last": b["last"], "parts": {**a["parts"], **b["parts"]},
           "error": a["error"] or b["error"]}
    ids = list(a["ids"])
    where = {p: i for i, p in enumerate(ids)}
    kv = [list(x) for x in a["kv"]]
    prest, flags, status = list(a["prestations"]), list(a["flags"]), list(a["status"])
    outside = list(a["outside"])
    unvalued = [dict(u) for u in a["unvalued"]]
    for j, p in enumerate(b["ids"]):
        i = where.get(p)
        if i is None:
            where[p] = i = len(ids)
            ids.append(p)
            kv.append([0, 0, 0])
            prest.append(0)
            flags.append(0)
            status.append(0)
            outside.append(0)
            unvalued.append({})
        for k in range(3):
            kv[i][k] += b["kv"][j][k]
        prest[i] += b["prestations"][j]
        flags[i] |= b["flags"][j]
        if b["status"][j] == _n.INAMI_EOVERFLOW:   # its sums are unknown: overflow stays
            status[i] = _n.INAMI_EOVERFLOW
        outside[i] += b["outside"][j]
        for key, q in b["unvalued"][j].items():
            unvalued[i][key] = unvalued[i].get(key, 0) + q
    out.update(ids=ids, kv=kv, prestations=prest, flags=flags, status=status, outside=outside,
               unvalued=unvalued, lines=a["lines"] + b["lines"],
               skipped=a["skipped"] + b["skipped"],
               first_skipped=a["first_skipped"] or b["first_skipped"],
               outside_lines=a["outside_lines"] + b["outside_lines"],
               undated_lines=a["undated_lines"] + b["undated_lines"])
    return out


def _absolute(partial, located):
    """A message "path:line:..." of part ``index`` with the line number of the whole file."""
    index, message = located
    path, start, _ = partial["parts"][index]
    if start == 0:
        return message
    before = sum(nl for i, (p, s, nl) in partial["parts"].items() if p == path and s < start)
    m = re.match(re.escape(path) + r":(\d+):", message)
    if m is None:
        return message
    # The reader saw the header as line 1 and the part's first line as line 2.
    line = int(m.group(1)) - 2 + before + 1
    return "%s:%d:%s" % (path, line, message[m.end():])


def _finish(partial, with_unvalued):
    if partial["error"] is not None:
        raise ParseError(_absolute(partial, partial["error"]), _n.INAMI_EPARSE)
    n = len(partial["ids"])
    kv = [new(INT64, n, False) for _ in range(3)]
    prest, flags, status = new(INT64, n, False), new(UINT32, n, False), new(INT32, n, False)
    for i in range(n):
        sums = partial["kv"][i]
        st = partial["status"][i]
        if st == 0 and (any(s > _INT64_MAX for s in sums)
                        or partial["prestations"][i] >= _PRESTATIONS_MAX):
            st = _n.INAMI_EOVERFLOW
        if st == 0 and (any(s < 0 for s in sums) or partial["prestations"][i] < 0):
            st = _n.INAMI_ENEGATIVE
        if st == 0:
            for k in range(3):
                kv[k][i] = sums[k]
            prest[i] = partial["prestations"][i]
        flags[i], status[i] = partial["flags"][i], st
    first = "" if partial["first_skipped"] is None else _absolute(partial,
                                                                  partial["first_skipped"])
    t = Totals(kv[0], kv[1], kv[2], prest, flags, status, provider_ids=partial["ids"],
               lines=partial["lines"], skipped=partial["skipped"], first_skipped=first,
               outside_lines=partial["outside_lines"], undated_lines=partial["undated_lines"],
               outside=tuple(partial["outside"]))
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
    if year is not None:
        if isinstance(year, bool) or not isinstance(year, int):
            raise TypeError("year must be an int, not %s" % type(year).__name__)
        if date_from is not None or date_to is not None:
            raise TypeError("give year or date_from/date_to, not both")
        date_from, date_to = "%04d-01-01" % year, "%04d-12-31" % year
    columns = dict(columns or {})
    unknown = set(columns) - {"provider", "code", "quantity", "date"}
    if unknown:
        raise InvalidArgumentError("columns: %s is not one of provider, code, quantity, date"
                                   % ", ".join(sorted(unknown)))
    if nomenclature is not None and not isinstance(nomenclature, (str, os.PathLike)):
        raise TypeError("nomenclature is the path of a nomenclature CSV (loaded by each worker "
                        "over the embedded one), not %s" % type(nomenclature).__name__)
    options = {"nomenclature": None if nomenclature is None else os.fspath(nomenclature),
               "allow_derived": bool(allow_derived), "skip_bad": bool(skip_bad),
               "delimiter": "" if delimiter is None else text_arg(delimiter, "delimiter"),
               "columns": {k: text_arg(v, "columns[%r]" % k) for k, v in columns.items()
                           if v is not None},
               "date_from": date_int(date_from, "date_from"),
               "date_to": date_int(date_to, "date_to")}
    todo = [dask.delayed(_read_part, pure=True)(i, p, s, e, options)
            for i, (p, s, e) in enumerate(parts(paths, blocksize))]
    if not todo:
        raise InvalidArgumentError("no input files")
    combine = dask.delayed(_combine, pure=True)
    while len(todo) > 1:
        nxt = [combine(todo[i], todo[i + 1]) for i in range(0, len(todo) - 1, 2)]
        if len(todo) % 2:
            nxt.append(todo[-1])
        todo = nxt
    return dask.delayed(_finish, pure=True)(todo[0], bool(with_unvalued))


def evaluate(totals, profession, year, *, rules=None, allow_derived=False):
    """Per-provider tier, amount and what is missing for the next tier (a
    pandas.DataFrame, one row per provider) of computed totals (a Totals, or
    the delayed object :func:`totals` returns, which is computed first)."""
    if hasattr(totals, "compute") and not isinstance(totals, Totals):
        totals = totals.compute()
    if isinstance(totals, tuple):
        totals = totals[0]
    return totals.evaluate(profession, year, rules=rules, allow_derived=allow_derived).to_pandas()

