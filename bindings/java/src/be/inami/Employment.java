package be.inami;

import be.inami.swig.inami_employment;

/**
 * Professional status, where a profession's rules depend on it (nurses). The ids
 * ("main", "complementary", "employee", "unspecified") are the command line's and
 * the broker's words; the C library has no text for them.
 */
public enum Employment implements Identified {
    /** Not given. */
    UNSPECIFIED(inami_employment.INAMI_EMPLOYMENT_UNSPECIFIED, "unspecified"),
    /** Self-employed as main occupation. */
    SELF_EMPLOYED_MAIN(inami_employment.INAMI_EMPLOYMENT_SELF_EMPLOYED_MAIN, "main"),
    /** Self-employed as complementary occupation. */
    SELF_EMPLOYED_COMPLEMENTARY(inami_employment.INAMI_EMPLOYMENT_SELF_EMPLOYED_COMPLEMENTARY, "complementary"),
    /** Employee. */
    EMPLOYEE(inami_employment.INAMI_EMPLOYMENT_EMPLOYEE, "employee");

    private final int code;
    private final String id;

    Employment(int code, String id) {
        this.code = code;
        this.id = id;
    }

    @Override
    public int code() {
        return code;
    }

    @Override
    public String id() {
        return id;
    }

    /**
     * @param code a C enum value
     * @return the constant with that value
     * @throws InamiException EINVAL for an unknown value
     */
    public static Employment fromCode(int code) {
        return Identified.byCode(Employment.class, code);
    }

    /**
     * @param id a text id
     * @return the constant with that id
     * @throws InamiException EINVAL naming the accepted ids
     */
    public static Employment fromId(String id) {
        return Identified.byId(Employment.class, id);
    }

    @Override
    public String toString() {
        return id;
    }
}
