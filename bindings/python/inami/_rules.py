"""Rules: the tiers, thresholds and amounts of each profession and premium year."""

import collections
import os
import threading

from . import inami_native as _n
from ._errors import NotFoundError
from ._ids import PROFESSIONS, PROVENANCE, id_of
from ._util import lang_code, measure_code, measure_scale, measure_value, profession_code, text_arg

__all__ = ["Rules", "Figure", "TierInfo", "PROFESSIONS"]

class Figure(collections.namedtuple("Figure", [
        "value", "provenance", "source", "note", "layer", "line",
        "conflict_value", "conflict_provenance", "conflict_source", "conflict_note",
        "measure"])):
    """One sourced figure, ``value`` in Python's unit for its quantity:

    - an amount (``measure`` None): decimal.Decimal euros (Decimal('1790.34')),
      with :attr:`cents` the int the library keeps (179034);
    - a threshold or maximum of a measure: int prestations, decimal.Decimal
      key-letter points (M 55,200 is Decimal('55200.00')), hours, or euros
      for 'reimbursed_eur' - the unit :func:`inami.evaluate` takes and
      checks report, so a threshold compares directly with them.

    The conflict_* fields are None unless another source gives another value
    (``conflict_value`` in the unit of ``value``)."""

    __slots__ = ()

    @property
    def cents(self):
        """The money figure in int cents (amounts and 'reimbursed_eur'); None for other measures."""
        if self.measure not in (None, "reimbursed_eur"):
            return None
        return library_value(self.measure, self.value)


def library_value(measure, value):
    """A figure in Python's unit -> the library's int unit (cents, hundredths, prestations)."""
    return int(value * measure_scale(measure))


def _figure(f, measure=None):
    conflict = bool(f.has_conflict)
    return Figure(
        measure=measure,
        value=measure_value(measure, f.value), provenance=id_of(PROVENANCE, f.provenance),
        source=f.source or "", note=f.note or "", layer=f.layer or "", line=f.line,
        conflict_value=measure_value(measure, f.conflict_value) if conflict else None,
        conflict_provenance=id_of(PROVENANCE, f.conflict_provenance) if conflict else None,
        conflict_source=f.conflict_source if conflict else None,
        conflict_note=f.conflict_note if conflict else None)


TierInfo = collections.namedtuple("TierInfo", [
    "id", "index", "label", "trainee_only", "amount", "amount_year",
    "thresholds_from", "thresholds_to", "uses_specialty", "specialty_reduced"])
TierInfo.__doc__ = """A tier of a profession-year. ``amount`` is a Figure (Decimal euros, ``.cents``), or None
when the amount is NOT FOUND in the sources; ``thresholds_to`` is None when
the threshold rule is open-ended."""


class Rules:
    """An immutable ruleset (thread-safe to share).

    ``Rules.default()`` is the embedded, sourced ruleset; ``Rules.load(path)``
    reads a rules file over the default (``base=None`` for a standalone file),
    ``rules.layer(path)`` layers a file over these rules, as ``inami eval
    --rules FILE`` does. See docs/rules-format.md for the format.
    """

    _default = None
    _default_lock = threading.Lock()

    def __init__(self, _handle):
        # Use Rules.default(), Rules.load() or Rules.from_string().
        self._h = _handle

    @classmethod
    def default(cls):
        """The embedded default ruleset (made once, shared)."""
        with cls._default_lock:
            if cls._default is None:
                cls._default = cls(_n.inami_swig_ruleset_default())
            return cls._default

    @classmethod
    def load(cls, path, base="default"):
        """Load a rules file. ``base`` is the ruleset it is layered over: the
        default ruleset unless given; ``None`` makes the file stand alone.
        Raises ParseError ("file:line:column: why") or InamiIOError."""
        if base == "default":
            base = cls.default()
        return cls(_n.inami_swig_ruleset_load_file(base._h if base is not None else None,
                                                   text_arg(path, "path")))

    @classmethod
    def from_string(cls, text, base="default", name=None):
        """As :meth:`load`, from the text of a rules file; ``name`` names the layer."""
        if base == "default":
            base = cls.default()
        return cls(_n.inami_swig_ruleset_load_string(base._h if base is not None else None,
                                                     text, name))

    def layer(self, path):
        """A new ruleset: the file ``path`` layered over these rules."""
        return Rules.load(path, base=self)

    @property
    def layers(self):
        """Names of the layers, bottom first ("default" for the embedded data)."""
        return [_n.inami_ruleset_layer_name(self._h, i)
                for i in range(_n.inami_ruleset_layer_count(self._h))]

    def dump(self, profession=None, year=None):
        """The rules in the file format (all professions/years unless given)."""
        p = profession_code(profession) if profession is not None else 0
        return _n.inami_swig_ruleset_dump(self._h, p, year or 0)

    def new_year(self, profession, year):
        """The skeleton of a new premium year in the file format (``inami rules
        new-year``): its [amounts] section with every value to fill written
        FILL. InvalidArgumentError when the year has amounts already."""
        return _n.inami_swig_rules_year_skeleton(self._h, profession_code(profession), year)

    def years(self, profession):
        """Premium years with amounts (DERIVED ones included), ascending."""
        p = profession_code(profession)
        return [_n.inami_swig_rules_year(self._h, p, i)
                for i in range(_n.inami_swig_rules_year_count(self._h, p))]

    def year_status(self, profession, year):
        """(available, note): whether the year has usable amounts, and why not."""
        p = profession_code(profession)
        note = _n.inami_swig_rules_year_note(self._h, p, year)
        return note is None, note

    def thresholds_carried_from(self, profession, year):
        """The last premium year a source confirms the thresholds for, when they
        are carried into ``year`` from it (evaluations then say so); None when
        they are confirmed for ``year``. NoRulesError as :meth:`tiers`."""
        return _n.inami_swig_rules_thresholds_carried_from(self._h, profession_code(profession), year) or None

    def tiers(self, profession, year, lang="en"):
        """The tiers of a profession-year, lowest first (NoRulesError if none)."""
        p = profession_code(profession)
        lc = lang_code(lang)
        out = []
        for i in range(_n.inami_swig_rules_tier_count(self._h, p, year)):
            t = _n.inami_swig_rules_tier(self._h, p, year, i)
            out.append(TierInfo(
                id=t.id, index=t.index,
                label=_n.inami_rules_tier_label(self._h, t.id, lc),
                trainee_only=bool(t.trainee_only),
                amount=_figure(_n.inami_swig_rules_tier_amount(self._h, p, year, i))
                if t.amount_known else None,
                amount_year=t.amount_year, thresholds_from=t.thresholds_from,
                thresholds_to=t.thresholds_to or None,
                uses_specialty=bool(t.uses_specialty),
                specialty_reduced=bool(t.specialty_reduced)))
        return out

    def _tier_index(self, profession, year, tier):
        if isinstance(tier, int) and not isinstance(tier, bool):
            return tier
        for t in self.tiers(profession, year):
            if t.id == tier:
                return t.index
        raise NotFoundError("no tier '%s' for %s premium year %d" % (tier, profession, year))

    def tier_threshold(self, profession, year, tier, measure, specialty=None):
        """The minimum of ``measure`` ('prestations', 'm_value', ...) for ``tier``
        (an id such as 'base' or an index) as a :class:`Figure` whose ``value`` is
        in Python's unit (int prestations, Decimal points or hours: 55,200 M is
        Decimal('55200.00')), or None when the tier has no criterion in that measure."""
        p = profession_code(profession)
        index = self._tier_index(profession, year, tier)
        try:
            return _figure(_n.inami_swig_rules_tier_threshold(
                self._h, p, year, index, measure_code(measure), specialty), measure)
        except NotFoundError:
            return None

    def law_figure(self, subject, key, year=0):
        """A dated legal figure of the rules' [law SUBJECT] sections (:class:`Figure`):
        ``subject`` 'exit_taxation' or 'solidarity_minimum', ``key`` such as 'inami_levy'
        or 'social_pension'; ``year`` picks the section in force (0: the latest).
        The value is a decimal.Decimal in the figure's unit: percent for a rate
        (Decimal('1.25') for 1.25 %), years for annuity_years.*; a figure the
        sources do not give has provenance 'not_found'. A rules layer changes them."""
        if not isinstance(subject, str) or not isinstance(key, str):
            raise TypeError("subject and key are str ids such as 'exit_taxation', 'inami_levy'")
        return _figure(_n.inami_swig_rules_law_figure(self._h, subject, year, key))

    def maximum(self, profession, year, measure):
        """The maximum of ``measure`` for the profession-year (:class:`Figure`, value in
        Python's unit as for :meth:`tier_threshold`), or None."""
        try:
            return _figure(_n.inami_swig_rules_maximum(
                self._h, profession_code(profession), year, measure_code(measure)), measure)
        except NotFoundError:
            return None

    def find_profession(self, name):
        """The profession id a person means by ``name``: an id, an English, French or Dutch
        label or an alias of the rules ('kiné', 'Kinesitherapeut', 'sage-femme'),
        without regard to case or accents. UnknownProfessionError lists the candidates."""
        return _n.inami_py_profession_find(self._h, text_arg(name, "name"))

    def measures(self, profession):
        """The measure ids a profession's thresholds count ('prestations', 'm_value', ...)."""
        return tuple(_n.inami_py_profession_measures(self._h, profession_code(profession)))

    def profession_label(self, profession, lang="en"):
        """Label of a profession in 'en', 'fr' or 'nl'."""
        return _n.inami_rules_profession_label(self._h, profession_code(profession),
                                               lang_code(lang))

    def tier_label(self, tier_id, lang="en"):
        """Label of a tier id ('base') in a language."""
        return _n.inami_rules_tier_label(self._h, tier_id, lang_code(lang))

    def specialties(self, lang="en"):
        """Doctors' specialties as a list of (id, label)."""
        lc = lang_code(lang)
        return [(_n.inami_swig_rules_specialty_id(self._h, i),
                 _n.inami_swig_rules_specialty_label(self._h, i, lc))
                for i in range(_n.inami_rules_specialty_count(self._h))]

    def evaluate(self, profession, year, **kwargs):
        """inami.evaluate() with these rules."""
        from ._evaluate import evaluate
        return evaluate(profession, year, rules=self, **kwargs)

    def __repr__(self):
        return "<inami.Rules layers=%r>" % (self.layers,)


def resolve_rules(rules):
    """None -> default; Rules -> itself; a path -> that file over the default;
    a list of paths -> layered in order (like repeated --rules)."""
    if rules is None:
        return Rules.default()
    if isinstance(rules, Rules):
        return rules
    if isinstance(rules, (str, bytes, os.PathLike)):
        return Rules.load(rules)
    if isinstance(rules, (list, tuple)):
        r = Rules.default()
        for path in rules:
            r = r.layer(path)
        return r
    raise TypeError("rules must be an inami.Rules, a path or a list of paths, not %s"
                    % type(rules).__name__)
