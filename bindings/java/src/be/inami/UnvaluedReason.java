package be.inami;

import be.inami.swig.inami_unvalued_reason;

/** Why a billing line got no key-letter value (ids "unknown_code", "out_of_validity", ...). */
public enum UnvaluedReason implements Identified {
    /** The code is not in the nomenclature. */
    UNKNOWN_CODE(inami_unvalued_reason.INAMI_UNVALUED_UNKNOWN_CODE),
    /** The code has no value on the line's date. */
    OUT_OF_VALIDITY(inami_unvalued_reason.INAMI_UNVALUED_OUT_OF_VALIDITY),
    /** Undated line, and the code's value changed over time. */
    DATE_NEEDED(inami_unvalued_reason.INAMI_UNVALUED_DATE_NEEDED),
    /** The value is DERIVED and was not allowed ("derived_not_allowed"). */
    DERIVED(inami_unvalued_reason.INAMI_UNVALUED_DERIVED);

    private final int code;

    UnvaluedReason(int code) {
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
    public static UnvaluedReason fromCode(int code) {
        return Identified.byCode(UnvaluedReason.class, code);
    }

    /**
     * @param id a text id
     * @return the constant with that id
     * @throws InamiException EINVAL naming the accepted ids
     */
    public static UnvaluedReason fromId(String id) {
        return Identified.byId(UnvaluedReason.class, id);
    }

    @Override
    public String toString() {
        return id();
    }
}
