package be.inami;

import be.inami.swig.inami_check;
import be.inami.swig.inami_native;
import be.inami.swig.inami_reading;
import be.inami.swig.inami_result;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The answer of {@link Rules#evaluate(EvaluationInput)}: eligible or not, tier,
 * amount in cents, payee, each condition checked and what is missing for the
 * next tier. A plain immutable Java value: it holds no native memory (the C
 * result is copied and freed before it is returned).
 */
public final class Evaluation {
    private final Profession profession;
    private final int premiumYear;
    private final boolean eligible;
    private final long amountCents;
    private final long fullYearCents;
    private final int months;
    private final String tier;
    private final String tierLabel;
    private final Payee payee;
    private final Provenance provenance;
    private final Provenance weakestProvenance;
    private final String source;
    private final int amountYear;
    private final int thresholdsYear;
    private final boolean lowerBound;
    private final List<Check> checks;
    private final NextTier nextTier;
    private final List<String> notes;
    private final List<Reading> readings;
    private final boolean disputed;
    private final int carriedFrom;

    private Evaluation(Profession profession, int premiumYear, inami_result r) {
        this.profession = profession;
        this.premiumYear = premiumYear;
        eligible = inami_native.inami_result_eligible(r) != 0;
        amountCents = inami_native.inami_result_amount_cents(r);
        fullYearCents = inami_native.inami_result_full_year_cents(r);
        months = inami_native.inami_result_months(r);
        tier = inami_native.inami_result_tier(r);
        tierLabel = inami_native.inami_result_tier_label(r);
        payee = Payee.fromCode(inami_native.inami_result_payee(r));
        provenance = Provenance.fromCode(inami_native.inami_result_provenance(r));
        weakestProvenance = Provenance.fromCode(inami_native.inami_result_weakest_provenance(r));
        source = inami_native.inami_result_source(r);
        amountYear = inami_native.inami_result_amount_year(r);
        thresholdsYear = inami_native.inami_result_thresholds_year(r);
        lowerBound = inami_native.inami_result_lower_bound(r) != 0;

        long n = inami_native.inami_result_check_count(r);
        List<Check> cs = new ArrayList<>((int) n);
        for (long i = 0; i < n; i++) {
            inami_check c = inami_native.inami_result_check(r, i);
            boolean values = c.getHas_values() != 0;
            Measure m = values && c.getMeasure() >= 0 ? Measure.fromCode(c.getMeasure()) : null;
            Long observed = values ? Long.valueOf(c.getObserved()) : null;
            Long threshold = values ? Long.valueOf(c.getThreshold()) : null;
            cs.add(new Check(c.getId(), CheckState.fromCode(c.getState()), c.getBlocking() != 0,
                    c.getLabel(), c.getDetail(), m, observed, threshold, c.getRule_year(), c.getSource()));
        }
        checks = List.copyOf(cs);

        String next = inami_native.inami_result_next_tier(r);
        if (next != null) {
            long k = inami_native.inami_result_missing_count(r);
            List<Missing> ms = new ArrayList<>((int) k);
            for (long i = 0; i < k; i++) {
                ms.add(new Missing(Measure.fromCode(inami_native.inami_swig_result_missing_measure(r, i)),
                        inami_native.inami_swig_result_missing_threshold(r, i),
                        inami_native.inami_swig_result_missing_value(r, i)));
            }
            nextTier = new NextTier(next, inami_native.inami_result_next_tier_amount_cents(r), ms);
        } else {
            nextTier = null;
        }

        long nn = inami_native.inami_result_note_count(r);
        List<String> ns = new ArrayList<>((int) nn);
        for (long i = 0; i < nn; i++) {
            ns.add(inami_native.inami_result_note(r, i));
        }
        notes = List.copyOf(ns);

        long nr = inami_native.inami_result_reading_count(r);
        List<Reading> rs = new ArrayList<>((int) nr);
        for (long i = 0; i < nr; i++) {
            inami_reading g = inami_native.inami_result_reading(r, i);
            rs.add(new Reading(g.getDispute(), g.getId(), g.getApplied() != 0, g.getIs_default() != 0, g.getStatus(),
                    g.getEligible() != 0, g.getTier(), g.getAmount_cents(), Provenance.fromCode(g.getProvenance()),
                    g.getSource(), g.getNote()));
        }
        readings = List.copyOf(rs);
        disputed = inami_native.inami_result_disputed(r) != 0;
        carriedFrom = inami_native.inami_result_carried_from(r);
    }

    /** Copy a native result (which the caller frees). */
    static Evaluation read(EvaluationInput in, inami_result r) {
        return new Evaluation(in.profession(), in.premiumYear(), r);
    }

    /** @return the profession evaluated */
    public Profession profession() {
        return profession;
    }

    /** @return the premium year evaluated */
    public int premiumYear() {
        return premiumYear;
    }

    /** @return true when the provider is entitled to an amount for the premium year */
    public boolean eligible() {
        return eligible;
    }

    /** @return the amount due in cents (after pro rata), 0 when not eligible */
    public long amountCents() {
        return amountCents;
    }

    /** @return the amount due in euros, exactly (scale 2) */
    public BigDecimal amount() {
        return BigDecimal.valueOf(amountCents, 2);
    }

    /** @return the tier's full-year amount in cents before pro rata, 0 when not eligible */
    public long fullYearCents() {
        return fullYearCents;
    }

    /** @return complete months counted for a first-year pro rata (12 for a whole year) */
    public int months() {
        return months;
    }

    /** @return the tier id reached ("base", "intermediate", "full", ...), or null when not eligible */
    public String tier() {
        return tier;
    }

    /** @return the label of the tier reached in the requested language, or null */
    public String tierLabel() {
        return tierLabel;
    }

    /** @return who receives the money */
    public Payee payee() {
        return payee;
    }

    /** @return provenance of the amount ({@link Provenance#NOT_FOUND} when not eligible) */
    public Provenance provenance() {
        return provenance;
    }

    /** @return the weakest provenance among every figure the answer rests on */
    public Provenance weakestProvenance() {
        return weakestProvenance;
    }

    /** @return source URL(s) of the amount, "" when not eligible */
    public String source() {
        return source;
    }

    /** @return premium year of the amount */
    public int amountYear() {
        return amountYear;
    }

    /** @return first premium year of the threshold rule applied */
    public int thresholdsYear() {
        return thresholdsYear;
    }

    /**
     * @return true when the answer is only a lower bound (2020: thresholds lowered by a
     *     percentage the sources do not give)
     */
    public boolean lowerBound() {
        return lowerBound;
    }

    /** @return the conditions checked, in order */
    public List<Check> checks() {
        return checks;
    }

    /**
     * @param id a check id such as "contract"
     * @return that check, or null when it was not made
     */
    public Check check(String id) {
        for (Check c : checks) {
            if (c.id().equals(id)) {
                return c;
            }
        }
        return null;
    }

    /** @return the next tier and what is missing for it, or null at the top */
    public NextTier nextTier() {
        return nextTier;
    }

    /** @return notes: conflicting sources, DERIVED or illustrative figures used, caveats */
    public List<String> notes() {
        return notes;
    }

    /**
     * @return the verdict under each reading of a dispute that concerns this evaluation
     *     (two per dispute: the one applied and the other); empty when none
     */
    public List<Reading> readings() {
        return readings;
    }

    /** @return true when the verdict depends on a disputed reading */
    public boolean disputed() {
        return disputed;
    }

    /**
     * @return 0, or the last premium year a source confirms the thresholds applied for:
     *     they are carried into this year
     */
    public int carriedFrom() {
        return carriedFrom;
    }

    @Override
    public String toString() {
        return profession + " " + premiumYear + ": " + (eligible
                ? "eligible, " + tier + ", EUR " + amount().toPlainString() + " to " + payee
                : "not eligible");
    }
}
