package be.inami;

import be.inami.swig.inami_contract_type;

/** Contract types that may receive the INAMI premium (docs/sources/allocation.md). */
public enum ContractType implements Identified {
    /** Convention de pension sociale / sociaal VAPZ ("social_pension"). */
    SOCIAL_PENSION(inami_contract_type.INAMI_CONTRACT_SOCIAL_PENSION),
    /** Revenu garanti / gewaarborgd inkomen ("income_replacement"). */
    INCOME_REPLACEMENT(inami_contract_type.INAMI_CONTRACT_INCOME_REPLACEMENT),
    /** Overlijdensverzekering ("death_cover"). */
    DEATH_COVER(inami_contract_type.INAMI_CONTRACT_DEATH_COVER);

    private final int code;

    ContractType(int code) {
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
    public static ContractType fromCode(int code) {
        return Identified.byCode(ContractType.class, code);
    }

    /**
     * @param id a text id
     * @return the constant with that id
     * @throws InamiException EINVAL naming the accepted ids
     */
    public static ContractType fromId(String id) {
        return fromCode(be.inami.swig.inami_native.inami_java_contract_type_from_id(id));
    }

    /**
     * @param lang a language (null: English)
     * @return the label ("convention de pension sociale")
     */
    public String label(Lang lang) {
        return Enums.label(this, lang);
    }

    @Override
    public String toString() {
        return id();
    }
}
