"""The message catalogue: every text the library gives a person, in English,
French and Dutch, with its placeholders filled in the language's format."""

from . import inami_native as _n
from ._util import date_int, lang_code, text_arg

__all__ = ["message", "message_template", "message_ids", "load_messages", "load_messages_text",
           "reset_messages", "status_text", "format_amount", "format_date", "format_decimal", "text_width"]


def _values(values):
    lines = []
    for name, value in values.items():
        if isinstance(value, bool) or not isinstance(value, (int, str)):
            raise TypeError("message value %r must be an int or a str" % name)
        text = str(value)
        if "\n" in text or "\0" in text:
            raise ValueError("message value %r must be one line" % name)
        lines.append("%s=%s" % (name, text))
    return "\n".join(lines)


def message(message_id, lang="en", **values):
    """Message ``message_id`` in 'en', 'fr' or 'nl' with its placeholders filled:
    ints for {x:int}, {x:decimal} (hundredths), {x:money} (cents) and {x:date}
    (YYYYMMDD), strs for {x} and {x:msg} (another message's id)."""
    return _n.inami_swig_message_format(text_arg(message_id, "message_id"), lang_code(lang), _values(values))


def message_template(message_id, lang="en"):
    """The template of ``message_id`` in a language, placeholders unfilled; None if unknown."""
    return _n.inami_message_template(text_arg(message_id, "message_id"), lang_code(lang))


def message_ids():
    """Every message id of the catalogue (embedded and loaded), sorted."""
    return [_n.inami_message_id(i) for i in range(_n.inami_message_count())]


def load_messages(path):
    """Load a catalogue file over the messages, for the whole process."""
    _n.inami_swig_messages_load(text_arg(path, "path"))


def load_messages_text(text, name="<messages>"):
    """Load catalogue text over the messages; ``name`` names it in errors."""
    _n.inami_swig_messages_load_string(text_arg(text, "text"), text_arg(name, "name"))


def reset_messages():
    """Forget the loaded messages: back to the embedded catalogue."""
    _n.inami_messages_reset()


def status_text(status, lang="en"):
    """What a status (``inami.InamiError.status``, e.g. -5) means in a language; None if unknown."""
    return _n.inami_status_text(int(status), lang_code(lang))


def format_amount(cents, lang="en"):
    """Cents as a reader of the language writes them: '1 790,34 €', '€ 1.790,34', 'EUR 1,790.34'."""
    return _n.inami_swig_amount_format(int(cents), lang_code(lang))


def format_date(date, lang="en"):
    """A datetime.date or 'YYYY-MM-DD' as '31/12/2023', '31-12-2023' or '2023-12-31'."""
    return _n.inami_swig_date_format_lang(date_int(date, "date"), lang_code(lang))


def format_decimal(hundredths, lang="en"):
    """A value in hundredths as '2 000', '2.000' or '2000'."""
    return _n.inami_swig_decimal_format(int(hundredths), lang_code(lang))


def text_width(text):
    """Terminal columns of ``text`` (code points: an accented letter is one column)."""
    return _n.inami_text_width(text_arg(text, "text"))
