package be.inami;

/** The outcome of one condition. */
public enum CheckState {
    /** The condition does not hold. */
    FAILED("failed", 0),
    /** The condition holds. */
    HELD("held", 1),
    /** Not given in the input; assumed to hold. */
    ASSUMED("assumed", 2),
    /** Does not apply to this provider. */
    NOT_APPLICABLE("not_applicable", 3),
    /** Holds, but the provider or broker must act. */
    ACTION("action", 4);

    private final String id;
    private final int code;

    CheckState(String id, int code) {
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
    public static CheckState fromCode(int code) {
        for (CheckState v : values()) {
            if (v.code == code) {
                return v;
            }
        }
        throw new InamiException(InamiException.EINVAL, "unknown CheckState code " + code);
    }

    /**
     * @param id a text id
     * @return the constant with that id
     * @throws InamiException EINVAL naming the accepted ids
     */
    public static CheckState fromId(String id) {
        StringBuilder known = new StringBuilder();
        for (CheckState v : values()) {
            if (v.id.equals(id)) {
                return v;
            }
            known.append(known.length() == 0 ? "" : ", ").append(v.id);
        }
        throw new InamiException(InamiException.EINVAL, "unknown CheckState '" + id + "' (expected one of " + known + ")");
    }

    @Override
    public String toString() {
        return id;
    }
}
