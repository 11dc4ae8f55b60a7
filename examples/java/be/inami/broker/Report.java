package be.inami.broker;

import be.inami.Allocation;
import be.inami.Check;
import be.inami.CheckState;
import be.inami.Evaluation;
import be.inami.InamiException;
import be.inami.Lang;
import be.inami.Milestone;
import be.inami.Missing;
import be.inami.NextTier;
import be.inami.Payee;
import be.inami.Products;
import be.inami.Projection;
import be.inami.Rules;
import java.io.BufferedReader;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The broker's report: one row per client, with what the broker must do. */
final class Report {
    /** Columns of the CSV report, in order. */
    static final List<String> COLUMNS = List.of("client", "eligible", "amount_cents", "tier", "payee",
            "next_tier", "actions", "line", "profession", "year", "amount_eur", "next_tier_amount_cents",
            "fees_cents", "solidarity_cents", "pension_cents", "contract_deadline", "extra_info_deadline",
            "decision", "payment_deadline", "projected_capital_cents", "projected_net_cents");

    /** The milestones shown per client, by id, with their report column. */
    static final Map<String, String> MILESTONES = new LinkedHashMap<>();

    static {
        MILESTONES.put("contract_concluded", "contract_deadline");
        MILESTONES.put("extra_info_deadline", "extra_info_deadline");
        MILESTONES.put("decision", "decision");
        MILESTONES.put("payment_deadline", "payment_deadline");
    }

    /** The retired provider's action (docs/sources/procedure.md). */
    static final String BANK_ACCOUNT_ACTION =
            "avantage de convention: check the bank account in the provider's INAMI profile";

    /** How a report is made. */
    static final class Options implements AutoCloseable {
        Rules rules = Rules.defaults();
        Products products;
        boolean allowDerived;
        Lang lang = Lang.EN;

        /** Frees the loaded rules and products (their native memory is invisible to the GC). */
        @Override
        public void close() {
            rules.close();
            if (products != null) {
                products.close();
            }
        }
    }

    /** One client's line of the report. */
    static final class Row {
        final int line;
        final String client;
        String profession = "";
        String year = "";
        Evaluation evaluation;
        Allocation allocation;
        String allocationNote;
        Projection projection;
        final Map<String, String> milestones = new LinkedHashMap<>();
        final List<String> actions = new ArrayList<>();
        String error;
        /** The error is about the whole file (header, quoting), not one client. */
        boolean fileError;

        Row(int line, String client) {
            this.line = line;
            this.client = client;
        }

        String eligible() {
            return error != null ? "error" : evaluation.eligible() ? "yes" : "no";
        }

        /** The CSV fields, in {@link #COLUMNS} order. */
        List<String> fields() {
            List<String> f = new ArrayList<>();
            Evaluation e = evaluation;
            NextTier next = e == null ? null : e.nextTier();
            f.add(client);
            f.add(eligible());
            f.add(e == null ? "" : Long.toString(e.amountCents()));
            f.add(e == null || e.tier() == null ? "" : e.tier());
            f.add(e == null ? "" : e.payee().id());
            f.add(next == null ? "" : next.tier());
            f.add(String.join("; ", actions));
            f.add(Integer.toString(line));
            f.add(profession);
            f.add(year);
            f.add(e == null ? "" : e.amount().toPlainString());
            f.add(next == null ? "" : Long.toString(next.amountCents()));
            Allocation a = allocation;
            f.add(a == null ? "" : Long.toString(a.feesCents()));
            f.add(a == null ? "" : Long.toString(a.solidarityCents()));
            f.add(a == null ? "" : Long.toString(a.pensionCents()));
            for (String col : MILESTONES.values()) {
                f.add(milestones.getOrDefault(col, ""));
            }
            Projection p = projection;
            f.add(p == null ? "" : Long.toString(p.capitalCents()));
            f.add(p == null ? "" : Long.toString(p.netCapitalCents()));
            return f;
        }
    }

    /** The report of a client file; a bad header gives one error row for line 1. */
    static List<Row> run(BufferedReader in, Options o) throws IOException {
        List<Row> rows = new ArrayList<>();
        List<Csv.Record> records;
        try {
            records = Csv.read(in);
        } catch (Csv.Malformed e) {
            rows.add(fileError(e.line, e.getMessage()));
            return rows;
        }
        if (records.isEmpty()) {
            rows.add(fileError(1, "the client file is empty (expected a header: "
                    + String.join(",", Client.REQUIRED) + ",...)"));
            return rows;
        }
        Map<String, Integer> cols;
        try {
            cols = Client.header(records.get(0));
        } catch (Client.BadRow e) {
            rows.add(fileError(e.line, e.getMessage()));
            return rows;
        }
        for (Csv.Record rec : records.subList(1, records.size())) {
            rows.add(row(rec, cols, o));
        }
        return rows;
    }

    /** A row standing for an error about the whole file. */
    private static Row fileError(int line, String message) {
        Row r = new Row(line, "");
        r.fileError = true;
        fail(r, message);
        return r;
    }

    private static String cell(Csv.Record rec, Map<String, Integer> cols, String name) {
        Integer i = cols.get(name);
        return i != null && i < rec.fields.size() ? rec.fields.get(i).trim() : "";
    }

    private static Row row(Csv.Record rec, Map<String, Integer> cols, Options o) {
        Row row = new Row(rec.line, cell(rec, cols, "client"));
        row.profession = cell(rec, cols, "profession");
        row.year = cell(rec, cols, "year");
        Client c;
        try {
            c = Client.parse(rec, cols, o.allowDerived, o.lang);
            row.evaluation = o.rules.evaluate(c.input);
        } catch (Client.BadRow e) {
            return fail(row, e.getMessage());
        } catch (InamiException e) {
            return fail(row, e.getMessage());
        }
        actions(row, row.evaluation);
        split(row, c, o);
        project(row, c, o);
        milestones(row, c, o);
        if (row.actions.isEmpty()) {
            row.actions.add("no action needed");
        }
        return row;
    }

    private static Row fail(Row row, String message) {
        row.error = message;
        row.evaluation = null;
        row.actions.clear();
        row.actions.add("line " + row.line + ": " + message);
        return row;
    }

    /** What the broker must do, from the explained checks. */
    static void actions(Row row, Evaluation e) {
        if (e.payee() == Payee.BANK_ACCOUNT) {
            row.actions.add(BANK_ACCOUNT_ACTION);
        }
        boolean activityShort = false;
        if (!e.eligible()) {
            for (Check k : e.checks()) {
                if (k.state() == CheckState.FAILED && k.blocking()) {
                    row.actions.add("not eligible: " + k.detail());
                    activityShort |= k.id().equals("minimum_activity");
                }
            }
            if (row.actions.isEmpty()) {
                row.actions.add("not eligible");
            }
        }
        for (Check k : e.checks()) {
            // The retirement check repeats the bank-account action added above.
            if (k.state() == CheckState.ACTION && !(k.id().equals("retirement") && e.payee() == Payee.BANK_ACCOUNT)) {
                row.actions.add(k.detail());
            }
        }
        NextTier next = e.nextTier();
        if (next != null && (e.eligible() || activityShort)) {
            String gap = gap(e, next);
            if (gap != null) {
                row.actions.add(gap + " for tier " + next.tier() + " (EUR " + next.amount().toPlainString() + ")");
            }
        }
        if (e.lowerBound()) {
            row.actions.add("lower bound only: the " + e.premiumYear()
                    + " thresholds were lowered by a percentage the sources do not give; check INAMI's decision");
        }
    }

    /** "701 more prestations": the first measure the client gave, else the first one. */
    private static String gap(Evaluation e, NextTier next) {
        Missing pick = null;
        for (Missing m : next.missing()) {
            if (m.missing() < m.threshold()) { // observed > 0: the client gave that measure
                pick = m;
                break;
            }
        }
        if (pick == null && !next.missing().isEmpty()) {
            pick = next.missing().get(0);
        }
        if (pick == null) {
            return null;
        }
        String n = pick.measure().toDecimal(pick.missing()).stripTrailingZeros().toPlainString();
        switch (pick.measure()) {
            case PRESTATIONS:
                return n + (pick.missing() == 1 ? " more prestation" : " more prestations");
            case REIMBURSED_EUR:
                return "EUR " + BigDecimal.valueOf(pick.missing(), 2).toPlainString() + " more reimbursed";
            case HOURS_PER_WEEK:
                return n + " more hours per week";
            default:
                return n + " more " + pick.measure().id().substring(0, 1).toUpperCase(Locale.ROOT);
        }
    }

    /** Pension / solidarity split of an eligible premium paid into a contract. */
    private static void split(Row row, Client c, Options o) {
        Evaluation e = row.evaluation;
        if (!e.eligible() || e.payee() != Payee.INSURANCE_CONTRACT) {
            return;
        }
        try {
            if (c.product != null) {
                if (o.products == null) {
                    row.actions.add("product " + c.product + ": no products file given (--products FILE)");
                    return;
                }
                row.allocation = o.products.split(c.product, e.amountCents());
            } else if (c.solidarityBp != null) {
                row.allocation = Allocation.split(e.amountCents(), c.contractType, c.solidarityBp,
                        c.entryFeeBp == null ? 0 : c.entryFeeBp);
            }
        } catch (InamiException ex) {
            row.actions.add("split: " + ex.getMessage());
        }
    }

    /**
     * Capital at the exit when the client gives projection_years: the premium paid each year from
     * the premium year, with the row's terms or its product's (a term nobody gives: an action, no figure).
     */
    private static void project(Row row, Client c, Options o) {
        Evaluation e = row.evaluation;
        if (c.projectionYears == null || !e.eligible() || e.payee() != Payee.INSURANCE_CONTRACT) {
            return;
        }
        int first = c.input.premiumYear();
        Projection.Builder b = Projection.builder(e.amountCents(), c.projectionYears, first,
                first + c.projectionYears).contractType(c.contractType);
        if (c.product != null) {
            if (o.products == null) {
                return; // the split already asked for --products
            }
            b.product(o.products, c.product);
        }
        if (c.rateBp != null) {
            b.rateBp(c.rateBp);
        }
        if (c.solidarityBp != null) {
            b.solidarityBp(c.solidarityBp);
        }
        if (c.entryFeeBp != null) {
            b.entryFeeBp(c.entryFeeBp);
        } else if (c.product == null) {
            b.entryFeeBp(0); // as the split: no product, no entry fee column = none
        }
        if (c.managementFeeBp != null) {
            b.managementFeeBp(c.managementFeeBp);
        }
        try {
            row.projection = b.project();
        } catch (InamiException ex) {
            row.actions.add("projection: " + ex.getMessage());
        }
    }

    /** Procedure dates for the premium year (never guessed: "not found"). */
    private static void milestones(Row row, Client c, Options o) {
        List<Milestone> timeline;
        try {
            timeline = Milestone.timeline(c.input.profession(), c.input.premiumYear(), o.lang);
        } catch (InamiException ex) {
            // Years before the automated procedure: nothing to show.
            return;
        }
        for (Milestone m : timeline) {
            String col = MILESTONES.get(m.id());
            // A retired provider is paid to a bank account: no contract deadline.
            boolean noContract = m.id().equals("contract_concluded") && row.evaluation.payee() == Payee.BANK_ACCOUNT;
            if (col != null && !noContract) {
                row.milestones.put(col, m.when());
            }
        }
    }
}
