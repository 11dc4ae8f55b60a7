package be.inami;

import be.inami.swig.inami_dossier_event_kind;

/** Events that move a {@link Dossier} (ids and labels from the library). */
public enum EventKind implements Identified {
    /** An insurer sent contract data. */
    CONTRACT_RECEIVED(inami_dossier_event_kind.INAMI_EVENT_CONTRACT_RECEIVED),
    /** Contract data updated. */
    CONTRACT_CHANGED(inami_dossier_event_kind.INAMI_EVENT_CONTRACT_CHANGED),
    /** The only contract is linked. */
    CONTRACT_LINKED(inami_dossier_event_kind.INAMI_EVENT_CONTRACT_LINKED),
    /** The provider or broker picked the active contract. */
    CONTRACT_CHOSEN(inami_dossier_event_kind.INAMI_EVENT_CONTRACT_CHOSEN),
    /** Evaluation result available. */
    EVALUATED(inami_dossier_event_kind.INAMI_EVENT_EVALUATED),
    /** Basic conditions not met. */
    CONDITIONS_NOT_MET(inami_dossier_event_kind.INAMI_EVENT_CONDITIONS_NOT_MET),
    /** Evaluation date passed without a linked contract. */
    NO_CONTRACT_LINKED(inami_dossier_event_kind.INAMI_EVENT_NO_CONTRACT_LINKED),
    /** INAMI asks for more data. */
    EXTRA_INFO_REQUESTED(inami_dossier_event_kind.INAMI_EVENT_EXTRA_INFO_REQUESTED),
    /** The provider uploaded information. */
    EXTRA_INFO_SUBMITTED(inami_dossier_event_kind.INAMI_EVENT_EXTRA_INFO_SUBMITTED),
    /** Decision: the full premium. */
    DECISION_FULL(inami_dossier_event_kind.INAMI_EVENT_DECISION_FULL),
    /** Decision: a partial premium. */
    DECISION_PARTIAL(inami_dossier_event_kind.INAMI_EVENT_DECISION_PARTIAL),
    /** Decision: refused. */
    DECISION_REFUSED(inami_dossier_event_kind.INAMI_EVENT_DECISION_REFUSED),
    /** The provider contests the decision. */
    CONTESTED(inami_dossier_event_kind.INAMI_EVENT_CONTESTED),
    /** INAMI paid the insurer or the bank account. */
    PAID(inami_dossier_event_kind.INAMI_EVENT_PAID),
    /** A bank account was registered. */
    BANK_ACCOUNT_REGISTERED(inami_dossier_event_kind.INAMI_EVENT_BANK_ACCOUNT_REGISTERED),
    /** The dossier is closed. */
    CLOSED(inami_dossier_event_kind.INAMI_EVENT_CLOSED);

    private final int code;

    EventKind(int code) {
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
    public static EventKind fromCode(int code) {
        return Identified.byCode(EventKind.class, code);
    }

    /**
     * @param id a text id
     * @return the constant with that id
     * @throws InamiException EINVAL naming the accepted ids
     */
    public static EventKind fromId(String id) {
        return fromCode(be.inami.swig.inami_native.inami_java_event_kind_from_id(id));
    }

    @Override
    public String toString() {
        return id();
    }
}
