package be.inami;

/** Languages of labels and explanations. */
public enum Lang implements Identified {
    /** English. */
    EN("en", 0),
    /** French. */
    FR("fr", 1),
    /** Dutch. */
    NL("nl", 2);

    private final String id;
    private final int code;

    Lang(String id, int code) {
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
    public static Lang fromCode(int code) {
        return Identified.byCode(Lang.class, code);
    }

    /**
     * @param id a text id
     * @return the constant with that id
     * @throws InamiException EINVAL naming the accepted ids
     */
    public static Lang fromId(String id) {
        return Identified.byId(Lang.class, id);
    }

    @Override
    public String toString() {
        return id;
    }
}
