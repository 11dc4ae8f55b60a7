package be.inami;

import be.inami.swig.inami_alloc_terms;
import be.inami.swig.inami_allocation;
import be.inami.swig.inami_native;
import java.math.BigDecimal;

/**
 * A premium split between entry fee, solidarity and pension; the three parts add
 * up to the premium exactly. Percentages are basis points (1 % = 100 bp). Fees
 * and solidarity are rounded half-up to the cent; the pension part is the rest
 * (include/inami/allocate.h has the rule).
 *
 * <pre>{@code
 * Allocation a = Allocation.split(179034, ContractType.SOCIAL_PENSION, 1000, 0);
 * a.solidarityCents(); // 17903
 * a.pensionCents();    // 161131
 * }</pre>
 */
public final class Allocation {
    /** A percentage that is not given. */
    public static final int BP_UNSET = inami_native.INAMI_BP_UNSET;

    private final long premiumCents;
    private final long feesCents;
    private final long solidarityCents;
    private final long pensionCents;
    private final int entryFeeBp;
    private final int solidarityBp;

    private Allocation(inami_allocation a) {
        premiumCents = a.getPremium_cents();
        feesCents = a.getFees_cents();
        solidarityCents = a.getSolidarity_cents();
        pensionCents = a.getPension_cents();
        entryFeeBp = a.getEntry_fee_bp();
        solidarityBp = a.getSolidarity_bp();
    }

    /**
     * Split a premium by explicit terms.
     *
     * @param premiumCents the premium paid into the contract
     * @param type the contract type (a social pension needs at least the legal solidarity minimum)
     * @param solidarityBp share of the premium after fees going to solidarity, in bp
     * @param entryFeeBp entry fee in bp of the premium
     * @return the split
     * @throws InamiException ERANGE (share below the minimum, above 100 %), ENEGATIVE, ENORULES
     */
    public static Allocation split(long premiumCents, ContractType type, int solidarityBp, int entryFeeBp) {
        inami_alloc_terms terms = new inami_alloc_terms();
        inami_allocation out = new inami_allocation();
        try {
            terms.setContract_type(type.code());
            terms.setSolidarity_bp(solidarityBp);
            terms.setEntry_fee_bp(entryFeeBp);
            inami_native.inami_allocate(premiumCents, terms, out);
            return new Allocation(out);
        } finally {
            terms.delete();
            out.delete();
        }
    }

    /** Split with the terms of a product; used by {@link Products#split}. */
    static Allocation splitProduct(be.inami.swig.inami_products products, String id, long premiumCents) {
        inami_allocation out = new inami_allocation();
        try {
            inami_native.inami_allocate_product(products, id, premiumCents, null, out);
            return new Allocation(out);
        } finally {
            out.delete();
        }
    }

    /**
     * The sourced minimum solidarity share of a contract type.
     *
     * @param type a contract type
     * @return basis points (1000 = 10 % for a social pension), or null when none is known
     */
    public static Integer solidarityMinimumBp(ContractType type) {
        int bp = inami_native.inami_swig_solidarity_minimum_bp(type.code());
        return bp == BP_UNSET ? null : bp;
    }

    /** @return the premium in cents */
    public long premiumCents() {
        return premiumCents;
    }

    /** @return the entry fee in cents */
    public long feesCents() {
        return feesCents;
    }

    /** @return the solidarity part in cents */
    public long solidarityCents() {
        return solidarityCents;
    }

    /** @return the pension part in cents (premium - fees - solidarity) */
    public long pensionCents() {
        return pensionCents;
    }

    /** @return the pension part in euros (scale 2) */
    public BigDecimal pension() {
        return BigDecimal.valueOf(pensionCents, 2);
    }

    /** @return the entry fee applied, bp */
    public int entryFeeBp() {
        return entryFeeBp;
    }

    /** @return the solidarity share applied, bp */
    public int solidarityBp() {
        return solidarityBp;
    }

    @Override
    public String toString() {
        return "premium " + premiumCents + " = fees " + feesCents + " + solidarity " + solidarityCents
                + " + pension " + pensionCents + " (cents)";
    }
}
