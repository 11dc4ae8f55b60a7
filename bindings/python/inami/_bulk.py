"""Per-provider results of the bulk calls: Totals, BatchResult, evaluate_batch().

Python's unit for a key-letter value is decimal.Decimal points (M 24 is
Decimal('24.00')), the unit inami.evaluate() takes: ``totals.m[i]`` and the
rows hand out points, so a total goes into evaluate() as it is. The
library's int64 arrays in hundredths stay available for numpy under names
that say so (``m_hundredths``, ``missing_key_value_hundredths``) and are
taken back only under such a name (``key_values_hundredths=``).
"""

import collections
import collections.abc
import dataclasses

from . import inami_native as _n
from ._arrays import INT32, INT64, as_array, is_numpy, length, new
from ._errors import InvalidArgumentError, NotFoundError, error_for
from ._ids import KEY_LETTERS, TOTAL_FLAGS
from ._rules import resolve_rules
from ._util import cents_to_euros, measure_arg, measure_code, measure_value, profession_code

__all__ = ["KeyValues", "Totals", "TotalsRow", "BatchResult", "BatchRow", "evaluate_batch",
           "key_letter", "flag_names"]

# 'M' -> 'm_value': the measure a key letter's totals are counted in.
_MEASURE_OF_LETTER = {letter: letter.lower() + "_value" for letter in KEY_LETTERS.values()}
for _m in _MEASURE_OF_LETTER.values():
    measure_code(_m)   # every key letter has its measure (fails at import otherwise)


def flag_names(flags):
    """INAMI_TOTAL_* bits -> names ('incomplete', 'derived_used', ...), from the header's constants."""
    return [name for bit, name in TOTAL_FLAGS.items() if int(flags) & bit]


def key_letter(profession):
    """'M', 'R' or 'V' for a profession with key-letter thresholds, else None."""
    try:
        return KEY_LETTERS[_n.inami_swig_key_letter_of_profession(profession_code(profession))]
    except NotFoundError:
        return None


def _pandas(what):
    try:
        import pandas
    except ImportError:
        raise ImportError("%s.to_pandas() needs pandas, which is not installed "
                          "(Debian: apt install python3-pandas)" % what) from None
    return pandas


class KeyValues(collections.abc.Sequence):
    """Per-provider key-letter values of one letter, read as decimal.Decimal points.

    ``values[i]`` is Decimal('48000.00') for a total of 48,000 M (None where the
    library gives -1, "not applicable", for what is missing); slices give lists.
    ``measure`` is 'm_value', 'r_value' or 'v_value'; ``hundredths`` is the
    library's int64 array underneath (numpy or array.array), for numpy work.
    """

    __slots__ = ("hundredths", "measure", "_unset")

    def __init__(self, hundredths, measure, unset=False):
        self.hundredths = hundredths
        self.measure = measure
        self._unset = unset

    def _value(self, v):
        v = int(v)
        if self._unset and v < 0:
            return None
        return measure_value(self.measure, v)

    def __len__(self):
        return length(self.hundredths)

    def __getitem__(self, i):
        if isinstance(i, slice):
            return [self._value(v) for v in self.hundredths[i]]
        return self._value(self.hundredths[i])

    def __repr__(self):
        head = ", ".join(repr(v) for v in self[:4])
        return "KeyValues(%r, [%s%s])" % (self.measure, head, ", ..." if len(self) > 4 else "")


TotalsRow = collections.namedtuple("TotalsRow", [
    "provider", "prestations", "m", "r", "v", "flags", "status"])
TotalsRow.__doc__ = """One provider's totals: ``provider`` (its id from the CSV, else its
index), ``prestations`` (int), ``m``/``r``/``v`` (decimal.Decimal points),
``flags`` (tuple of names, see flag_names()), ``status`` (0, or the library
status of a total that is negative or overflows: its figures are then None)."""


@dataclasses.dataclass(frozen=True, eq=False)
class Totals:
    """Per-provider key-letter totals (from :func:`totals`, :func:`read_billing_csv`
    or :meth:`Billing.results`); iterating gives one :class:`TotalsRow` per provider.

    ``m``, ``r``, ``v``: :class:`KeyValues` in decimal.Decimal points (``t.m[i]``
    goes into inami.evaluate(m_values=...) as it is); ``m_hundredths``,
    ``r_hundredths``, ``v_hundredths``: the library's int64 arrays (hundredths
    of a point); ``prestations`` (int64); ``flags`` (uint32, INAMI_TOTAL_*, see
    :func:`flag_names`); ``status`` (int32: 0, or the status of a provider
    whose total is negative or overflows - its totals are then 0);
    ``provider_ids`` (list of str, from a CSV) or None; ``lines``, ``skipped``,
    ``first_skipped``, ``outside_lines`` (left out by a date range),
    ``undated_lines`` and ``outside`` (per provider) (CSV). Arrays are numpy arrays when the input was,
    array.array otherwise.
    """

    m_hundredths: object
    r_hundredths: object
    v_hundredths: object
    prestations: object
    flags: object
    status: object
    provider_ids: list = None
    lines: int = 0
    skipped: int = 0
    first_skipped: str = ""
    outside_lines: int = 0
    undated_lines: int = 0
    outside: tuple = None

    @property
    def m(self):
        """M totals in decimal.Decimal points (physiotherapists)."""
        return KeyValues(self.m_hundredths, "m_value")

    @property
    def r(self):
        """R totals in decimal.Decimal points (speech therapists)."""
        return KeyValues(self.r_hundredths, "r_value")

    @property
    def v(self):
        """V totals in decimal.Decimal points (midwives)."""
        return KeyValues(self.v_hundredths, "v_value")

    @property
    def provider_count(self):
        """Number of providers."""
        return length(self.prestations)

    def __len__(self):
        return self.provider_count

    def key_values(self, profession):
        """The :class:`KeyValues` of the key letter the profession counts (M, R, V), or None."""
        letter = key_letter(profession)
        return None if letter is None else getattr(self, letter.lower())

    def row(self, i):
        """Provider ``i`` as a :class:`TotalsRow`."""
        st = int(self.status[i])
        ok = st == 0
        return TotalsRow(
            self.provider_ids[i] if self.provider_ids is not None else i,
            int(self.prestations[i]) if ok else None,
            self.m[i] if ok else None, self.r[i] if ok else None, self.v[i] if ok else None,
            tuple(flag_names(self.flags[i])), st)

    def __iter__(self):
        for i in range(self.provider_count):
            yield self.row(i)

    def errors(self):
        """[(provider index, InamiError)] for providers whose totals are in error."""
        return [(i, error_for(int(s), "provider %d: total %s" % (
                    i, "overflows" if s == _n.INAMI_EOVERFLOW else "is negative")))
                for i, s in enumerate(self.status) if s]

    def evaluate(self, profession, year, *, key_values_only=False, allow_derived=False,
                 rules=None):
        """:func:`evaluate_batch` over these totals: the prestation count and the
        profession's key-letter total of each provider (only the key-letter
        total with ``key_values_only``), as inami.evaluate(prestations=...,
        m_values=...) would; providers in error are skipped."""
        return evaluate_batch(profession, year,
                              prestations=None if key_values_only else self.prestations,
                              key_values=self.key_values(profession), status=self.status,
                              allow_derived=allow_derived, rules=rules,
                              provider_ids=self.provider_ids)

    def to_pandas(self):
        """A pandas.DataFrame with one :class:`TotalsRow` per row (pandas is optional)."""
        return _pandas("Totals").DataFrame(list(self), columns=TotalsRow._fields)

    def __repr__(self):
        return "<inami.Totals %d providers%s>" % (
            self.provider_count, ", %d lines" % self.lines if self.lines else "")


class BatchRow(collections.namedtuple("BatchRow", [
        "provider", "tier", "eligible", "amount_cents", "missing_prestations",
        "missing_key_value", "status"])):
    """One provider of a :class:`BatchResult`: ``tier`` id or None, ``eligible``,
    ``amount_cents`` (``amount`` in Decimal euros), what is missing for the next
    tier in prestations (int) and key-letter points (Decimal), None when not
    applicable, and ``status`` (0 or the library status of that provider)."""

    __slots__ = ()

    @property
    def amount(self):
        """amount_cents as decimal.Decimal euros."""
        return cents_to_euros(self.amount_cents)


@dataclasses.dataclass(frozen=True, eq=False)
class BatchResult:
    """Per-provider results of :func:`evaluate_batch` (arrays of n items);
    iterating gives one :class:`BatchRow` per provider.

    ``tier_index`` (int32, -1 = none; ``tier(i)`` gives the id), ``amount_cents``
    (int64), ``eligible`` (int32 0/1), ``missing_prestations`` (int64, -1 when
    not applicable), ``missing_key_value`` (:class:`KeyValues` in Decimal
    points, None when not applicable; the int64 hundredths are
    ``missing_key_value_hundredths``), ``status`` (int32: 0 or the error of
    that provider - inami.evaluate() for that provider gives the message),
    ``tier_ids`` (tier id of each index of the profession-year),
    ``provider_ids`` (from the Totals evaluated, or None).
    """

    profession: str
    year: int
    tier_ids: tuple
    tier_index: object
    amount_cents: object
    eligible: object
    missing_prestations: object
    missing_key_value_hundredths: object
    status: object
    provider_ids: list = None

    @property
    def missing_key_value(self):
        """Key-letter points missing for the next tier (Decimal; None when not applicable)."""
        letter = key_letter(self.profession)
        return KeyValues(self.missing_key_value_hundredths,
                         _MEASURE_OF_LETTER[letter] if letter else None, unset=True)

    def __len__(self):
        return length(self.status)

    def tier(self, i):
        """Tier id reached by provider ``i``, or None."""
        t = int(self.tier_index[i])
        return self.tier_ids[t] if t >= 0 else None

    def row(self, i):
        """Provider ``i`` as a :class:`BatchRow`."""
        mp = int(self.missing_prestations[i])
        return BatchRow(self.provider_ids[i] if self.provider_ids is not None else i,
                        self.tier(i), bool(self.eligible[i]), int(self.amount_cents[i]),
                        mp if mp >= 0 else None, self.missing_key_value[i], int(self.status[i]))

    def __iter__(self):
        for i in range(len(self)):
            yield self.row(i)

    def errors(self):
        """[(provider index, status)] of providers that could not be evaluated."""
        return [(i, int(s)) for i, s in enumerate(self.status) if s]

    def to_pandas(self):
        """A pandas.DataFrame with one :class:`BatchRow` per row (pandas is optional)."""
        return _pandas("BatchResult").DataFrame(list(self), columns=BatchRow._fields)

    def __repr__(self):
        return "<inami.BatchResult %s %d: %d providers>" % (self.profession, self.year, len(self))


def _key_values_arg(profession, key_values, hundredths):
    """The int64 hundredths array for evaluate_batch from points or an explicit hundredths array."""
    if key_values is not None and hundredths is not None:
        raise InvalidArgumentError("give key_values (points) or key_values_hundredths, not both")
    if hundredths is not None:
        return as_array(hundredths, INT64, "key_values_hundredths")
    if key_values is None:
        return None
    letter = key_letter(profession)
    measure = _MEASURE_OF_LETTER.get(letter)
    if isinstance(key_values, KeyValues):
        if key_values.measure != measure:
            raise InvalidArgumentError("key_values are %s totals; %s thresholds count %s"
                                       % (key_values.measure, profession, measure))
        return as_array(key_values.hundredths, INT64, "key_values")
    if not isinstance(key_values, (list, tuple)):
        raise TypeError("key_values takes key-letter points (a Totals view such as totals.m, or "
                        "a list of Decimal/str/int points); an int64 array of hundredths goes "
                        "to key_values_hundredths=")
    if measure is None:
        raise InvalidArgumentError("%s thresholds count no key letter" % profession)
    return as_array([measure_arg(v, measure, "key_values[%d]" % i)
                     for i, v in enumerate(key_values)], INT64, "key_values")


def evaluate_batch(profession, year, *, prestations=None, key_values=None,
                   key_values_hundredths=None, status=None, allow_derived=False, rules=None,
                   provider_ids=None):
    """Evaluate many providers of one profession and premium year in one C call
    (GIL released), each with the defaults of inami.evaluate() otherwise.

    ``prestations`` (int64 array or list of ints) and the key-letter totals of
    the profession's letter are per-provider, either may be None (not given):
    ``key_values`` in points - a :class:`KeyValues` such as ``totals.m``, or a
    list of Decimal/str/int points (48000 is 48,000 M) - or, for numpy work,
    ``key_values_hundredths`` (int64 array in hundredths: 48,000 M is
    4800000). ``status`` (int32) skips providers whose totals are in error.
    Raises NoRulesError / DerivedFigureError... when the profession-year itself
    cannot be evaluated; per-provider errors are in BatchResult.status.
    Returns :class:`BatchResult`."""
    r = resolve_rules(rules)
    p = profession_code(profession)
    key_values = _key_values_arg(profession, key_values, key_values_hundredths)
    numpy_like = any(is_numpy(x) for x in (prestations, key_values, status))
    prestations = as_array(prestations, INT64, "prestations")
    status = as_array(status, INT32, "status")
    lengths = {length(x) for x in (prestations, key_values, status) if x is not None}
    if len(lengths) > 1:
        raise InvalidArgumentError("prestations, key_values and status differ in length")
    n = lengths.pop() if lengths else 0
    out = (new(INT32, n, numpy_like), new(INT64, n, numpy_like), new(INT32, n, numpy_like),
           new(INT64, n, numpy_like), new(INT64, n, numpy_like), new(INT32, n, numpy_like))
    flags = _n.INAMI_EVAL_ALLOW_DERIVED if allow_derived else 0
    _n.inami_py_billing_evaluate(r._h, p, year, flags, prestations, key_values, status,
                                 out[0], out[1], out[2], out[3], out[4], out[5])
    tier_ids = tuple(t.id for t in r.tiers(profession, year))
    return BatchResult(profession, year, tier_ids, *out, provider_ids=provider_ids)
