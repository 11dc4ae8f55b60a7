package be.inami;

/** Adhesion to the national agreement or convention. */
public enum Convention implements Identified {
    /** Fully conventioned (the default). */
    FULL("full", 0),
    /** Partially conventioned (doctors, dentists). */
    PARTIAL("partial", 1),
    /** Not conventioned. */
    NONE("none", 2);

    private final String id;
    private final int code;

    Convention(String id, int code) {
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
    public static Convention fromCode(int code) {
        return Identified.byCode(Convention.class, code);
    }

    /**
     * @param id a text id
     * @return the constant with that id
     * @throws InamiException EINVAL naming the accepted ids
     */
    public static Convention fromId(String id) {
        return Identified.byId(Convention.class, id);
    }

    @Override
    public String toString() {
        return id;
    }
}
