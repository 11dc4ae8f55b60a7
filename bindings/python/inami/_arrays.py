"""Integer arrays for the bulk calls: buffers pass through, lists are converted.

Element kinds are (array typecode, numpy dtype name). Plain lists become
array.array; numpy integer arrays of another width are converted when every
value fits. Outputs are numpy arrays when an input was, array.array otherwise.
"""

import array

from ._errors import InvalidArgumentError
from ._util import date_int

INT32 = ("i", "int32")
UINT32 = ("I", "uint32")
INT64 = ("q", "int64")


def is_numpy(x):
    """True for a numpy array (numpy itself is never imported here)."""
    return type(x).__module__ == "numpy"


def as_array(x, kind, what):
    """Pass buffers through; convert lists/tuples and numpy arrays of another width."""
    if x is None:
        return None
    if is_numpy(x):
        import numpy as np
        dt = np.dtype(kind[1])
        if x.dtype != dt and x.dtype.kind in "iu" and x.size:
            info = np.iinfo(dt)
            if x.min() < info.min or x.max() > info.max:
                raise InvalidArgumentError("%s: values outside the %s range" % (what, kind[1]))
            x = x.astype(dt)
        return np.ascontiguousarray(x)
    if isinstance(x, (list, tuple, range)):
        try:
            return array.array(kind[0], x)
        except OverflowError:
            raise InvalidArgumentError("%s: values outside the %s range" % (what, kind[1])) from None
    return x


def dates(x):
    """Dates as int32 YYYYMMDD: a buffer, or a list of datetime.date / str / int / None."""
    if isinstance(x, (list, tuple)) and any(not isinstance(d, int) for d in x):
        x = [date_int(d, "date") if not isinstance(d, int) else d for d in x]
    return as_array(x, INT32, "date")


def new(kind, n, numpy_like):
    """A zeroed output array of ``n`` items (numpy when ``numpy_like``)."""
    if numpy_like:
        import numpy as np
        return np.zeros(n, dtype=kind[1])
    a = array.array(kind[0])
    a.frombytes(bytes(n * a.itemsize))
    return a


def length(x):
    """Items in a buffer (array.array, numpy array, memoryview...) or a list."""
    return len(x) if isinstance(x, (list, tuple)) else len(memoryview(x))
