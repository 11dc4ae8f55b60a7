"""Every status becomes an InamiError subclass with the library's message."""

import array

import pytest

import inami
from inami import _errors
from inami import inami_native as native

ALL = [
    (-1, inami.InvalidArgumentError, ValueError),
    (-2, inami.NullError, ValueError),
    (-3, inami.VersionError, inami.InamiError),
    (-4, inami.UnknownProfessionError, ValueError),
    (-5, inami.NoRulesError, LookupError),
    (-6, inami.NegativeValueError, ValueError),
    (-7, inami.InamiOverflowError, OverflowError),
    (-8, inami.OutOfMemoryError, MemoryError),
    (-9, inami.ParseError, ValueError),
    (-10, inami.InamiIOError, OSError),
    (-11, inami.DerivedFigureError, inami.InamiError),
    (-12, inami.NotFoundError, LookupError),
    (-13, inami.StateError, inami.InamiError),
    (-14, inami.RangeError, ValueError),
    (-15, inami.BufferTooSmallError, inami.InamiError),
]


@pytest.mark.parametrize("status,cls,builtin", ALL)
def test_every_status_has_a_class(status, cls, builtin):
    e = _errors.error_for(status, "why")
    assert type(e) is cls
    assert isinstance(e, inami.InamiError) and isinstance(e, builtin)
    assert e.status == status and e.message == "why" and str(e) == "why"
    # the numbers are those of include/inami/common.h
    assert native.inami_strerror(status) != "unknown status"


def test_unknown_status_is_still_an_error():
    e = _errors.error_for(-99, "new code")
    assert type(e) is inami.InamiError and e.status == -99


def test_no_rules():
    # the sources give no physiotherapist amounts after 2024
    with pytest.raises(inami.NoRulesError) as ei:
        inami.evaluate("physiotherapist", 2031, prestations=2000)
    assert ei.value.status == -5
    assert "no rules for physiotherapist premium year 2031" in ei.value.message


def test_unknown_profession():
    with pytest.raises(inami.UnknownProfessionError, match="unknown profession 'vet'"):
        inami.evaluate("vet", 2022, prestations=1)


def test_derived():
    with pytest.raises(inami.DerivedFigureError, match="DERIVED") as ei:
        inami.evaluate("physiotherapist", 2017, prestations=2000)
    assert ei.value.status == -11


def test_negative():
    with pytest.raises(inami.NegativeValueError, match="prestations"):
        inami.evaluate("physiotherapist", 2022, prestations=-5)
    with pytest.raises(inami.NegativeValueError, match="m_values"):
        inami.evaluate("physiotherapist", 2022, m_values=-0.5)
    with pytest.raises(inami.NegativeValueError, match="reimbursed"):
        inami.evaluate("nurse", 2022, reimbursed="-5")


def test_invalid_arguments():
    with pytest.raises(inami.InvalidArgumentError, match="first_number"):
        inami.evaluate("physiotherapist", 2022, prestations=2000, first_number="2022-02-30")
    with pytest.raises(inami.InvalidArgumentError, match="convention"):
        inami.evaluate("physiotherapist", 2022, prestations=2000, convention="half")
    with pytest.raises(inami.InvalidArgumentError, match="employment"):
        inami.evaluate("nurse", 2022, reimbursed=1, employment="boss")
    with pytest.raises(inami.InvalidArgumentError):
        inami.evaluate("physiotherapist", 2022, prestations=2000, lang="de")
    with pytest.raises(inami.InvalidArgumentError, match="give the activity"):
        inami.evaluate("physiotherapist", 2022)
    with pytest.raises(TypeError):
        inami.evaluate("physiotherapist", 2022, prestations=2.5)
    with pytest.raises(TypeError):
        inami.evaluate("physiotherapist", "2022", prestations=2)


def test_not_found():
    with pytest.raises(inami.NotFoundError, match="unknown specialty 'x'"):
        inami.evaluate("doctor", 2022, reimbursed=100000, specialty="x")
    with pytest.raises(inami.NotFoundError):
        inami.Nomenclature.default().lookup(999999999)


def test_parse_error_has_location():
    with pytest.raises(inami.ParseError) as ei:
        inami.Rules.from_string("this is not [ a rules file\n", name="bad.rules")
    assert ei.value.status == -9
    assert "bad.rules:1" in ei.value.message


def test_io_error(tmp_path):
    missing = tmp_path / "none.rules"
    with pytest.raises(inami.InamiIOError) as ei:
        inami.Rules.load(missing)
    assert str(missing) in ei.value.message
    with pytest.raises(inami.InamiIOError):
        inami.read_billing_csv(tmp_path / "none.csv")


def test_range_error_in_bulk():
    b = inami.Billing(2)
    with pytest.raises(inami.RangeError):
        b.add([560011], [1], provider=[5])
    assert b.line_count == 0  # nothing of the failed call was counted


def test_negative_total():
    # a correction larger than what was billed
    with pytest.raises(inami.NegativeValueError):
        inami.total([560011, 560011], [1, -3])
    t = inami.totals([560011, 560011, 560011], [1, -3, 2], [0, 0, 1])
    assert list(t.status) == [-6, 0] and t.m_hundredths[0] == 0 and t.m[1] == 48   # 2 x M 24
    assert isinstance(t.errors()[0][1], inami.NegativeValueError)


def test_overflow_total():
    n = 2_000_000  # 2e6 x 2**31-1 x 2400 hundredths > 2**63
    code = array.array("i", [560011]) * n
    qty = array.array("i", [2**31 - 1]) * n
    with pytest.raises(inami.InamiOverflowError):
        inami.total(code, qty)


def test_null_error():
    with pytest.raises(inami.NullError):
        native.inami_py_billing_add(None, array.array("i"), array.array("i"), None, None)


def test_checked_native_status():
    # a function that returns a status raises directly from the SWIG module
    with pytest.raises(inami.InvalidArgumentError):
        native.inami_date_check(20220230)
    assert native.inami_date_check(20220228) == 0


def test_buffer_type_errors():
    with pytest.raises(TypeError, match="int32"):
        inami.total(array.array("d", [560011.0]), array.array("i", [1]))
    with pytest.raises(inami.InvalidArgumentError, match="quantity has 1 items, expected 2"):
        inami.total(array.array("i", [560011, 560011]), array.array("i", [1]))
