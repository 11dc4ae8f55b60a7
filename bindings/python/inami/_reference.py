"""Sourced reference figures and labels: the solidarity minimum, the exit
taxation, labels of checks, contract types and procedure events."""

import collections

from . import inami_native as _n
from ._ids import CONTRACT_TYPES, EVENT_KINDS, NOTICES, PROVENANCE, code_of
from ._util import lang_code, text_arg

__all__ = ["solidarity_minimum", "exit_figure", "annuity_rate", "check_label",
           "contract_type_label", "event_label", "notice_provenance", "version_number",
           "SolidarityMinimum", "ExitFigure", "AnnuityRate"]

SolidarityMinimum = collections.namedtuple("SolidarityMinimum", ["bp", "provenance", "source", "note"])
SolidarityMinimum.__doc__ = """The minimum solidarity share of a contract type in basis points
(None when no minimum is known for it), with the provenance, source and note of the figure."""

ExitFigure = collections.namedtuple("ExitFigure", ["bp", "provenance", "source"])
ExitFigure.__doc__ = """An exit-taxation rate in basis points with its provenance and source."""

AnnuityRate = collections.namedtuple("AnnuityRate", ["bp", "years", "provenance", "source"])
AnnuityRate.__doc__ = """The notional annuity rate for an age at exit (basis points), the number
of years it is added to taxable income, its provenance and source."""


def _contract_type(contract_type):
    return code_of(CONTRACT_TYPES, contract_type, "contract_type")


def solidarity_minimum(contract_type="social_pension"):
    """The minimum solidarity share of ``contract_type`` ('social_pension',
    'income_replacement', 'death_cover') from the sourced data."""
    bp, provenance, source, note = _n.inami_py_solidarity_minimum(_contract_type(contract_type))
    return SolidarityMinimum(bp, provenance, source, note)


def exit_figure(figure_id):
    """An exit-taxation figure by id: 'inami_levy', 'solidarity_levy_min',
    'solidarity_levy_max' or 'annuity_base_full_career' (NotFoundError otherwise)."""
    return ExitFigure._make(_n.inami_py_exit_figure(text_arg(figure_id, "figure_id")))


def annuity_rate(age):
    """The notional annuity rate for ``age`` at exit (NoRulesError when the data has no row)."""
    if isinstance(age, bool) or not isinstance(age, int):
        raise TypeError("age must be an int, not %s" % type(age).__name__)
    return AnnuityRate._make(_n.inami_py_exit_annuity_rate(age))


def check_label(check_id, lang="en"):
    """Label of a check id ('conventioned', 'minimum_activity', ...) in 'en', 'fr' or 'nl'; None if unknown."""
    return _n.inami_check_label(text_arg(check_id, "check_id"), lang_code(lang))


def contract_type_label(contract_type, lang="en"):
    """Label of a contract type ('social_pension', ...) in 'en', 'fr' or 'nl'."""
    return _n.inami_contract_type_label(_contract_type(contract_type), lang_code(lang))


def event_label(event, lang="en"):
    """Label of a dossier event id ('contract_received', ...) in 'en', 'fr' or 'nl'."""
    return _n.inami_event_kind_label(code_of(EVENT_KINDS, event, "event"), lang_code(lang))


def notice_provenance(notice):
    """How well a notification kind ('decision', 'evaluation_available', ...) is sourced."""
    return PROVENANCE[_n.inami_notice_provenance(code_of(NOTICES, notice, "notice"))]


def version_number():
    """The library's version as major * 10000 + minor * 100 + patch (10000 for 1.0.0)."""
    return _n.inami_version_number()
