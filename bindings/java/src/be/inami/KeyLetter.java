package be.inami;

import be.inami.swig.inami_key_letter;

/** Key letters of the nomenclature: M (physiotherapists), R (speech therapists), V (midwives). */
public enum KeyLetter implements Identified {
    /** Physiotherapists, nomenclature article 7 ("M"). */
    M(inami_key_letter.INAMI_KEY_M),
    /** Speech therapists, article 36 ("R"). */
    R(inami_key_letter.INAMI_KEY_R),
    /** Midwives, article 9a ("V"). */
    V(inami_key_letter.INAMI_KEY_V);

    private final int code;

    KeyLetter(int code) {
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
    public static KeyLetter fromCode(int code) {
        return Identified.byCode(KeyLetter.class, code);
    }

    /** @return the measure its values count in thresholds (M_VALUE, R_VALUE, V_VALUE) */
    public Measure measure() {
        return this == M ? Measure.M_VALUE : this == R ? Measure.R_VALUE : Measure.V_VALUE;
    }

    /**
     * @param id a text id
     * @return the constant with that id
     * @throws InamiException EINVAL naming the accepted ids
     */
    public static KeyLetter fromId(String id) {
        return Identified.byId(KeyLetter.class, id);
    }

    @Override
    public String toString() {
        return id();
    }
}
