"""Bulk results as rows (namedtuples) and, when pandas is installed, as a DataFrame."""

import dataclasses
import decimal
import sys

import pytest

import inami


@pytest.fixture
def totals():
    # 560011 = M 24, 560416 = M 16 (docs/sources/physiotherapists.md); provider 1 unknown code 1
    return inami.totals([560011, 560416, 1, 560011], [100, 50, 2, 1], [0, 0, 1, 1])


def test_totals_rows(totals):
    rows = list(totals)
    assert rows[0] == inami.TotalsRow(0, 150, decimal.Decimal("3200"), 0, 0, ("undated",), 0)
    assert rows[1].flags == ("undated", "incomplete") and rows[1].m == 24
    with pytest.raises(dataclasses.FrozenInstanceError):
        totals.prestations = None
    assert "2 providers" in repr(totals)


def test_batch_rows(totals):
    b = totals.evaluate("physiotherapist", 2022)
    row = next(iter(b))
    assert isinstance(row, inami.BatchRow) and row.tier is None and row.eligible is False
    assert row.amount == decimal.Decimal("0.00") and row.missing_prestations == 1350
    assert row.missing_key_value == decimal.Decimal("32800")   # 36,000 - 3,200 M


def test_to_pandas(totals):
    pd = pytest.importorskip("pandas")
    df = totals.to_pandas()
    assert list(df.columns) == list(inami.TotalsRow._fields) and len(df) == 2
    assert df["m"][0] == decimal.Decimal("3200")
    assert list(totals.evaluate("physiotherapist", 2022).to_pandas()["tier"]) == [None, None]


def test_to_pandas_without_pandas(totals, monkeypatch):
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ImportError, match="pandas"):
        totals.to_pandas()
