package be.inami;

import be.inami.swig.inami_action;

/** Why an action is needed, with {@link Notice#ACTION_NEEDED} (ids and labels from the library). */
public enum Action implements Identified {
    /** No action. */
    NONE(inami_action.INAMI_ACTION_NONE),
    /** Choose the active contract. */
    TWO_CONTRACTS(inami_action.INAMI_ACTION_TWO_CONTRACTS),
    /** No contract: file the premium request yourself. */
    NO_CONTRACT(inami_action.INAMI_ACTION_NO_CONTRACT),
    /** Conditions not met: file the premium request yourself. */
    CONDITIONS_NOT_MET(inami_action.INAMI_ACTION_CONDITIONS_NOT_MET),
    /** A retired provider must register a bank account. */
    NO_BANK_ACCOUNT(inami_action.INAMI_ACTION_NO_BANK_ACCOUNT);

    private final int code;

    Action(int code) {
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
    public static Action fromCode(int code) {
        return Identified.byCode(Action.class, code);
    }

    /**
     * @param id a text id
     * @return the constant with that id
     * @throws InamiException EINVAL naming the accepted ids
     */
    public static Action fromId(String id) {
        return Identified.byId(Action.class, id);
    }

    @Override
    public String toString() {
        return id();
    }
}
