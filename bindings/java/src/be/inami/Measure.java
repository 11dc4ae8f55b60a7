package be.inami;

/** Activity measures that tier thresholds count (key letters: M physiotherapists, R speech therapists, V midwives). */
public enum Measure implements Identified {
    /** Reimbursed prestations. */
    PRESTATIONS("prestations", 0),
    /** Sum of M key-letter values. */
    M_VALUE("m_value", 1),
    /** Sum of R key-letter values. */
    R_VALUE("r_value", 2),
    /** Sum of V key-letter values. */
    V_VALUE("v_value", 3),
    /** Euros reimbursed by the insurance. */
    REIMBURSED_EUR("reimbursed_eur", 4),
    /** Average hours per week over the year. */
    HOURS_PER_WEEK("hours_per_week", 5);

    private final String id;
    private final int code;

    Measure(String id, int code) {
        this.id = id;
        this.code = code;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public int code() {
        return code;
    }

    /**
     * @param code a C enum value
     * @return the constant with that value
     * @throws InamiException EINVAL for an unknown value
     */
    public static Measure fromCode(int code) {
        return Identified.byCode(Measure.class, code);
    }

    /**
     * @param id a text id
     * @return the constant with that id
     * @throws InamiException EINVAL naming the accepted ids
     */
    public static Measure fromId(String id) {
        return Identified.byId(Measure.class, id);
    }

    @Override
    public String toString() {
        return id;
    }
}
