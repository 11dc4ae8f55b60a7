"""Conversions between Python values and the C API's (ids, dates, cents)."""

import datetime
import decimal
import numbers

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


def euros_to_cents(value, what):
    """Euros (Decimal, str, int, or a float with at most two decimals) -> cents, exactly.

    The text is parsed by the library (inami_euros_parse), so the rules are the
    CLI's: no negative amount, at most two decimals, no overflow.
    """
    if isinstance(value, bool):
        raise TypeError("%s must be a number of euros, not bool" % what)
    if isinstance(value, int):
        text = str(value)
    elif isinstance(value, decimal.Decimal):
        if not value.is_finite():
            raise InvalidArgumentError("%s: %s is not a euro amount" % (what, value))
        text = format(value, "f")
    elif isinstance(value, float):
        # repr() is the shortest text that gives this float back: 1790.34 stays
        # 1790.34, while 0.1 + 0.2 (0.30000000000000004) is refused below.
        try:
            text = format(decimal.Decimal(repr(value)), "f")
        except decimal.InvalidOperation:
            raise InvalidArgumentError("%s: %r is not a euro amount" % (what, value)) from None
    elif isinstance(value, str):
        text = value.strip()
    else:
        raise TypeError("%s must be euros as decimal.Decimal, str or int, not %s"
                        % (what, type(value).__name__))
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


def figure_arg(value, what):
    """A non-negative real figure (key-letter values, hours), or UNSET for None."""
    if value is None:
        return float(UNSET)
    if isinstance(value, bool) or not isinstance(value, (numbers.Real, decimal.Decimal)):
        raise TypeError("%s must be a number, not %s" % (what, type(value).__name__))
    value = float(value)
    if value != value or value in (float("inf"), float("-inf")):
        raise InvalidArgumentError("%s: %r is not a finite number" % (what, value))
    if value < 0:
        raise NegativeValueError("%s: %r is negative" % (what, value))
    return value
