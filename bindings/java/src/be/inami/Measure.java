package be.inami;

import be.inami.swig.inami_measure;
import be.inami.swig.inami_native;
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
    PRESTATIONS(inami_measure.INAMI_MEASURE_PRESTATIONS),
    /** Sum of M key-letter values. */
    M_VALUE(inami_measure.INAMI_MEASURE_M_VALUE),
    /** Sum of R key-letter values. */
    R_VALUE(inami_measure.INAMI_MEASURE_R_VALUE),
    /** Sum of V key-letter values. */
    V_VALUE(inami_measure.INAMI_MEASURE_V_VALUE),
    /** Euros reimbursed by the insurance. */
    REIMBURSED_EUR(inami_measure.INAMI_MEASURE_REIMBURSED_EUR),
    /** Average hours per week over the year. */
    HOURS_PER_WEEK(inami_measure.INAMI_MEASURE_HOURS_PER_WEEK);

    private final int code;

    Measure(int code) {
        this.code = code;
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
        return fromCode(inami_native.inami_swig_measure_from_id(id));
    }

    /**
     * Parse a figure written in its natural unit, at most two decimals, no thousands
     * separator ("2299" prestations, "1234.5" M, "38" hours) into this measure's unit.
     *
     * @param text the figure
     * @return it in this measure's unit (2299, 123450, 3800), exactly
     * @throws InamiException ENEGATIVE, EOVERFLOW, EINVAL (malformed, or prestations not whole)
     */
    public long parse(String text) {
        return inami_native.inami_swig_measure_parse(code, text);
    }

    /**
     * @param value a value in this measure's unit
     * @return it in the natural unit, shortest exact form (123450 M hundredths is "1234.5")
     */
    public String format(long value) {
        return inami_native.inami_swig_measure_format(code, value);
    }

    /** @return units of this measure's values in one natural unit (the library's: 1 for prestations, 100 otherwise) */
    public long scale() {
        return inami_native.inami_measure_scale(code);
    }

    /**
     * @param natural a figure in its natural unit ("1234.5" M, 38 hours, 2299 prestations)
     * @return it in this measure's unit (123450, 3800, 2299), exactly
     * @throws InamiException ENULL, ENEGATIVE, EINVAL when it has more decimals than the unit
     *     holds (prestations are whole), EOVERFLOW when it does not fit
     */
    public long toValue(BigDecimal natural) {
        if (natural == null) {
            throw new InamiException(InamiException.ENULL, id() + " must not be null");
        }
        if (natural.signum() < 0) {
            throw new InamiException(InamiException.ENEGATIVE,
                    id() + " must not be negative (" + natural.toPlainString() + ")");
        }
        BigDecimal v = natural.multiply(BigDecimal.valueOf(scale()));
        try {
            v = v.setScale(0);
        } catch (ArithmeticException e) {
            throw new InamiException(InamiException.EINVAL, id() + " " + natural.toPlainString()
                    + (this == PRESTATIONS ? " is not whole" : " has more than two decimals"));
        }
        try {
            return v.longValueExact();
        } catch (ArithmeticException e) {
            throw new InamiException(InamiException.EOVERFLOW, id() + " " + natural.toPlainString() + " is too large");
        }
    }

    /**
     * @param value a value in this measure's unit
     * @return it in the natural unit (123450 M hundredths is 1234.50)
     */
    public BigDecimal toDecimal(long value) {
        // the scale is a power of ten: 1 gives whole numbers, 100 two decimals
        return BigDecimal.valueOf(value, BigDecimal.valueOf(scale()).precision() - 1);
    }

    @Override
    public String toString() {
        return id();
    }
}
