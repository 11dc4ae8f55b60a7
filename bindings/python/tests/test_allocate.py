"""inami.allocate() and inami.project(): exact percentages, and to_dict() equal to `inami allocate --json`."""

import decimal

import pytest

import inami
from cliutil import cli_json


def test_allocate_equals_cli(cli):
    a = inami.allocate("1790.34", solidarity_share="10", entry_fee="0.5")
    assert a.to_dict() == cli_json(cli, "allocate", "--premium", "1790.34",
                                   "--solidarity-share", "10", "--entry-fee", "0.5")
    assert a.fees_cents + a.solidarity_cents + a.pension_cents == a.premium_cents == 179034
    assert (a.entry_fee_bp, a.solidarity_bp) == (50, 1000)
    assert a.pension == decimal.Decimal(a.pension_cents) / 100
    assert "pension=" in repr(a)


def test_percentages_are_exact():
    same = [inami.allocate(179034 / 100, solidarity_share=s, entry_fee=f).to_dict()
            for s, f in (("10", "0.5"), (10, decimal.Decimal("0.50")), ("10%", "0.5"))]
    assert same[0] == same[1] == same[2]
    with pytest.raises(inami.InvalidArgumentError):
        inami.allocate("1790.34", solidarity_share="10.001")
    with pytest.raises(inami.InvalidArgumentError):
        inami.allocate("1790.34", solidarity_share=0.1 + 0.2)
    with pytest.raises(inami.NegativeValueError):
        inami.allocate("1790.34", solidarity_share="-1")
    with pytest.raises(TypeError):
        inami.allocate("1790.34", solidarity_share=[10])


def test_minimum_solidarity_share_is_enforced():
    # the social pension contract's minimum comes from the data (docs/sources/allocation.md)
    with pytest.raises(inami.RangeError):
        inami.allocate("1790.34", solidarity_share="1")
    ok = inami.allocate("1790.34", solidarity_share="1", contract_type="death_cover")
    assert ok.solidarity_bp == 100
    with pytest.raises(inami.InvalidArgumentError):
        inami.allocate("1790.34", solidarity_share="10", contract_type="pension")


def test_solidarity_on_premium_equals_cli(cli):
    a = inami.allocate("1790.34", solidarity_share="10", entry_fee="2",
                       solidarity_base="premium")
    assert a.to_dict() == cli_json(cli, "allocate", "--premium", "1790.34", "--solidarity-share",
                                   "10", "--entry-fee", "2", "--solidarity-on-premium")


@pytest.mark.parametrize("extra", [[], ["--age", "65", "--full-career"],
                                   ["--age", "63", "--solidarity-levy", "1", "--profit-sharing",
                                    "0.25", "--management-fee", "0.1"]])
def test_projection_equals_cli(cli, extra):
    args = ["allocate", "--premium", "1790.34", "--solidarity-share", "10", "--guaranteed-rate",
            "2.5", "--years", "10", "--first-year", "2024"] + extra
    opts = dict(zip(extra[::2], extra[1::2])) if "--full-career" not in extra else {"--age": "65"}
    p = inami.project("1790.34", years=10, guaranteed_rate="2.5", solidarity_share="10",
                      first_year=2024, age=int(opts["--age"]) if "--age" in opts else None,
                      full_career="--full-career" in extra,
                      solidarity_levy=opts.get("--solidarity-levy"),
                      profit_sharing=opts.get("--profit-sharing"),
                      management_fee=opts.get("--management-fee", 0))
    a = inami.allocate("1790.34", solidarity_share="10")
    doc = cli_json(cli, *args)
    assert {**a.to_dict(), "projection": p.to_dict()} == doc
    assert p.capital == decimal.Decimal(doc["projection"]["capital_cents"]) / 100
    assert (p.notional_annuity is None) == ("--age" not in extra)


def test_projection_errors():
    with pytest.raises(inami.RangeError):
        inami.project("1790.34", years=0, guaranteed_rate="2.5", solidarity_share="10")
    with pytest.raises(TypeError):
        inami.project("1790.34", years="10", guaranteed_rate="2.5", solidarity_share="10")
