package be.inami;

/** Contract types that may receive the INAMI premium (docs/sources/allocation.md). */
public enum ContractType implements Identified {
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

    @Override
    public String id() {
        return id;
    }

    @Override
    public int code() {
        return code;
    }

    /**
     * @param id a text id
     * @return the contract type
     * @throws InamiException EINVAL naming the accepted ids
     */
    public static ContractType fromId(String id) {
        return Identified.byId(ContractType.class, id);
    }

    @Override
    public String toString() {
        return id;
    }
}
