"""Disputed readings and carried thresholds in inami.evaluate(), as in `inami eval --json`."""

import decimal
import json
import subprocess

import pytest

import inami


def _gp(**kw):
    return inami.evaluate("doctor", 2022, specialty="general_practice", reimbursed=20000,
                          convention="partial", **kw)


def test_doctor_partial_both_verdicts():
    e = _gp()
    assert not e.eligible
    assert e.disputed
    default, other = e.readings
    assert (default.dispute, default.id, default.default, default.applied, default.eligible) == \
        ("partial_convention", "full_threshold", True, True, False)
    assert (other.id, other.applied, other.eligible, other.tier, other.amount_cents) == \
        ("reduced_threshold", False, True, "partial", 241936)
    assert str(other.amount) == "2419.36"
    assert other.status == "ok" and other.provenance == "secondary"
    assert any(n.startswith("DISPUTED partial_convention") for n in e.notes)
    assert e.carried_from == 2017


def test_chosen_reading():
    e = _gp(reading="reduced_threshold")
    assert e.eligible and e.tier == "partial" and e.amount_cents == 241936
    assert [g.applied for g in e.readings] == [False, True]


def test_physio_2020_final_rule():
    e = inami.evaluate("physiotherapist", 2020, prestations=1200)
    assert e.eligible and e.disputed
    assert [g.id for g in e.readings] == ["first_announcement_25", "final_rule_11"]
    assert not e.readings[1].eligible
    assert not inami.evaluate("physiotherapist", 2020, prestations=1200, reading="final_rule_11").eligible


def test_no_dispute_no_readings():
    e = inami.evaluate("physiotherapist", 2022, prestations=2299)
    assert e.readings == [] and not e.disputed and e.carried_from is None


def test_bad_reading():
    with pytest.raises(inami.InvalidArgumentError, match="unknown reading 'nope'"):
        _gp(reading="nope")
    with pytest.raises(TypeError):
        _gp(reading=3)


def test_same_as_cli_json(cli):
    e = _gp()
    out = subprocess.run([cli, "eval", "--profession", "doctor", "--year", "2022", "--specialty",
                          "general_practice", "--reimbursed", "20000", "--convention", "partial", "--json"],
                         check=True, capture_output=True, text=True).stdout
    cli = json.loads(out)
    assert cli["readings"] == [g.to_dict() for g in e.readings]
    assert cli["disputed"] is True and cli["carried_from"] == 2017


def test_law_figures_from_the_rules(tmp_path):
    rules = inami.Rules.default()
    levy = rules.law_figure("exit_taxation", "inami_levy", 2024)
    assert levy.value == decimal.Decimal("3.55") and levy.provenance == "secondary"
    assert rules.law_figure("solidarity_minimum", "social_pension").value == 10
    layer = tmp_path / "levy.rules"
    layer.write_text("inami-rules 1\n[law exit_taxation from 2027]\nprovenance = illustrative\n"
                     "source = https://example.invalid\ninami_levy = 4.00\n")
    layered = rules.layer(str(layer))
    assert layered.law_figure("exit_taxation", "inami_levy", 2027).value == 4
    assert layered.law_figure("exit_taxation", "inami_levy", 2026).value == decimal.Decimal("3.55")
    with pytest.raises(inami.NotFoundError):
        rules.law_figure("exit_taxation", "nope")


def test_new_year_skeleton():
    text = inami.Rules.default().new_year("physiotherapist", 2025)
    assert "[amounts physiotherapist 2025 override]" in text and "full = FILL" in text
    with pytest.raises(inami.InvalidArgumentError):
        inami.Rules.default().new_year("doctor", 2022)


def test_timeline_from_layered_calendar(tmp_path):
    layer = tmp_path / "calendar.rules"
    layer.write_text("inami-rules 1\n[law calendar from 2024]\nprovenance = illustrative\n"
                     "source = https://example.invalid/calendar\nall.extra_info_deadline = N+1-09-15\n")
    default = {m.id: m for m in inami.timeline("physiotherapist", 2024)}
    moved = {m.id: m for m in inami.timeline("physiotherapist", 2024, rules=str(layer))}
    assert str(default["extra_info_deadline"].date) == "2025-08-31"
    assert str(moved["extra_info_deadline"].date) == "2025-09-15"
    assert moved["extra_info_deadline"].source == "https://example.invalid/calendar"


LAYERED_CALENDAR = ("inami-rules 1\n[law calendar from 2024]\nprovenance = illustrative\n"
                    "source = https://example.invalid/calendar\nall.extra_info_deadline = N+1-09-15\n"
                    "all.contest_window = +45d\n")


def test_a_dossier_takes_its_deadlines_from_layered_rules():
    rules = inami.Rules.from_string(LAYERED_CALENDAR, name="calendar.rules")
    layered, embedded = inami.Dossier.new("physiotherapist", 2024), inami.Dossier.new("physiotherapist", 2024)
    layered.use_rules(rules)
    del rules                                  # the days were copied
    for d in (layered, embedded):
        for event, day in (("contract_received", "2024-10-10"), ("contract_linked", "2024-10-11"),
                           ("evaluated", "2025-06-01")):
            d.apply(event, date=day)
    assert str(layered.deadline().date) == "2025-09-15"
    assert str(embedded.deadline().date) == "2025-08-31"
    with pytest.raises(inami.StateError):
        embedded.apply("extra_info_submitted", date="2025-09-10")
    layered.apply("extra_info_submitted", date="2025-09-10")
    layered.apply("decision_refused", date="2025-10-01")
    assert str(layered.deadline().date) == "2025-11-15"      # 45 days
    layered.use_rules(None)
    assert str(layered.deadline().date) == "2025-11-30"      # the embedded 60 days


def test_carried_thresholds_from_the_rules():
    rules = inami.Rules.default()
    assert rules.thresholds_carried_from("doctor", 2022) == 2017
    assert rules.thresholds_carried_from("doctor", 2017) is None
    with pytest.raises(inami.NoRulesError):
        rules.thresholds_carried_from("doctor", 2031)
