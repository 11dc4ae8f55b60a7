"""Billing exports as practice software and spreadsheets write them: the same lines in
several CSV dialects give the same totals (560011 = M 24, 560416 = M 16: INAMI's example)."""

import datetime
import decimal
import io

import pytest

import inami

PLAIN = ("provider,code,quantity,date\n"
         "kine a,560011,1000,2022-03-01\n"
         "kine a,560416,1500,2022-04-01\n"
         "kine b,560011,10,2019-05-01\n"
         "kine b,560011,5,2023-01-02\n")

EXCEL = ("\ufeffNIHII;CODE;QTE;DATE\r\n"
         "\"kine a\";560011;1000;01/03/2022\r\n"
         "\"kine a\";560416;1500;01/04/2022\r\n"
         "\"kine b\";560011;10;01/05/2019\r\n"
         "\"kine b\";560011;5;02/01/2023\r\n")

MAPPING = {"provider": "NIHII", "code": "CODE", "quantity": "QTE", "date": "DATE"}


def _read(text, **kw):
    return inami.read_billing_csv(io.BytesIO(text.encode("utf-8")), **kw)


def test_dialects_give_the_same_totals():
    a = _read(PLAIN)
    b = _read(EXCEL, columns=MAPPING)
    c = _read(EXCEL, columns=MAPPING, delimiter=";")
    for t in (b, c):
        assert t.provider_ids == a.provider_ids == ["kine a", "kine b"]
        assert list(t.m) == list(a.m)
    assert a.m[0] == decimal.Decimal("48000")


def test_quoted_provider_holds_the_delimiter():
    t = _read('provider,code,quantity\n"kine, a",560011,1\n"say ""hi""",560416,2\n')
    assert t.provider_ids == ["kine, a", 'say "hi"']
    assert list(t.m) == [decimal.Decimal(24), decimal.Decimal(32)]


def test_year_leaves_out_and_counts_other_years():
    t = _read(PLAIN, year=2022)
    assert t.outside_lines == 2 and t.undated_lines == 0
    assert t.outside == (0, 2)
    assert t.m[0] == decimal.Decimal("48000")
    assert list(t.prestations) == [2500, 0]
    same = _read(PLAIN, date_from=datetime.date(2022, 1, 1), date_to="2022-12-31")
    assert same.outside == t.outside and list(same.m) == list(t.m)
    with pytest.raises(TypeError):
        _read(PLAIN, year=2022, date_from="2022-01-01")


def test_dialect_refusals_say_why():
    with pytest.raises(inami.ParseError, match="provider"):
        _read(EXCEL)                                   # no provider column without the mapping
    with pytest.raises(inami.ParseError, match="quot"):
        _read('provider,code,quantity\n"kine a,560011,1\n')
    with pytest.raises(inami.InvalidArgumentError):
        _read(PLAIN, delimiter=";;")
    with pytest.raises(inami.InvalidArgumentError):
        _read(PLAIN, columns={"nihii": "X"})
