package be.inami;

/**
 * An error reported by libinami: the status code of the C library and its
 * message, for example status {@link #ENORULES} with "no rules for
 * physiotherapist premium year 2031". Unchecked: every call of the API may
 * throw it for bad input; nothing is ever guessed or silently dropped.
 */
public class InamiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** An argument is invalid (see the message). */
    public static final int EINVAL = -1;
    /** A required argument is null. */
    public static final int ENULL = -2;
    /** A struct carries a version the library does not know. */
    public static final int EVERSION = -3;
    /** Unknown profession. */
    public static final int ENOPROFESSION = -4;
    /** No rules for that profession and premium year (never guessed). */
    public static final int ENORULES = -5;
    /** A count or amount is negative. */
    public static final int ENEGATIVE = -6;
    /** A total or amount does not fit in 64 bits. */
    public static final int EOVERFLOW = -7;
    /** Out of memory. */
    public static final int ENOMEM = -8;
    /** A file or text is malformed (the message has file:line:column). */
    public static final int EPARSE = -9;
    /** A file could not be read. */
    public static final int EIO = -10;
    /** The answer needs a DERIVED figure and the caller did not allow it. */
    public static final int EDERIVED = -11;
    /** An identifier (specialty, tier, product, code) is unknown. */
    public static final int ENOTFOUND = -12;
    /** An event is not allowed in the current state. */
    public static final int ESTATE = -13;
    /** A value is outside its allowed range. */
    public static final int ERANGE = -14;
    /** An output buffer is too small. */
    public static final int EBUFS = -15;

    private static final String[] NAMES = {
        "OK", "EINVAL", "ENULL", "EVERSION", "ENOPROFESSION", "ENORULES", "ENEGATIVE", "EOVERFLOW",
        "ENOMEM", "EPARSE", "EIO", "EDERIVED", "ENOTFOUND", "ESTATE", "ERANGE", "EBUFS"
    };

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
        return status <= 0 && -status < NAMES.length ? NAMES[-status] : "E" + status;
    }

    @Override
    public String toString() {
        return "InamiException(" + statusName() + "): " + getMessage();
    }
}
