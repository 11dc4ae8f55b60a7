package be.inami;

import be.inami.swig.inami_figure;
import java.math.BigDecimal;

/**
 * One sourced figure of the rules: a tier amount (in cents, {@code measure} null) or a
 * threshold or maximum (in its measure's unit, as docs/api.md says: whole prestations,
 * hundredths of a key-letter point, of a euro or of an hour), with where it comes from.
 *
 * @param value the figure: cents for an amount, the measure's unit for a threshold
 * @param measure the measure of a threshold or maximum; null for an amount in cents
 * @param provenance how strong the source is
 * @param source one or more URLs separated by " ; "
 * @param note how it was derived, caveats; "" if none
 * @param layer the ruleset layer that defined it ("default:...", a file name)
 * @param line the line in that layer
 * @param conflict true when another source gives another value
 * @param conflictValue that other value, in the unit of {@code value} (0 without conflict)
 * @param conflictProvenance its provenance (NOT_FOUND without conflict)
 * @param conflictSource its source (null without conflict)
 * @param conflictNote its note (null without conflict)
 */
public record Figure(long value, Measure measure, Provenance provenance, String source, String note,
        String layer, int line, boolean conflict, long conflictValue, Provenance conflictProvenance,
        String conflictSource, String conflictNote) {

    /** @return the value in its natural unit: euros for an amount (179034 is 1790.34), else {@link Measure#toDecimal} */
    public BigDecimal decimal() {
        return measure == null ? BigDecimal.valueOf(value, 2) : measure.toDecimal(value);
    }

    /** Copy a native figure (its strings live in the ruleset) and free it. */
    static Figure take(inami_figure f, Measure measure) {
        try {
            boolean c = f.getHas_conflict() != 0;
            return new Figure(f.getValue(), measure, Provenance.fromCode(f.getProvenance()), f.getSource(),
                    f.getNote(), f.getLayer(), f.getLine(), c, c ? f.getConflict_value() : 0,
                    c ? Provenance.fromCode(f.getConflict_provenance()) : Provenance.NOT_FOUND,
                    c ? f.getConflict_source() : null, c ? f.getConflict_note() : null);
        } finally {
            f.delete();
        }
    }
}
