package be.inami;

/** The outcome of one condition. */
public enum CheckState implements Identified {
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
    public static CheckState fromCode(int code) {
        return Identified.byCode(CheckState.class, code);
    }

    /**
     * @param id a text id
     * @return the constant with that id
     * @throws InamiException EINVAL naming the accepted ids
     */
    public static CheckState fromId(String id) {
        return Identified.byId(CheckState.class, id);
    }

    @Override
    public String toString() {
        return id;
    }
}
