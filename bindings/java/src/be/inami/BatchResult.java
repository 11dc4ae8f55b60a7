package be.inami;

import java.math.BigDecimal;

/**
 * Results of {@link Rules#evaluateBatch}: parallel primitive arrays, one entry per
 * provider, filled by one native call.
 */
public final class BatchResult {
    final int[] tierIndex;
    final long[] amountCents;
    final int[] eligible;
    final long[] missingPrestations;
    final long[] missingKeyValue;
    final int[] status;

    BatchResult(int n) {
        tierIndex = new int[n];
        amountCents = new long[n];
        eligible = new int[n];
        missingPrestations = new long[n];
        missingKeyValue = new long[n];
        status = new int[n];
    }

    /** @return number of providers */
    public int size() {
        return status.length;
    }

    /**
     * @param p provider index
     * @return index of the tier reached (0 = lowest), -1 when none
     */
    public int tierIndex(int p) {
        return tierIndex[p];
    }

    /**
     * @param p provider index
     * @return amount due in cents (0 when not eligible)
     */
    public long amountCents(int p) {
        return amountCents[p];
    }

    /**
     * @param p provider index
     * @return amount due in euros (scale 2)
     */
    public BigDecimal amount(int p) {
        return BigDecimal.valueOf(amountCents[p], 2);
    }

    /**
     * @param p provider index
     * @return true when entitled
     */
    public boolean eligible(int p) {
        return eligible[p] != 0;
    }

    /**
     * @param p provider index
     * @return prestations missing for the next tier, or -1
     */
    public long missingPrestations(int p) {
        return missingPrestations[p];
    }

    /**
     * @param p provider index
     * @return key-letter hundredths missing for the next tier, or -1
     */
    public long missingKeyValue(int p) {
        return missingKeyValue[p];
    }

    /**
     * @param p provider index
     * @return 0, or the inami status of that provider's error (see {@link InamiException})
     */
    public int status(int p) {
        return status[p];
    }

    /** @return a copy of every amount in cents */
    public long[] amountCents() {
        return amountCents.clone();
    }

    /** @return a copy of every tier index */
    public int[] tierIndex() {
        return tierIndex.clone();
    }
}
