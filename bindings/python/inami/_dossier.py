"""inami.Dossier: one provider's yearly automated procedure as a state machine
(docs/dossier.md): events applied with the notification INAMI sends, the
deadline that applies, the history, and the text form saved and loaded."""

import dataclasses
import datetime
import os
import threading

from . import inami_native as _n
from ._ids import ACTIONS, DOSSIER_STATES, EVENT_KINDS, NOTICES, PROVENANCE, code_of, id_of
from ._timeline import milestone_label
from ._util import (cents_to_euros, date_from_int, date_int, euros_to_cents, lang_code,
                    profession_code, text_arg)

__all__ = ["Dossier", "Notification", "HistoryEntry", "Deadline"]


def _iso(d):
    return d.isoformat() if d else None


@dataclasses.dataclass(frozen=True)
class Notification:
    """What INAMI sends on a transition (returned by :meth:`Dossier.apply`):
    ``notice`` id ('decision', 'action_needed', 'none'...) and ``label``,
    ``action`` id and ``action_label`` (with 'action_needed', else None),
    ``deadline`` (datetime.date or None), ``provenance`` of the notice, and
    the ``event`` applied with the ``state`` (and ``state_label``) it led to."""

    event: str
    state: str
    state_label: str
    notice: str
    label: str
    action: str
    action_label: str
    date: datetime.date
    deadline: datetime.date
    provenance: str

    def to_dict(self):
        """The document of ``inami dossier apply --json``."""
        return {"event": self.event, "state": self.state, "state_label": self.state_label,
                "notification": {"id": self.notice, "label": self.label, "action": self.action,
                                 "action_label": self.action_label,
                                 "deadline": _iso(self.deadline),
                                 "provenance": self.provenance}}


@dataclasses.dataclass(frozen=True)
class HistoryEntry:
    """An event applied: its id, date (datetime.date or None), amount in cents
    (None when not given; ``amount`` in Decimal euros), note and the state it led to."""

    event: str
    date: datetime.date
    amount_cents: int
    note: str
    state_after: str

    @property
    def amount(self):
        """amount_cents as decimal.Decimal euros (None when not given)."""
        return None if self.amount_cents is None else cents_to_euros(self.amount_cents)

    def to_dict(self):
        """One item of "history" in ``inami dossier show --json``."""
        return {"event": self.event, "date": _iso(self.date), "state_after": self.state_after,
                "note": self.note}


@dataclasses.dataclass(frozen=True)
class Deadline:
    """The deadline that applies now: ``date`` (datetime.date), ``milestone`` id and its ``label``."""

    date: datetime.date
    milestone: str
    label: str

    def to_dict(self):
        """The "deadline" object of ``inami dossier show --json``."""
        return {"id": self.milestone, "date": self.date.isoformat()}


class Dossier:
    """One provider's procedure for one premium year (``inami dossier``).

    ``Dossier.new(profession, year)`` starts in state 'contract_pending';
    :meth:`apply` moves it and returns the :class:`Notification`; ``state``,
    :meth:`allowed_events`, :meth:`deadline`, :meth:`history`; :meth:`to_text` /
    :meth:`save` and :meth:`from_text` / :meth:`load` for its text form. The
    deadlines come from the sourced procedure calendar, never from code. A
    lock serialises calls on one dossier, so it may be shared by threads.
    """

    def __init__(self, _handle):
        # Use Dossier.new(), Dossier.from_text() or Dossier.load().
        self._h = _handle
        self._lock = threading.Lock()

    @classmethod
    def new(cls, profession, year, *, retired=False, bank_account=False):
        """A new dossier (state 'contract_pending'). ``retired``: the provider has
        taken the legal pension (paid to a bank account); ``bank_account``: one
        is registered. NoRulesError when the automated procedure does not
        cover that profession and premium year."""
        if isinstance(year, bool) or not isinstance(year, int):
            raise TypeError("year must be an int, not %s" % type(year).__name__)
        return cls(_n.inami_py_dossier_new(profession_code(profession), year, int(bool(retired)),
                                           int(bool(bank_account))))

    @classmethod
    def from_text(cls, text, name=None):
        """A dossier from its text form (:meth:`to_text`); the events are replayed, so
        an invalid history is refused (ParseError with name:line)."""
        return cls(_n.inami_py_dossier_parse(text_arg(text, "text"),
                                             None if name is None else text_arg(name, "name")))

    @classmethod
    def load(cls, path):
        """A dossier from a file written by :meth:`save` or ``inami dossier``."""
        path = text_arg(path, "path")
        with open(path, encoding="utf-8") as f:
            return cls.from_text(f.read(), path)

    def use_rules(self, rules):
        """Take the deadlines from the procedure calendar of ``rules`` (an
        :class:`inami.Rules`, with its layered files) instead of the embedded
        one; None goes back to the embedded calendar. The days of the
        dossier's year are copied; the choice is not part of the text form
        (call again after :meth:`from_text`). NoRulesError when that calendar
        does not cover the dossier's premium year."""
        with self._lock:
            _n.inami_dossier_use_rules(self._h, None if rules is None else rules._h)

    def to_text(self, lang=None):
        """The dossier's text form (docs/dossier.md); with ``lang`` ('en', 'fr', 'nl'), comment
        lines in that language say what each event did (reading ignores them)."""
        code = -1 if lang is None else lang_code(lang)
        with self._lock:
            return _n.inami_py_dossier_serialize(self._h, code)

    def save(self, path):
        """Write :meth:`to_text` to ``path`` atomically (a temporary file, then a rename)."""
        path = text_arg(path, "path")
        tmp = path + ".tmp"
        with open(tmp, "w", encoding="utf-8") as f:
            f.write(self.to_text())
        os.replace(tmp, path)

    def apply(self, event, *, date=None, amount=None, note=None, lang="en"):
        """Apply ``event`` ('contract_received', 'decision_full', 'paid'...; see
        :meth:`allowed_events`) on ``date`` (datetime.date or 'YYYY-MM-DD'; None:
        deadlines are not checked) with ``amount`` (euros, for a decision or a
        payment) and a one-line ``note``. Returns the :class:`Notification`
        (labels in ``lang``). StateError when the event is not allowed now or
        comes after its deadline; the dossier is then unchanged."""
        kind = code_of(EVENT_KINDS, event, "event")
        cents = -1 if amount is None else euros_to_cents(amount, "amount")
        lc = lang_code(lang)
        with self._lock:
            notice, action, when, deadline, prov = _n.inami_py_dossier_apply(
                self._h, kind, date_int(date, "date"), cents,
                None if note is None else text_arg(note, "note"))
            state = _n.inami_dossier_current(self._h)
        return Notification(
            event, id_of(DOSSIER_STATES, state), _n.inami_dossier_state_label(state, lc),
            id_of(NOTICES, notice), _n.inami_notice_label(notice, lc),
            id_of(ACTIONS, action) if action else None,
            _n.inami_action_label(action, lc) if action else None,
            date_from_int(when), date_from_int(deadline), id_of(PROVENANCE, prov))

    @property
    def state(self):
        """The current state id ('contract_pending', 'evaluated', 'paid_to_insurer'...)."""
        with self._lock:
            return id_of(DOSSIER_STATES, _n.inami_dossier_current(self._h))

    def state_label(self, lang="en"):
        """The current state's label in 'en', 'fr' or 'nl'."""
        with self._lock:
            return _n.inami_dossier_state_label(_n.inami_dossier_current(self._h), lang_code(lang))

    @property
    def profession(self):
        """The profession id."""
        return _n.inami_profession_id(_n.inami_dossier_profession(self._h))

    @property
    def premium_year(self):
        """The premium year."""
        return _n.inami_dossier_premium_year(self._h)

    @property
    def retired(self):
        """True when the provider has taken the legal pension."""
        return bool(_n.inami_dossier_retired(self._h))

    @property
    def bank_account(self):
        """True when a bank account is registered."""
        with self._lock:
            return bool(_n.inami_dossier_has_bank_account(self._h))

    @property
    def contracts(self):
        """Contracts received so far."""
        with self._lock:
            return _n.inami_dossier_contracts(self._h)

    @property
    def amount_cents(self):
        """Amount of the last decision or payment that gave one, in cents (None if none)."""
        with self._lock:
            cents = _n.inami_dossier_amount_cents(self._h)
        return None if cents < 0 else cents

    @property
    def amount(self):
        """amount_cents as decimal.Decimal euros (None if none)."""
        cents = self.amount_cents
        return None if cents is None else cents_to_euros(cents)

    def allows(self, event):
        """True when ``event`` is allowed in the current state (deadlines not checked)."""
        kind = code_of(EVENT_KINDS, event, "event")
        with self._lock:
            return bool(_n.inami_dossier_allows(self._h, kind))

    def allowed_events(self):
        """Ids of the events allowed in the current state."""
        with self._lock:
            return [name for kind, name in EVENT_KINDS.items()
                    if _n.inami_dossier_allows(self._h, kind)]

    def deadline(self, lang="en"):
        """The :class:`Deadline` that applies now (extra information, contest,
        payment), or None when none applies or the data does not give it."""
        lc = lang_code(lang)
        with self._lock:
            d = _n.inami_py_dossier_deadline(self._h)
        if d is None:
            return None
        return Deadline(date_from_int(d[0]), d[1], milestone_label(d[1], lc))

    def history(self):
        """The events applied so far, oldest first, as :class:`HistoryEntry` tuples."""
        with self._lock:
            items = _n.inami_py_dossier_history(self._h)
        return [HistoryEntry(id_of(EVENT_KINDS, kind), date_from_int(date),
                             None if cents < 0 else cents, note, id_of(DOSSIER_STATES, after))
                for kind, date, cents, note, after in items]

    def to_dict(self, lang="en"):
        """The document of ``inami dossier show --json``."""
        deadline = self.deadline(lang)
        return {"profession": self.profession, "premium_year": self.premium_year,
                "retired": self.retired, "bank_account": self.bank_account,
                "contracts": self.contracts, "state": self.state,
                "state_label": self.state_label(lang), "amount_cents": self.amount_cents,
                "deadline": deadline.to_dict() if deadline else None,
                "allowed_events": self.allowed_events(),
                "history": [h.to_dict() for h in self.history()]}

    def __repr__(self):
        return "<inami.Dossier %s %d: %s>" % (self.profession, self.premium_year, self.state)
