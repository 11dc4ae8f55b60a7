#!/usr/bin/env python3
"""Generate the bad-input corpus of tests/bad-input/ (docs/reliability.md).

    python3 tests/bad-input/gen.py        # rewrites rules/ nomenclature/ billing/ products/ dossier/ args/

Each case is one systematic mutation of a small VALID file (the bases in good/,
which run.sh checks are accepted, so every mutation is meaningful): truncations,
bad numbers, unknown keys, duplicate sections, missing sources, NUL bytes,
overlong lines, bad dates, negative and overflowing quantities, unknown
professions... run.sh asserts that the inami command refuses each one cleanly:
non-zero exit, one line "inami: ..." on stderr, no signal, no sanitizer report.
The generated files are committed; rerun this script after changing it.
"""
import os
import shutil

HERE = os.path.dirname(os.path.abspath(__file__))

# ---------------------------------------------------------------- bases (valid)

RULES_STANDALONE = """inami-rules 1
# A small standalone rules file (midwives, as in libinami/data/midwives.rules).

[profession midwife]
label.en = midwife
label.fr = sage-femme
label.nl = vroedvrouw
measures = prestations v_value
convention = whole_year
convention.provenance = official
convention.source = https://www.riziv.fgov.be/nl/professionals/individuele-zorgverleners/vroedvrouwen/sociaal-statuut
partial_convention = none
partial_convention.provenance = official
partial_convention.source = https://www.riziv.fgov.be/nl/professionals/individuele-zorgverleners/vroedvrouwen/sociaal-statuut
pro_rata = complete_months
pro_rata.provenance = derived
pro_rata.source = https://www.curalia.be/nl/vroedvrouw/pensioenopbouw/riziv-sociaal-statuut
pro_rata.note = counting complete months, as stated for pharmacists, is applied by analogy
retired = same_amount
retired.from = 2023
retired.provenance = secondary
retired.source = https://www.curalia.be/nl/vroedvrouw/pensioenopbouw/riziv-sociaal-statuut
contract = by_end_of_year
contract.provenance = official
contract.source = https://www.riziv.fgov.be/nl/professionals/individuele-zorgverleners/vroedvrouwen/sociaal-statuut

[thresholds midwife from 2023]
provenance = secondary
source = https://www.curalia.be/nl/vroedvrouw/pensioenopbouw/riziv-sociaal-statuut
tiers = single
single.prestations = 150
single.v_value = 2250

[amounts midwife 2023]
provenance = secondary
source = https://news.amonis.be/nl/riziv-premie-2023-het-is-zover/
single = 593.44

[amounts midwife 2024]
provenance = secondary
source = https://driesen-huysmans.be/de-riziv-polis-toelagen-2020/
single = 629.34
"""

RULES_LAYER = """inami-rules 1
# A layer over the embedded rules: an illustrative premium year and a corrected figure.

[amounts physiotherapist 2031]
provenance = illustrative
source = https://example.invalid/bad-input-test
note = ILLUSTRATIVE figures for a test
base = 2100.00
intermediate = 2780.00
full = 3720.00

[amounts physiotherapist 2022 override]
intermediate = 2365.79
intermediate.provenance = secondary
intermediate.source = https://www.securex.be/fr/independants/assurances/votre-pension-statut-inami/prime-inami-pour-kinesitherapeutes
"""

NOMENCLATURE = """# A small nomenclature layer (rows as in libinami/data/nomenclature.csv)
code,key_letter,value,valid_from,valid_to,provenance,source_url,note,description
560011,M,24,2003-01-01,,official,https://refli.be/fr/lex/2002023049,,Individual session 30 min
560416,M,16,,,official,https://www.inami.fgov.be/fr/professionnels/sante/kinesitherapeutes/Pages/beneficier-statut-social-kinesitherapeute.aspx,dates NOT FOUND,Courante session
713016,R,17.5,,2023-04-30,official,https://vlex.be/vid/koninklijk-besluit-tot-wijziging-926303670,,Collective parent guidance
713016,R,15,2023-05-01,,official,https://vlex.be/vid/koninklijk-besluit-tot-wijziging-926303670,,Collective parent guidance
"""

BILLING = """provider,code,quantity,date
physio-1,560011,1,2022-03-01
physio-1,560416,1,2022-03-02
physio-2,713016,2,2023-04-30
physio-2,713016,1,2023-05-01
physio-3,560011,5,2022-01-10
physio-3,560011,-2,2022-01-11
"""

PRODUCTS = """# A products file (as examples/products/examples.products; figures quoted from its sources)
format = 1

[product securex-physio-2024]
insurer = Securex
name = Contrat INAMI pour kinesitherapeutes
contract_type = social_pension
solidarity_share = 10
entry_fee = 0
management_fee = 0
guaranteed_rate.2024 = 2.50
benefits = serious_illness_lump_sum, premium_waiver
provenance = illustrative
source = https://www.securex.be/fr/independants/assurances/votre-pension-statut-inami/prime-inami-pour-kinesitherapeutes
example = yes
note = test file: the shares and fees are illustrative
"""

DOSSIER = """inami-dossier 1
profession physiotherapist
premium_year 2023
retired no
bank_account no
event 2024-01-10 contract_received
event - contract_linked
event 2024-07-01 evaluated
event 2024-09-15 decision_partial amount=1200.00 note=below the full tier
state decided_partial
"""

# ---------------------------------------------------------------- helpers

cases = {}   # relative path -> bytes


def add(path, data):
    if isinstance(data, str):
        data = data.encode()
    assert path not in cases, path
    cases[path] = data


def replace_once(text, old, new):
    assert text.count(old) >= 1, (old, text[:80])
    return text.replace(old, new, 1)


def slug(s):
    out = "".join(c if c.isalnum() else "-" for c in s.lower())
    while "--" in out:
        out = out.replace("--", "-")
    return out.strip("-")[:40]


def family(prefix, base, ext, mutations):
    """mutations: list of (name, function(text) -> str|bytes)."""
    for i, (name, fn) in enumerate(mutations, 1):
        add("%s/%03d-%s.%s" % (prefix, i, slug(name), ext), fn(base))


def sub(old, new):
    return lambda t: replace_once(t, old, new)


def line_count(text):
    return text.count("\n")


def cut_lines(n):
    return lambda t: "\n".join(t.split("\n")[:n])


def cut_bytes(n):
    return lambda t: t.encode()[:n]


def with_nul(old):
    return lambda t: replace_once(t, old, old[:2] + "\0" + old[2:]).encode()


def long_line(after, n=5000):
    return lambda t: replace_once(t, after, after + "\n# " + "x" * n)


# ---------------------------------------------------------------- rules

NUMS_BAD = ["1,790.34", "1790.345", "-593.44", "abc", "1e3", "99999999999999999999",
            "593.44 EUR", "0x10", "593.", ".5", "+593.44", "593..44", "5 93", "NaN", "inf",
            "92233720368547758.08", "\u20ac593"]

rules_standalone = [
    ("empty file", lambda t: ""),
    ("header only comment", lambda t: "# only a comment\n"),
    ("no header line", lambda t: t.replace("inami-rules 1\n", "", 1)),
    ("format version 2", sub("inami-rules 1", "inami-rules 2")),
    ("format version garbage", sub("inami-rules 1", "inami-rules one")),
    ("header with leading space", sub("inami-rules 1", " inami-rules 1")),
    ("leading space key", sub("label.fr =", " label.fr =")),
    ("tab before key", sub("label.nl =", "\tlabel.nl =")),
    ("line without equals", sub("label.en = midwife", "label.en midwife")),
    ("empty value", sub("label.en = midwife", "label.en =")),
    ("empty key", sub("label.en = midwife", "= midwife")),
    ("uppercase key", sub("label.en =", "Label.EN =")),
    ("key with space", sub("label.en =", "label en =")),
    ("unknown key in profession", sub("label.nl = vroedvrouw", "label.nl = vroedvrouw\nsalary = 3")),
    ("unknown key in amounts", sub("single = 593.44", "single = 593.44\nbonus = 12")),
    ("unknown key in thresholds", sub("tiers = single", "tiers = single\nwhatever = 1")),
    ("duplicate key", sub("label.en = midwife", "label.en = midwife\nlabel.en = midwife")),
    ("duplicate profession section", lambda t: t + "\n[profession midwife]\nlabel.en = x\n"),
    ("duplicate amounts section", lambda t: t + "\n[amounts midwife 2024]\nprovenance = secondary\nsource = https://x.invalid\nsingle = 1\n"),
    ("duplicate thresholds section", lambda t: t + "\n[thresholds midwife from 2023]\nprovenance = secondary\nsource = https://x.invalid\ntiers = single\nsingle.prestations = 150\n"),
    ("unknown section kind", sub("[amounts midwife 2024]", "[bonus midwife 2024]")),
    ("unknown profession heading", sub("[profession midwife]", "[profession plumber]")),
    ("unknown profession amounts", sub("[amounts midwife 2024]", "[amounts plumber 2024]")),
    ("unknown profession thresholds", sub("[thresholds midwife from 2023]", "[thresholds astronaut from 2023]")),
    ("heading not closed", sub("[amounts midwife 2024]", "[amounts midwife 2024")),
    ("heading trailing text", sub("[amounts midwife 2024]", "[amounts midwife 2024] extra")),
    ("heading empty", sub("[amounts midwife 2024]", "[]")),
    ("amounts year not a number", sub("[amounts midwife 2024]", "[amounts midwife twenty]")),
    ("amounts year 99999", sub("[amounts midwife 2024]", "[amounts midwife 99999]")),
    ("amounts year negative", sub("[amounts midwife 2024]", "[amounts midwife -2024]")),
    ("amounts year missing", sub("[amounts midwife 2024]", "[amounts midwife]")),
    ("amounts year overflow", sub("[amounts midwife 2024]", "[amounts midwife 99999999999999999999]")),
    ("thresholds from missing year", sub("[thresholds midwife from 2023]", "[thresholds midwife from]")),
    ("thresholds without from", sub("[thresholds midwife from 2023]", "[thresholds midwife 2023]")),
    ("thresholds to before from", sub("[thresholds midwife from 2023]", "[thresholds midwife from 2023 to 2020]")),
    ("thresholds to garbage", sub("[thresholds midwife from 2023]", "[thresholds midwife from 2023 to x]")),
    ("override in standalone", sub("[amounts midwife 2024]", "[amounts midwife 2024 override]")),
    ("key before any section", sub("[profession midwife]", "label.en = midwife\n[profession midwife]")),
    ("amount missing for tier", sub("single = 629.34", "note = nothing")),
    ("tier not defined amount", sub("single = 629.34", "single = 629.34\ndouble = 700")),
    ("tiers list empty value", sub("tiers = single", "tiers = ")),
    ("tiers duplicate", sub("tiers = single", "tiers = single single")),
    ("tier id uppercase", sub("tiers = single", "tiers = Single")),
    ("unknown measure", sub("single.v_value = 2250", "single.x_value = 2250")),
    ("measure not counted", sub("single.v_value = 2250", "single.m_value = 2250")),
    ("unknown measure in profession", sub("measures = prestations v_value", "measures = prestations kilometres")),
    ("threshold negative", sub("single.prestations = 150", "single.prestations = -150")),
    ("threshold above max", sub("single.v_value = 2250", "single.v_value = 2250\nmax.prestations = 100")),
    ("missing source", sub("source = https://driesen-huysmans.be/de-riziv-polis-toelagen-2020/\n", "")),
    ("missing provenance", sub("provenance = secondary\nsource = https://driesen", "source = https://driesen")),
    ("bad provenance", sub("provenance = secondary\nsource = https://driesen", "provenance = rumour\nsource = https://driesen")),
    ("provenance uppercase", sub("provenance = secondary\nsource = https://driesen", "provenance = SECONDARY\nsource = https://driesen")),
    ("figure provenance unknown", sub("single = 629.34", "single = 629.34\nsingle.provenance = hearsay")),
    ("conflict malformed", sub("single = 629.34", "single = 629.34\nsingle.conflict = lots")),
    ("conflict bad value", sub("single = 629.34", "single = 629.34\nsingle.conflict = 6,29 | secondary | https://x.invalid")),
    ("conflict bad provenance", sub("single = 629.34", "single = 629.34\nsingle.conflict = 600 | gossip | https://x.invalid")),
    ("retired bad value", sub("retired = same_amount", "retired = sometimes")),
    ("retired from garbage", sub("retired.from = 2023", "retired.from = soon")),
    ("partial convention bad", sub("partial_convention = none", "partial_convention = maybe")),
    ("convention bad", sub("convention = whole_year", "convention = half_year")),
    ("status bad", sub("single = 629.34", "single = 629.34\nstatus = perhaps")),
    ("nul byte in key", with_nul("label.fr")),
    ("nul byte in value", with_nul("sage-femme")),
    ("nul byte in heading", with_nul("[amounts midwife 2023]")),
    ("overlong comment line", long_line("label.fr = sage-femme")),
    ("overlong value", sub("label.fr = sage-femme", "label.fr = " + "y" * 5000)),
    ("overlong heading", sub("[amounts midwife 2024]", "[amounts midwife 2024" + " " * 5000 + "]")),
    ("lone carriage return", lambda t: t.replace("\n", "\r")),
    ("binary garbage", lambda t: bytes(range(256)) * 4),
    ("utf16 bom", lambda t: b"\xff\xfe" + t.encode("utf-16-le")),
    ("only headings", lambda t: "inami-rules 1\n[profession midwife]\n[amounts midwife 2024]\n"),
    ("amounts before thresholds exist", lambda t: "inami-rules 1\n[amounts midwife 2024]\nprovenance = secondary\nsource = https://x.invalid\nsingle = 629.34\n"),
] + [("amount " + slug(n), sub("single = 629.34", "single = " + n)) for n in NUMS_BAD] + [
    ("threshold " + slug(n), sub("single.prestations = 150", "single.prestations = " + n)) for n in NUMS_BAD[:8]
]
# truncations: inside a heading, inside a key, after a key's '=' (the file is then malformed)
for pos_name, marker, keep in [("inside heading", "[thresholds midwife from 2023]", 11),
                               ("inside key", "tiers = single", 3),
                               ("after equals", "single.prestations = 150", 21),
                               ("inside amounts heading", "[amounts midwife 2024]", 9),
                               ("inside first line", "inami-rules 1", 6)]:
    rules_standalone.append(("truncated " + pos_name,
                             (lambda m, k: lambda t: t[:t.index(m) + k])(marker, keep)))
family("rules/standalone", RULES_STANDALONE, "rules", rules_standalone)

rules_layered = [
    ("redefine without override", lambda t: t + "\n[amounts physiotherapist 2022]\nprovenance = secondary\nsource = https://x.invalid\nbase = 1\nintermediate = 2\nfull = 3\n"),
    ("override of missing section", sub("[amounts physiotherapist 2022 override]", "[amounts physiotherapist 2030 override]")),
    ("override without source", sub("intermediate.source = https://www.securex.be/fr/independants/assurances/votre-pension-statut-inami/prime-inami-pour-kinesitherapeutes\n", "")),
    ("override without provenance", sub("intermediate.provenance = secondary\n", "")),
    ("override unknown tier", sub("intermediate = 2365.79", "gold = 2365.79")),
    ("override bad amount", sub("intermediate = 2365.79", "intermediate = 2.365,79")),
    ("override profession missing", sub("[amounts physiotherapist 2022 override]", "[profession plumber override]")),
    ("new year missing tier", sub("full = 3720.00\n", "")),
    ("new year extra tier", sub("full = 3720.00", "full = 3720.00\nplatinum = 5000")),
    ("new year bad provenance", sub("provenance = illustrative", "provenance = imaginary")),
    ("new year no source", sub("source = https://example.invalid/bad-input-test\n", "")),
    ("new year negative amount", sub("base = 2100.00", "base = -2100.00")),
    ("new year three decimals", sub("base = 2100.00", "base = 2100.001")),
    ("new year overflow amount", sub("base = 2100.00", "base = 922337203685477580.80")),
    ("new thresholds wrong measure", lambda t: t + "\n[thresholds physiotherapist from 2031]\nprovenance = illustrative\nsource = https://x.invalid\ntiers = base\nbase.hours_per_week = 10\n"),
    ("new thresholds not rising", lambda t: t + "\n[thresholds physiotherapist from 2032]\nprovenance = illustrative\nsource = https://x.invalid\ntiers = base full\nbase.prestations = 2000\nfull.prestations = 1000\n"),
    ("nurse year bad tier", lambda t: t + "\n[amounts nurse 2031]\nprovenance = illustrative\nsource = https://x.invalid\ndouble = 1\n"),
    ("doctor specialty unknown id", lambda t: t + "\n[thresholds doctor from 2031]\nprovenance = illustrative\nsource = https://x.invalid\ntiers = partial full\npartial.reimbursed_eur = specialty.reduced\nfull.reimbursed_eur = specialty.full\nspecialty.Not Valid.full = 1\n"),
    ("labels bad language", lambda t: t + "\n[labels]\ntier.base.de = Basis\n"),
    ("nul byte", with_nul("illustrative")),
    ("overlong line", long_line("note = ILLUSTRATIVE figures for a test", 5000)),
    ("no header", lambda t: t.replace("inami-rules 1\n", "", 1)),
    ("truncated heading", lambda t: t[:t.index("[amounts physiotherapist 2022") + 14]),
    ("duplicate new year", lambda t: t + "\n[amounts physiotherapist 2031]\nprovenance = illustrative\nsource = https://x.invalid\nbase = 1\nintermediate = 2\nfull = 3\n"),
    ("amounts not rising", sub("full = 3720.00", "full = 2000.00")),
    ("overlapping periods", lambda t: t + "\n[thresholds dentist from 2031 to 2033]\nprovenance = illustrative\nsource = https://x.invalid\ntiers = single\nsingle.prestations = 300\n[thresholds dentist from 2033 to 2034]\nprovenance = illustrative\nsource = https://x.invalid\ntiers = single\nsingle.prestations = 200\n"),
    ("official but unconfirmed", lambda t: t + "\n[thresholds dentist from 2031]\nprovenance = official\nsource = https://x.invalid\ntiers = single\nsingle.prestations = 300\nsingle.prestations.note = not confirmed by an official text\n"),
    ("reading without conflict", lambda t: t + "\n[thresholds dentist from 2031]\nprovenance = illustrative\nsource = https://x.invalid\ntiers = single\nsingle.prestations = 300\nreading.default = a\nreading.alternative = b\nreading.reason = why\n"),
    ("reading without reason", lambda t: t + "\n[thresholds dentist from 2031]\nprovenance = illustrative\nsource = https://x.invalid\ntiers = single\nsingle.prestations = 300\nsingle.prestations.conflict = 250 | illustrative | https://x.invalid\nreading.default = a\nreading.alternative = b\n"),
    ("new year still to fill", sub("base = 2100.00", "base = FILL")),
    ("law unknown subject", lambda t: t + "\n[law income_tax from 2031]\nprovenance = illustrative\nsource = https://x.invalid\nrate = 50\n"),
    ("law unknown key", lambda t: t + "\n[law exit_taxation from 2031]\nprovenance = illustrative\nsource = https://x.invalid\nlevy = 4.00\n"),
    ("law rate above 100", lambda t: t + "\n[law exit_taxation from 2031]\nprovenance = illustrative\nsource = https://x.invalid\ninami_levy = 140.00\n"),
    ("calendar unknown milestone", lambda t: t + "\n[law calendar from 2031]\nprovenance = illustrative\nsource = https://x.invalid\nall.holiday = N+1-08-31\n"),
    ("calendar rule without date", lambda t: t + "\n[law calendar from 2031]\nprovenance = illustrative\nsource = https://x.invalid\nall.decision = soon\n"),
    ("calendar unknown profession", lambda t: t + "\n[law calendar from 2031]\nprovenance = illustrative\nsource = https://x.invalid\nplumber.decision = N+1-09\n"),
    ("law overlapping periods", lambda t: t + "\n[law exit_taxation from 2031 to 2033]\nprovenance = illustrative\nsource = https://x.invalid\ninami_levy = 4.00\n[law exit_taxation from 2032 to 2034]\nprovenance = illustrative\nsource = https://x.invalid\ninami_levy = 4.10\n"),
]
family("rules/layered", RULES_LAYER, "rules", rules_layered)

# ---------------------------------------------------------------- nomenclature

HDR = "code,key_letter,value,valid_from,valid_to,provenance,source_url,note,description"
ROW = "560011,M,24,2003-01-01,,official,https://refli.be/fr/lex/2002023049,,Individual session 30 min"
nom = [
    ("empty file", lambda t: ""),
    ("comments only", lambda t: "# nothing\n# here\n"),
    ("no header", lambda t: t.replace(HDR + "\n", "")),
    ("header without code", sub(HDR, HDR.replace("code,", "kode,"))),
    ("header without value", sub(HDR, HDR.replace(",value,", ",amount,"))),
    ("header without key letter", sub(HDR, HDR.replace("key_letter,", "letter,"))),
    ("header without source", sub(HDR, HDR.replace("source_url", "url"))),
    ("header without provenance", sub(HDR, HDR.replace("provenance,", "prov,"))),
    ("header duplicate column", sub(HDR, HDR + ",code")),
    ("unknown key letter", sub(ROW, ROW.replace(",M,", ",Q,"))),
    ("lowercase key letter", sub(ROW, ROW.replace(",M,", ",m,"))),
    ("empty key letter", sub(ROW, ROW.replace(",M,", ",,"))),
    ("code letters", sub(ROW, ROW.replace("560011", "56OO11"))),
    ("code negative", sub(ROW, ROW.replace("560011", "-560011"))),
    ("code overflow", sub(ROW, ROW.replace("560011", "99999999999999"))),
    ("code empty", sub(ROW, ROW[6:])),
    ("code with space", sub(ROW, ROW.replace("560011", "560 011"))),
    ("missing fields", sub(ROW, "560011,M,24")),
    ("row shorter than header", sub(ROW, ",".join(ROW.split(",")[:6]))),
    ("unterminated quote", sub(ROW, ROW.replace("Individual session", "\"Individual session"))),
    ("quote in middle of field", sub(ROW, ROW.replace("Individual session", "Indiv\"idual session"))),
    ("bad provenance", sub(ROW, ROW.replace("official", "trustme"))),
    ("provenance empty", sub(ROW, ROW.replace(",official,", ",,"))),
    ("source missing", sub(ROW, ROW.replace("https://refli.be/fr/lex/2002023049", ""))),
    ("date february 30", sub(ROW, ROW.replace("2003-01-01", "2003-02-30"))),
    ("date month 13", sub(ROW, ROW.replace("2003-01-01", "2003-13-01"))),
    ("date two digit year", sub(ROW, ROW.replace("2003-01-01", "03-01-01"))),
    ("date slashes", sub(ROW, ROW.replace("2003-01-01", "2003/01/01"))),
    ("date garbage", sub(ROW, ROW.replace("2003-01-01", "yesterday"))),
    ("date year zero", sub(ROW, ROW.replace("2003-01-01", "0000-01-01"))),
    ("valid to before from", sub(ROW, ROW.replace("2003-01-01,", "2003-01-01,2002-12-31"))),
    ("date in to garbage", sub(ROW, ROW.replace("2003-01-01,", "2003-01-01,2099-99-99"))),
    ("nul byte", with_nul("Individual session")),
] + [("value " + slug(n), sub(ROW, ROW.replace(",24,", "," + n + ","))) for n in
     ["abc", "-24", "24.001", "1e2", "99999999999999999999", "", "24 M", "2,4", "0x18"]]
family("nomenclature", NOMENCLATURE, "csv", nom)

# ---------------------------------------------------------------- billing CSV

B_HDR = "provider,code,quantity,date"
B_ROW = "physio-1,560416,1,2022-03-02"
billing = [
    ("empty file", lambda t: ""),
    ("only newlines", lambda t: "\n\n\n"),
    ("header without provider", sub(B_HDR, "who,code,quantity,date")),
    ("header without code", sub(B_HDR, "provider,kode,quantity,date")),
    ("header without quantity", sub(B_HDR, "provider,code,date")),
    ("header duplicate code", sub(B_HDR, "provider,code,code,quantity")),
    ("header duplicate date", sub(B_HDR, B_HDR + ",date")),
    ("header too many columns", sub(B_HDR, B_HDR + "".join(",c%d" % i for i in range(60)))),
    ("no header", lambda t: t.replace(B_HDR + "\n", "")),
    ("quantity letters", sub(B_ROW, B_ROW.replace(",1,", ",one,"))),
    ("quantity decimal", sub(B_ROW, B_ROW.replace(",1,", ",1.5,"))),
    ("quantity empty", sub(B_ROW, B_ROW.replace(",1,", ",,"))),
    ("quantity overflow int32", sub(B_ROW, B_ROW.replace(",1,", ",2147483648,"))),
    ("quantity overflow negative", sub(B_ROW, B_ROW.replace(",1,", ",-2147483649,"))),
    ("quantity huge", sub(B_ROW, B_ROW.replace(",1,", ",99999999999999999999999,"))),
    ("quantity plus sign", sub(B_ROW, B_ROW.replace(",1,", ",+-1,"))),
    ("quantity minus only", sub(B_ROW, B_ROW.replace(",1,", ",-,"))),
    ("quantity exponent", sub(B_ROW, B_ROW.replace(",1,", ",1e3,"))),
    ("quantity hex", sub(B_ROW, B_ROW.replace(",1,", ",0x10,"))),
    ("code letters", sub(B_ROW, B_ROW.replace("560416", "abcdef"))),
    ("code empty", sub(B_ROW, B_ROW.replace("560416", ""))),
    ("code overflow", sub(B_ROW, B_ROW.replace("560416", "99999999999"))),
    ("code negative", sub(B_ROW, B_ROW.replace("560416", "-560416"))),
    ("date february 30", sub(B_ROW, B_ROW.replace("2022-03-02", "2022-02-30"))),
    ("date february 29 non leap", sub(B_ROW, B_ROW.replace("2022-03-02", "2023-02-29"))),
    ("date month 00", sub(B_ROW, B_ROW.replace("2022-03-02", "2022-00-10"))),
    ("date day 32", sub(B_ROW, B_ROW.replace("2022-03-02", "2022-03-32"))),
    ("date slashes", sub(B_ROW, B_ROW.replace("2022-03-02", "2022/03/02"))),
    ("date compact", sub(B_ROW, B_ROW.replace("2022-03-02", "20220302"))),
    ("date five digit year", sub(B_ROW, B_ROW.replace("2022-03-02", "12022-03-02"))),
    ("date trailing text", sub(B_ROW, B_ROW.replace("2022-03-02", "2022-03-02T10:00"))),
    ("date year zero", sub(B_ROW, B_ROW.replace("2022-03-02", "0000-03-02"))),
    ("too many fields", sub(B_ROW, B_ROW + ",extra")),
    ("too few fields", sub(B_ROW, "physio-1,560416")),
    ("empty provider", sub(B_ROW, B_ROW.replace("physio-1", ""))),
    ("provider with quote", sub(B_ROW, B_ROW.replace("physio-1", "phy\"sio"))),
    ("provider id 256 bytes", sub(B_ROW, B_ROW.replace("physio-1", "p" * 256))),
    ("provider id 5000 bytes", sub(B_ROW, B_ROW.replace("physio-1", "p" * 5000))),
    ("nul byte in provider", with_nul("physio-2")),
    ("nul byte in quantity", lambda t: replace_once(t, B_ROW, "physio-1,560416,\0,2022-03-02").encode()),
    ("overlong line", sub(B_ROW, B_ROW + " " * 70000)),
    ("overlong line no newline", lambda t: t + "x" * 70000),
    ("semicolon rows under a comma header", sub(B_ROW, B_ROW.replace(",", ";"))),
    ("tab separated", lambda t: t.replace(",", "\t")),
    ("binary garbage", lambda t: bytes(range(1, 256)) * 3),
    ("truncated header", lambda t: "provider,co"),
    ("spaces around quantity", sub(B_ROW, B_ROW.replace(",1,", ", 1 ,"))),
    # dialects: quoting, byte order mark, semicolons, header names, DD/MM/YYYY
    ("quoted provider unterminated", sub(B_ROW, B_ROW.replace("physio-1", '"physio-1'))),
    ("quoted field across two lines", sub(B_ROW, B_ROW.replace("physio-1", '"physio\n-1"'))),
    ("text after closing quote", sub(B_ROW, B_ROW.replace("physio-1", '"physio"-1'))),
    ("quote inside unquoted code", sub(B_ROW, B_ROW.replace("560416", '5604"16'))),
    ("quoted code with letters", sub(B_ROW, B_ROW.replace("560416", '"56041x"'))),
    ("quoted quantity decimal", sub(B_ROW, B_ROW.replace(",1,", ',"1.5",'))),
    ("quoted provider empty", sub(B_ROW, B_ROW.replace("physio-1", '""'))),
    ("quoted provider 256 bytes unquoted", sub(B_ROW, B_ROW.replace("physio-1", '"' + 'p""' * 128 + '"'))),
    ("quoted date with a space", sub(B_ROW, B_ROW.replace("2022-03-02", '"2022-03-02 "'))),
    ("date dd mm yyyy not a real day", sub(B_ROW, B_ROW.replace("2022-03-02", "31/02/2022"))),
    ("date dd mm yy", sub(B_ROW, B_ROW.replace("2022-03-02", "02/03/22"))),
    ("date mm dd yyyy dashes", sub(B_ROW, B_ROW.replace("2022-03-02", "03-02-2022"))),
    ("date month 13 slashes", sub(B_ROW, B_ROW.replace("2022-03-02", "02/13/2022"))),
    ("bom twice", lambda t: "\ufeff\ufeff" + t),
    ("bom then other header names", lambda t: "\ufeff" + t.replace(B_HDR, "NIHII;CODE;QTE;DATE").replace(",", ";")),
    ("semicolon header comma rows", lambda t: t.replace(B_HDR, B_HDR.replace(",", ";"))),
    ("header case duplicate", sub(B_HDR, "Provider,PROVIDER,code,quantity,date")),
    ("header quoted name with a doubled quote", sub(B_HDR, '"pro""vider",code,quantity,date')),
    ("crlf with an unterminated quote", lambda t: replace_once(t, B_ROW, '"' + B_ROW).replace("\n", "\r\n")),
]
family("billing", BILLING, "csv", billing)

# ---------------------------------------------------------------- products

products = [
    ("empty file", lambda t: ""),
    ("format 2", sub("format = 1", "format = 2")),
    ("unknown key", sub("insurer = Securex", "insurer = Securex\ncolour = blue")),
    ("duplicate key", sub("insurer = Securex", "insurer = Securex\ninsurer = AG")),
    ("duplicate product", lambda t: t + "\n[product securex-physio-2024]\ninsurer = x\n"),
    ("product without id", sub("[product securex-physio-2024]", "[product]")),
    ("unknown section", sub("[product securex-physio-2024]", "[insurer securex]")),
    ("heading not closed", sub("[product securex-physio-2024]", "[product securex-physio-2024")),
    ("bad contract type", sub("contract_type = social_pension", "contract_type = lottery")),
    ("solidarity share letters", sub("solidarity_share = 10", "solidarity_share = ten")),
    ("solidarity share negative", sub("solidarity_share = 10", "solidarity_share = -10")),
    ("solidarity share above 100", sub("solidarity_share = 10", "solidarity_share = 250")),
    ("entry fee three decimals", sub("entry_fee = 0", "entry_fee = 0.125")),
    ("rate year garbage", sub("guaranteed_rate.2024", "guaranteed_rate.next")),
    ("rate bad value", sub("guaranteed_rate.2024 = 2.50", "guaranteed_rate.2024 = 2,50")),
    ("rate overflow", sub("guaranteed_rate.2024 = 2.50", "guaranteed_rate.2024 = 99999999999999999999")),
    ("bad provenance", sub("provenance = illustrative", "provenance = brochure")),
    ("missing source", lambda t: t.replace("source = https://www.securex.be/fr/independants/assurances/votre-pension-statut-inami/prime-inami-pour-kinesitherapeutes\n", "").replace("provenance = illustrative", "provenance = secondary")),
    ("example not yes no", sub("example = yes", "example = perhaps")),
    ("line without equals", sub("insurer = Securex", "insurer Securex")),
    ("key before section", sub("format = 1", "format = 1\ninsurer = nobody")),
    ("nul byte", with_nul("Securex")),
    ("truncated heading", lambda t: t[:t.index("[product") + 12]),
    ("no products", lambda t: "format = 1\n"),
    ("binary garbage", lambda t: bytes(range(1, 256)) * 2),
]
family("products", PRODUCTS, "products", products)

# ---------------------------------------------------------------- dossiers

dossier = [
    ("empty file", lambda t: ""),
    ("no header", sub("inami-dossier 1\n", "")),
    ("version 9", sub("inami-dossier 1", "inami-dossier 9")),
    ("unknown profession", sub("profession physiotherapist", "profession plumber")),
    ("year garbage", sub("premium_year 2023", "premium_year soon")),
    ("retired maybe", sub("retired no", "retired maybe")),
    ("unknown event", sub("event - contract_linked", "event - contract_burned")),
    ("event refused by state", sub("event - contract_linked", "event - paid")),
    ("dates backwards", sub("event 2024-07-01 evaluated", "event 2023-07-01 evaluated")),
    ("bad event date", sub("event 2024-07-01 evaluated", "event 2024-02-30 evaluated")),
    ("bad amount", sub("amount=1200.00", "amount=12,00")),
    ("negative amount", sub("amount=1200.00", "amount=-1200.00")),
    ("state mismatch", sub("state decided_partial", "state closed")),
    ("truncated no state", lambda t: t[:t.index("state decided_partial")]),
    ("unknown line", sub("retired no", "retired no\ncolour blue")),
    ("nul byte", with_nul("evaluated")),
]
family("dossier", DOSSIER, "dossier", dossier)

# ---------------------------------------------------------------- command lines

ARGS = {
    "eval": """# inami eval argument sets, one per line (split on spaces)
eval
eval --profession
eval --profession plumber --year 2022 --prestations 10
eval --profession physiotherapist
eval --profession physiotherapist --year abc --prestations 10
eval --profession physiotherapist --year 2031 --prestations 10
eval --profession physiotherapist --year 1850 --prestations 10
eval --profession physiotherapist --year 99999999999999999999 --prestations 10
eval --profession physiotherapist --year 2022 --prestations -5
eval --profession physiotherapist --year 2022 --prestations abc
eval --profession physiotherapist --year 2022 --prestations 99999999999999999999999
eval --profession physiotherapist --year 2022 --prestations 1.5
eval --profession physiotherapist --year 2022 --m-values -3
eval --profession doctor --year 2022 --reimbursed 25000
eval --profession doctor --year 2022 --specialty astrology --reimbursed 25000
eval --profession doctor --year 2022 --specialty general_practice --reimbursed 1,000
eval --profession doctor --year 2022 --specialty general_practice --reimbursed 999999999999999999999
eval --profession pharmacist --year 2022 --hours-per-week -1
eval --profession pharmacist --year 2022 --hours-per-week nan
eval --profession pharmacist --year 2022 --hours-per-week 38 --first-number 2022-02-30
eval --profession pharmacist --year 2022 --hours-per-week 38 --first-number yesterday
eval --profession physiotherapist --year 2022 --prestations 10 --lang de
eval --profession physiotherapist --year 2022 --prestations 10 --rules /nonexistent/x.rules
eval --profession physiotherapist --year 2022 --prestations 10 --bogus
eval --profession physiotherapist --year 2022 --prestations 10 extra
eval --profession physiotherapist --year 2022 --prestations 2299 --bogus
eval --profession physiotherapist --year 2022 --prestations 1 --prestations 2
eval --profession physiotherapist --year 2022 --reimbursed 25000
eval --profession kine --year 2022 --hours-per-week 38
eval --profession nurse --year 2022 --m-values 10
eval --profession phy --year 2022
eval --profession kine --year 2022 --year 2023
eval --profession kine --profession nurse --year 2022
eval --profession kine --year 2022 --json --bogus
eval --profession pharmacist --year 2022 --hours-per-week 200
eval --profession kine --year 2022 --convention-start 2022-06-01 --convention-end 2022-03-01
""",
    "rules": """# inami rules argument sets
rules bogus
rules show
rules show --profession nurse
rules show --profession nurse --year 2031
rules show --profession plumber --year 2022
rules check
rules check /nonexistent/file.rules
rules check /nonexistent/file.rules --standalone
rules dump --profession plumber
rules dump --year abc
rules list --profession unicorn
rules specialties --lang xx
rules list --rules /nonexistent.rules
rules list --json --nonsense
rules show --profession kine --year 2022 --bogus
rules show --profession kine --year 2022 --year 2023
rules list --profession phy
""",
    "mvalues": """# inami mvalues argument sets
mvalues
mvalues /nonexistent/billing.csv
mvalues --nomenclature /nonexistent/nom.csv -
mvalues /dev/null
mvalues tests/bad-input/good/billing.csv --profession physiotherapist
mvalues tests/bad-input/good/billing.csv --year 2031 --profession physiotherapist
mvalues tests/bad-input/good/billing.csv --year 2022 --profession plumber
mvalues tests/bad-input/good/billing.csv --year abc --profession physiotherapist
mvalues tests/bad-input/good/billing.csv --json --csv
mvalues tests/bad-input/good/billing.csv --unknown-flag
mvalues tests/bad-input/good/billing.csv tests/bad-input/good/billing.csv
mvalues tests/bad-input/good/billing.csv --delimiter tab
mvalues tests/bad-input/good/billing.csv --delimiter semicolon
mvalues tests/bad-input/good/billing.csv --delimiter
mvalues tests/bad-input/good/billing.csv --columns provider
mvalues tests/bad-input/good/billing.csv --columns nurse=NIHII
mvalues tests/bad-input/good/billing.csv --columns provider=A,provider=B
mvalues tests/bad-input/good/billing.csv --columns provider=code
mvalues tests/bad-input/good/billing.csv --columns provider=
mvalues tests/bad-input/good/billing.csv --columns provider=NIHII
mvalues tests/bad-input/good/billing.csv --columns date=day
mvalues tests/bad-input/good/billing.csv --year 99999
mvalues tests/bad-input/good/billing.csv --year 2022 --profession physiotherapist --columns code=Code,quantity=CODE
""",
    "allocate": """# inami allocate argument sets
allocate
allocate --premium
allocate --premium abc --solidarity-share 10
allocate --premium -1790.34 --solidarity-share 10
allocate --premium 1790.345 --solidarity-share 10
allocate --premium 99999999999999999999 --solidarity-share 10
allocate --premium 1790.34
allocate --premium 1790.34 --solidarity-share 150
allocate --premium 1790.34 --solidarity-share -5
allocate --premium 1790.34 --solidarity-share 10 --entry-fee x
allocate --premium 1790.34 --solidarity-share 10 --contract-type lottery
allocate --premium 1790.34 --products /nonexistent.products
allocate --premium 1790.34 --products examples/products/examples.products --product nope
allocate --premium 1790.34 --solidarity-share 10 --years -3
allocate --premium 1790.34 --solidarity-share 10 --years 100000 --guaranteed-rate 2
allocate --premium 1790.34 --solidarity-share 10 --age 300 --years 2 --guaranteed-rate 2
allocate --premium 1790.34 --solidarity-share 10 --bogus
allocate --premium 1790.34 --premium 10 --solidarity-share 10
allocate --premium 1790.34 --solidarity-share 10 --solidarity-share 20
allocate --premium 1790.34 --products examples/products/examples.products --product securex-physio-2024
allocate --premium 1790.34 --products examples/products/examples.products --product ag-inami-mysavings --years 2 --first-year 2024 --management-fee 0
allocate --premium 1790.34 --solidarity-share 10 --json --bogus
""",
    "dossier": """# inami dossier argument sets
dossier
dossier bogus
dossier timeline
dossier timeline --profession plumber --year 2022
dossier timeline --profession physiotherapist --year 1990
dossier timeline --profession physiotherapist --year x
dossier show --file /nonexistent/d.dossier
dossier apply --file /nonexistent/d.dossier evaluated
dossier new --profession plumber --year 2023 --file /nonexistent/dir/d.dossier
dossier new --profession physiotherapist --year 2023 --file /nonexistent/dir/d.dossier
dossier timeline --profession kine --year 2023 --bogus
dossier timeline --profession kine --profession nurse --year 2023
dossier timeline --profession phy --year 2023
dossier apply --file /nonexistent/d.dossier evaluated closed
""",
    "top": """# the dispatcher
bogus
--bogus
eval-and-more
""",
}


def main():
    for d in ["rules", "nomenclature", "billing", "products", "dossier", "args"]:
        shutil.rmtree(os.path.join(HERE, d), ignore_errors=True)
    good = os.path.join(HERE, "good")
    os.makedirs(good, exist_ok=True)
    for name, text in [("standalone.rules", RULES_STANDALONE), ("layer.rules", RULES_LAYER),
                       ("nomenclature.csv", NOMENCLATURE), ("billing.csv", BILLING),
                       ("examples.products", PRODUCTS), ("example.dossier", DOSSIER)]:
        with open(os.path.join(good, name), "w") as f:
            f.write(text)
    for name, text in ARGS.items():
        add("args/%s.txt" % name, text)
    for path, data in sorted(cases.items()):
        full = os.path.join(HERE, path)
        os.makedirs(os.path.dirname(full), exist_ok=True)
        with open(full, "wb") as f:
            f.write(data)
    nfiles = sum(1 for p in cases if not p.startswith("args/"))
    nargs = sum(1 for p, d in cases.items() if p.startswith("args/")
                for line in d.decode().splitlines() if line and not line.startswith("#"))
    print("bad-input corpus: %d files, %d argument sets, %d cases" % (nfiles, nargs, nfiles + nargs))


main()
