"""libinami for Python: the Belgian INAMI/RIZIV statut social.

    >>> import inami
    >>> r = inami.evaluate("physiotherapist", 2022, prestations=2299)
    >>> r.eligible, r.tier, r.amount
    (True, 'base', Decimal('1790.34'))

Main entry points:
  evaluate()          one provider, one premium year, explained (checks, next tier)
  Rules               the sourced rules: default, loaded from a file, layered
  read_billing_csv()  per-provider key-letter totals of a billing CSV
  totals(), total()   totals over billing-line arrays (buffer protocol)
  evaluate_batch()    many providers in one call (buffer protocol)
  InamiError          base of every error the library reports (one subclass per status)

Money is integer cents (``amount_cents``) or decimal.Decimal euros
(``amount``), never a float. Key-letter totals are in hundredths (40 M = 4000).
"""

from . import inami_native as _native
from ._errors import (InamiError, InvalidArgumentError, NullError, VersionError,
                      UnknownProfessionError, NoRulesError, NegativeValueError,
                      InamiOverflowError, OutOfMemoryError, ParseError, InamiIOError,
                      DerivedFigureError, NotFoundError, StateError, RangeError,
                      BufferTooSmallError)
from ._rules import Rules, Figure, TierInfo, PROFESSIONS
from ._evaluate import evaluate, Evaluation, Check, NextTier, Missing
from ._billing import (Nomenclature, CodeInfo, Billing, Summary, Totals, BatchResult,
                       total, totals, read_billing_csv, evaluate_batch, key_letter,
                       flag_names, KEY_VALUE_SCALE)

__version__ = _native.inami_version()

__all__ = [
    "evaluate", "Evaluation", "Check", "NextTier", "Missing",
    "Rules", "Figure", "TierInfo", "PROFESSIONS",
    "Nomenclature", "CodeInfo", "Billing", "Summary", "Totals", "BatchResult",
    "total", "totals", "read_billing_csv", "evaluate_batch", "key_letter", "flag_names",
    "KEY_VALUE_SCALE",
    "InamiError", "InvalidArgumentError", "NullError", "VersionError",
    "UnknownProfessionError", "NoRulesError", "NegativeValueError", "InamiOverflowError",
    "OutOfMemoryError", "ParseError", "InamiIOError", "DerivedFigureError", "NotFoundError",
    "StateError", "RangeError", "BufferTooSmallError",
]
