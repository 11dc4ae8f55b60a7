package be.inami;

/**
 * What is missing for the next tier in one measure: the tier's threshold and
 * threshold - observed (the whole threshold when the measure was not given).
 */
public final class Missing {
    private final Measure measure;
    private final double threshold;
    private final double missing;

    Missing(Measure measure, double threshold, double missing) {
        this.measure = measure;
        this.threshold = threshold;
        this.missing = missing;
    }

    /** @return the measure */
    public Measure measure() {
        return measure;
    }

    /** @return the next tier's threshold in that measure */
    public double threshold() {
        return threshold;
    }

    /** @return how much is missing to reach it */
    public double missing() {
        return missing;
    }

    @Override
    public String toString() {
        return measure + ": " + missing + " more (threshold " + threshold + ")";
    }
}
