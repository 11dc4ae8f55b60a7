"""inami.Products: the file's products, one product's split and projection, and the
comparison of all of them, each equal to `inami allocate --products FILE --json`."""

import os

import pytest

import inami
from cliutil import cli_json


@pytest.fixture(scope="module")
def path(source_dir):
    return os.path.join(source_dir, "examples", "products", "examples.products")


@pytest.fixture(scope="module")
def products(path):
    return inami.Products.load(path)


def test_products_listed(products):
    assert products.ids == ["ag-inami-mysavings", "securex-physio-2024"]
    ag = products["ag-inami-mysavings"]
    # examples.products: solidarity 10 %, entry fee 0.5 %, undated 0.75 % rate, no management fee
    assert (ag.solidarity_bp, ag.entry_fee_bp, ag.management_fee_bp) == (1000, 50, None)
    assert ag.rates == ((None, 75),) and ag.example is True
    assert "maternity" in ag.benefits and ag.contract_type == "social_pension"
    assert products["securex-physio-2024"].rates == ((2024, 250),)
    assert [p.id for p in products] == products.ids and len(products) == 2
    with pytest.raises(KeyError):
        products["nope"]


def test_product_allocate_equals_cli(cli, products, path):
    a = products.allocate("ag-inami-mysavings", "1790.34")
    assert a.to_dict() == cli_json(cli, "allocate", "--premium", "1790.34", "--products", path,
                                   "--product", "ag-inami-mysavings")
    with pytest.raises(inami.NoRulesError):      # the Securex file gives no solidarity share
        products.allocate("securex-physio-2024", "1790.34")
    with pytest.raises(inami.NotFoundError):
        products.allocate("nope", "1790.34")


def test_product_projection_equals_cli(cli, products, path):
    a = products.allocate("securex-physio-2024", "1790.34", solidarity_share="10", entry_fee="0")
    p = products.project("securex-physio-2024", "1790.34", years=1, first_year=2024,
                         solidarity_share="10", entry_fee="0", management_fee="0")
    doc = cli_json(cli, "allocate", "--premium", "1790.34", "--products", path, "--product",
                   "securex-physio-2024", "--solidarity-share", "10", "--entry-fee", "0",
                   "--management-fee", "0", "--years", "1", "--first-year", "2024")
    assert {**a.to_dict(), "projection": p.to_dict()} == doc


def test_compare_equals_cli(cli, products, path):
    c = products.compare("1790.34")
    assert c.to_dict() == cli_json(cli, "allocate", "--premium", "1790.34", "--products", path)
    # the second example product gives neither its solidarity share nor its entry fee:
    # shown as missing in its row, no split, no error
    assert [o.error for o in c] == [None, None]
    assert c.products[0].allocation.pension_cents == 160325 and c.products[0].missing == ()
    assert c.products[1].allocation is None
    assert [m.term for m in c.products[1].missing] == ["solidarity_share", "entry_fee"]
    # a term given here fills only what a product lacks: both rows are split
    c = products.compare("1790.34", solidarity_share="10", entry_fee="0")
    assert c.to_dict() == cli_json(cli, "allocate", "--premium", "1790.34", "--products", path,
                                   "--solidarity-share", "10", "--entry-fee", "0")
    assert c.products[0].allocation.entry_fee_bp == 50   # the product's own 0.5 %, not 0
    assert c.products[1].allocation.entry_fee_bp == 0
    c = products.compare("1790.34", years=5, first_year=2024, assume_rates=True,
                         solidarity_share="10", entry_fee="0", management_fee="0")
    assert c.to_dict() == cli_json(cli, "allocate", "--premium", "1790.34", "--products", path,
                                   "--years", "5", "--first-year", "2024", "--assume-rates",
                                   "--solidarity-share", "10", "--entry-fee", "0",
                                   "--management-fee", "0")


def test_products_errors(tmp_path):
    with pytest.raises(inami.InamiIOError):
        inami.Products.load(tmp_path / "none.products")
    with pytest.raises(inami.ParseError, match="bad.products"):
        inami.Products.from_string("format = 1\n[product x]\nnonsense\n", name="bad.products")
