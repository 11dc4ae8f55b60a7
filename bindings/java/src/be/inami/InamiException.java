package be.inami;

import be.inami.swig.inami_status;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.Map;

/**
 * An error reported by libinami: the status code of the C library and its
 * message, for example status {@link #ENORULES} with "no rules for
 * physiotherapist premium year 2031". Unchecked: every call of the API may
 * throw it for bad input; nothing is ever guessed or silently dropped. The
 * status constants are the C header's values ({@code be.inami.swig.inami_status}).
 */
public class InamiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** An argument is invalid (see the message). */
    public static final int EINVAL = inami_status.INAMI_EINVAL;
    /** A required argument is null. */
    public static final int ENULL = inami_status.INAMI_ENULL;
    /** A struct carries a version the library does not know. */
    public static final int EVERSION = inami_status.INAMI_EVERSION;
    /** Unknown profession. */
    public static final int ENOPROFESSION = inami_status.INAMI_ENOPROFESSION;
    /** No rules for that profession and premium year (never guessed). */
    public static final int ENORULES = inami_status.INAMI_ENORULES;
    /** A count or amount is negative. */
    public static final int ENEGATIVE = inami_status.INAMI_ENEGATIVE;
    /** A total or amount does not fit in 64 bits. */
    public static final int EOVERFLOW = inami_status.INAMI_EOVERFLOW;
    /** Out of memory. */
    public static final int ENOMEM = inami_status.INAMI_ENOMEM;
    /** A file or text is malformed (the message has file:line:column). */
    public static final int EPARSE = inami_status.INAMI_EPARSE;
    /** A file could not be read. */
    public static final int EIO = inami_status.INAMI_EIO;
    /** The answer needs a DERIVED figure and the caller did not allow it. */
    public static final int EDERIVED = inami_status.INAMI_EDERIVED;
    /** An identifier (specialty, tier, product, code) is unknown. */
    public static final int ENOTFOUND = inami_status.INAMI_ENOTFOUND;
    /** An event is not allowed in the current state. */
    public static final int ESTATE = inami_status.INAMI_ESTATE;
    /** A value is outside its allowed range. */
    public static final int ERANGE = inami_status.INAMI_ERANGE;
    /** An output buffer is too small. */
    public static final int EBUFS = inami_status.INAMI_EBUFS;

    /** Names of the C status codes ("ENORULES"), read from the SWIG constants of inami_status. */
    private static final class Names {
        static final Map<Integer, String> BY_CODE = new HashMap<>();

        static {
            for (Field f : inami_status.class.getFields()) {
                if (Modifier.isStatic(f.getModifiers()) && f.getType() == int.class
                        && f.getName().startsWith("INAMI_")) {
                    try {
                        BY_CODE.put(f.getInt(null), f.getName().substring("INAMI_".length()));
                    } catch (IllegalAccessException e) {
                        throw new AssertionError(e);
                    }
                }
            }
        }
    }

    private final int status;

    /**
     * Make the exception (also called from the JNI library).
     *
     * @param status the negative inami status code
     * @param message the library's message
     */
    public InamiException(int status, String message) {
        super(message);
        this.status = status;
    }

    /** @return the inami status code (negative), e.g. {@link #ENORULES} */
    public int status() {
        return status;
    }

    /** @return the symbolic name of the status ("ENORULES"), or "E" + code when unknown */
    public String statusName() {
        return Names.BY_CODE.getOrDefault(status, "E" + status);
    }

    @Override
    public String toString() {
        return "InamiException(" + statusName() + "): " + getMessage();
    }
}
