package be.inami;

/** Who receives the money. */
public enum Payee implements Identified {
    /** Nothing is paid. */
    NONE("none", 0),
    /** Into the provider's pension/solidarity contract (avantage social). */
    INSURANCE_CONTRACT("insurance_contract", 1),
    /** To the bank account of a retired provider (avantage de convention). */
    BANK_ACCOUNT("bank_account", 2);

    private final String id;
    private final int code;

    Payee(String id, int code) {
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
        return id;
    }
}
