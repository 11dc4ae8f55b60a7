package be.inami;

/** Contract types that may receive the INAMI premium (allocation_procedure.md 2.1). */
public enum ContractType {
    /** Convention de pension sociale / sociaal VAPZ ("social_pension"). */
    SOCIAL_PENSION("social_pension", 0),
    /** Revenu garanti / gewaarborgd inkomen ("income_replacement"). */
    INCOME_REPLACEMENT("income_replacement", 1),
    /** Overlijdensverzekering ("death_cover"). */
    DEATH_COVER("death_cover", 2);

    private final String id;
    private final int code;

    ContractType(String id, int code) {
        this.id = id;
        this.code = code;
    }

    /** @return the text id ("social_pension") */
    public String id() {
        return id;
    }

    /** @return the C enum value */
    public int code() {
        return code;
    }

    /**
     * @param id a text id
     * @return the contract type
     * @throws InamiException EINVAL naming the accepted ids
     */
    public static ContractType fromId(String id) {
        for (ContractType t : values()) {
            if (t.id.equals(id)) {
                return t;
            }
        }
        throw new InamiException(InamiException.EINVAL,
                "unknown contract type '" + id + "' (expected social_pension, income_replacement or death_cover)");
    }

    @Override
    public String toString() {
        return id;
    }
}
