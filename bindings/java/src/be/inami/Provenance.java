package be.inami;

/** Provenance of a figure, strongest first. */
public enum Provenance implements Identified {
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
    public static Provenance fromCode(int code) {
        return Identified.byCode(Provenance.class, code);
    }

    /**
     * @param id a text id
     * @return the constant with that id
     * @throws InamiException EINVAL naming the accepted ids
     */
    public static Provenance fromId(String id) {
        return Identified.byId(Provenance.class, id);
    }

    @Override
    public String toString() {
        return id;
    }
}
