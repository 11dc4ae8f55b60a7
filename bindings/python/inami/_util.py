"""Conversions between Python values and the C API's (ids, dates, cents)."""

import datetime
import decimal
import numbers
import os

from . import inami_native as _n
from ._errors import InamiError, InvalidArgumentError, NegativeValueError

UNSET = -1  # INAMI_UNSET: a figure that was not given

_CENT = decimal.Decimal("0.01")


def profession_code(profession):
    """'physiotherapist' -> INAMI_PHYSIOTHERAPIST (UnknownProfessionError otherwise)."""
    if not isinstance(profession, str):
        raise TypeError("profession must be a str such as 'physiotherapist', not %s"
                        % type(profession).__name__)
    return _n.inami_swig_profession_from_id(profession)


def lang_code(lang):
    """'en' | 'fr' | 'nl' -> inami_lang."""
    if not isinstance(lang, str):
        raise TypeError("lang must be 'en', 'fr' or 'nl'")
    return _n.inami_swig_lang_from_id(lang)


def measure_code(measure):
    """'prestations', 'm_value', ... -> inami_measure."""
    if not isinstance(measure, str):
        raise TypeError("measure must be a str such as 'prestations' or 'm_value'")
    return _n.inami_swig_measure_from_id(measure)


def date_int(value, what):
    """None -> 0; datetime.date or 'YYYY-MM-DD' -> YYYYMMDD (checked by the library)."""
    if value is None:
        return 0
    if isinstance(value, datetime.date):
        return value.year * 10000 + value.month * 100 + value.day
    if isinstance(value, str):
        try:
            return _n.inami_swig_date_parse(value)
        except InvalidArgumentError as e:
            raise InvalidArgumentError("%s: %s" % (what, e.message), e.status) from None
    raise TypeError("%s must be a datetime.date or a 'YYYY-MM-DD' string, not %s"
                    % (what, type(value).__name__))


def date_from_int(value):
    """YYYYMMDD -> datetime.date (None for 0)."""
    if not value:
        return None
    return datetime.date(value // 10000, value // 100 % 100, value % 100)


def _decimal_text(value, what, kind):
    """Decimal, str, int, or a float with at most two decimals -> decimal text for the library."""
    if isinstance(value, bool):
        raise TypeError("%s must be %s, not bool" % (what, kind))
    if isinstance(value, int):
        return str(value)
    if isinstance(value, decimal.Decimal):
        if not value.is_finite():
            raise InvalidArgumentError("%s: %s is not %s" % (what, value, kind))
        return format(value, "f")
    if isinstance(value, float):
        # repr() is the shortest text that gives this float back: 1790.34 stays
        # 1790.34, while 0.1 + 0.2 (0.30000000000000004) is refused by the library.
        try:
            return format(decimal.Decimal(repr(value)), "f")
        except decimal.InvalidOperation:
            raise InvalidArgumentError("%s: %r is not %s" % (what, value, kind)) from None
    if isinstance(value, str):
        return value.strip()
    raise TypeError("%s must be %s as decimal.Decimal, str or int, not %s"
                    % (what, kind, type(value).__name__))


def euros_to_cents(value, what):
    """Euros (Decimal, str, int, or a float with at most two decimals) -> cents, exactly.

    The text is parsed by the library (inami_euros_parse), so the rules are the
    CLI's: no negative amount, at most two decimals, no overflow.
    """
    text = _decimal_text(value, what, "euros")
    try:
        return _n.inami_swig_euros_parse(text, 0)
    except InamiError as e:
        raise type(e)("%s: %s" % (what, e.message), e.status) from None


def cents_to_euros(cents):
    """Integer cents -> decimal.Decimal euros with two decimals (179034 -> Decimal('1790.34'))."""
    return (decimal.Decimal(cents) / 100).quantize(_CENT)


def count_arg(value, what):
    """A whole non-negative count, or UNSET for None."""
    if value is None:
        return UNSET
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise TypeError("%s must be a whole number (int), not %s" % (what, type(value).__name__))
    value = int(value)
    if value < 0:
        raise NegativeValueError("%s: %d is negative" % (what, value))
    return value


def measure_arg(value, measure, what):
    """A figure of a measure in its natural unit (Decimal, str, int, or a float
    with at most two decimals) -> the C API's int unit (hundredths for key-letter
    values and hours), exactly; UNSET for None."""
    if value is None:
        return UNSET
    text = _decimal_text(value, what, "a number")
    try:
        return _n.inami_swig_measure_parse(measure_code(measure), text)
    except InamiError as e:
        raise type(e)("%s: %s" % (what, e.message), e.status) from None


_SCALES = {}


def measure_scale(measure):
    """Units of the C API per natural unit of ``measure`` (inami_measure_scale:
    1 for prestations, 100 for the others; None, money, is cents)."""
    if measure is None:
        measure = "reimbursed_eur"
    scale = _SCALES.get(measure)
    if scale is None:
        scale = _SCALES[measure] = _n.inami_measure_scale(measure_code(measure))
    return scale


def measure_value(measure, value):
    """A value of the C API's int unit -> Python's unit: int prestations,
    decimal.Decimal points, hours or euros with two decimals otherwise
    (123450 m_value -> Decimal('1234.50'); measure None is cents -> euros)."""
    if value is None:
        return None
    scale = measure_scale(measure)
    if scale == 1:
        return int(value)
    return (decimal.Decimal(int(value)) / scale).quantize(_CENT)


def percent_to_bp(value, what):
    """A percentage (Decimal, str such as '0.75' or '10', int, or a float with at
    most two decimals) -> basis points, exactly, by the library's parser
    (inami_percent_parse); None stays None."""
    if value is None:
        return None
    text = _decimal_text(value, what, "a percentage")
    try:
        return _n.inami_py_percent_parse(text)
    except InamiError as e:
        raise type(e)("%s: %s" % (what, e.message), e.status) from None


def bp_to_percent(bp):
    """Basis points -> the percentage as decimal.Decimal (75 -> Decimal('0.75')); None stays None."""
    if bp is None:
        return None
    return decimal.Decimal(_n.inami_py_percent_format(bp))


def text_arg(value, what):
    """A str for the library (or a path opened in Python): TypeError for another type,
    InvalidArgumentError when it holds a NUL character (a C string would end there)."""
    if isinstance(value, os.PathLike):
        value = os.fspath(value)
    if isinstance(value, bytes):
        value = os.fsdecode(value)
    if not isinstance(value, str):
        raise TypeError("%s must be a str, not %s" % (what, type(value).__name__))
    if "\0" in value:
        raise InvalidArgumentError("%s contains a NUL character at offset %d"
                                   % (what, value.index("\0")))
    return value
