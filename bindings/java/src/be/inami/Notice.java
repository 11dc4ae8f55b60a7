package be.inami;

import be.inami.swig.inami_notice;

/** Notifications INAMI sends on a {@link Dossier} transition (ids and labels from the library). */
public enum Notice implements Identified {
    /** Nothing is sent. */
    NONE(inami_notice.INAMI_NOTICE_NONE),
    /** Contract data changed. */
    CONTRACT_DATA_CHANGED(inami_notice.INAMI_NOTICE_CONTRACT_DATA_CHANGED),
    /** More data requested. */
    EXTRA_DATA_REQUESTED(inami_notice.INAMI_NOTICE_EXTRA_DATA_REQUESTED),
    /** The evaluation result is available. */
    EVALUATION_AVAILABLE(inami_notice.INAMI_NOTICE_EVALUATION_AVAILABLE),
    /** The decision. */
    DECISION(inami_notice.INAMI_NOTICE_DECISION),
    /** The provider must act (see {@link Action}). */
    ACTION_NEEDED(inami_notice.INAMI_NOTICE_ACTION_NEEDED);

    private final int code;

    Notice(int code) {
        this.code = code;
    }

    @Override
    public int code() {
        return code;
    }

    /**
     * @param lang a language
     * @return the library's label in that language
     */
    public String label(Lang lang) {
        return Enums.label(this, lang);
    }

    /**
     * @param code a C enum value
     * @return the constant with that value
     * @throws InamiException EINVAL for an unknown value
     */
    public static Notice fromCode(int code) {
        return Identified.byCode(Notice.class, code);
    }

    /**
     * @param id a text id
     * @return the constant with that id
     * @throws InamiException EINVAL naming the accepted ids
     */
    public static Notice fromId(String id) {
        return Identified.byId(Notice.class, id);
    }

    /** @return how well the library's sources give this notice (secondary or derived) */
    public Provenance provenance() {
        return Provenance.fromCode(be.inami.swig.inami_native.inami_notice_provenance(code));
    }

    @Override
    public String toString() {
        return id();
    }
}
