package be.inami;

import be.inami.swig.inami_payee;

/** Who receives the money. */
public enum Payee implements Identified {
    /** Nothing is paid. */
    NONE(inami_payee.INAMI_PAYEE_NONE),
    /** Into the provider's pension/solidarity contract (avantage social). */
    INSURANCE_CONTRACT(inami_payee.INAMI_PAYEE_INSURANCE_CONTRACT),
    /** To the bank account of a retired provider (avantage de convention). */
    BANK_ACCOUNT(inami_payee.INAMI_PAYEE_BANK_ACCOUNT);

    private final int code;

    Payee(int code) {
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
    public static Payee fromCode(int code) {
        return Identified.byCode(Payee.class, code);
    }

    /**
     * @param id a text id
     * @return the constant with that id
     * @throws InamiException EINVAL naming the accepted ids
     */
    public static Payee fromId(String id) {
        return Identified.byId(Payee.class, id);
    }

    @Override
    public String toString() {
        return id();
    }
}
