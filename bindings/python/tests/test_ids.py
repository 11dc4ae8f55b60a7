"""Nothing copied by hand: status codes and enum ids come from the library."""

import pytest

import inami
from inami import _ids, _errors
from inami import inami_native as n


def test_every_status_has_its_exception():
    codes = {getattr(n, name) for name in dir(n)
             if name.startswith("INAMI_E") and name[7:].isupper() and name[7:].isalpha()
             and isinstance(getattr(n, name), int) and getattr(n, name) < 0}
    assert codes and len(codes) == len(_errors._BY_STATUS)
    for code in codes:
        e = _errors.error_for(code, "x")
        assert type(e) is not inami.InamiError and e.status == code
        assert e.status == getattr(n, "INAMI_" + [k for k in dir(n) if getattr(n, k, None) == code
                                                  and k.startswith("INAMI_E")][0][6:])


def test_tables_follow_the_library():
    assert inami.PROFESSIONS == tuple(n.inami_profession_id(i)
                                      for i in range(1, n.INAMI_PROFESSION_COUNT + 1))
    assert _ids.PROVENANCE[n.INAMI_PROV_ILLUSTRATIVE] == n.inami_provenance_id(
        n.INAMI_PROV_ILLUSTRATIVE)
    assert _ids.CONVENTIONS == {n.INAMI_CONVENTION_FULL: "full",
                                n.INAMI_CONVENTION_PARTIAL: "partial",
                                n.INAMI_CONVENTION_NONE: "none"}
    assert _ids.EMPLOYMENTS[n.INAMI_EMPLOYMENT_SELF_EMPLOYED_MAIN] == "main"
    assert len(_ids.EVENT_KINDS) == n.INAMI_EVENT_KIND_COUNT
    assert len(_ids.DOSSIER_STATES) == n.INAMI_DOSSIER_STATE_COUNT
    assert inami.flag_names(n.INAMI_TOTAL_INCOMPLETE | n.INAMI_TOTAL_UNDATED) == [
        "undated", "incomplete"]


def test_cli_words_are_accepted():
    # the CLI's --convention and --employment words (inami eval --help)
    r = inami.evaluate("physiotherapist", 2022, prestations=2299, convention="none",
                       employment="complementary")
    assert r.eligible is False and r.to_dict()["profession"] == "physiotherapist"
    with pytest.raises(inami.InvalidArgumentError, match="partial"):
        inami.evaluate("nurse", 2022, prestations=2000, convention="partial")
    with pytest.raises(inami.InvalidArgumentError):
        inami.evaluate("nurse", 2022, prestations=2000, employment="self_employed_main")
