package be.inami;

/** Who receives the money. */
public enum Payee {
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
    public static Payee fromCode(int code) {
        for (Payee v : values()) {
            if (v.code == code) {
                return v;
            }
        }
        throw new InamiException(InamiException.EINVAL, "unknown Payee code " + code);
    }

    /**
     * @param id a text id
     * @return the constant with that id
     * @throws InamiException EINVAL naming the accepted ids
     */
    public static Payee fromId(String id) {
        StringBuilder known = new StringBuilder();
        for (Payee v : values()) {
            if (v.id.equals(id)) {
                return v;
            }
            known.append(known.length() == 0 ? "" : ", ").append(v.id);
        }
        throw new InamiException(InamiException.EINVAL, "unknown Payee '" + id + "' (expected one of " + known + ")");
    }

    @Override
    public String toString() {
        return id;
    }
}
