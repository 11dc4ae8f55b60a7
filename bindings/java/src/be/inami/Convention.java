package be.inami;

/** Adhesion to the national agreement or convention. */
public enum Convention {
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
    public static Convention fromCode(int code) {
        for (Convention v : values()) {
            if (v.code == code) {
                return v;
            }
        }
        throw new InamiException(InamiException.EINVAL, "unknown Convention code " + code);
    }

    /**
     * @param id a text id
     * @return the constant with that id
     * @throws InamiException EINVAL naming the accepted ids
     */
    public static Convention fromId(String id) {
        StringBuilder known = new StringBuilder();
        for (Convention v : values()) {
            if (v.id.equals(id)) {
                return v;
            }
            known.append(known.length() == 0 ? "" : ", ").append(v.id);
        }
        throw new InamiException(InamiException.EINVAL, "unknown Convention '" + id + "' (expected one of " + known + ")");
    }

    @Override
    public String toString() {
        return id;
    }
}
