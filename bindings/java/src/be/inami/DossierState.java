package be.inami;

import be.inami.swig.inami_dossier_state;

/**
 * States of a {@link Dossier} (ids and labels from the library; the transitions
 * are in docs/dossier.md).
 */
public enum DossierState implements Identified {
    /** No contract data received yet. */
    CONTRACT_PENDING(inami_dossier_state.INAMI_DOSSIER_CONTRACT_PENDING),
    /** An insurer sent contract data. */
    CONTRACT_RECEIVED(inami_dossier_state.INAMI_DOSSIER_CONTRACT_RECEIVED),
    /** Two contracts: the provider must choose. */
    TWO_CONTRACTS(inami_dossier_state.INAMI_DOSSIER_TWO_CONTRACTS),
    /** The contract is linked. */
    CONTRACT_LINKED(inami_dossier_state.INAMI_DOSSIER_CONTRACT_LINKED),
    /** The evaluation is available. */
    EVALUATED(inami_dossier_state.INAMI_DOSSIER_EVALUATED),
    /** The provider must file the request. */
    MANUAL_REQUEST_REQUIRED(inami_dossier_state.INAMI_DOSSIER_MANUAL_REQUEST_REQUIRED),
    /** Additional information was submitted. */
    EXTRA_INFO_SUBMITTED(inami_dossier_state.INAMI_DOSSIER_EXTRA_INFO_SUBMITTED),
    /** Decision: the full premium. */
    DECIDED_FULL(inami_dossier_state.INAMI_DOSSIER_DECIDED_FULL),
    /** Decision: a partial premium. */
    DECIDED_PARTIAL(inami_dossier_state.INAMI_DOSSIER_DECIDED_PARTIAL),
    /** Decision: refused. */
    DECIDED_REFUSED(inami_dossier_state.INAMI_DOSSIER_DECIDED_REFUSED),
    /** The decision is contested. */
    CONTESTED(inami_dossier_state.INAMI_DOSSIER_CONTESTED),
    /** Paid into the contract. */
    PAID_TO_INSURER(inami_dossier_state.INAMI_DOSSIER_PAID_TO_INSURER),
    /** Paid to the bank account of a retired provider. */
    PAID_TO_BANK_ACCOUNT(inami_dossier_state.INAMI_DOSSIER_PAID_TO_BANK_ACCOUNT),
    /** Closed. */
    CLOSED(inami_dossier_state.INAMI_DOSSIER_CLOSED);

    private final int code;

    DossierState(int code) {
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
    public static DossierState fromCode(int code) {
        return Identified.byCode(DossierState.class, code);
    }

    /**
     * @param id a text id
     * @return the constant with that id
     * @throws InamiException EINVAL naming the accepted ids
     */
    public static DossierState fromId(String id) {
        return fromCode(be.inami.swig.inami_native.inami_java_dossier_state_from_id(id));
    }

    @Override
    public String toString() {
        return id();
    }
}
