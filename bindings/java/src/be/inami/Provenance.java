package be.inami;

import be.inami.swig.inami_provenance;

/** Provenance of a figure, strongest first. */
public enum Provenance implements Identified {
    /** Read in an official INAMI/RIZIV or legal text. */
    OFFICIAL(inami_provenance.INAMI_PROV_OFFICIAL),
    /** Read in a secondary source (insurer, broker, union). */
    SECONDARY(inami_provenance.INAMI_PROV_SECONDARY),
    /** Computed or inferred from other figures; used only when allowed. */
    DERIVED(inami_provenance.INAMI_PROV_DERIVED),
    /** An invented example figure, marked as such. */
    ILLUSTRATIVE(inami_provenance.INAMI_PROV_ILLUSTRATIVE),
    /** The sources do not give it (never used). */
    NOT_FOUND(inami_provenance.INAMI_PROV_NOT_FOUND);

    private final int code;

    Provenance(int code) {
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
        return id();
    }
}
