package be.inami;

/**
 * What is missing for the next tier in one measure: the tier's threshold and
 * threshold - observed (the whole threshold when the measure was not given),
 * both in the measure's unit (see {@link Measure}).
 */
public final class Missing {
    private final Measure measure;
    private final long threshold;
    private final long missing;

    Missing(Measure measure, long threshold, long missing) {
        this.measure = measure;
        this.threshold = threshold;
        this.missing = missing;
    }

    /** @return the measure */
    public Measure measure() {
        return measure;
    }

    /** @return the next tier's threshold in that measure */
    public long threshold() {
        return threshold;
    }

    /** @return how much is missing to reach it */
    public long missing() {
        return missing;
    }

    @Override
    public String toString() {
        return measure + ": " + measure.toDecimal(missing).toPlainString() + " more (threshold "
                + measure.toDecimal(threshold).toPlainString() + ")";
    }
}
