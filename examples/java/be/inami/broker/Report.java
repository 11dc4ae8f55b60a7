package be.inami.broker;

import be.inami.Allocation;
import be.inami.Check;
import be.inami.CheckState;
import be.inami.Evaluation;
import be.inami.InamiException;
import be.inami.Lang;
import be.inami.Messages;
import be.inami.Milestone;
import be.inami.Missing;
import be.inami.NextTier;
import be.inami.Payee;
import be.inami.Products;
import be.inami.Projection;
import be.inami.Reading;
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
            "decision", "payment_deadline", "projected_capital_cents", "projected_net_cents", "disputed",
            "carried_from");

    /** The milestones shown per client, by id, with their report column. */
    static final Map<String, String> MILESTONES = new LinkedHashMap<>();

    static {
        MILESTONES.put("contract_concluded", "contract_deadline");
        MILESTONES.put("extra_info_deadline", "extra_info_deadline");
        MILESTONES.put("decision", "decision");
        MILESTONES.put("payment_deadline", "payment_deadline");
    }

    /** How a report is made. */
    static final class Options implements AutoCloseable {
        Rules rules = Rules.defaults();
        Products products;
        boolean allowDerived;
        Lang lang = Lang.EN;
        /** Most client rows the server takes in one file (0: no limit). */
        int maxRows;

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
        /** The next tier's name in the report's language (null when there is none). */
        String nextTierLabel;
        Allocation allocation;
        String allocationNote;
        Projection projection;
        /** The verdict under each of the evaluation's readings, in the report's language, in their order. */
        final List<String> readingVerdicts = new ArrayList<>();
        final Map<String, String> milestones = new LinkedHashMap<>();
        final List<String> actions = new ArrayList<>();
        String error;
        /** The column to blame for the error, when there is one. */
        String errorColumn;

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
            f.add(e == null ? "" : e.disputed() ? "yes" : "no");
            f.add(e == null || e.carriedFrom() == 0 ? "" : Integer.toString(e.carriedFrom()));
            return f;
        }
    }

    /** Receives the report's rows one at a time. */
    interface Sink {
        /** One client's row. */
        void row(Row r) throws IOException;
    }

    /** Counts what the page and the API show under the table. */
    static final class Totals {
        int clients;
        int eligible;
        int errors;
        long premiumCents;
        long pensionCents;
        long solidarityCents;
        long feesCents;

        void add(Row r) {
            clients++;
            if (r.error != null) {
                errors++;
                return;
            }
            if (r.evaluation.eligible()) {
                eligible++;
                premiumCents += r.evaluation.amountCents();
            }
            if (r.allocation != null) {
                pensionCents += r.allocation.pensionCents();
                solidarityCents += r.allocation.solidarityCents();
                feesCents += r.allocation.feesCents();
            }
        }
    }

    /** What is wrong with a whole file: its line and the message. */
    static final class FileError extends Exception {
        private static final long serialVersionUID = 1L;
        final int line;

        FileError(int line, String message) {
            super(message);
            this.line = line;
        }
    }

    /** The column positions of a file's header, read from its first record. */
    static Map<String, Integer> header(Csv.Reader r, Text t) throws IOException, FileError {
        Csv.Record first;
        try {
            first = r.next();
        } catch (Csv.Malformed e) {
            throw new FileError(e.line, t.get("err.unterminated"));
        }
        if (first == null) {
            throw new FileError(1, t.get("err.empty_file", String.join(",", Client.REQUIRED)));
        }
        try {
            return Client.header(first, t);
        } catch (Client.BadRow e) {
            throw new FileError(e.line, e.getMessage());
        }
    }

    /**
     * Checks a whole file without evaluating it: the header, the quoting and
     * the number of client rows (at most {@code maxRows} when it is not 0).
     *
     * @return the number of client rows
     */
    static int check(BufferedReader in, Text t, int maxRows) throws IOException, FileError {
        Csv.Reader r = new Csv.Reader(in);
        header(r, t);
        int n = 0;
        try {
            while (r.next() != null) {
                if (++n > maxRows && maxRows > 0) {
                    throw new FileError(0, t.get("err.too_many_rows", maxRows));
                }
            }
        } catch (Csv.Malformed e) {
            throw new FileError(e.line, t.get("err.unterminated"));
        }
        if (n == 0) {
            throw new FileError(1, t.get("err.no_clients"));
        }
        return n;
    }

    /**
     * The report of a client file, one row at a time; nothing is kept.
     *
     * @throws FileError for a file that cannot be read at all (header, quoting)
     */
    static void run(BufferedReader in, Options o, Text t, Sink sink) throws IOException, FileError {
        Csv.Reader r = new Csv.Reader(in);
        Map<String, Integer> cols = header(r, t);
        while (true) {
            Csv.Record rec;
            try {
                rec = r.next();
            } catch (Csv.Malformed e) {
                throw new FileError(e.line, t.get("err.unterminated"));
            }
            if (rec == null) {
                return;
            }
            sink.row(row(rec, cols, o, t));
        }
    }

    private static String cell(Csv.Record rec, Map<String, Integer> cols, String name) {
        Integer i = cols.get(name);
        return i != null && i < rec.fields.size() ? rec.fields.get(i).trim() : "";
    }

    /** One client's row from a record of the file. */
    static Row row(Csv.Record rec, Map<String, Integer> cols, Options o, Text t) {
        Row row = new Row(rec.line, cell(rec, cols, "client"));
        row.profession = cell(rec, cols, "profession");
        row.year = cell(rec, cols, "year");
        Client c;
        try {
            c = Client.parse(rec, cols, o.allowDerived, t);
        } catch (Client.BadRow e) {
            return fail(row, e.column, e.getMessage(), t);
        }
        try {
            row.evaluation = o.rules.evaluate(c.input, c.reading);
        } catch (InamiException e) {
            return fail(row, readingToBlame(c, o, e) ? "reading" : null, e.getMessage(), t);
        }
        NextTier coming = row.evaluation.nextTier();
        row.nextTierLabel = coming == null ? null : o.rules.tierLabel(coming.tier(), t.lang);
        for (Reading g : row.evaluation.readings()) {
            row.readingVerdicts.add(Readings.verdict(g, o.rules, t));
        }
        actions(row, row.evaluation, t);
        Readings.actions(row, row.evaluation, o.rules, c.reading, t);
        split(row, c, o, t);
        project(row, c, o, t);
        milestones(row, c, t.lang, o);
        if (row.actions.isEmpty()) {
            row.actions.add(t.get("action.none"));
        }
        return row;
    }

    /** True when the row's reading is what the library refused: without it, the row is evaluated. */
    private static boolean readingToBlame(Client c, Options o, InamiException e) {
        if (c.reading == null || e.status() != InamiException.EINVAL) {
            return false;
        }
        try {
            o.rules.evaluate(c.input);
            return true;
        } catch (InamiException other) {
            return false;
        }
    }

    private static Row fail(Row row, String column, String message, Text t) {
        row.error = message;
        row.errorColumn = column;
        row.evaluation = null;
        row.actions.clear();
        row.actions.add(column == null ? t.get("err.at_line", row.line, message)
                : t.get("err.at_line_column", row.line, column, message));
        return row;
    }

    /** What the broker must do, from the explained checks. */
    static void actions(Row row, Evaluation e, Text t) {
        if (e.payee() == Payee.BANK_ACCOUNT) {
            row.actions.add(t.get("action.bank_account"));
        }
        boolean activityShort = false;
        if (!e.eligible()) {
            for (Check k : e.checks()) {
                if (k.state() == CheckState.FAILED && k.blocking()) {
                    row.actions.add(t.get("action.not_eligible_because", k.detail()));
                    activityShort |= k.id().equals("minimum_activity");
                }
            }
            if (row.actions.isEmpty()) {
                row.actions.add(t.get("action.not_eligible"));
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
            String gap = gap(e, next, t);
            if (gap != null) {
                String name = row.nextTierLabel != null ? row.nextTierLabel : next.tier();
                row.actions.add(t.get("action.next_tier", gap, name, Messages.formatAmount(next.amountCents(), t.lang)));
            }
        }
        if (e.lowerBound()) {
            row.actions.add(t.get("action.lower_bound", e.premiumYear()));
        }
    }

    /** "701 more prestations": the first measure the client gave, else the first one. */
    private static String gap(Evaluation e, NextTier next, Text t) {
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
                return t.get(pick.missing() == 1 ? "gap.prestation" : "gap.prestations", n);
            case REIMBURSED_EUR:
                return t.get("gap.reimbursed", Messages.formatAmount(pick.missing(), t.lang));
            case HOURS_PER_WEEK:
                return t.get("gap.hours", n);
            default:
                return t.get("gap.key_letter", n, pick.measure().id().substring(0, 1).toUpperCase(Locale.ROOT));
        }
    }

    /** Pension / solidarity split of an eligible premium paid into a contract. */
    private static void split(Row row, Client c, Options o, Text t) {
        Evaluation e = row.evaluation;
        if (!e.eligible() || e.payee() != Payee.INSURANCE_CONTRACT) {
            return;
        }
        try {
            if (c.product != null) {
                if (o.products == null) {
                    row.actions.add(t.get("action.no_products", c.product));
                    return;
                }
                row.allocation = o.products.split(c.product, e.amountCents());
            } else if (c.solidarityBp != null) {
                row.allocation = Allocation.split(e.amountCents(), c.contractType, c.solidarityBp,
                        c.entryFeeBp == null ? 0 : c.entryFeeBp);
            }
        } catch (InamiException ex) {
            row.actions.add(t.get("action.split_refused", ex.getMessage()));
        }
    }

    /**
     * Capital at the exit when the client gives projection_years: the premium paid each year from
     * the premium year, with the row's terms or its product's (a term nobody gives: an action, no figure).
     */
    private static void project(Row row, Client c, Options o, Text t) {
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
            row.actions.add(t.get("action.projection_refused", ex.getMessage()));
        }
    }

    /** Procedure dates for the premium year (never guessed: "not found"). */
    private static void milestones(Row row, Client c, Lang lang, Options o) {
        List<Milestone> timeline;
        try {
            timeline = Milestone.timeline(c.input.profession(), c.input.premiumYear(), lang);
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
