package be.inami;

import be.inami.swig.inami_native;
import java.time.LocalDate;

/**
 * The library itself and its small conversions: run-time version, status texts,
 * the calling thread's last error, and the exact text forms of dates, euros and
 * percentages (measures: {@link Measure#parse} and {@link Measure#format}).
 */
public final class Library {
    private Library() {
    }

    /** @return the run-time version of libinami, e.g. "1.0.0" */
    public static String version() {
        return inami_native.inami_version();
    }

    /** @return the run-time version number: major * 10000 + minor * 100 + patch */
    public static int versionNumber() {
        return inami_native.inami_version_number();
    }

    /**
     * @param status a status code ({@link InamiException#status()})
     * @return its fixed English text ("unknown status" for an unknown code)
     */
    public static String statusText(int status) {
        return inami_native.inami_strerror(status);
    }

    /**
     * The message of the last error the C library raised on the calling thread ("" when
     * none). Every failing call of this API already throws it in an {@link InamiException};
     * this is for diagnostics only.
     *
     * @return the message
     */
    public static String lastError() {
        return inami_native.inami_error_last();
    }

    /** @return the status of the last error on the calling thread (0 when none) */
    public static int lastErrorStatus() {
        return inami_native.inami_error_last_status();
    }

    /**
     * @param date a date as the library writes it (YYYYMMDD, 20221001)
     * @return it as a LocalDate
     * @throws InamiException EINVAL when it is not a real calendar date
     */
    public static LocalDate checkDate(int date) {
        inami_native.inami_date_check(date);
        return Dates.of(date);
    }

    /**
     * @param text an ISO date "YYYY-MM-DD"
     * @return the date, parsed by the library
     * @throws InamiException EINVAL for a malformed or impossible date
     */
    public static LocalDate parseDate(String text) {
        return Dates.of(inami_native.inami_swig_date_parse(text));
    }

    /**
     * @param cents an amount in cents
     * @return it in euros with two decimals (179034 is "1790.34")
     */
    public static String formatEuros(long cents) {
        return inami_native.inami_swig_euros_format(cents);
    }

    /**
     * @param text a euro amount ("1790.34", at most two decimals, no thousands separator)
     * @param allowNegative accept "-5"
     * @return it in cents, exactly
     * @throws InamiException EINVAL, ENEGATIVE, EOVERFLOW
     */
    public static long parseEuros(String text, boolean allowNegative) {
        return inami_native.inami_swig_euros_parse(text, allowNegative ? 1 : 0);
    }

    /**
     * @param text a percentage, at most two decimals, optional '%' ("10", "0.75", "2.50%")
     * @return it in basis points (75)
     * @throws InamiException ENEGATIVE, EINVAL
     */
    public static int parsePercent(String text) {
        return inami_native.inami_java_percent_parse(text);
    }

    /**
     * @param bp basis points
     * @return the percentage without the sign ("0.75", "10")
     */
    public static String formatPercent(int bp) {
        return inami_native.inami_java_percent_format(bp);
    }
}
