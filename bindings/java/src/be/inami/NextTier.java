package be.inami;

import java.math.BigDecimal;
import java.util.List;

/** The tier above the one reached (the lowest tier when none is reached). */
public final class NextTier {
    private final String tier;
    private final long amountCents;
    private final List<Missing> missing;

    NextTier(String tier, long amountCents, List<Missing> missing) {
        this.tier = tier;
        this.amountCents = amountCents;
        this.missing = List.copyOf(missing);
    }

    /** @return the tier id ("intermediate", "full", ...) */
    public String tier() {
        return tier;
    }

    /** @return its full-year amount in cents */
    public long amountCents() {
        return amountCents;
    }

    /** @return its full-year amount in euros (scale 2) */
    public BigDecimal amount() {
        return BigDecimal.valueOf(amountCents, 2);
    }

    /** @return what is missing, per measure that can reach the tier */
    public List<Missing> missing() {
        return missing;
    }

    @Override
    public String toString() {
        return tier + " (EUR " + amount().toPlainString() + ") " + missing;
    }
}
