"""Exceptions: every negative libinami status becomes an InamiError subclass.

The C extension calls :func:`error_for` with the status and the library's
message (``inami_error_last()``), so no failing status passes silently.
"""

__all__ = [
    "InamiError", "InvalidArgumentError", "NullError", "VersionError",
    "UnknownProfessionError", "NoRulesError", "NegativeValueError",
    "InamiOverflowError", "OutOfMemoryError", "ParseError", "InamiIOError",
    "DerivedFigureError", "NotFoundError", "StateError", "RangeError",
    "BufferTooSmallError", "error_for",
]

from . import inami_native as _n

# Status codes: the SWIG constants of include/inami/common.h (the header is the only source).
OK = _n.INAMI_OK
EINVAL = _n.INAMI_EINVAL
ENULL = _n.INAMI_ENULL
EVERSION = _n.INAMI_EVERSION
ENOPROFESSION = _n.INAMI_ENOPROFESSION
ENORULES = _n.INAMI_ENORULES
ENEGATIVE = _n.INAMI_ENEGATIVE
EOVERFLOW = _n.INAMI_EOVERFLOW
ENOMEM = _n.INAMI_ENOMEM
EPARSE = _n.INAMI_EPARSE
EIO = _n.INAMI_EIO
EDERIVED = _n.INAMI_EDERIVED
ENOTFOUND = _n.INAMI_ENOTFOUND
ESTATE = _n.INAMI_ESTATE
ERANGE = _n.INAMI_ERANGE
EBUFS = _n.INAMI_EBUFS


class InamiError(Exception):
    """A libinami call failed.

    ``status`` is the library's negative status code (``inami_status``) and
    ``message`` its detailed message, e.g. "no rules for physiotherapist
    premium year 2031".
    """

    status = None

    def __init__(self, message, status=None):
        super().__init__(message)
        self.message = message
        if status is not None:
            self.status = status

    def __str__(self):
        return self.message


class InvalidArgumentError(InamiError, ValueError):
    """INAMI_EINVAL: an argument is invalid (bad date, too many decimals...)."""
    status = EINVAL


class NullError(InamiError, ValueError):
    """INAMI_ENULL: a required argument is missing."""
    status = ENULL


class VersionError(InamiError):
    """INAMI_EVERSION: a struct version this library does not know."""
    status = EVERSION


class UnknownProfessionError(InamiError, ValueError):
    """INAMI_ENOPROFESSION: unknown profession identifier."""
    status = ENOPROFESSION


class NoRulesError(InamiError, LookupError):
    """INAMI_ENORULES: no rules for that profession and premium year (never guessed)."""
    status = ENORULES


class NegativeValueError(InamiError, ValueError):
    """INAMI_ENEGATIVE: a count or amount is negative."""
    status = ENEGATIVE


class InamiOverflowError(InamiError, OverflowError):
    """INAMI_EOVERFLOW: a total or amount does not fit in 64 bits."""
    status = EOVERFLOW


class OutOfMemoryError(InamiError, MemoryError):
    """INAMI_ENOMEM: the library ran out of memory."""
    status = ENOMEM


class ParseError(InamiError, ValueError):
    """INAMI_EPARSE: a file or buffer is malformed; the message says file:line:column."""
    status = EPARSE


class InamiIOError(InamiError, OSError):
    """INAMI_EIO: a file could not be read."""
    status = EIO

    def __init__(self, message, status=None):
        InamiError.__init__(self, message, status)

    def __str__(self):
        return self.message


class DerivedFigureError(InamiError):
    """INAMI_EDERIVED: the answer needs a DERIVED figure; pass allow_derived=True to accept it."""
    status = EDERIVED


class NotFoundError(InamiError, LookupError):
    """INAMI_ENOTFOUND: an identifier (specialty, tier, code...) is unknown."""
    status = ENOTFOUND


class StateError(InamiError):
    """INAMI_ESTATE: an event is not allowed in the current state."""
    status = ESTATE


class RangeError(InamiError, ValueError):
    """INAMI_ERANGE: a value is outside its allowed range."""
    status = ERANGE


class BufferTooSmallError(InamiError):
    """INAMI_EBUFS: an output buffer is too small."""
    status = EBUFS


_BY_STATUS = {cls.status: cls for cls in (
    InvalidArgumentError, NullError, VersionError, UnknownProfessionError,
    NoRulesError, NegativeValueError, InamiOverflowError, OutOfMemoryError,
    ParseError, InamiIOError, DerivedFigureError, NotFoundError, StateError,
    RangeError, BufferTooSmallError)}


def error_for(status, message):
    """The exception instance for a libinami status (InamiError for an unknown one)."""
    cls = _BY_STATUS.get(status, InamiError)
    return cls(message, status)
