package be.inami.broker;

import be.inami.ContractType;
import be.inami.Convention;
import be.inami.Employment;
import be.inami.EvaluationInput;
import be.inami.InamiException;
import be.inami.Profession;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One row of the client file, parsed. Columns (header row, any order; an empty
 * cell means "not given"):
 * required {@code client,profession,year}; the activity and status columns
 * {@code prestations,m_values,r_values,v_values,hours_per_week,reimbursed,convention,
 * convention_start,convention_end,first_number,specialty,trainee,retired,employment,
 * sanctioned,contracts}; the split columns {@code product} (with --products),
 * {@code solidarity_share,entry_fee,contract_type}; the projection columns
 * {@code projection_years} (equal yearly premiums from the premium year, capital valued on
 * 1 January of year + projection_years), {@code guaranteed_rate} and {@code management_fee}
 * (percentages; the product's when empty, never guessed); {@code reading}, the id of the reading
 * to apply where the sources dispute a rule or a figure ({@code reduced_threshold}; each
 * dispute's default when empty).
 */
final class Client {
    static final List<String> REQUIRED = List.of("client", "profession", "year");
    static final List<String> KNOWN = List.of("client", "profession", "year", "prestations", "m_values",
            "r_values", "v_values", "hours_per_week", "reimbursed", "convention", "convention_start",
            "convention_end", "first_number", "specialty", "trainee", "retired", "employment", "sanctioned",
            "contracts", "product", "solidarity_share", "entry_fee", "contract_type", "projection_years",
            "guaranteed_rate", "management_fee", "reading");

    /** A row that cannot be used, with its line and, when one is to blame, its column. */
    static final class BadRow extends Exception {
        private static final long serialVersionUID = 1L;
        final int line;
        final String column;

        BadRow(int line, String column, String message) {
            super(message);
            this.line = line;
            this.column = column;
        }
    }

    final int line;
    final String name;
    final EvaluationInput input;
    final String product;
    final Integer solidarityBp;
    final Integer entryFeeBp;
    final ContractType contractType;
    /** Projection terms; null when not given. */
    Integer projectionYears;
    Integer rateBp;
    Integer managementFeeBp;
    /** The reading to apply where the sources dispute a rule; null for each dispute's default. */
    String reading;

    private Client(int line, String name, EvaluationInput input, String product, Integer solidarityBp,
            Integer entryFeeBp, ContractType contractType) {
        this.line = line;
        this.name = name;
        this.input = input;
        this.product = product;
        this.solidarityBp = solidarityBp;
        this.entryFeeBp = entryFeeBp;
        this.contractType = contractType;
    }

    /**
     * Column positions of a header row.
     *
     * @throws BadRow for an unknown, duplicate or missing column
     */
    static Map<String, Integer> header(Csv.Record r, Text t) throws BadRow {
        Map<String, Integer> cols = new HashMap<>();
        for (int i = 0; i < r.fields.size(); i++) {
            String name = r.fields.get(i).trim().toLowerCase(java.util.Locale.ROOT);
            if (!KNOWN.contains(name)) {
                throw new BadRow(r.line, null, t.get("err.unknown_column", name, String.join(",", KNOWN)));
            }
            if (cols.put(name, i) != null) {
                throw new BadRow(r.line, null, t.get("err.column_twice", name));
            }
        }
        for (String req : REQUIRED) {
            if (!cols.containsKey(req)) {
                throw new BadRow(r.line, null, t.get("err.no_column", req));
            }
        }
        return cols;
    }

    /** A row of cells by column name. */
    private static final class Cells {
        final Csv.Record r;
        final Map<String, Integer> cols;
        final Text t;

        Cells(Csv.Record r, Map<String, Integer> cols, Text t) {
            this.r = r;
            this.cols = cols;
            this.t = t;
        }

        BadRow bad(String col, String key, Object... args) {
            return new BadRow(r.line, col, t.get(key, args));
        }

        /** The trimmed cell, or null when the column is absent or the cell empty. */
        String get(String name) {
            Integer i = cols.get(name);
            if (i == null || i >= r.fields.size()) {
                return null;
            }
            String v = r.fields.get(i).trim();
            return v.isEmpty() ? null : v;
        }
    }

    private static BigDecimal decimal(Cells c, String col) throws BadRow {
        String v = c.get(col);
        if (v == null) {
            return null;
        }
        try {
            BigDecimal d = new BigDecimal(v);
            if (d.signum() < 0) {
                throw c.bad(col, "err.negative", v);
            }
            return d;
        } catch (NumberFormatException e) {
            throw c.bad(col, "err.not_number", v);
        }
    }

    private static Long whole(Cells c, String col) throws BadRow {
        BigDecimal d = decimal(c, col);
        if (d == null) {
            return null;
        }
        try {
            return d.longValueExact();
        } catch (ArithmeticException e) {
            throw c.bad(col, "err.not_whole", c.get(col));
        }
    }

    private static boolean yesNo(Cells c, String col) throws BadRow {
        String v = c.get(col);
        if (v == null || v.equalsIgnoreCase("no")) {
            return false;
        }
        if (v.equalsIgnoreCase("yes")) {
            return true;
        }
        throw c.bad(col, "err.not_yes_no", v);
    }

    private static LocalDate date(Cells c, String col) throws BadRow {
        String v = c.get(col);
        if (v == null) {
            return null;
        }
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw c.bad(col, "err.not_date", v);
        }
    }

    /** A percentage ("10", "0.75") in basis points, exactly. */
    private static Integer percent(Cells c, String col) throws BadRow {
        BigDecimal d = decimal(c, col);
        if (d == null) {
            return null;
        }
        try {
            return d.movePointRight(2).setScale(0).intValueExact();
        } catch (ArithmeticException e) {
            throw c.bad(col, "err.two_decimals", c.get(col));
        }
    }

    /**
     * Parse a data row.
     *
     * @throws BadRow with the line and what is wrong
     */
    static Client parse(Csv.Record r, Map<String, Integer> cols, boolean allowDerived, Text t) throws BadRow {
        int width = cols.values().stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
        if (r.fields.size() != width) {
            throw new BadRow(r.line, null, t.get("err.field_count", width, r.fields.size()));
        }
        Cells c = new Cells(r, cols, t);
        String name = c.get("client");
        if (name == null) {
            throw c.bad("client", "err.empty_client");
        }
        String prof = c.get("profession");
        if (prof == null) {
            throw c.bad("profession", "err.empty_profession");
        }
        if (c.get("year") == null) {
            throw c.bad("year", "err.empty_year");
        }
        Long year = whole(c, "year");
        if (year < 1000 || year > 9999) {
            throw c.bad("year", "err.not_year", c.get("year"));
        }
        Profession profession;
        try {
            profession = Profession.fromId(prof);
        } catch (InamiException e) {
            throw c.bad("profession", "err.library", e.getMessage());
        }
        String column = null;
        try {
            EvaluationInput.Builder b = EvaluationInput.builder(profession, year.intValue())
                    .allowDerived(allowDerived).lang(t.lang);
            Long prestations = whole(c, "prestations");
            if (prestations != null) {
                b.prestations(prestations);
            }
            for (String col : Arrays.asList("m_values", "r_values", "v_values", "hours_per_week")) {
                BigDecimal d = decimal(c, col);
                if (d == null) {
                    continue;
                }
                switch (col) {
                    case "m_values":
                        b.mValues(d);
                        break;
                    case "r_values":
                        b.rValues(d);
                        break;
                    case "v_values":
                        b.vValues(d);
                        break;
                    default:
                        b.hoursPerWeek(d);
                        break;
                }
            }
            BigDecimal reimbursed = decimal(c, "reimbursed");
            if (reimbursed != null) {
                b.reimbursed(reimbursed);
            }
            column = "convention";
            if (c.get("convention") != null) {
                b.convention(Convention.fromId(c.get("convention")));
            }
            b.conventionStart(date(c, "convention_start"));
            b.conventionEnd(date(c, "convention_end"));
            b.firstNumber(date(c, "first_number"));
            b.specialty(c.get("specialty"));
            b.trainee(yesNo(c, "trainee"));
            b.retired(yesNo(c, "retired"));
            b.sanctioned(yesNo(c, "sanctioned"));
            column = "employment";
            if (c.get("employment") != null) {
                b.employment(Employment.fromId(c.get("employment")));
            }
            Long contracts = whole(c, "contracts");
            if (contracts != null) {
                b.contracts(contracts.intValue());
            }
            column = "contract_type";
            ContractType type = c.get("contract_type") == null ? ContractType.SOCIAL_PENSION
                    : ContractType.fromId(c.get("contract_type"));
            column = null;
            Client client = new Client(r.line, name, b.build(), c.get("product"), percent(c, "solidarity_share"),
                    percent(c, "entry_fee"), type);
            Long years = whole(c, "projection_years");
            if (years != null && (years < 1 || years > 60)) {
                throw c.bad("projection_years", "err.projection_years", c.get("projection_years"));
            }
            client.projectionYears = years == null ? null : years.intValue();
            client.rateBp = percent(c, "guaranteed_rate");
            client.managementFeeBp = percent(c, "management_fee");
            client.reading = c.get("reading");
            return client;
        } catch (InamiException e) {
            throw new BadRow(r.line, column, e.getMessage());
        }
    }
}
