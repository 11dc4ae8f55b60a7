"""inami.evaluate(): one provider, one premium year, explained."""

import collections

from . import inami_native as _n
from ._errors import InvalidArgumentError
from ._ids import CONVENTIONS, EMPLOYMENTS
from ._rules import resolve_rules
from ._util import (cents_to_euros, count_arg, date_int, euros_to_cents, lang_code,
                    measure_arg, measure_value, profession_code)

__all__ = ["evaluate", "Evaluation", "Check", "NextTier", "Missing", "Reading"]

# 'full', 'partial', 'none' and None, 'main', 'complementary', 'employee':
# the names of the SWIG constants INAMI_CONVENTION_* and INAMI_EMPLOYMENT_*.
_CONVENTION = {name: value for value, name in CONVENTIONS.items()}
_EMPLOYMENT = {(None if name == "unspecified" else name): value
               for value, name in EMPLOYMENTS.items()}


class Check(collections.namedtuple("Check", [
        "id", "state", "blocking", "label", "detail", "measure", "observed",
        "threshold", "rule_year", "source"])):
    """One condition checked. ``state`` is 'held', 'failed', 'assumed' (not
    given, assumed to hold), 'not_applicable' or 'action' (holds, but someone
    must act). ``measure``/``observed``/``threshold`` are None when the check
    compares no figure; figures are in the measure's natural unit (int
    prestations, decimal.Decimal key-letter values, euros and hours)."""

    __slots__ = ()

    @property
    def held(self):
        """True unless the condition failed."""
        return self.state != "failed"

    def to_dict(self):
        """One item of "checks" in ``inami eval --json``."""
        d = {"id": self.id, "state": self.state, "held": self.held,
             "blocking": self.blocking, "label": self.label, "detail": self.detail}
        if self.measure is not None:
            d.update(measure=self.measure, observed=self.observed, threshold=self.threshold)
        d.update(rule_year=self.rule_year, source=self.source)
        return d


Missing = collections.namedtuple("Missing", ["measure", "threshold", "missing"])
Missing.__doc__ = """What is missing for the next tier in one measure: its threshold and
threshold - observed (the whole threshold when the measure was not given), in
the measure's natural unit (int prestations, decimal.Decimal otherwise)."""


class NextTier(collections.namedtuple("NextTier", ["tier", "amount_cents", "missing"])):
    """The tier above the one reached (the lowest one when none is reached),
    its full-year amount in cents and a list of :class:`Missing`."""

    __slots__ = ()

    @property
    def amount(self):
        """amount_cents as decimal.Decimal euros."""
        return cents_to_euros(self.amount_cents)

    def to_dict(self):
        """The "next_tier" object of ``inami eval --json``."""
        return {"tier": self.tier, "amount_cents": self.amount_cents,
                "missing": [m._asdict() for m in self.missing]}


class Reading(collections.namedtuple("Reading", [
        "dispute", "id", "applied", "default", "status", "eligible", "tier",
        "amount_cents", "provenance", "source", "note"])):
    """The verdict under one reading of a disputed rule or figure: the
    ``dispute`` ('partial_convention', 'thresholds'), the reading's ``id`` in
    the rules, whether the result ``applied`` it and whether it is the rules'
    ``default``, ``status`` ('ok', or why there is no verdict under it, such as
    'no_rules'), ``eligible``, ``tier``, ``amount_cents``, the weakest
    ``provenance`` it rests on, its ``source`` and ``note`` (for the default:
    why it is the default)."""

    __slots__ = ()

    @property
    def amount(self):
        """amount_cents as decimal.Decimal euros."""
        return cents_to_euros(self.amount_cents)

    def to_dict(self):
        """One item of "readings" in ``inami eval --json``."""
        return self._asdict()


_STATUS_IDS = ("ok", "invalid", "null", "version", "no_profession", "no_rules", "negative", "overflow",
               "no_memory", "parse", "io", "derived", "not_found", "state", "range", "buffer")


def _readings(result):
    out = []
    for i in range(_n.inami_result_reading_count(result)):
        g = _n.inami_result_reading(result, i)
        status = _STATUS_IDS[-g.status] if -len(_STATUS_IDS) < g.status <= 0 else "error"
        out.append(Reading(g.dispute, g.id, bool(g.applied), bool(g.is_default), status,
                           bool(g.eligible), g.tier, g.amount_cents,
                           _n.inami_provenance_id(g.provenance), g.source, g.note))
    return out


def _check(c):
    c = Check._make(c)
    return c._replace(observed=measure_value(c.measure, c.observed),
                      threshold=measure_value(c.measure, c.threshold))


class Evaluation:
    """The result of :func:`evaluate`.

    Attributes: ``profession``, ``premium_year``, ``eligible`` (bool),
    ``amount_cents`` (int, after pro rata; 0 when not eligible), ``amount``
    (decimal.Decimal euros), ``full_year_cents``, ``months``, ``tier`` (id or
    None), ``tier_label``, ``payee`` ('insurance_contract', 'bank_account',
    'none'), ``payee_label`` (who receives it, in ``lang``), ``lang`` ('en', 'fr' or
    'nl': the language of labels, details and notes), ``provenance`` of the amount, ``weakest_provenance`` of every
    figure used, ``source``, ``amount_year``, ``thresholds_year``,
    ``lower_bound`` (the answer is only a lower bound), ``checks`` (list of
    :class:`Check`), ``next_tier`` (:class:`NextTier` or None), ``notes``,
    ``readings`` (list of :class:`Reading`: the verdict under each reading of a
    dispute that concerns the evaluation), ``disputed`` (the verdict depends
    on the reading), ``carried_from`` (None, or the last premium year a source
    confirms the thresholds applied for: they are carried into this year).
    ``to_dict()`` gives the fields of ``inami eval --json``.
    """

    __slots__ = ("profession", "premium_year", "eligible", "amount_cents", "full_year_cents",
                 "months", "tier", "tier_label", "payee", "provenance", "weakest_provenance",
                 "source", "amount_year", "thresholds_year", "lower_bound", "checks",
                 "next_tier", "notes", "lang", "payee_label", "readings", "disputed",
                 "carried_from")

    def __init__(self, profession, year, result, lang="en"):
        (self.eligible, self.amount_cents, self.full_year_cents, self.months, self.tier,
         self.tier_label, self.payee, self.provenance, self.weakest_provenance, self.source,
         self.amount_year, self.thresholds_year, self.lower_bound, next_tier,
         next_amount) = _n.inami_py_result_scalars(result)
        self.profession = profession
        self.premium_year = year
        self.checks = [_check(c) for c in _n.inami_py_result_checks(result)]
        self.next_tier = None if next_tier is None else NextTier(
            next_tier, next_amount,
            [Missing(m, measure_value(m, t), measure_value(m, v))
             for m, t, v in _n.inami_py_result_missing(result)])
        self.notes = _n.inami_py_result_notes(result)
        self.lang = lang
        self.payee_label = _n.inami_message_template("payee." + self.payee, lang_code(lang))
        self.readings = _readings(result)
        self.disputed = bool(_n.inami_result_disputed(result))
        self.carried_from = _n.inami_result_carried_from(result) or None

    @property
    def amount(self):
        """The amount due as decimal.Decimal euros (Decimal('1790.34'))."""
        return cents_to_euros(self.amount_cents)

    def to_dict(self):
        """A dict with the fields (and names) of ``inami eval --json``."""
        return {
            "profession": self.profession, "premium_year": self.premium_year,
            "eligible": self.eligible, "amount_cents": self.amount_cents,
            "full_year_cents": self.full_year_cents, "months": self.months,
            "tier": self.tier, "tier_label": self.tier_label, "payee": self.payee,
            "payee_label": self.payee_label,
            "provenance": self.provenance, "weakest_provenance": self.weakest_provenance,
            "source": self.source, "thresholds_year": self.thresholds_year,
            "lower_bound": self.lower_bound,
            "checks": [c.to_dict() for c in self.checks],
            "next_tier": self.next_tier.to_dict() if self.next_tier else None,
            "disputed": self.disputed, "carried_from": self.carried_from,
            "readings": [g.to_dict() for g in self.readings],
            "notes": list(self.notes), "lang": self.lang,
        }

    def __repr__(self):
        if self.eligible:
            return "<inami.Evaluation %s %d: eligible, tier %r, EUR %s>" % (
                self.profession, self.premium_year, self.tier, self.amount)
        return "<inami.Evaluation %s %d: not eligible>" % (self.profession, self.premium_year)


def _choice(value, table, what):
    try:
        return table[value]
    except (KeyError, TypeError):
        names = ", ".join(repr(k) for k in table if k is not None)
        raise InvalidArgumentError("%s: %r is not one of %s" % (what, value, names)) from None


def evaluate(profession, year, *, prestations=None, m_values=None, r_values=None,
             v_values=None, reimbursed=None, hours_per_week=None, convention="full",
             convention_start=None, convention_end=None, first_number=None,
             specialty=None, trainee=False, retired=False, employment=None,
             sanctioned=False, contracts=None, allow_derived=False, lang="en", rules=None,
             reading=None):
    """Evaluate one provider's statut social for one premium year.

    Mirrors ``inami eval``; every activity figure left as None is "not given"
    (INAMI_UNSET). The defaults are those of the CLI: fully conventioned for
    the whole year, not retired, not in training.

    Arguments:
      profession      'physiotherapist', 'doctor', 'dentist', 'pharmacist',
                      'speech_therapist', 'nurse' or 'midwife' (--profession).
      year            the premium year, the year of activity (--year).
      prestations     reimbursed prestations in the year, int (--prestations).
      m_values        sum of M key-letter values, physiotherapists (--m-values),
                      in points (decimal.Decimal, str, int, or a float with at
                      most two decimals; converted exactly).
      r_values        sum of R key-letter values, speech therapists (--r-values).
      v_values        sum of V key-letter values, midwives (--v-values).
      reimbursed      euros reimbursed by the insurance (--reimbursed), as
                      decimal.Decimal, str ('12345.67') or int; converted to
                      cents exactly. A float is accepted only when it has at
                      most two decimals; more decimals raise InvalidArgumentError.
      hours_per_week  average hours per week over the year, pharmacists
                      (--hours-per-week), at most two decimals.
      convention      'full' (default), 'partial' or 'none' (--convention).
      convention_start, convention_end
                      adhesion start/end inside the year, datetime.date or
                      'YYYY-MM-DD' (--convention-start, --convention-end).
      first_number    date the first INAMI number was granted, for the
                      first-year pro rata (--first-number).
      specialty       doctors: specialty id, see Rules.specialties() (--specialty).
      trainee         doctor in training on 31 December (--trainee).
      retired         has taken the legal retirement pension (--retired): the
                      advantage is then paid to a bank account.
      employment      None, 'main', 'complementary' or 'employee' (--employment).
      sanctioned      a sanction excluding the year was imposed (--sanctioned).
      contracts       number of eligible insurance contracts linked (--contracts).
      allow_derived   accept answers resting on DERIVED figures (estimates
                      computed from other figures) (--allow-derived).
      lang            language of labels: 'en', 'fr' or 'nl' (--lang).
      rules           an inami.Rules, a rules file path (layered over the
                      default) or a list of paths (--rules FILE...); None =
                      the embedded default rules.
      reading         where the sources dispute a rule or a figure, the id of
                      the reading to apply ('reduced_threshold'); None = each
                      dispute's default (--reading). The verdict under every
                      reading is in ``Evaluation.readings`` either way.

    Returns an :class:`Evaluation` (eligible or not).

    Raises (all subclasses of inami.InamiError, with the library's message):
      UnknownProfessionError, NoRulesError (no rules for that profession and
      year, e.g. physiotherapist 2031), DerivedFigureError (the answer needs a
      DERIVED figure and allow_derived is False), NegativeValueError,
      InvalidArgumentError (bad date, unknown specialty, bad choice...),
      ParseError / InamiIOError (a rules file). TypeError for a wrong type.
    """
    if isinstance(year, bool) or not isinstance(year, int):
        raise TypeError("year must be an int, not %s" % type(year).__name__)
    r = resolve_rules(rules)
    inp = _n.inami_eval_input()
    inp.profession = profession_code(profession)
    inp.premium_year = year
    inp.prestations = count_arg(prestations, "prestations")
    inp.m_values = measure_arg(m_values, "m_value", "m_values")
    inp.r_values = measure_arg(r_values, "r_value", "r_values")
    inp.v_values = measure_arg(v_values, "v_value", "v_values")
    inp.reimbursed_cents = -1 if reimbursed is None else euros_to_cents(reimbursed, "reimbursed")
    inp.hours_per_week = measure_arg(hours_per_week, "hours_per_week", "hours_per_week")
    inp.convention = _choice(convention, _CONVENTION, "convention")
    inp.convention_start = date_int(convention_start, "convention_start")
    inp.convention_end = date_int(convention_end, "convention_end")
    inp.first_number = date_int(first_number, "first_number")
    if specialty is not None:
        if not isinstance(specialty, str):
            raise TypeError("specialty must be a str id such as 'general_practice'")
        inp.specialty = specialty
    inp.trainee = bool(trainee)
    inp.retired = bool(retired)
    inp.employment = _choice(employment, _EMPLOYMENT, "employment")
    inp.sanctioned = bool(sanctioned)
    inp.contracts = count_arg(contracts, "contracts")
    opts = _n.inami_eval_options()
    opts.flags = _n.INAMI_EVAL_ALLOW_DERIVED if allow_derived else 0
    opts.lang = lang_code(lang)
    if reading is not None and not isinstance(reading, str):
        raise TypeError("reading must be a str id such as 'reduced_threshold'")
    if reading is None:
        result = _n.inami_swig_evaluate(r._h, inp, opts)
    else:
        result = _n.inami_swig_evaluate_reading(r._h, inp, opts, reading)
    return Evaluation(profession, year, result, lang)
