package be.inami;

import java.math.BigDecimal;

/**
 * The verdict under one reading of a disputed rule or figure: where the
 * sources disagree (doctors' partial conventioning, physiotherapists' 2020
 * thresholds), an evaluation gives the verdict under each reading, never one
 * silently. See {@link Evaluation#readings()}.
 */
public final class Reading {
    private final String dispute;
    private final String id;
    private final boolean applied;
    private final boolean isDefault;
    private final int status;
    private final boolean eligible;
    private final String tier;
    private final long amountCents;
    private final Provenance provenance;
    private final String source;
    private final String note;

    Reading(String dispute, String id, boolean applied, boolean isDefault, int status, boolean eligible,
            String tier, long amountCents, Provenance provenance, String source, String note) {
        this.dispute = dispute;
        this.id = id;
        this.applied = applied;
        this.isDefault = isDefault;
        this.status = status;
        this.eligible = eligible;
        this.tier = tier;
        this.amountCents = amountCents;
        this.provenance = provenance;
        this.source = source;
        this.note = note;
    }

    /** @return what is disputed: "partial_convention" or "thresholds" */
    public String dispute() {
        return dispute;
    }

    /** @return the reading's id in the rules ("full_threshold"), as passed to evaluate */
    public String id() {
        return id;
    }

    /** @return true when the evaluation's verdict follows this reading */
    public boolean applied() {
        return applied;
    }

    /** @return true for the rules' default reading of the dispute */
    public boolean isDefault() {
        return isDefault;
    }

    /** @return 0, or the status code saying why there is no verdict under this reading */
    public int status() {
        return status;
    }

    /** @return the verdict under this reading */
    public boolean eligible() {
        return eligible;
    }

    /** @return the tier reached under this reading, null when not eligible */
    public String tier() {
        return tier;
    }

    /** @return the amount under this reading in cents, 0 when not eligible */
    public long amountCents() {
        return amountCents;
    }

    /** @return the amount under this reading in euros, exactly (scale 2) */
    public BigDecimal amount() {
        return BigDecimal.valueOf(amountCents, 2);
    }

    /** @return the weakest provenance among the figures this verdict rests on */
    public Provenance provenance() {
        return provenance;
    }

    /** @return the source of this reading */
    public String source() {
        return source;
    }

    /** @return for the default, why it is the default; otherwise what this reading says */
    public String note() {
        return note;
    }

    @Override
    public String toString() {
        return dispute + " '" + id + "'" + (isDefault ? " (default)" : "") + (applied ? " (applied)" : "") + ": "
                + (status != 0 ? "no verdict" : eligible ? "eligible, " + tier + ", EUR " + amount().toPlainString()
                : "not eligible");
    }
}
