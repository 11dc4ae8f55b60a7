package be.inami;

/**
 * One condition checked by an evaluation: its stable id ("conventioned",
 * "minimum_activity", "contract", ...), outcome, label and explanation with the
 * figures compared, and the rule's year and source.
 */
public final class Check {
    private final String id;
    private final CheckState state;
    private final boolean blocking;
    private final String label;
    private final String detail;
    private final Measure measure;
    private final Long observed;
    private final Long threshold;
    private final int ruleYear;
    private final String source;

    Check(String id, CheckState state, boolean blocking, String label, String detail, Measure measure,
            Long observed, Long threshold, int ruleYear, String source) {
        this.id = id;
        this.state = state;
        this.blocking = blocking;
        this.label = label;
        this.detail = detail;
        this.measure = measure;
        this.observed = observed;
        this.threshold = threshold;
        this.ruleYear = ruleYear;
        this.source = source;
    }

    /** @return the stable id, e.g. "minimum_activity" */
    public String id() {
        return id;
    }

    /** @return the outcome */
    public CheckState state() {
        return state;
    }

    /** @return true unless the condition failed */
    public boolean held() {
        return state != CheckState.FAILED;
    }

    /** @return true when failing this check makes the provider ineligible */
    public boolean blocking() {
        return blocking;
    }

    /**
     * @param checkId a check id ("minimum_activity")
     * @param lang a language
     * @return the label of that check in the language; null for an unknown id
     */
    public static String labelOf(String checkId, Lang lang) {
        return be.inami.swig.inami_native.inami_check_label(checkId, (lang == null ? Lang.EN : lang).code());
    }

    /** @return the short label in the requested language */
    public String label() {
        return label;
    }

    /** @return the explanation with the figures compared */
    public String detail() {
        return detail;
    }

    /** @return the measure compared, or null when the check compares no figure */
    public Measure measure() {
        return measure;
    }

    /** @return the observed figure in the measure's unit (see {@link Measure}), or null */
    public Long observed() {
        return observed;
    }

    /** @return the threshold compared with, in the measure's unit, or null */
    public Long threshold() {
        return threshold;
    }

    /** @return premium year of the rule applied, 0 if none */
    public int ruleYear() {
        return ruleYear;
    }

    /** @return source URL(s) of the rule, "" if none */
    public String source() {
        return source;
    }

    @Override
    public String toString() {
        return id + "=" + state + ": " + detail;
    }
}
