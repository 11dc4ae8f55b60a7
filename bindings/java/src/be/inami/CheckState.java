package be.inami;

import be.inami.swig.inami_check_state;

/** The outcome of one condition. */
public enum CheckState implements Identified {
    /** The condition does not hold. */
    FAILED(inami_check_state.INAMI_CHECK_FAILED),
    /** The condition holds. */
    HELD(inami_check_state.INAMI_CHECK_HELD),
    /** Not given in the input; assumed to hold. */
    ASSUMED(inami_check_state.INAMI_CHECK_ASSUMED),
    /** Does not apply to this provider. */
    NOT_APPLICABLE(inami_check_state.INAMI_CHECK_NOT_APPLICABLE),
    /** Holds, but the provider or broker must act. */
    ACTION(inami_check_state.INAMI_CHECK_ACTION);

    private final int code;

    CheckState(int code) {
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
    public static CheckState fromCode(int code) {
        return Identified.byCode(CheckState.class, code);
    }

    /**
     * @param id a text id
     * @return the constant with that id
     * @throws InamiException EINVAL naming the accepted ids
     */
    public static CheckState fromId(String id) {
        return Identified.byId(CheckState.class, id);
    }

    @Override
    public String toString() {
        return id();
    }
}
