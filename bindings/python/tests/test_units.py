"""One unit per quantity: key-letter totals are Decimal points wherever Python hands them out,
so they go into inami.evaluate() as they are; the library's hundredths only under *_hundredths."""

import array
import decimal

import pytest

import inami

# INAMI's example (docs/sources/physiotherapists.md): 560011 is M 24 and 560416 is M 16
# https://www.inami.fgov.be/fr/professionnels/sante/kinesitherapeutes/Pages/beneficier-statut-social-kinesitherapeute.aspx
# so 1,000 x 560011 and 1,500 x 560416 are 48,000 M. Physiotherapist 2022: base from
# 1,500 prestations or 36,000 M, intermediate from 2,300 or 55,200 M
# https://curalia.be/nl/kinesitherapeut/pensioenopbouw/riziv-statuut
CSV = "provider,code,quantity,date\nkine-a,560011,1000,2022-03-01\nkine-a,560416,1500,2022-04-01\n"


@pytest.fixture
def totals(tmp_path):
    path = tmp_path / "billing.csv"
    path.write_text(CSV)
    return inami.read_billing_csv(path)


def test_csv_total_goes_into_evaluate_as_it_is(totals):
    m = totals.m[0]
    assert m == decimal.Decimal("48000") and isinstance(m, decimal.Decimal)
    assert totals.m_hundredths[0] == 4800000          # the library's int64, explicitly named
    r = inami.evaluate("physiotherapist", 2022, m_values=m)
    assert r.tier == "base"
    assert next(iter(totals)).m == m                    # rows hand out the same points


def test_totals_evaluate_gives_the_same_tier(totals):
    b = totals.evaluate("physiotherapist", 2022, key_values_only=True)
    assert b.tier(0) == inami.evaluate("physiotherapist", 2022, m_values=totals.m[0]).tier == "base"
    # with the 2,500 prestations too, both say intermediate (2,300 prestations)
    both = totals.evaluate("physiotherapist", 2022)
    one = inami.evaluate("physiotherapist", 2022, m_values=totals.m[0],
                         prestations=totals.prestations[0])
    assert both.tier(0) == one.tier == "intermediate"
    assert both.row(0).amount_cents == one.amount_cents
    assert both.missing_key_value[0] == one.next_tier.missing[1].missing   # Decimal points


def test_missing_key_value_in_points(totals):
    b = totals.evaluate("physiotherapist", 2022, key_values_only=True)
    r = inami.evaluate("physiotherapist", 2022, m_values=totals.m[0])
    missing = {m.measure: m.missing for m in r.next_tier.missing}
    assert b.missing_key_value[0] == missing["m_value"] == decimal.Decimal("7200")
    assert b.missing_key_value_hundredths[0] == 720000


def test_wrong_unit_is_refused(totals):
    with pytest.raises(TypeError, match="key_values_hundredths"):
        inami.evaluate_batch("physiotherapist", 2022, key_values=totals.m_hundredths)
    with pytest.raises(TypeError):
        inami.evaluate_batch("physiotherapist", 2022, key_values=array.array("q", [4800000]))
    with pytest.raises(inami.InvalidArgumentError, match="r_value"):
        inami.evaluate_batch("physiotherapist", 2022, key_values=totals.r)   # R is not M
    with pytest.raises(inami.InvalidArgumentError):
        inami.evaluate_batch("physiotherapist", 2022, key_values=totals.m,
                             key_values_hundredths=totals.m_hundredths)
    ok = inami.evaluate_batch("physiotherapist", 2022,
                              key_values_hundredths=totals.m_hundredths)
    assert ok.tier(0) == "base"


def test_summary_and_nomenclature_in_points():
    s = inami.total([560011] * 1000 + [560416] * 1500, [1] * 2500)
    assert s.m == decimal.Decimal("48000")
    assert inami.evaluate("physiotherapist", 2022, m_values=s.m).tier == "base"
    assert inami.Nomenclature.default().lookup(560416, "2022-04-01").value == decimal.Decimal("16")


def test_figure_value_is_evaluates_unit():
    r = inami.Rules.default()
    base = r.tier_threshold("physiotherapist", 2022, "base", "m_value")
    assert base.value == decimal.Decimal("36000")
    assert inami.evaluate("physiotherapist", 2022, m_values=base.value).tier == "base"
    pharmacist = r.tier_threshold("pharmacist", 2022, "full", "hours_per_week")
    # pharmacist 2022 full from 38 hours a week
    # https://news.amonis.be/nl/sociale-voordelen-riziv-2022-het-is-zover/
    assert pharmacist.value == decimal.Decimal("38")
    assert inami.evaluate("pharmacist", 2022, hours_per_week=pharmacist.value).tier == "full"
