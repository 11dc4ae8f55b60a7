package be.inami;

/** Provenance of a figure, strongest first. */
public enum Provenance {
    /** Read in an official INAMI/RIZIV or legal text. */
    OFFICIAL("official", 0),
    /** Read in a secondary source (insurer, broker, union). */
    SECONDARY("secondary", 1),
    /** Computed or inferred from other figures; used only when allowed. */
    DERIVED("derived", 2),
    /** An invented example figure, marked as such. */
    ILLUSTRATIVE("illustrative", 3),
    /** The sources do not give it (never used). */
    NOT_FOUND("not_found", 4);

    private final String id;
    private final int code;

    Provenance(String id, int code) {
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
    public static Provenance fromCode(int code) {
        for (Provenance v : values()) {
            if (v.code == code) {
                return v;
            }
        }
        throw new InamiException(InamiException.EINVAL, "unknown Provenance code " + code);
    }

    /**
     * @param id a text id
     * @return the constant with that id
     * @throws InamiException EINVAL naming the accepted ids
     */
    public static Provenance fromId(String id) {
        StringBuilder known = new StringBuilder();
        for (Provenance v : values()) {
            if (v.id.equals(id)) {
                return v;
            }
            known.append(known.length() == 0 ? "" : ", ").append(v.id);
        }
        throw new InamiException(InamiException.EINVAL, "unknown Provenance '" + id + "' (expected one of " + known + ")");
    }

    @Override
    public String toString() {
        return id;
    }
}
