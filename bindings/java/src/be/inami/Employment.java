package be.inami;

/** Professional status, where a profession's rules depend on it (nurses). */
public enum Employment implements Identified {
    /** Not given. */
    UNSPECIFIED("unspecified", 0),
    /** Self-employed as main occupation. */
    SELF_EMPLOYED_MAIN("main", 1),
    /** Self-employed as complementary occupation. */
    SELF_EMPLOYED_COMPLEMENTARY("complementary", 2),
    /** Employee. */
    EMPLOYEE("employee", 3);

    private final String id;
    private final int code;

    Employment(String id, int code) {
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
