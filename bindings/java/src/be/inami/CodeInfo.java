package be.inami;

import be.inami.swig.inami_code_info;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One nomenclature entry: a code's key-letter value over one validity period, with
 * its source ({@link Nomenclature#entries()}, {@link Nomenclature#lookup}).
 *
 * @param code the nomenclature code (560011)
 * @param keyLetter its key letter
 * @param value the value in hundredths (M 24 is 2400)
 * @param validFrom first day of validity, null when unknown
 * @param validTo last day of validity, null when unknown (not "open-ended")
 * @param flags {@link #FROM_UNKNOWN}, {@link #TO_UNKNOWN}, {@link #CONFLICT_UNRESOLVED}
 * @param provenance how strong the source is
 * @param source URLs separated by " ; "
 * @param note "" if none
 * @param description "" if none
 * @param layer "default" or the loaded file's name
 * @param line the line in that layer
 * @param conflict another row gave another value for an overlapping period
 * @param conflictValue that value in hundredths (0 without conflict)
 * @param conflictProvenance its provenance (NOT_FOUND without conflict)
 * @param conflictSource its source (null without conflict)
 * @param conflictNote its note (null without conflict)
 */
public record CodeInfo(int code, KeyLetter keyLetter, long value, LocalDate validFrom, LocalDate validTo,
        int flags, Provenance provenance, String source, String note, String description, String layer,
        int line, boolean conflict, long conflictValue, Provenance conflictProvenance, String conflictSource,
        String conflictNote) {
    /** The start of validity is not known. */
    public static final int FROM_UNKNOWN = (int) be.inami.swig.inami_native.INAMI_CODE_FROM_UNKNOWN;
    /** The end of validity is not known (not "open-ended"). */
    public static final int TO_UNKNOWN = (int) be.inami.swig.inami_native.INAMI_CODE_TO_UNKNOWN;
    /** A source of equal provenance gives another value. */
    public static final int CONFLICT_UNRESOLVED = (int) be.inami.swig.inami_native.INAMI_CODE_CONFLICT_UNRESOLVED;

    /** @return the value in key-letter points (2400 is 24.00) */
    public BigDecimal decimal() {
        return BigDecimal.valueOf(value, 2);
    }

    /** Copy a native entry (its strings live in the nomenclature) and free it. */
    static CodeInfo take(inami_code_info c) {
        try {
            boolean k = c.getHas_conflict() != 0;
            return new CodeInfo(c.getCode(), KeyLetter.fromCode(c.getKey_letter()), c.getValue(),
                    Dates.of(c.getValid_from()), Dates.of(c.getValid_to()), (int) c.getFlags(),
                    Provenance.fromCode(c.getProvenance()), c.getSource(), c.getNote(), c.getDescription(),
                    c.getLayer(), c.getLine(), k, k ? c.getConflict_value() : 0,
                    k ? Provenance.fromCode(c.getConflict_provenance()) : Provenance.NOT_FOUND,
                    k ? c.getConflict_source() : null, k ? c.getConflict_note() : null);
        } finally {
            c.delete();
        }
    }
}
