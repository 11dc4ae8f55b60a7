"""Billing lines: the nomenclature, key-letter totals per provider, the CSV reader.

Arrays cross into C through the buffer protocol (array.array, memoryview,
numpy arrays, bytearray...) with no Python-level loop per line, and the GIL
is released while the library works.

Element types:  code, quantity, date (YYYYMMDD, 0 = unknown): int32
                provider index: uint32 (int32 accepted)
Plain lists are converted (array.array); numpy integer arrays of another
width are converted when every value fits.

Key-letter values come out as decimal.Decimal points (M 24 is
Decimal('24.00')), the unit inami.evaluate() takes; the per-provider int64
arrays of the library (hundredths) are ``Totals.m_hundredths``... (see _bulk).
"""

import collections
import os
import threading

from . import inami_native as _n
from ._arrays import INT32, INT64, UINT32, as_array, dates, is_numpy, new
from ._bulk import (BatchResult, KeyValues, Totals, evaluate_batch, flag_names, key_letter,
                    _MEASURE_OF_LETTER)
from ._ids import KEY_LETTERS, PROVENANCE, UNVALUED_REASONS, id_of
from ._errors import InvalidArgumentError
from ._util import date_int, measure_value, text_arg

__all__ = ["KEY_VALUE_SCALE", "Nomenclature", "CodeInfo", "Billing", "Summary", "Totals", "BatchResult",
           "KeyValues", "total", "totals", "read_billing_csv", "evaluate_batch", "key_letter",
           "flag_names"]


KEY_VALUE_SCALE = _n.INAMI_KEY_VALUE_SCALE   # hundredths per point in the *_hundredths arrays


def _points(letter, hundredths):
    """A key-letter value in the library's hundredths -> decimal.Decimal points."""
    return measure_value(_MEASURE_OF_LETTER[letter], hundredths)


class CodeInfo(collections.namedtuple("CodeInfo", [
        "code", "key_letter", "value", "valid_from", "valid_to", "provenance", "source",
        "note", "description", "layer", "line", "flags"])):
    """A nomenclature entry: ``value`` in decimal.Decimal points of its key
    letter (560011 is M 24: Decimal('24.00')), validity dates as YYYYMMDD
    ints (0 = unknown)."""

    __slots__ = ()


def _code_info(c):
    letter = KEY_LETTERS[c.key_letter]
    return CodeInfo(c.code, letter, _points(letter, c.value), c.valid_from, c.valid_to,
                    id_of(PROVENANCE, c.provenance), c.source, c.note,
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
                                                        text_arg(path, "path")))

    @classmethod
    def from_string(cls, text, name=None, base="default"):
        """A nomenclature from the text of a nomenclature CSV, layered over ``base``
        (default: the embedded one; None = standalone); ``name`` names it in messages."""
        if base == "default":
            base = cls.default()
        return cls(_n.inami_py_nomenclature_from_text(base._h if base is not None else None,
                                                      text_arg(text, "text"), name))

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
Summary.__doc__ = """Totals of one set of lines: key-letter totals in decimal.Decimal points, the
prestation count, INAMI_TOTAL_* flags, and the unvalued lines as a list of
(code, quantity, reason) with reason 'unknown_code', 'out_of_validity',
'date_needed' or 'derived_not_allowed'."""


def total(code, quantity, date=None, *, allow_derived=False, nomenclature=None):
    """Key-letter totals of billing lines of one provider (one C call).

    Returns a :class:`Summary`. Raises NegativeValueError / InamiOverflowError
    when a total ends below zero or does not fit in 64 bits."""
    code = as_array(code, INT32, "code")
    quantity = as_array(quantity, INT32, "quantity")
    date = dates(date)
    flags = _n.INAMI_BILLING_ALLOW_DERIVED if allow_derived else 0
    m, r, v, p, fl, uq, unvalued = _n.inami_py_billing_total(
        _nomenclature(nomenclature)._h, code, quantity, date, flags)
    return Summary(_points("M", m), _points("R", r), _points("V", v), p, fl, uq,
                   [(c, q, id_of(UNVALUED_REASONS, reason)) for c, q, reason in unvalued])


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
        """Number of providers."""
        return _n.inami_billing_provider_count(self._h)

    @property
    def line_count(self):
        """Lines added so far."""
        return _n.inami_billing_line_count(self._h)

    def add(self, code, quantity, date=None, provider=None):
        """Add lines given as parallel arrays (see the module doc for types).
        A provider index >= provider_count raises RangeError and a bad date
        InvalidArgumentError; nothing of the call is counted then."""
        self._numpy = self._numpy or any(is_numpy(x) for x in (code, quantity, date, provider))
        code = as_array(code, INT32, "code")
        quantity = as_array(quantity, INT32, "quantity")
        date = dates(date)
        provider = as_array(provider, UINT32, "provider")
        with self._lock:
            _n.inami_py_billing_add(self._h, code, quantity, date, provider)

    def results(self, numpy=None, **extra):
        """Per-provider :class:`Totals` (numpy arrays when ``numpy`` is True,
        or by default when numpy arrays were added)."""
        use_np = self._numpy if numpy is None else numpy
        with self._lock:
            n = _n.inami_billing_provider_count(self._h)
            out = [new(INT64, n, use_np) for _ in range(4)]
            flags, status = new(UINT32, n, use_np), new(INT32, n, use_np)
            _n.inami_py_billing_results(self._h, out[0], out[1], out[2], out[3], flags, status)
        return Totals(out[0], out[1], out[2], out[3], flags, status, **extra)

    def unvalued(self, provider):
        """Unvalued lines of one provider: [(code, quantity, reason)]."""
        with self._lock:
            return [(_n.inami_swig_billing_unvalued_code(self._h, provider, i),
                     _n.inami_swig_billing_unvalued_quantity(self._h, provider, i),
                     id_of(UNVALUED_REASONS,
                           _n.inami_swig_billing_unvalued_reason(self._h, provider, i)))
                    for i in range(_n.inami_swig_billing_unvalued_count(self._h, provider))]


def totals(code, quantity, provider, date=None, *, provider_count=None, allow_derived=False,
           nomenclature=None):
    """Per-provider key-letter totals of billing lines in one call.

    ``provider`` holds each line's provider index (0..provider_count-1;
    provider_count defaults to max(provider) + 1). Returns :class:`Totals`."""
    provider = as_array(provider, UINT32, "provider")
    if provider_count is None:
        provider_count = _n.inami_py_provider_count(provider)
    b = Billing(provider_count, allow_derived=allow_derived, nomenclature=nomenclature)
    b.add(code, quantity, date, provider)
    return b.results()


def csv_reading_args(year, date_from, date_to, columns):
    """(date_from, date_to, columns) of a billing CSV read, checked: ``year``
    stands for its first and last day; ``columns`` maps provider, code,
    quantity and date to the file's column names."""
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
    return date_from, date_to, columns


def read_billing_csv(source, *, allow_derived=False, skip_bad=False, nomenclature=None,
                     numpy=False, threads=1, delimiter=None, columns=None, year=None,
                     date_from=None, date_to=None):
    """Per-provider totals of a billing CSV, read in C (GIL released).

    The header names the columns provider, code, quantity and optionally date;
    ``columns`` maps other names to them ({"provider": "NIHII", "code": "CODE",
    "quantity": "QTE", "date": "DATE"}). The delimiter (',' or ';') is detected
    from the header unless ``delimiter`` is given; a UTF-8 BOM, RFC 4180 quoted
    fields, CRLF and dates YYYY-MM-DD or DD/MM/YYYY are accepted
    (docs/billing.md). ``year`` (or ``date_from``/``date_to``, datetime.date or
    'YYYY-MM-DD', inclusive) counts only the lines dated in it: the others are
    left out and counted (``outside_lines``, per provider ``outside``).

    ``source`` is a path or a binary/text file object. ``skip_bad`` counts
    malformed lines instead of raising ParseError ("file:line:column: why").
    ``threads`` (1 or 2, paths only): 2 lets a large file be read by a second
    thread, with the same result.
    Returns :class:`Totals` with ``provider_ids`` in order of first appearance,
    ``lines``, ``skipped``, ``first_skipped``, ``outside_lines`` and ``undated_lines``."""
    nom = _nomenclature(nomenclature)
    flags = (_n.INAMI_BILLING_ALLOW_DERIVED if allow_derived else 0) | \
            (_n.INAMI_CSV_SKIP_BAD if skip_bad else 0)
    date_from, date_to, columns = csv_reading_args(year, date_from, date_to, columns)
    if isinstance(source, (str, bytes, os.PathLike)):
        path = text_arg(source, "path")
        name = path
    else:
        path = None
        name = getattr(source, "name", None)
        name = name if isinstance(name, str) else None
    reader = _n.inami_py_billing_csv_new(
        nom._h, flags, name, "" if delimiter is None else text_arg(delimiter, "delimiter"),
        *(None if columns.get(k) is None else text_arg(columns[k], "columns[%r]" % k)
          for k in ("provider", "code", "quantity", "date")),
        date_int(date_from, "date_from"), date_int(date_to, "date_to"))
    if path is not None:
        _n.inami_py_billing_csv_read_file(reader, path, threads)
    else:
        while True:
            chunk = source.read(1 << 20)
            if not chunk:
                break
            if isinstance(chunk, str):
                chunk = chunk.encode("utf-8")
            _n.inami_py_billing_csv_feed(reader, chunk)
        _n.inami_billing_csv_finish(reader)
    acc = Billing._wrap(_n.inami_billing_csv_totals(reader), reader)
    ids = _n.inami_py_billing_csv_provider_ids(reader)
    outside, undated, per_provider = _n.inami_py_billing_csv_date_counts(reader, len(ids))
    return acc.results(numpy=numpy, provider_ids=ids,
                       lines=_n.inami_billing_csv_line_count(reader),
                       skipped=_n.inami_billing_csv_skipped_count(reader),
                       first_skipped=_n.inami_billing_csv_first_skipped(reader),
                       outside_lines=outside, undated_lines=undated,
                       outside=tuple(per_provider))
