package be.inami;

import be.inami.swig.inami_date_precision;

/** Precision of a {@link Milestone} date (ids: the constant names in lower case). */
public enum DatePrecision implements Identified {
    /** No date: the sources give none for that year (NOT FOUND). */
    NONE(inami_date_precision.INAMI_PRECISION_NONE),
    /** An exact day. */
    DAY(inami_date_precision.INAMI_PRECISION_DAY),
    /** Only the month is known; the date is its first day. */
    MONTH(inami_date_precision.INAMI_PRECISION_MONTH),
    /** Relative to the decision notification. */
    RELATIVE(inami_date_precision.INAMI_PRECISION_RELATIVE);

    private final int code;

    DatePrecision(int code) {
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
    public static DatePrecision fromCode(int code) {
        return Identified.byCode(DatePrecision.class, code);
    }

    /**
     * @param id a text id
     * @return the constant with that id
     * @throws InamiException EINVAL naming the accepted ids
     */
    public static DatePrecision fromId(String id) {
        return Identified.byId(DatePrecision.class, id);
    }

    @Override
    public String toString() {
        return id();
    }
}
