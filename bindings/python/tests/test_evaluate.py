"""inami.evaluate(): golden cases, the Pythonic result, agreement with `inami eval --json`."""

import datetime
import decimal
import json
import subprocess

import pytest

import inami

# Golden cases from the sourced figures, docs/sources/ (profession, premium year,
# inputs, expected tier, amount in cents), each with the source URL of its row.
GOLDEN = [
    # physiotherapist 2022: base 1,790.34 from 1,500 prestations, intermediate
    # 2,365.79 from 2,300, full 3,165.07 from 3,000; maximum 6,500.
    # https://www.securex.be/fr/independants/assurances/votre-pension-statut-inami/prime-inami-pour-kinesitherapeutes
    # https://news.belgium.be/nl/regeling-van-voordelen-aan-zorgverleners
    ("physiotherapist", 2022, dict(prestations=2299), "base", 179034),
    ("physiotherapist", 2022, dict(prestations=2300), "intermediate", 236579),
    ("physiotherapist", 2022, dict(prestations=3000), "full", 316507),
    ("physiotherapist", 2022, dict(m_values=55200), "intermediate", 236579),
    # physiotherapist 2023: base 1,936.07 / full 3,422.71
    # https://news.amonis.be/nl/riziv-premie-2023-het-is-zover/
    ("physiotherapist", 2023, dict(prestations=1500), "base", 193607),
    ("physiotherapist", 2023, dict(m_values=72000), "full", 342271),
    # pharmacist 2022: >= 38 h/week 3,123.92; 19-28 h/week 1,561.97
    # https://news.amonis.be/nl/sociale-voordelen-riziv-2022-het-is-zover/
    ("pharmacist", 2022, dict(hours_per_week=40), "full", 312392),
    ("pharmacist", 2022, dict(hours_per_week=20), "half", 156197),
    # speech therapist 2022: base 1,317.06 from 900 prestations, full 2,716.42 from 2,000
    # https://news.amonis.be/nl/sociale-voordelen-riziv-2022-het-is-zover/
    ("speech_therapist", 2022, dict(prestations=900), "base", 131706),
    ("speech_therapist", 2022, dict(r_values=35000), "full", 271642),
    # midwife 2023: 593.44 from 150 prestations or 2,250 V
    # https://news.belgium.be/nl/regeling-van-voordelen-aan-zorgverleners
    ("midwife", 2023, dict(prestations=150), "single", 59344),
    ("midwife", 2023, dict(v_values=2250), "single", 59344),
    # dentist 2023: 3,523.05 from 300 prestations
    # https://news.amonis.be/nl/riziv-premie-2023-het-is-zover/
    ("dentist", 2023, dict(prestations=300), "single", 352305),
]


@pytest.mark.parametrize("profession,year,kwargs,tier,cents", GOLDEN)
def test_golden(profession, year, kwargs, tier, cents):
    r = inami.evaluate(profession, year, **kwargs)
    assert r.eligible is True
    assert r.tier == tier
    assert r.amount_cents == cents
    assert r.amount == decimal.Decimal(cents) / 100
    assert isinstance(r.amount, decimal.Decimal)
    assert r.payee == "insurance_contract"


def test_not_eligible_below_threshold():
    # physiotherapist 2022 base: minimum 1,500 prestations
    # https://www.securex.be/fr/independants/assurances/votre-pension-statut-inami/prime-inami-pour-kinesitherapeutes
    r = inami.evaluate("physiotherapist", 2022, prestations=1499)
    assert r.eligible is False
    assert r.amount_cents == 0 and r.amount == decimal.Decimal("0.00")
    assert r.tier is None
    assert r.next_tier.tier == "base" and r.next_tier.amount_cents == 179034
    assert any(c.id == "minimum_activity" and c.state == "failed" for c in r.checks)


def test_next_tier_and_missing():
    r = inami.evaluate("physiotherapist", 2022, prestations=2299)
    assert r.next_tier.tier == "intermediate"
    assert r.next_tier.amount_cents == 236579
    assert r.next_tier.amount == decimal.Decimal("2365.79")
    missing = {m.measure: m for m in r.next_tier.missing}
    assert missing["prestations"].threshold == 2300 and missing["prestations"].missing == 1
    top = inami.evaluate("physiotherapist", 2022, prestations=3000)
    assert top.next_tier is None


def test_checks_are_explained():
    r = inami.evaluate("physiotherapist", 2022, prestations=2299)
    ids = [c.id for c in r.checks]
    assert "conventioned" in ids and "minimum_activity" in ids
    act = next(c for c in r.checks if c.id == "minimum_activity")
    assert act.held and act.measure == "prestations"
    assert act.observed == 2299 and act.threshold == 1500
    assert act.source.startswith("http")


def test_retired_physiotherapist_is_not_guessed():
    # the avantage de convention of retired physiotherapists is NOT FOUND in
    # the sources (docs/sources/common.md): an error, never a guess
    with pytest.raises(inami.NoRulesError, match="NOT FOUND"):
        inami.evaluate("physiotherapist", 2022, prestations=2299, retired=True)


def test_dates_accept_date_and_text():
    # the pro-rata rule by complete months is DERIVED for physiotherapists
    a = inami.evaluate("physiotherapist", 2022, prestations=2299, first_number="2022-07-01",
                       allow_derived=True)
    b = inami.evaluate("physiotherapist", 2022, prestations=2299,
                       first_number=datetime.date(2022, 7, 1), allow_derived=True)
    assert a.to_dict() == b.to_dict()
    assert a.months < 12 and a.amount_cents < a.full_year_cents


def test_reimbursed_is_exact():
    # the same amount as Decimal, str, int and a two-decimal float
    forms = [decimal.Decimal("40000.10"), "40000.10", 40000.1]
    dicts = [inami.evaluate("nurse", 2022, reimbursed=f, employment="main").to_dict() for f in forms]
    assert all(d == dicts[0] for d in dicts)
    assert inami.evaluate("nurse", 2022, reimbursed=40000, employment="main").eligible


def test_reimbursed_float_with_more_decimals_is_refused():
    with pytest.raises(inami.InvalidArgumentError, match="two decimals"):
        inami.evaluate("nurse", 2022, reimbursed=0.1 + 0.2)
    with pytest.raises(inami.InvalidArgumentError):
        inami.evaluate("nurse", 2022, reimbursed=decimal.Decimal("1.234"))


def test_languages():
    fr = inami.evaluate("physiotherapist", 2022, prestations=2299, lang="fr")
    nl = inami.evaluate("physiotherapist", 2022, prestations=2299, lang="nl")
    en = inami.evaluate("physiotherapist", 2022, prestations=2299)
    assert fr.tier == nl.tier == en.tier == "base"
    assert len({fr.checks[0].label, nl.checks[0].label, en.checks[0].label}) == 3


def test_allow_derived():
    # physiotherapist 2017: DERIVED amounts only (2016 x 1.0251)
    with pytest.raises(inami.DerivedFigureError):
        inami.evaluate("physiotherapist", 2017, prestations=2000)
    r = inami.evaluate("physiotherapist", 2017, prestations=2000, allow_derived=True)
    assert r.eligible and r.weakest_provenance == "derived"


CLI_CASES = [
    ["--profession", "physiotherapist", "--year", "2022", "--prestations", "2299"],
    ["--profession", "physiotherapist", "--year", "2022", "--m-values", "40000", "--lang", "nl"],
    ["--profession", "physiotherapist", "--year", "2022", "--prestations", "1000", "--sanctioned"],
    ["--profession", "nurse", "--year", "2022", "--reimbursed", "40000.10", "--employment", "main"],
    ["--profession", "pharmacist", "--year", "2023", "--hours-per-week", "30",
     "--first-number", "2023-04-15"],
    ["--profession", "doctor", "--year", "2022", "--trainee"],
    ["--profession", "physiotherapist", "--year", "2017", "--prestations", "2500",
     "--allow-derived", "--contracts", "1", "--lang", "fr"],
]


def _kwargs(argv):
    kw, i = {}, 0
    flags = {"--trainee", "--retired", "--sanctioned", "--allow-derived"}
    while i < len(argv):
        name = argv[i][2:].replace("-", "_")
        if argv[i] in flags:
            kw[name] = True
            i += 1
            continue
        value = argv[i + 1]
        if name in ("year", "prestations", "contracts"):
            value = int(value)
        elif name in ("m_values", "r_values", "v_values", "hours_per_week"):
            value = float(value)
        kw[name] = value
        i += 2
    return kw


@pytest.mark.parametrize("argv", CLI_CASES)
def test_to_dict_equals_cli_json(cli, argv):
    out = subprocess.run([cli, "eval", "--json"] + argv, check=True, capture_output=True,
                         text=True).stdout
    kw = _kwargs(argv)
    r = inami.evaluate(kw.pop("profession"), kw.pop("year"), **kw)
    # figures compare exactly: the library gives Decimal, the CLI prints exact decimals
    assert r.to_dict() == json.loads(out, parse_float=decimal.Decimal)


def test_help_documents_every_argument():
    import inspect
    doc = inami.evaluate.__doc__
    for name in inspect.signature(inami.evaluate).parameters:
        assert name in doc, name
    assert "NoRulesError" in doc and "DerivedFigureError" in doc


def test_rules_argument_forms(tmp_path):
    rules = inami.Rules.default()
    a = inami.evaluate("physiotherapist", 2022, prestations=2299, rules=rules)
    b = rules.evaluate("physiotherapist", 2022, prestations=2299)
    assert a.to_dict() == b.to_dict()
