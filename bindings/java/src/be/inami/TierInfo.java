package be.inami;

import java.util.Map;
import java.util.Optional;

/**
 * A tier of a profession-year ({@link Rules#tiers}): its id, rank, labels, amount
 * (empty when the sources do not give it: NOT FOUND, never guessed) and the
 * threshold rule applied. Thresholds: {@link Rules#threshold}.
 */
public final class TierInfo {
    private final String id;
    private final int index;
    private final Map<Lang, String> labels;
    private final boolean traineeOnly;
    private final Figure amount;
    private final int amountYear;
    private final int thresholdsFrom;
    private final int thresholdsTo;
    private final boolean usesSpecialty;
    private final boolean specialtyReduced;

    TierInfo(String id, int index, Map<Lang, String> labels, boolean traineeOnly, Figure amount, int amountYear,
            int thresholdsFrom, int thresholdsTo, boolean usesSpecialty, boolean specialtyReduced) {
        this.id = id;
        this.index = index;
        this.labels = labels;
        this.traineeOnly = traineeOnly;
        this.amount = amount;
        this.amountYear = amountYear;
        this.thresholdsFrom = thresholdsFrom;
        this.thresholdsTo = thresholdsTo;
        this.usesSpecialty = usesSpecialty;
        this.specialtyReduced = specialtyReduced;
    }

    /** @return "base", "intermediate", "full", "partial", "trainee", ... */
    public String id() {
        return id;
    }

    /** @return 0 for the lowest tier */
    public int index() {
        return index;
    }

    /**
     * @param lang a language (null: English)
     * @return the tier's label in it
     */
    public String label(Lang lang) {
        return labels.get(lang == null ? Lang.EN : lang);
    }

    /** @return true for the tier of doctors in training (no activity criterion) */
    public boolean traineeOnly() {
        return traineeOnly;
    }

    /** @return the full-year amount in cents with its source; empty when NOT FOUND */
    public Optional<Figure> amount() {
        return Optional.ofNullable(amount);
    }

    /** @return the premium year of the amount */
    public int amountYear() {
        return amountYear;
    }

    /** @return the first premium year of the threshold rule applied */
    public int thresholdsFrom() {
        return thresholdsFrom;
    }

    /** @return the last premium year of that rule, 0 if open-ended */
    public int thresholdsTo() {
        return thresholdsTo;
    }

    /** @return true when the thresholds depend on the doctor's specialty */
    public boolean usesSpecialty() {
        return usesSpecialty;
    }

    /** @return with {@link #usesSpecialty()}: the reduced (half) threshold applies */
    public boolean specialtyReduced() {
        return specialtyReduced;
    }

    @Override
    public String toString() {
        return id + (amount == null ? " (amount NOT FOUND)" : " " + amount.decimal() + " EUR");
    }
}
