"""The message catalogue from Python: texts in English, French and Dutch, the
language's formats, evaluations with lang=, loading and overriding."""

import datetime

import pytest

import inami


def test_formats():
    assert inami.format_amount(179034, "fr") == "1 790,34 \u20ac"
    assert inami.format_amount(179034, "nl") == "\u20ac 1.790,34"
    assert inami.format_amount(179034) == "EUR 1,790.34"
    assert inami.format_date(datetime.date(2023, 12, 31), "fr") == "31/12/2023"
    assert inami.format_date("2024-01-05", "nl") == "05-01-2024"
    assert inami.format_decimal(123450, "fr") == "1 234,5"
    assert inami.text_width("d\u00e9cision") == 8
    with pytest.raises(inami.InvalidArgumentError):
        inami.format_date("2023-02-30", "fr")
    with pytest.raises(inami.InvalidArgumentError):
        inami.format_amount(1, "de")


def test_status_text():
    try:
        inami.evaluate("physiotherapist", 2031, prestations=10)
    except inami.NoRulesError as e:
        assert inami.status_text(e.status, "nl") == "geen regels voor dat beroep en premiejaar"
        assert inami.status_text(e.status) == "no rules for that profession and premium year"
    else:
        pytest.fail("2031 has no rules")
    assert inami.status_text(-999, "fr") is None


def test_every_message_in_three_languages():
    ids = inami.message_ids()
    assert "check.conventioned.label" in ids and ids == sorted(ids)
    for mid in ids:
        for lang in ("en", "fr", "nl"):
            assert inami.message_template(mid, lang), (mid, lang)
    assert inami.message("eval.heading", "nl", profession="kinesitherapeut", year=2023) == \
        "kinesitherapeut, premiejaar 2023"
    assert inami.message("eval.paid_to", "fr", payee="payee.bank_account") == \
        "vers\u00e9 \u00e0 : le compte bancaire du prestataire"
    with pytest.raises(inami.NotFoundError):
        inami.message("no.such.message")
    with pytest.raises(inami.InvalidArgumentError):
        inami.message("eval.heading", "fr", profession="P")
    with pytest.raises(ValueError):
        inami.message("eval.heading", "fr", profession="two\nlines", year=2023)
    with pytest.raises(TypeError):
        inami.message("eval.heading", "fr", profession="P", year=2023.5)


def _check(evaluation, check_id):
    return next(c for c in evaluation.checks if c.id == check_id)


def test_evaluation_in_french_and_dutch():
    fr = inami.evaluate("physiotherapist", 2022, prestations=2299, lang="fr")
    nl = inami.evaluate("physiotherapist", 2022, prestations=2299, lang="nl")
    assert "statut social" in _check(fr, "conventioned").detail
    assert "prestations : 2 299 \u2265 1 500" in _check(fr, "minimum_activity").detail
    assert "verstrekkingen: 2.299" in _check(nl, "minimum_activity").detail
    assert _check(nl, "conventioned").label == "Geconventioneerd"
    en = inami.evaluate("dentist", 2023, prestations=300, retired=True)
    assert "convention advantage" in _check(en, "retirement").detail
    assert "avantage de convention" not in _check(en, "retirement").detail


def test_load_and_reset(tmp_path):
    path = tmp_path / "local.catalogue"
    path.write_text("inami-messages 1\neval.checks.nl = Alle voorwaarden:\n", encoding="utf-8")
    try:
        inami.load_messages(path)
        assert inami.message_template("eval.checks", "nl") == "Alle voorwaarden:"
        with pytest.raises(inami.ParseError):
            inami.load_messages_text("inami-messages 1\neval.checks.de = x\n", "bad")
        assert inami.message_template("eval.checks", "nl") == "Alle voorwaarden:"
        with pytest.raises(inami.InamiIOError):
            inami.load_messages(tmp_path / "missing.catalogue")
    finally:
        inami.reset_messages()
    assert inami.message_template("eval.checks", "nl") == "Voorwaarden:"


def test_dossier_text_in_a_language():
    d = inami.Dossier.new("physiotherapist", 2023)
    d.apply("contract_received", date="2024-02-01")
    nl = d.to_text("nl")
    assert "# verzekeraar heeft contractgegevens bezorgd; daarna: contractgegevens ontvangen" in nl
    assert "#" not in d.to_text()
    assert inami.Dossier.from_text(nl).to_text() == d.to_text()
