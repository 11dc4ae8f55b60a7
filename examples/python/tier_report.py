#!/usr/bin/python3
"""Tier report: each provider's statut social tier for a premium year, from billing lines.

    /usr/bin/python3 examples/python/tier_report.py --year 2022 \
        --chart tier_report.png examples/python/sample_billing.csv

Reads a billing CSV (header provider,code,quantity[,date]) with the library's
streaming reader, totals the key-letter values per provider (bulk, in C),
evaluates every provider in one batch call, prints a summary table and writes
a PNG chart: providers per tier, and each provider's distance to the next tier.
The chart needs matplotlib (Debian: python3-matplotlib); without it the table
is still printed and a message says why no chart was written.

sample_billing.csv holds ILLUSTRATIVE, made-up activity of twelve invented
physiotherapists (kine-01..kine-12); the key-letter values come from the
library's sourced nomenclature and the tiers and amounts from its sourced rules.
"""

import argparse
import collections
import decimal
import sys

try:
    import inami
except ImportError as e:  # pragma: no cover - set-up problem
    sys.exit("tier_report: cannot import inami (%s); build it and set PYTHONPATH, "
             "or install it (see docs/python.md)" % e)


def euros(cents):
    return (decimal.Decimal(int(cents)) / 100).quantize(decimal.Decimal("0.01"))


def points(value):
    """A key-letter figure (decimal.Decimal points) as short text: 17340.00 -> '17340', 17.50 -> '17.5'."""
    text = format(value, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def parse_args(argv):
    p = argparse.ArgumentParser(description="Statut social tier of each provider of a billing CSV.")
    p.add_argument("csv", help="billing CSV: provider,code,quantity[,date YYYY-MM-DD]")
    p.add_argument("--year", type=int, required=True, help="premium year (year of activity)")
    p.add_argument("--profession", default="physiotherapist",
                   help="profession of every provider (default: physiotherapist)")
    p.add_argument("--chart", default="tier_report.png", help="PNG file to write (default: %(default)s)")
    p.add_argument("--no-chart", action="store_true", help="print the table only")
    p.add_argument("--allow-derived", action="store_true",
                   help="accept DERIVED figures (estimates) in values and amounts")
    p.add_argument("--rules", action="append", default=[], metavar="FILE",
                   help="rules file layered over the default (repeatable)")
    p.add_argument("--skip-bad", action="store_true", help="skip malformed CSV lines (counted)")
    return p.parse_args(argv)


def build_rows(totals, batch, letter):
    """One dict per provider, in the CSV's order of first appearance."""
    rows = []
    key_values = totals.key_values(batch.profession)
    tiers = batch.tier_ids
    for i, pid in enumerate(totals.provider_ids):
        t = batch.tier_index[i]
        nxt = t + 1 if t + 1 < len(tiers) else None
        notes = inami.flag_names(int(totals.flags[i]))
        status = int(batch.status[i]) or int(totals.status[i])
        rows.append({
            "provider": pid,
            "prestations": int(totals.prestations[i]),
            "key_value": key_values[i] if key_values is not None else None,   # Decimal points
            "tier": tiers[t] if t >= 0 else None,
            "amount_cents": int(batch.amount_cents[i]),
            "next_tier": tiers[nxt] if nxt is not None and status == 0 else None,
            "missing_prestations": int(batch.missing_prestations[i]),
            "missing_key_value": batch.missing_key_value[i],   # Decimal points, None if n/a
            "status": status,
            "notes": notes,
        })
    return rows


def explain_blocked(rows, args, rules, letter):
    """Providers with no tier and nothing missing are blocked by another
    condition (e.g. activity above the maximum): ask inami.evaluate() which."""
    for r in rows:
        if r["tier"] is None and r["status"] == 0 and r["missing_prestations"] < 0 \
                and r["missing_key_value"] is None:
            kv = {}
            if letter and r["key_value"] is not None:
                kv[letter.lower() + "_values"] = r["key_value"]
            ev = inami.evaluate(args.profession, args.year, prestations=r["prestations"],
                                allow_derived=args.allow_derived, rules=rules, **kv)
            failed = [c.id for c in ev.checks if c.state == "failed" and c.blocking]
            r["next_tier"] = None
            r["why"] = "blocked: " + ",".join(failed) if failed else "-"


def print_table(rows, letter, year, profession):
    kv = letter or "-"
    print("%s, premium year %d: %d providers" % (profession, year, len(rows)))
    head = ("provider", "prestations", kv, "tier", "amount EUR", "next tier", "missing", "notes")
    fmt = "%-12s %11s %10s %-13s %10s %-13s %-22s %s"
    print(fmt % head)
    print("-" * 110)
    for r in rows:
        missing = []
        if r["missing_prestations"] >= 0:
            missing.append("%d prest." % r["missing_prestations"])
        if r["missing_key_value"] is not None:
            missing.append("%s %s" % (points(r["missing_key_value"]), kv))
        tier = r["tier"] or ("error %d" % r["status"] if r["status"] else "none")
        print(fmt % (r["provider"], r["prestations"],
                     points(r["key_value"]) if r["key_value"] is not None else "-",
                     tier, euros(r["amount_cents"]), r["next_tier"] or "-",
                     " or ".join(missing) or r.get("why", "-"), ",".join(r["notes"])))
    print("-" * 110)
    by_tier = collections.OrderedDict()
    for r in rows:
        key = r["tier"] or "none"
        n, cents = by_tier.get(key, (0, 0))
        by_tier[key] = (n + 1, cents + r["amount_cents"])
    for tier, (n, cents) in by_tier.items():
        print("%-13s %3d providers   EUR %12s" % (tier, n, euros(cents)))
    print("%-13s %3d providers   EUR %12s" % ("total", len(rows),
                                                euros(sum(r["amount_cents"] for r in rows))))


def write_chart(rows, tier_ids, path, title):
    try:
        import matplotlib
        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
        import matplotlib.ticker
    except ImportError:
        print("tier_report: matplotlib is not installed (Debian: sudo apt install "
              "python3-matplotlib); the table above is complete, no chart written",
              file=sys.stderr)
        return False

    order = ["none"] + list(tier_ids)
    colours = dict(zip(order, ["#b0b0b0", "#f4a261", "#2a9d8f", "#264653", "#e76f51", "#8ab17d"]))
    counts = collections.Counter(r["tier"] or "none" for r in rows)

    fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(13, 5.5),
                                   gridspec_kw={"width_ratios": [1, 1.6]})
    fig.suptitle(title, fontsize=13)

    bars = ax1.bar(order, [counts.get(t, 0) for t in order], color=[colours[t] for t in order])
    ax1.bar_label(bars)
    ax1.set_title("Providers per tier")
    ax1.set_xlabel("tier reached")
    ax1.set_ylabel("providers")
    ax1.margins(y=0.15)
    ax1.yaxis.set_major_locator(matplotlib.ticker.MaxNLocator(integer=True))

    # Distance to the next tier in prestations (providers with a next tier).
    near = [r for r in rows if r["next_tier"] and r["missing_prestations"] >= 0]
    near.sort(key=lambda r: r["missing_prestations"])
    labels = ["%s -> %s" % (r["provider"], r["next_tier"]) for r in near]
    values = [r["missing_prestations"] for r in near]
    hb = ax2.barh(labels, values, color=[colours[r["tier"] or "none"] for r in near])
    ax2.bar_label(hb, padding=3)
    ax2.invert_yaxis()
    ax2.set_title("Prestations missing for the next tier")
    ax2.set_xlabel("prestations missing (colour = tier reached)")
    ax2.margins(x=0.15)
    handles = [plt.Rectangle((0, 0), 1, 1, color=colours[t]) for t in order]
    ax2.legend(handles, order, title="tier reached", loc="upper right")

    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return True


def main(argv=None):
    args = parse_args(argv)
    try:
        rules = inami.Rules.default()
        for path in args.rules:
            rules = rules.layer(path)
        totals = inami.read_billing_csv(args.csv, allow_derived=args.allow_derived,
                                        skip_bad=args.skip_bad)
        batch = totals.evaluate(args.profession, args.year, allow_derived=args.allow_derived,
                                rules=rules)
    except inami.InamiError as e:
        print("tier_report: %s" % e, file=sys.stderr)
        return 1
    letter = inami.key_letter(args.profession)
    rows = build_rows(totals, batch, letter)
    explain_blocked(rows, args, rules, letter)
    print("%s: %d lines%s" % (args.csv, totals.lines,
                             ", %d skipped (first: %s)" % (totals.skipped, totals.first_skipped)
                             if totals.skipped else ""))
    print_table(rows, letter, args.year, args.profession)
    if not args.no_chart:
        title = "%s, premium year %d (%s)" % (args.profession, args.year, args.csv.split("/")[-1])
        if write_chart(rows, batch.tier_ids, args.chart, title):
            print("chart written to %s" % args.chart)
    return 0


if __name__ == "__main__":
    sys.exit(main())
