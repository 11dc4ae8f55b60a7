package be.inami;

import be.inami.swig.inami_convention;

/** Adhesion to the national agreement or convention (ids: the constant names in lower case). */
public enum Convention implements Identified {
    /** Fully conventioned (the default). */
    FULL(inami_convention.INAMI_CONVENTION_FULL),
    /** Partially conventioned (doctors, dentists). */
    PARTIAL(inami_convention.INAMI_CONVENTION_PARTIAL),
    /** Not conventioned. */
    NONE(inami_convention.INAMI_CONVENTION_NONE);

    private final int code;

    Convention(int code) {
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
        return id();
    }
}
