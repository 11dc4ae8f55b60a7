"""inami.Rules: default, loaded, layered; the query functions."""

import decimal
import os

import pytest

import inami


def test_default_is_shared():
    assert inami.Rules.default() is inami.Rules.default()
    assert inami.Rules.default().layers == ["default"]


def test_years_and_tiers():
    r = inami.Rules.default()
    years = r.years("physiotherapist")
    assert years == sorted(years) and 2022 in years and 2031 not in years
    tiers = r.tiers("physiotherapist", 2022)
    assert [t.id for t in tiers] == ["base", "intermediate", "full"]
    # physiotherapist 2022 amounts 1,790.34 / 2,365.79 / 3,165.07 (SECONDARY)
    # https://www.securex.be/fr/independants/assurances/votre-pension-statut-inami/prime-inami-pour-kinesitherapeutes
    assert [t.amount.cents for t in tiers] == [179034, 236579, 316507]
    assert tiers[0].amount.value == decimal.Decimal("1790.34")   # money: Decimal euros
    assert tiers[0].amount.provenance == "secondary"
    assert tiers[0].amount.source.startswith("https://")
    with pytest.raises(inami.NoRulesError):
        r.tiers("physiotherapist", 2031)


def test_thresholds_and_maximum():
    r = inami.Rules.default()
    # physiotherapist 2022: intermediate 2,300 prestations or 55,200 M;
    # maximum 6,500 prestations / 156,000 M
    # https://curalia.be/nl/kinesitherapeut/pensioenopbouw/riziv-statuut
    assert r.tier_threshold("physiotherapist", 2022, "intermediate", "prestations").value == 2300   # whole prestations
    m = r.tier_threshold("physiotherapist", 2022, 1, "m_value")
    assert m.value == 55200 and isinstance(m.value, decimal.Decimal)   # points, evaluate()'s unit
    assert m.cents is None
    assert r.tier_threshold("physiotherapist", 2022, "base", "hours_per_week") is None
    assert r.maximum("physiotherapist", 2022, "prestations").value == 6500
    assert r.maximum("physiotherapist", 2022, "m_value").value == 156000
    with pytest.raises(inami.NotFoundError):
        r.tier_threshold("physiotherapist", 2022, "platinum", "prestations")


def test_labels_and_specialties():
    r = inami.Rules.default()
    assert r.profession_label("physiotherapist", "fr") != r.profession_label("physiotherapist", "nl")
    assert r.tier_label("base") == "base contribution"
    ids = [i for i, _ in r.specialties()]
    assert "general_practice" in ids
    assert r.year_status("physiotherapist", 2022) == (True, None)
    available, note = r.year_status("physiotherapist", 2031)
    assert available is False and note


def test_layer_from_file(source_dir):
    path = os.path.join(source_dir, "examples", "rules", "add-premium-year-2025.rules")
    layered = inami.Rules.load(path)
    assert layered.layers[0] == "default" and len(layered.layers) == 2
    # the file's 2025 figures are ILLUSTRATIVE (base 2,100.00 / intermediate 2,780.00)
    r = inami.evaluate("physiotherapist", 2025, prestations=2400, rules=path)
    assert r.tier == "intermediate" and r.amount_cents == 278000
    assert r.provenance == "illustrative"
    assert layered.evaluate("physiotherapist", 2025, prestations=2400).to_dict() == r.to_dict()
    assert inami.Rules.default().layer(path).layers == layered.layers
    assert inami.evaluate("physiotherapist", 2025, prestations=2400, rules=[path]).amount_cents == 278000


def test_dump_round_trip():
    text = inami.Rules.default().dump("physiotherapist", 2022)
    assert "[amounts physiotherapist 2022]" in text
    alone = inami.Rules.from_string(text, base=None, name="dump.rules")
    assert alone.layers == ["dump.rules"]
    a = alone.evaluate("physiotherapist", 2022, prestations=2299)
    assert a.to_dict() == inami.evaluate("physiotherapist", 2022, prestations=2299).to_dict()


def test_threshold_goes_into_evaluate_as_it_is():
    # physiotherapist 2022: intermediate from 55,200 M
    # https://curalia.be/nl/kinesitherapeut/pensioenopbouw/riziv-statuut
    r = inami.Rules.default()
    m = r.tier_threshold("physiotherapist", 2022, "intermediate", "m_value").value
    assert inami.evaluate("physiotherapist", 2022, m_values=m).tier == "intermediate"
    below = m - decimal.Decimal("0.01")
    assert inami.evaluate("physiotherapist", 2022, m_values=below).tier == "base"
