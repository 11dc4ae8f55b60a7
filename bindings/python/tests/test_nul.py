"""A str holding a NUL character would be cut short as a C string: every entry point refuses it."""

import os

import pytest

import inami

NUL_CALLS = {
    "Rules.from_string": lambda: inami.Rules.from_string("[x]\0y"),
    "Rules.from_string name": lambda: inami.Rules.from_string("", name="a\0b"),
    "Rules.load": lambda: inami.Rules.load("examples\0.rules"),
    "evaluate profession": lambda: inami.evaluate("physiotherapist\0x", 2022, prestations=1),
    "evaluate specialty": lambda: inami.evaluate("doctor", 2022, reimbursed=25000,
                                                 specialty="general_practice\0x"),
    "evaluate lang": lambda: inami.evaluate("physiotherapist", 2022, prestations=1, lang="en\0"),
    "evaluate date": lambda: inami.evaluate("physiotherapist", 2022, prestations=1,
                                            first_number="2022-10-01\0"),
    "evaluate reimbursed": lambda: inami.evaluate("doctor", 2022, reimbursed="25000\0.5",
                                                  specialty="general_practice"),
    "evaluate m_values": lambda: inami.evaluate("physiotherapist", 2022, m_values="48000\0"),
    "tier_threshold measure": lambda: inami.Rules.default().tier_threshold(
        "physiotherapist", 2022, "base", "m_value\0"),
    "tier_label": lambda: inami.Rules.default().tier_label("base\0x"),
    "Nomenclature.load": lambda: inami.Nomenclature.load("codes\0.csv"),
    "read_billing_csv": lambda: inami.read_billing_csv("billing\0.csv"),
    "allocate premium": lambda: inami.allocate("1790.34\0", solidarity_share="10"),
    "allocate share": lambda: inami.allocate("1790.34", solidarity_share="10\0"),
    "Products.load": lambda: inami.Products.load("p\0.products"),
    "Products.from_string": lambda: inami.Products.from_string("format = 1\0"),
    "Dossier.new": lambda: inami.Dossier.new("nurse\0", 2024),
    "Dossier.apply note": lambda: inami.Dossier.new("nurse", 2024).apply(
        "contract_received", note="ref\0hidden"),
    "Dossier.apply event": lambda: inami.Dossier.new("nurse", 2024).apply("contract_received\0"),
    "Dossier.from_text": lambda: inami.Dossier.from_text("inami-dossier 1\0"),
    "Dossier.load": lambda: inami.Dossier.load("d\0.txt"),
    "Dossier.save": lambda: inami.Dossier.new("nurse", 2024).save("d\0.txt"),
    "timeline lang": lambda: inami.timeline("nurse", 2024, lang="fr\0"),
}


@pytest.mark.parametrize("name", sorted(NUL_CALLS))
def test_nul_is_refused(name):
    with pytest.raises(inami.InvalidArgumentError, match="NUL"):
        NUL_CALLS[name]()


def test_raw_module_refuses_too():
    with pytest.raises(inami.InvalidArgumentError, match="NUL"):
        inami.inami_native.inami_swig_profession_from_id("doctor\0")
    inp = inami.inami_native.inami_eval_input()
    with pytest.raises(inami.InvalidArgumentError, match="NUL"):
        inp.specialty = "general_practice\0x"


def test_nothing_written_on_refusal(tmp_path):
    with pytest.raises(inami.InvalidArgumentError):
        inami.Dossier.new("nurse", 2024).save(str(tmp_path / "d") + "\0.txt")
    assert os.listdir(tmp_path) == []
