package be.inami;

/** Languages of labels and explanations. */
public enum Lang {
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
    public static Lang fromCode(int code) {
        for (Lang v : values()) {
            if (v.code == code) {
                return v;
            }
        }
        throw new InamiException(InamiException.EINVAL, "unknown Lang code " + code);
    }

    /**
     * @param id a text id
     * @return the constant with that id
     * @throws InamiException EINVAL naming the accepted ids
     */
    public static Lang fromId(String id) {
        StringBuilder known = new StringBuilder();
        for (Lang v : values()) {
            if (v.id.equals(id)) {
                return v;
            }
            known.append(known.length() == 0 ? "" : ", ").append(v.id);
        }
        throw new InamiException(InamiException.EINVAL, "unknown Lang '" + id + "' (expected one of " + known + ")");
    }

    @Override
    public String toString() {
        return id;
    }
}
