package be.inami;

/**
 * An enum constant of the library with a stable text id ("physiotherapist") and
 * C value. The C value is the SWIG constant of the header
 * ({@code be.inami.swig.inami_profession.INAMI_DOCTOR}), the id the library's own
 * ({@code inami_profession_id}); {@link #byCode} and {@link #byId} look them up
 * for every such enum.
 */
public interface Identified {
    /** @return the library's text id */
    default String id() {
        return Enums.id(this);
    }

    /** @return the C enum value */
    int code();

    /**
     * @param <E> the enum
     * @param type its class
     * @param code a C value
     * @return the constant with that value
     * @throws InamiException EINVAL for an unknown value
     */
    static <E extends Enum<E> & Identified> E byCode(Class<E> type, int code) {
        for (E v : type.getEnumConstants()) {
            if (v.code() == code) {
                return v;
            }
        }
        throw new InamiException(InamiException.EINVAL, "unknown " + type.getSimpleName() + " code " + code);
    }

    /**
     * @param <E> the enum
     * @param type its class
     * @param id a text id
     * @return the constant with that id
     * @throws InamiException EINVAL naming the accepted ids
     */
    static <E extends Enum<E> & Identified> E byId(Class<E> type, String id) {
        StringBuilder known = new StringBuilder();
        for (E v : type.getEnumConstants()) {
            if (v.id().equals(id)) {
                return v;
            }
            known.append(known.length() == 0 ? "" : ", ").append(v.id());
        }
        throw new InamiException(InamiException.EINVAL,
                "unknown " + type.getSimpleName() + " '" + id + "' (expected one of " + known + ")");
    }
}
