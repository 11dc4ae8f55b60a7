"""Identifiers of the library's enums, read from the library itself.

Every table here is built at import time from a C id function
(``inami_provenance_id``...) or from the SWIG constants of the public headers
(``INAMI_CONVENTION_FULL``...), so the C headers stay the only source: a value
added in C appears here without a change to this file.
"""

from . import inami_native as _n
from ._util import text_arg

__all__ = ["PROFESSIONS", "constants", "ids_of", "id_of", "code_of"]


def ids_of(id_function, values):
    """{value: id} of ``id_function`` over ``values`` (those it knows)."""
    table = {}
    for value in values:
        text = id_function(value)
        if text is not None:
            table[value] = text
    return table


def constants(prefix, word=None):
    """{value: id} of the SWIG constants named ``prefix + NAME``: the id is NAME in
    lower case, or only its last ``_``-separated word when ``word`` is 'last'
    (INAMI_EMPLOYMENT_SELF_EMPLOYED_MAIN -> 'main')."""
    table = {}
    for name in dir(_n):
        if name.startswith(prefix) and isinstance(getattr(_n, name), int):
            text = name[len(prefix):].lower()
            table[getattr(_n, name)] = text.rsplit("_", 1)[-1] if word == "last" else text
    return dict(sorted(table.items()))


def id_of(table, value):
    """The id of ``value`` in a {value: id} table (str(value) for an unknown value)."""
    return table.get(value, str(value))


def code_of(table, text, what):
    """The value of id ``text`` in a {value: id} table; InvalidArgumentError naming the ids otherwise."""
    text = text_arg(text, what)
    for value, name in table.items():
        if name == text:
            return value
    from ._errors import InvalidArgumentError
    raise InvalidArgumentError("%s: %r is not one of %s"
                               % (what, text, ", ".join(repr(v) for v in table.values())))


PROFESSIONS = tuple(ids_of(_n.inami_profession_id, range(1, _n.INAMI_PROFESSION_COUNT + 1)).values())
PROVENANCE = ids_of(_n.inami_provenance_id, constants("INAMI_PROV_"))
KEY_LETTERS = ids_of(_n.inami_key_letter_id, range(_n.INAMI_KEY_LETTER_COUNT))
UNVALUED_REASONS = ids_of(_n.inami_unvalued_reason_id, constants("INAMI_UNVALUED_"))
CONVENTIONS = constants("INAMI_CONVENTION_")
EMPLOYMENTS = constants("INAMI_EMPLOYMENT_", word="last")
TOTAL_FLAGS = constants("INAMI_TOTAL_")
CONTRACT_TYPES = ids_of(_n.inami_contract_type_id, range(_n.INAMI_CONTRACT_TYPE_COUNT))
SOLIDARITY_BASES = constants("INAMI_SOLIDARITY_ON_")
DOSSIER_STATES = ids_of(_n.inami_dossier_state_id, range(_n.INAMI_DOSSIER_STATE_COUNT))
EVENT_KINDS = ids_of(_n.inami_event_kind_id, range(_n.INAMI_EVENT_KIND_COUNT))
NOTICES = ids_of(_n.inami_notice_id, range(_n.INAMI_NOTICE_COUNT))
ACTIONS = ids_of(_n.inami_action_id, range(_n.INAMI_ACTION_COUNT))
PRECISIONS = constants("INAMI_PRECISION_")
