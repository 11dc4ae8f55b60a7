package be.inami;

import java.math.BigDecimal;

/**
 * Activity measures that tier thresholds count (key letters: M physiotherapists, R speech therapists, V midwives).
 *
 * <p>Every value of a measure is a {@code long} in one unit, the same as the C library's: whole
 * prestations; hundredths of a key-letter point, of a euro (cents) and of an hour. {@link #scale()}
 * says how many units make one, {@link #toValue(BigDecimal)} and {@link #toDecimal(long)} convert
 * exactly.
 */
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

    /** @return units of this measure's values in one natural unit: 1 for prestations, 100 otherwise */
    public long scale() {
        return this == PRESTATIONS ? 1 : 100;
    }

    /**
     * @param natural a figure in its natural unit ("1234.5" M, 38 hours, 2299 prestations)
     * @return it in this measure's unit (123450, 3800, 2299), exactly
     * @throws InamiException ENULL, ENEGATIVE, EINVAL when it has more decimals than the unit
     *     holds (prestations are whole), EOVERFLOW when it does not fit
     */
    public long toValue(BigDecimal natural) {
        if (natural == null) {
            throw new InamiException(InamiException.ENULL, id + " must not be null");
        }
        if (natural.signum() < 0) {
            throw new InamiException(InamiException.ENEGATIVE,
                    id + " must not be negative (" + natural.toPlainString() + ")");
        }
        BigDecimal v = natural.multiply(BigDecimal.valueOf(scale()));
        try {
            v = v.setScale(0);
        } catch (ArithmeticException e) {
            throw new InamiException(InamiException.EINVAL, id + " " + natural.toPlainString()
                    + (this == PRESTATIONS ? " is not whole" : " has more than two decimals"));
        }
        try {
            return v.longValueExact();
        } catch (ArithmeticException e) {
            throw new InamiException(InamiException.EOVERFLOW, id + " " + natural.toPlainString() + " is too large");
        }
    }

    /**
     * @param value a value in this measure's unit
     * @return it in the natural unit (123450 M hundredths is 1234.50)
     */
    public BigDecimal toDecimal(long value) {
        return this == PRESTATIONS ? BigDecimal.valueOf(value) : BigDecimal.valueOf(value, 2);
    }

    @Override
    public String toString() {
        return id;
    }
}
