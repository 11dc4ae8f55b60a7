"""inami.timeline(): the milestones of a premium year's automated procedure,
dated from the sourced calendar (the [law calendar] sections of libinami/data/law.rules); a
date the data does not give is None (provenance 'not_found'), never guessed."""

import dataclasses
import datetime

from . import inami_native as _n
from ._rules import resolve_rules
from ._ids import PRECISIONS, PROVENANCE, id_of
from ._util import date_from_int, lang_code, profession_code

__all__ = ["timeline", "Timeline", "Milestone"]


@dataclasses.dataclass(frozen=True)
class Milestone:
    """One milestone: ``id`` ('contract_concluded', 'extra_info_deadline'...),
    ``label`` (in the language asked), ``date`` (datetime.date; the first day
    when ``precision`` is 'month'; None when 'none' or 'relative'), ``iso``
    ('2021-08-31', '2021-09' or ''), ``days_after_decision`` (with precision
    'relative'), ``rule`` (the data's rule: 'N+1-08-31', '+60d'),
    ``provenance``, ``source``, ``note``."""

    id: str
    label: str
    date: datetime.date
    precision: str
    iso: str
    days_after_decision: int
    rule: str
    provenance: str
    source: str
    note: str

    def to_dict(self):
        """One item of "milestones" in ``inami dossier timeline --json``."""
        d = {"id": self.id, "date": self.iso or None, "precision": self.precision}
        if self.precision == "relative":
            d["days_after_decision"] = self.days_after_decision
        d.update(label=self.label, rule=self.rule, provenance=self.provenance,
                 source=self.source)
        return d


@dataclasses.dataclass(frozen=True)
class Timeline:
    """The milestones of ``profession``'s ``premium_year``, in procedure order
    (iterable); :meth:`find` looks one up by id."""

    profession: str
    premium_year: int
    milestones: tuple

    def __iter__(self):
        return iter(self.milestones)

    def __len__(self):
        return len(self.milestones)

    def find(self, milestone_id):
        """The :class:`Milestone` ``milestone_id`` (KeyError if the procedure has none)."""
        for m in self.milestones:
            if m.id == milestone_id:
                return m
        raise KeyError(milestone_id)

    def to_dict(self):
        """The document of ``inami dossier timeline --json``."""
        return {"profession": self.profession, "premium_year": self.premium_year,
                "milestones": [m.to_dict() for m in self.milestones]}


def milestone_label(milestone_id, lang):
    """Label of a milestone id in a language code (inami_milestone_label)."""
    return _n.inami_milestone_label(milestone_id, lang)


def timeline(profession, year, *, lang="en", rules=None):
    """The procedure's milestones for ``profession`` and premium ``year``
    (``inami dossier timeline``), labels in 'en', 'fr' or 'nl'. ``rules``: an
    inami.Rules, a rules file path or a list of paths whose [law calendar]
    sections date the milestones (None: the embedded rules). NoRulesError
    when the automated procedure does not cover that year. Returns a
    :class:`Timeline`."""
    if isinstance(year, bool) or not isinstance(year, int):
        raise TypeError("year must be an int, not %s" % type(year).__name__)
    lc = lang_code(lang)
    items = []
    if rules is None:
        rows = _n.inami_py_timeline(profession_code(profession), year)
    else:
        rows = _n.inami_py_timeline_rules(resolve_rules(rules)._h, profession_code(profession), year)
    for (mid, date, precision, iso, days, rule, prov, source, note) in rows:
        prec = id_of(PRECISIONS, precision)
        items.append(Milestone(
            mid, milestone_label(mid, lc),
            date_from_int(date) if prec in ("day", "month") else None, prec, iso or "",
            days if prec == "relative" else None, rule or "", id_of(PROVENANCE, prov),
            source or "", note or ""))
    return Timeline(profession, year, tuple(items))
