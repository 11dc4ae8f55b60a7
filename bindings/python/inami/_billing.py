"""Bulk: nomenclature, key-letter totals over billing lines, batch evaluation.

Arrays cross into C through the buffer protocol (array.array, memoryview,
numpy arrays, bytearray...) with no Python-level loop per line, and the GIL
is released while the library works. Key-letter values and totals are int64
in HUNDREDTHS of the unit (40 M is 4000), as in include/inami/billing.h.

Element types:  code, quantity, date (YYYYMMDD, 0 = unknown): int32
                provider index: uint32 (int32 accepted)
                prestations, key values, amounts in cents: int64
Plain lists are converted (array.array); numpy integer arrays of another
width are converted when every value fits.
"""

import array
import collections
import os
import threading

from . import inami_native as _n
from ._errors import InvalidArgumentError, NotFoundError, error_for
from ._rules import _PROVENANCE, resolve_rules
from ._util import date_int, profession_code

__all__ = ["Nomenclature", "CodeInfo", "Billing", "Summary", "Totals", "BatchResult",
           "total", "totals", "read_billing_csv", "evaluate_batch", "key_letter",
           "flag_names", "KEY_VALUE_SCALE"]

KEY_VALUE_SCALE = _n.INAMI_KEY_VALUE_SCALE
_LETTERS = ("M", "R", "V")
_TOTAL_FLAGS = ((_n.INAMI_TOTAL_DERIVED_USED, "derived_used"),
                (_n.INAMI_TOTAL_VALIDITY_UNKNOWN, "validity_unknown"),
                (_n.INAMI_TOTAL_UNDATED, "undated"),
                (_n.INAMI_TOTAL_CONFLICT, "conflict"),
                (_n.INAMI_TOTAL_INCOMPLETE, "incomplete"))

# (array typecode, numpy dtype name, itemsize)
_INT32 = ("i", "int32")
_UINT32 = ("I", "uint32")
_INT64 = ("q", "int64")


def flag_names(flags):
    """INAMI_TOTAL_* bits -> names ('incomplete', 'derived_used', ...)."""
    return [name for bit, name in _TOTAL_FLAGS if flags & bit]


def key_letter(profession):
    """'M', 'R' or 'V' for a profession with key-letter thresholds, else None."""
    try:
        return _LETTERS[_n.inami_swig_key_letter_of_profession(profession_code(profession))]
    except NotFoundError:
        return None


def _is_numpy(x):
    return type(x).__module__ == "numpy"


def _as_array(x, kind, what):
    """Pass buffers through; convert lists/tuples and numpy arrays of another width."""
    if x is None:
        return None
    if _is_numpy(x):
        import numpy as np
        dt = np.dtype(kind[1])
        if x.dtype != dt and x.dtype.kind in "iu" and x.size:
            info = np.iinfo(dt)
            if x.min() < info.min or x.max() > info.max:
                raise InvalidArgumentError("%s: values outside the %s range" % (what, kind[1]))
            x = x.astype(dt)
        return np.ascontiguousarray(x)
    if isinstance(x, (list, tuple, range)):
        try:
            return array.array(kind[0], x)
        except OverflowError:
            raise InvalidArgumentError("%s: values outside the %s range" % (what, kind[1])) from None
    return x


def _dates(x):
    """Dates as int32 YYYYMMDD: a buffer, or a list of datetime.date / str / int / None."""
    if isinstance(x, (list, tuple)) and any(not isinstance(d, int) for d in x):
        x = [date_int(d, "date") if not isinstance(d, int) else d for d in x]
    return _as_array(x, _INT32, "date")


def _new(kind, n, numpy_like):
    if numpy_like:
        import numpy as np
        return np.zeros(n, dtype=kind[1])
    a = array.array(kind[0])
    a.frombytes(bytes(n * a.itemsize))
    return a


class CodeInfo(collections.namedtuple("CodeInfo", [
        "code", "key_letter", "value", "valid_from", "valid_to", "provenance", "source",
        "note", "description", "layer", "line", "flags"])):
    """A nomenclature entry: ``value`` in hundredths (560011 = M 24 -> 2400),
    validity dates as YYYYMMDD ints (0 = unknown)."""

    __slots__ = ()


def _code_info(c):
    return CodeInfo(c.code, _LETTERS[c.key_letter], c.value, c.valid_from, c.valid_to,
                    _PROVENANCE.get(c.provenance, str(c.provenance)), c.source, c.note,
                    c.description, c.layer, c.line, c.flags)


class Nomenclature:
    """Nomenclature codes -> key letter and value with validity dates (immutable)."""

    _default = None

    def __init__(self, _handle):
        self._h = _handle

    @classmethod
    def default(cls):
        """The embedded nomenclature (libinami/data/nomenclature.csv)."""
        if cls._default is None:
            cls._default = cls(_n.inami_swig_nomenclature_default())
        return cls._default

    @classmethod
    def load(cls, path, base="default"):
        """Load a nomenclature CSV, layered over ``base`` (default: the
        embedded one; None = standalone). ParseError says file:line:column."""
        if base == "default":
            base = cls.default()
        return cls(_n.inami_swig_nomenclature_load_file(base._h if base is not None else None,
                                                        os.fspath(path)))

    def __len__(self):
        return _n.inami_nomenclature_count(self._h)

    def __iter__(self):
        for i in range(len(self)):
            yield _code_info(_n.inami_swig_nomenclature_entry(self._h, i))

    def lookup(self, code, date=None):
        """The entry of ``code`` on ``date`` (datetime.date, 'YYYY-MM-DD' or
        None). NotFoundError when unknown or out of validity."""
        return _code_info(_n.inami_swig_nomenclature_lookup(self._h, int(code),
                                                            date_int(date, "date")))


def _nomenclature(n):
    return Nomenclature.default() if n is None else n


Summary = collections.namedtuple("Summary", [
    "m", "r", "v", "prestations", "flags", "unvalued_quantity", "unvalued"])
Summary.__doc__ = """Totals of one set of lines: key-letter totals in hundredths, the
prestation count, INAMI_TOTAL_* flags, and the unvalued lines as a list of
(code, quantity, reason) with reason 'unknown_code', 'out_of_validity',
'date_needed' or 'derived_not_allowed'."""


def total(code, quantity, date=None, *, allow_derived=False, nomenclature=None):
    """Key-letter totals of billing lines of one provider (one C call).

    Returns a :class:`Summary`. Raises NegativeValueError / InamiOverflowError
    when a total ends below zero or does not fit in 64 bits."""
    code = _as_array(code, _INT32, "code")
    quantity = _as_array(quantity, _INT32, "quantity")
    date = _dates(date)
    flags = _n.INAMI_BILLING_ALLOW_DERIVED if allow_derived else 0
    m, r, v, p, fl, uq, unvalued = _n.inami_py_billing_total(
        _nomenclature(nomenclature)._h, code, quantity, date, flags)
    return Summary(m, r, v, p, fl, uq,
                   [(c, q, _n.inami_unvalued_reason_id(reason)) for c, q, reason in unvalued])


class Totals:
    """Per-provider totals (arrays of ``provider_count`` items).

    ``m``, ``r``, ``v``: key-letter totals in hundredths (int64);
    ``prestations`` (int64); ``flags`` (uint32, INAMI_TOTAL_*; see
    :func:`flag_names`); ``status`` (int32: 0, or the status of a provider
    whose total is negative or overflows - its totals are then 0);
    ``provider_ids`` (list of str, from a CSV) or None. The arrays are
    numpy arrays when the input was, array.array otherwise.
    """

    def __init__(self, m, r, v, prestations, flags, status, provider_ids=None, lines=0,
                 skipped=0, first_skipped=""):
        self.m, self.r, self.v = m, r, v
        self.prestations, self.flags, self.status = prestations, flags, status
        self.provider_ids = provider_ids
        self.lines = lines
        self.skipped = skipped
        self.first_skipped = first_skipped

    @property
    def provider_count(self):
        return len(self.prestations)

    def key_values(self, profession):
        """The totals of the key letter the profession counts (M, R, V), or None."""
        letter = key_letter(profession)
        return None if letter is None else getattr(self, letter.lower())

    def errors(self):
        """[(provider index, InamiError)] for providers whose totals are in error."""
        return [(i, error_for(s, "provider %d: total %s" % (i, "overflows" if s == -7 else
                                                             "is negative")))
                for i, s in enumerate(self.status) if s]

    def evaluate(self, profession, year, *, allow_derived=False, rules=None):
        """:func:`evaluate_batch` over these totals (prestations and the
        profession's key letter; providers in error are skipped)."""
        return evaluate_batch(profession, year, prestations=self.prestations,
                              key_values=self.key_values(profession), status=self.status,
                              allow_derived=allow_derived, rules=rules)


class Billing:
    """A per-provider accumulator: add billing lines in as many calls as
    needed, then read :meth:`results`. Calls on one Billing are serialised
    (a lock); use one per thread for parallel work."""

    def __init__(self, provider_count=0, *, allow_derived=False, nomenclature=None):
        self._nomenclature = _nomenclature(nomenclature)  # must outlive the accumulator
        flags = _n.INAMI_BILLING_ALLOW_DERIVED if allow_derived else 0
        self._h = _n.inami_swig_billing_new(self._nomenclature._h, provider_count, flags)
        self._lock = threading.Lock()
        self._numpy = False

    @classmethod
    def _wrap(cls, handle, owner):
        b = cls.__new__(cls)
        b._h, b._owner, b._lock, b._numpy = handle, owner, threading.Lock(), False
        return b

    def reserve(self, provider_count):
        """Grow to ``provider_count`` providers (never shrinks)."""
        with self._lock:
            _n.inami_billing_reserve(self._h, provider_count)

    @property
    def provider_count(self):
        return _n.inami_billing_provider_count(self._h)

    @property
    def line_count(self):
        return _n.inami_billing_line_count(self._h)

    def add(self, code, quantity, date=None, provider=None):
        """Add lines given as parallel arrays (see the module doc for types).
        A provider index >= provider_count raises RangeError and a bad date
        InvalidArgumentError; nothing of the call is counted then."""
        self._numpy = self._numpy or any(_is_numpy(x) for x in (code, quantity, date, provider))
        code = _as_array(code, _INT32, "code")
        quantity = _as_array(quantity, _INT32, "quantity")
        date = _dates(date)
        provider = _as_array(provider, _UINT32, "provider")
        with self._lock:
            _n.inami_py_billing_add(self._h, code, quantity, date, provider)

    def results(self, numpy=None):
        """Per-provider :class:`Totals` (numpy arrays when ``numpy`` is True,
        or by default when numpy arrays were added)."""
        use_np = self._numpy if numpy is None else numpy
        with self._lock:
            n = _n.inami_billing_provider_count(self._h)
            out = [_new(_INT64, n, use_np) for _ in range(4)]
            flags, status = _new(_UINT32, n, use_np), _new(_INT32, n, use_np)
            _n.inami_py_billing_results(self._h, out[0], out[1], out[2], out[3], flags, status)
        return Totals(out[0], out[1], out[2], out[3], flags, status)

    def unvalued(self, provider):
        """Unvalued lines of one provider: [(code, quantity, reason)]."""
        with self._lock:
            return [(_n.inami_swig_billing_unvalued_code(self._h, provider, i),
                     _n.inami_swig_billing_unvalued_quantity(self._h, provider, i),
                     _n.inami_unvalued_reason_id(
                         _n.inami_swig_billing_unvalued_reason(self._h, provider, i)))
                    for i in range(_n.inami_swig_billing_unvalued_count(self._h, provider))]


def totals(code, quantity, provider, date=None, *, provider_count=None, allow_derived=False,
           nomenclature=None):
    """Per-provider key-letter totals of billing lines in one call.

    ``provider`` holds each line's provider index (0..provider_count-1;
    provider_count defaults to max(provider) + 1). Returns :class:`Totals`."""
    provider = _as_array(provider, _UINT32, "provider")
    if provider_count is None:
        provider_count = _n.inami_py_provider_count(provider)
    b = Billing(provider_count, allow_derived=allow_derived, nomenclature=nomenclature)
    b.add(code, quantity, date, provider)
    return b.results()


def read_billing_csv(source, *, allow_derived=False, skip_bad=False, nomenclature=None,
                     numpy=False, threads=1):
    """Per-provider totals of a billing CSV (header provider,code,quantity
    with an optional date column, YYYY-MM-DD), read in C (GIL released).

    ``source`` is a path or a binary/text file object. ``skip_bad`` counts
    malformed lines instead of raising ParseError ("file:line:column: why").
    ``threads`` (1 or 2, paths only): 2 lets a large file be read by a second
    thread, with the same result.
    Returns :class:`Totals` with ``provider_ids`` in order of first appearance,
    ``lines``, ``skipped`` and ``first_skipped``."""
    nom = _nomenclature(nomenclature)
    flags = (_n.INAMI_BILLING_ALLOW_DERIVED if allow_derived else 0) | \
            (_n.INAMI_CSV_SKIP_BAD if skip_bad else 0)
    if isinstance(source, (str, bytes, os.PathLike)):
        path = os.fsdecode(source)
        reader = _n.inami_swig_billing_csv_new(nom._h, flags, path)
        _n.inami_py_billing_csv_read_file(reader, path, threads)
    else:
        reader = _n.inami_swig_billing_csv_new(nom._h, flags, getattr(source, "name", None))
        while True:
            chunk = source.read(1 << 20)
            if not chunk:
                break
            if isinstance(chunk, str):
                chunk = chunk.encode("utf-8")
            _n.inami_py_billing_csv_feed(reader, chunk)
        _n.inami_billing_csv_finish(reader)
    acc = Billing._wrap(_n.inami_billing_csv_totals(reader), reader)
    t = acc.results(numpy=numpy)
    t.provider_ids = [_n.inami_billing_csv_provider_id(reader, i)
                      for i in range(t.provider_count)]
    t.lines = _n.inami_billing_csv_line_count(reader)
    t.skipped = _n.inami_billing_csv_skipped_count(reader)
    t.first_skipped = _n.inami_billing_csv_first_skipped(reader)
    return t


class BatchResult:
    """Per-provider results of :func:`evaluate_batch` (arrays of n items).

    ``tier_index`` (int32, -1 = none), ``amount_cents`` (int64), ``eligible``
    (int32 0/1), ``missing_prestations`` and ``missing_key_value`` (int64,
    what is missing for the next tier, key values in hundredths; -1 when not
    applicable), ``status`` (int32: 0 or the error of that provider - call
    inami.evaluate() for that provider to see the message), ``tier_ids``
    (tier id of each index of the profession-year)."""

    def __init__(self, profession, year, tier_ids, arrays):
        self.profession, self.year, self.tier_ids = profession, year, tier_ids
        (self.tier_index, self.amount_cents, self.eligible, self.missing_prestations,
         self.missing_key_value, self.status) = arrays

    def __len__(self):
        return len(self.status)

    def tier(self, i):
        """Tier id reached by provider ``i``, or None."""
        t = int(self.tier_index[i])
        return self.tier_ids[t] if t >= 0 else None

    def errors(self):
        """[(provider index, status)] of providers that could not be evaluated."""
        return [(i, int(s)) for i, s in enumerate(self.status) if s]


def evaluate_batch(profession, year, *, prestations=None, key_values=None, status=None,
                   allow_derived=False, rules=None):
    """Evaluate many providers of one profession and premium year in one C call
    (GIL released), each with the defaults of inami.evaluate() otherwise.

    ``prestations`` (int64) and ``key_values`` (int64, HUNDREDTHS of the
    profession's key letter: 400 M is 40000) are per-provider arrays, either
    may be None (not given); ``status`` (int32) skips providers whose totals
    are in error. Raises NoRulesError / DerivedFigureError... when the
    profession-year itself cannot be evaluated; per-provider errors are in
    BatchResult.status. Returns :class:`BatchResult`."""
    r = resolve_rules(rules)
    p = profession_code(profession)
    numpy_like = any(_is_numpy(x) for x in (prestations, key_values, status))
    prestations = _as_array(prestations, _INT64, "prestations")
    key_values = _as_array(key_values, _INT64, "key_values")
    status = _as_array(status, _INT32, "status")
    lengths = {len(memoryview(x)) for x in (prestations, key_values, status) if x is not None}
    if len(lengths) > 1:
        raise InvalidArgumentError("prestations, key_values and status differ in length")
    n = lengths.pop() if lengths else 0
    out = (_new(_INT32, n, numpy_like), _new(_INT64, n, numpy_like), _new(_INT32, n, numpy_like),
           _new(_INT64, n, numpy_like), _new(_INT64, n, numpy_like), _new(_INT32, n, numpy_like))
    flags = _n.INAMI_EVAL_ALLOW_DERIVED if allow_derived else 0
    _n.inami_py_billing_evaluate(r._h, p, year, flags, prestations, key_values, status,
                                 out[0], out[1], out[2], out[3], out[4], out[5])
    tier_ids = [t.id for t in r.tiers(profession, year)]
    return BatchResult(profession, year, tier_ids, out)
