"""libinami for Python: the Belgian INAMI/RIZIV statut social.

    >>> import inami
    >>> r = inami.evaluate("physiotherapist", 2022, prestations=2299)
    >>> r.eligible, r.tier, r.amount
    (True, 'base', Decimal('1790.34'))

Main entry points:
  evaluate()          one provider, one premium year, explained (checks, next tier)
  Rules               the sourced rules: default, loaded from a file, layered
  read_billing_csv()  per-provider key-letter totals of a billing CSV (Totals)
  totals(), total()   totals over billing-line arrays (buffer protocol)
  evaluate_batch()    many providers in one call (BatchResult)
  allocate()          a premium split into entry fee, solidarity and pension
  project()           yearly premiums projected to retirement, with exit taxation
  Products            insurers' products: terms, split, projection, comparison
  Dossier             the yearly automated procedure of one provider
  timeline()          the procedure's milestones for a premium year
  solidarity_minimum(), exit_figure(), annuity_rate()
                      the sourced reference figures of the split and the exit taxation
  InamiError          base of every error the library reports (one subclass per status)

One unit per quantity: money is int cents (``*_cents``) with decimal.Decimal
euro properties, never a float; key-letter values and hours are
decimal.Decimal points and hours (what evaluate() takes and every result
gives; the library's int64 hundredths only under names ending in
``_hundredths``); percentages are taken as Decimal/str/int percent and given
as ``*_bp`` basis points.
"""

from . import inami_native as _native
from ._errors import (InamiError, InvalidArgumentError, NullError, VersionError,
                      UnknownProfessionError, NoRulesError, NegativeValueError,
                      InamiOverflowError, OutOfMemoryError, ParseError, InamiIOError,
                      DerivedFigureError, NotFoundError, StateError, RangeError,
                      BufferTooSmallError)
from ._ids import PROFESSIONS
from ._rules import Rules, Figure, TierInfo
from ._evaluate import evaluate, Evaluation, Check, NextTier, Missing, Reading
from ._billing import (Nomenclature, CodeInfo, Billing, Summary, total, totals,
                       read_billing_csv, KEY_VALUE_SCALE)
from ._bulk import (KeyValues, Totals, TotalsRow, BatchResult, BatchRow, evaluate_batch,
                    key_letter, flag_names)
from ._allocate import allocate, project, Allocation, Projection, NotionalAnnuity
from ._products import Products, Product, Comparison, ProductOutcome
from ._dossier import Dossier, Notification, HistoryEntry, Deadline
from ._timeline import timeline, Timeline, Milestone
from ._reference import (solidarity_minimum, exit_figure, annuity_rate, check_label,
                         contract_type_label, event_label, notice_provenance, version_number,
                         SolidarityMinimum, ExitFigure, AnnuityRate)
from ._messages import (message, message_template, message_ids, load_messages, load_messages_text,
                        reset_messages, status_text, format_amount, format_date, format_decimal, text_width)

__version__ = _native.inami_version()

__all__ = [
    "evaluate", "Evaluation", "Check", "NextTier", "Missing", "Reading",
    "Rules", "Figure", "TierInfo", "PROFESSIONS",
    "Nomenclature", "CodeInfo", "Billing", "Summary", "total", "totals", "read_billing_csv",
    "KEY_VALUE_SCALE", "KeyValues", "Totals", "TotalsRow", "BatchResult", "BatchRow",
    "evaluate_batch", "key_letter", "flag_names",
    "allocate", "project", "Allocation", "Projection", "NotionalAnnuity",
    "Products", "Product", "Comparison", "ProductOutcome",
    "Dossier", "Notification", "HistoryEntry", "Deadline",
    "timeline", "Timeline", "Milestone",
    "solidarity_minimum", "exit_figure", "annuity_rate", "check_label", "contract_type_label",
    "event_label", "notice_provenance", "version_number", "SolidarityMinimum", "ExitFigure",
    "AnnuityRate",
    "message", "message_template", "message_ids", "load_messages", "load_messages_text",
    "reset_messages", "status_text", "format_amount", "format_date", "format_decimal", "text_width",
    "InamiError", "InvalidArgumentError", "NullError", "VersionError",
    "UnknownProfessionError", "NoRulesError", "NegativeValueError", "InamiOverflowError",
    "OutOfMemoryError", "ParseError", "InamiIOError", "DerivedFigureError", "NotFoundError",
    "StateError", "RangeError", "BufferTooSmallError",
]
