"""inami.Dossier and inami.timeline(): the procedure as the CLI runs it; to_dict() equal to
`inami dossier show|apply|timeline --json`."""

import datetime
import decimal
import subprocess

import pytest

import inami
from cliutil import cli_json

# (event, date, amount) of a physiotherapist's premium year 2023 from contract to payment.
EVENTS = [("contract_received", "2024-03-01", None), ("contract_linked", "2024-03-02", None),
          ("evaluated", "2024-06-01", None), ("decision_partial", "2024-09-15", "1790.34"),
          ("contested", "2024-10-01", None)]


def test_walk_equals_cli(cli, tmp_path):
    f = str(tmp_path / "d.txt")
    subprocess.run([cli, "dossier", "new", "--profession", "physiotherapist", "--year", "2023",
                    "--file", f], check=True, capture_output=True)
    d = inami.Dossier.new("physiotherapist", 2023)
    assert d.state == "contract_pending" and d.allowed_events() == cli_json(
        cli, "dossier", "show", "--file", f)["allowed_events"]
    for event, date, amount in EVENTS:
        args = ["dossier", "apply", "--file", f, event, "--date", date, "--lang", "fr"]
        if amount:
            args += ["--amount", amount]
        n = d.apply(event, date=date, amount=amount, lang="fr")
        assert n.to_dict() == cli_json(cli, *args), event
        assert d.to_dict("nl") == cli_json(cli, "dossier", "show", "--file", f, "--lang", "nl")
    assert d.to_text("fr") == open(f, encoding="utf-8").read()   # applied with --lang fr: French comments
    assert inami.Dossier.load(f).to_dict() == d.to_dict()
    assert d.amount == decimal.Decimal("1790.34") and d.state == "contested"


def test_notification_and_deadline():
    d = inami.Dossier.new("physiotherapist", 2023)
    d.apply("contract_received", date=datetime.date(2024, 3, 1))
    d.apply("contract_linked")
    n = d.apply("evaluated", date="2024-06-01")
    assert (n.notice, n.state, n.provenance) == ("evaluation_available", "evaluated", "secondary")
    dl = d.deadline()
    # extra information until 31 August of N+1 (the [law calendar] sections of libinami/data/law.rules, CLI output)
    assert (dl.milestone, dl.date) == ("extra_info_deadline", datetime.date(2024, 8, 31))
    assert n.deadline == dl.date
    assert [h.event for h in d.history()] == ["contract_received", "contract_linked", "evaluated"]
    assert d.history()[1].date is None and d.history()[0].state_after == "contract_received"


def test_refused_events_leave_the_dossier_unchanged():
    d = inami.Dossier.new("nurse", 2024)
    with pytest.raises(inami.StateError):
        d.apply("paid")
    with pytest.raises(inami.InvalidArgumentError):
        d.apply("no_such_event")
    with pytest.raises(inami.InvalidArgumentError):
        d.apply("contract_received", note="two\nlines")
    assert d.state == "contract_pending" and d.history() == []
    assert d.allows("contract_received") and not d.allows("paid")


def test_round_trip_and_errors(tmp_path):
    d = inami.Dossier.new("doctor", 2022, retired=True, bank_account=True)
    d.apply("evaluated", date="2023-06-01", note="ref 12")
    p = tmp_path / "x.txt"
    d.save(p)
    again = inami.Dossier.load(p)
    assert again.to_dict() == d.to_dict() and again.retired and again.history()[0].note == "ref 12"
    with pytest.raises(inami.ParseError, match="bad.txt"):
        inami.Dossier.from_text("inami-dossier 1\nnonsense\n", name="bad.txt")
    with pytest.raises(inami.NoRulesError):
        inami.Dossier.new("physiotherapist", 2010)


def test_timeline_equals_cli(cli):
    for lang in ("en", "fr", "nl"):
        t = inami.timeline("physiotherapist", 2023, lang=lang)
        assert t.to_dict() == cli_json(cli, "dossier", "timeline", "--profession",
                                       "physiotherapist", "--year", "2023", "--lang", lang)
    t = inami.timeline("midwife", 2024)
    assert t.find("contract_concluded").date == datetime.date(2024, 12, 31)
    assert all(m.date is None for m in t if m.provenance == "not_found")
    with pytest.raises(inami.NoRulesError):
        inami.timeline("midwife", 2019)
