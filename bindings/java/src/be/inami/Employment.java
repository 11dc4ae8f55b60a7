package be.inami;

/** Professional status, where a profession's rules depend on it (nurses). */
public enum Employment {
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

    /** @return the library's text id */
    public String id() {
        return id;
    }

    /** @return the C enum value */
    public int code() {
        return code;
    }

    /**
     * @param code a C enum value
     * @return the constant with that value
     * @throws InamiException EINVAL for an unknown value
     */
    public static Employment fromCode(int code) {
        for (Employment v : values()) {
            if (v.code == code) {
                return v;
            }
        }
        throw new InamiException(InamiException.EINVAL, "unknown Employment code " + code);
    }

    /**
     * @param id a text id
     * @return the constant with that id
     * @throws InamiException EINVAL naming the accepted ids
     */
    public static Employment fromId(String id) {
        StringBuilder known = new StringBuilder();
        for (Employment v : values()) {
            if (v.id.equals(id)) {
                return v;
            }
            known.append(known.length() == 0 ? "" : ", ").append(v.id);
        }
        throw new InamiException(InamiException.EINVAL, "unknown Employment '" + id + "' (expected one of " + known + ")");
    }

    @Override
    public String toString() {
        return id;
    }
}
