"""Reference figures and lookups: each value from the sourced data files
(the [law] sections of libinami/data/law.rules) or the example products."""

import os

import pytest

import inami


def test_solidarity_minimum():
    # AR 15 December 2003: 10 % for a social pension contract ([law solidarity_minimum])
    m = inami.solidarity_minimum("social_pension")
    assert m.bp == 1000 and m.provenance == "official"
    assert "etaamb" in m.source
    assert inami.solidarity_minimum("income_replacement").bp is None
    with pytest.raises(inami.InvalidArgumentError):
        inami.solidarity_minimum("annuity")


def test_exit_taxation():
    # [law exit_taxation]: INAMI levy 3.55 %; notional annuity 1 % up to age 40, for 13 years
    levy = inami.exit_figure("inami_levy")
    assert levy.bp == 355 and levy.provenance == "secondary"
    assert inami.exit_figure("annuity_base_full_career").bp == 8000
    with pytest.raises(inami.NotFoundError):
        inami.exit_figure("wealth_tax")
    r = inami.annuity_rate(40)
    assert (r.bp, r.years) == (100, 13)
    assert inami.annuity_rate(41).bp == 150
    with pytest.raises(TypeError):
        inami.annuity_rate("40")


def test_labels_and_version():
    assert inami.check_label("conventioned", "en")
    assert inami.check_label("no_such_check") is None
    assert inami.contract_type_label("social_pension", "fr") != inami.contract_type_label("social_pension", "nl")
    assert inami.event_label("contract_received", "nl")
    with pytest.raises(inami.InvalidArgumentError):
        inami.event_label("teleported")
    assert inami.notice_provenance("decision") == "secondary"
    v = inami.version_number()
    assert v == int(inami.__version__.split(".")[0]) * 10000 + int(inami.__version__.split(".")[1]) * 100 \
        + int(inami.__version__.split(".")[2])


def test_product_lookups(source_dir):
    p = inami.Products.load(os.path.join(source_dir, "examples/products/examples.products"))
    assert p.index("securex-physio-2024") == 1
    with pytest.raises(inami.NotFoundError) as e:
        p.index("nope")
    assert "securex-physio-2024" in str(e.value)
    with pytest.raises(KeyError):
        p["nope"]
    # 2.50 % dated 2024 (the Securex page); 2025 has no dated rate: refused unless assumed
    assert p.rate("securex-physio-2024", 2024) == (250, False)
    with pytest.raises(inami.NoRulesError):
        p.rate("securex-physio-2024", 2025)
    assert p.rate("securex-physio-2024", 2025, assume=True) == (250, True)
    # the undated 0.75 % stands for any year only when assumed
    assert p.rate("ag-inami-mysavings", 2030, assume=True) == (75, True)


def test_nomenclature_from_string():
    text = ("code,key_letter,value,valid_from,valid_to,provenance,source_url\n"
            "999001,M,12.5,2020-01-01,,illustrative,https://example.invalid\n")
    n = inami.Nomenclature.from_string(text, "mine.csv")
    assert any(c.code == 999001 for c in n)
    with pytest.raises(inami.ParseError) as e:
        inami.Nomenclature.from_string("code,value\n1,2\n", "bad.csv")
    assert "bad.csv" in str(e.value)


def test_find_profession_and_measures():
    r = inami.Rules.default()
    # names from the rules data (labels and aliases), as the command line's --profession
    for name in ("Physiotherapist", "kiné", "kinésithérapeute", "kinesitherapeut"):
        assert r.find_profession(name) == "physiotherapist"
    assert r.find_profession("vroedvrouw") == "midwife"
    with pytest.raises(inami.UnknownProfessionError):
        r.find_profession("plumber")
    assert r.measures("physiotherapist") == ("prestations", "m_value")
    assert r.measures("doctor") == ("reimbursed_eur",)
