package be.inami;

import be.inami.swig.inami_milestone;
import be.inami.swig.inami_native;
import java.time.LocalDate;
import java.util.List;

/**
 * One milestone of the yearly automated procedure (contract deadline,
 * extra-information deadline, decision, payment...), dated from the sourced
 * procedure calendar. A date the sources do not give has precision "none" and
 * provenance {@link Provenance#NOT_FOUND}; it is never guessed. A plain Java value
 * (copied from a {@link Timeline}).
 */
public final class Milestone {
    private final String id;
    private final String label;
    private final LocalDate date;
    private final DatePrecision precision;
    private final String iso;
    private final int relativeDays;
    private final String rule;
    private final Provenance provenance;
    private final String source;
    private final String note;

    Milestone(inami_milestone m, Lang lang) {
        id = m.getId();
        label = inami_native.inami_milestone_label(id, lang.code());
        date = Dates.of(m.getDate());
        precision = DatePrecision.fromCode(m.getPrecision());
        iso = m.getIso();
        relativeDays = m.getRelative_days();
        rule = m.getRule();
        provenance = Provenance.fromCode(m.getProvenance());
        source = m.getSource();
        note = m.getNote();
    }

    /**
     * The milestones of a profession's premium year, in procedure order (a
     * {@link Timeline} made, read and closed).
     *
     * @param profession the profession
     * @param premiumYear the premium year
     * @param lang language of the labels
     * @return the milestones
     * @throws InamiException ENORULES when the automated procedure does not cover that year
     */
    public static List<Milestone> timeline(Profession profession, int premiumYear, Lang lang) {
        try (Timeline t = Timeline.of(profession, premiumYear)) {
            return t.milestones(lang);
        }
    }

    /** @return the stable id ("contract_concluded", "extra_info_deadline", "decision", "payment_deadline", ...) */
    public String id() {
        return id;
    }

    /** @return the label in the requested language */
    public String label() {
        return label;
    }

    /** @return the date (first day of the month for precision "month"), or null */
    public LocalDate date() {
        return date;
    }

    /** @return "day", "month", "relative" (to the decision) or "none" (NOT FOUND) */
    public String precision() {
        return precision.id();
    }

    /** @return the precision of {@link #date()} */
    public DatePrecision datePrecision() {
        return precision;
    }

    /** @return "2023-08-31", "2023-09" (month) or "" when no date */
    public String iso() {
        return iso;
    }

    /** @return days after the decision notification, for precision "relative" */
    public int relativeDays() {
        return relativeDays;
    }

    /** @return the data's rule ("N+1-08-31", "+60d", ...) */
    public String rule() {
        return rule;
    }

    /** @return provenance of the date */
    public Provenance provenance() {
        return provenance;
    }

    /** @return source URL(s) */
    public String source() {
        return source;
    }

    /** @return caveats, "" if none */
    public String note() {
        return note;
    }

    /** @return the date as text: iso date, "decision+60d", or "not found" */
    public String when() {
        switch (precision) {
            case RELATIVE:
                return "decision+" + relativeDays + "d";
            case NONE:
                return "not found";
            default:
                return iso;
        }
    }

    @Override
    public String toString() {
        return id + " " + when();
    }
}
