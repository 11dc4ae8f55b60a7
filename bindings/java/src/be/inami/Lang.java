package be.inami;

import be.inami.swig.inami_lang;

/** Languages of labels and explanations (ids "en", "fr", "nl"). */
public enum Lang implements Identified {
    /** English. */
    EN(inami_lang.INAMI_LANG_EN),
    /** French. */
    FR(inami_lang.INAMI_LANG_FR),
    /** Dutch. */
    NL(inami_lang.INAMI_LANG_NL);

    private final int code;

    Lang(int code) {
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
    public static Lang fromCode(int code) {
        return Identified.byCode(Lang.class, code);
    }

    /**
     * @param id a text id
     * @return the constant with that id
     * @throws InamiException EINVAL naming the accepted ids
     */
    public static Lang fromId(String id) {
        return fromCode(be.inami.swig.inami_native.inami_swig_lang_from_id(id));
    }

    @Override
    public String toString() {
        return id();
    }
}
