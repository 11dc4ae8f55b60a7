"""The site of 'inami rules doc --html' holds every amount of the rules with its source links.

For every profession and premium year that 'inami rules list --json' gives, each tier's amount
(in cents, as 'inami rules show --json' gives it), its sources, note and conflict, and the
sources of every threshold and maximum must be on the profession's page, in that year's
section; the page must hold no amount the rules do not give. A layered rules file shows its
own year with its provenance. Usage: rules_site.py INAMI SOURCE_DIR WORK_DIR
"""
import html
import html.parser
import json
import os
import re
import shutil
import subprocess
import sys

cli, source_dir, work = sys.argv[1:4]
failures = []


def run(*args):
    out = subprocess.run([cli, *args], capture_output=True, text=True)
    if out.returncode != 0:
        sys.exit("inami %s exited %d: %s" % (" ".join(args), out.returncode, out.stderr))
    return out.stdout


class Page(html.parser.HTMLParser):
    """Per section (premium year): the amounts (data-cents), the links and the text."""

    def __init__(self):
        super().__init__()
        self.year = None
        self.sections = {}
        self.links = set()

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "section" and "data-year" in a:
            self.year = int(a["data-year"])
            self.sections[self.year] = {"cents": [], "links": set(), "text": []}
        if tag == "a" and "href" in a:
            self.links.add(a["href"])
        if self.year is None:
            return
        s = self.sections[self.year]
        if "data-cents" in a:
            s["cents"].append(int(a["data-cents"]))
        if tag == "a" and "href" in a:
            s["links"].add(a["href"])

    def handle_endtag(self, tag):
        if tag == "section":
            self.year = None

    def handle_data(self, data):
        if self.year is not None:
            self.sections[self.year]["text"].append(data)


def urls(source):
    return [u for u in (source or "").split(" ; ") if u.startswith(("http://", "https://"))]


def check_figure(where, fig, section):
    for u in urls(fig.get("source")):
        if u not in section["links"]:
            failures.append("%s: source %s is not linked" % (where, u))
    text = " ".join(section["text"])
    if fig.get("note") and fig["note"] not in text:
        failures.append("%s: note %r is not shown" % (where, fig["note"][:60]))
    if "conflict" in fig:
        if "Conflict" not in text:
            failures.append("%s: the conflict is not shown" % where)
        for u in urls(fig["conflict"].get("source")):
            if u not in section["links"]:
                failures.append("%s: conflicting source %s is not linked" % (where, u))


def check_site(site, rules_args, expect_years=None):
    run("rules", "doc", "--html", site, *rules_args)
    index = Page()
    with open(os.path.join(site, "index.html"), encoding="utf-8") as f:
        index.feed(f.read())
    amounts = 0
    listing = json.loads(run("rules", "list", "--json", *rules_args))
    for entry in listing["professions"]:
        prof = entry["profession"]
        if not entry["years"]:
            continue
        if prof + ".html" not in index.links:
            failures.append("index.html does not link %s.html" % prof)
        page = Page()
        with open(os.path.join(site, prof + ".html"), encoding="utf-8") as f:
            page.feed(f.read())
        for year in entry["years"]:
            where = "%s %d" % (prof, year)
            section = page.sections.get(year)
            if section is None:
                failures.append("%s: no section on %s.html" % (where, prof))
                continue
            show = json.loads(run("rules", "show", "--profession", prof, "--year", str(year), "--json",
                                  *rules_args))
            expected = []
            for tier in show["tiers"]:
                w = "%s tier %s" % (where, tier["id"])
                if tier["amount"] is not None:
                    expected.append(tier["amount"]["cents"])
                    check_figure(w + " amount", tier["amount"], section)
                for measure, fig in tier["minimums"].items():
                    check_figure("%s minimum %s" % (w, measure), fig, section)
            for measure, fig in show["maximums"].items():
                check_figure("%s maximum %s" % (where, measure), fig, section)
            if sorted(section["cents"]) != sorted(expected):
                failures.append("%s: amounts on the page %s, in the rules %s"
                                % (where, sorted(section["cents"]), sorted(expected)))
            amounts += len(expected)
            if expect_years and (prof, year) in expect_years:
                text = " ".join(section["text"])
                if expect_years[(prof, year)] not in text:
                    failures.append("%s: provenance %s not shown" % (where, expect_years[(prof, year)]))
    return amounts


shutil.rmtree(work, ignore_errors=True)
os.makedirs(work)
n = check_site(os.path.join(work, "site"), [])
if n < 100:
    failures.append("only %d amounts checked: the rules list looks empty" % n)
layer = os.path.join(source_dir, "examples", "rules", "add-premium-year-2025.rules")
n_layer = check_site(os.path.join(work, "site-layered"), ["--rules", layer],
                     {("physiotherapist", 2025): "illustrative"})
if n_layer <= n:
    failures.append("the layered rules add no amount to the site (%d, %d)" % (n, n_layer))

# thresholds carried past the last year a source confirms them are marked so, and only those
with open(os.path.join(work, "site", "doctor.html"), encoding="utf-8") as f:
    page = f.read()
sections = {int(m.group(1)): m.group(2) for m in re.finditer(r'<section id="y(\d+)"(.*?)</section>', page, re.S)}
if "Thresholds CARRIED: a source confirms them up to premium year 2017, not for 2022" not in sections.get(2022, ""):
    failures.append("doctor 2022: the carried thresholds are not marked")
if "CARRIED" in sections.get(2017, "CARRIED"):
    failures.append("doctor 2017: thresholds a source confirms are marked as carried")

# a file where the directory should be: a clear error, exit 1
blocker = os.path.join(work, "file")
open(blocker, "w").close()
out = subprocess.run([cli, "rules", "doc", "--html", blocker], capture_output=True, text=True)
if out.returncode != 1 or "not a directory" not in out.stderr:
    failures.append("--html on a file: exit %d, %r" % (out.returncode, out.stderr))
out = subprocess.run([cli, "rules", "doc"], capture_output=True, text=True)
if out.returncode != 2 or "--html" not in out.stderr:
    failures.append("without --html: exit %d, %r" % (out.returncode, out.stderr))

for f in failures:
    print("FAIL:", html.unescape(f))
if failures:
    sys.exit(1)
print("rules site: %d amounts of the embedded rules (and %d with a layer) with their sources" % (n, n_layer))
