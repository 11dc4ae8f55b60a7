package be.inami;

import be.inami.swig.inami_native;
import be.inami.swig.inami_projection;
import java.math.BigDecimal;

/**
 * A pension projection: equal yearly premiums paid into a contract until the
 * exit, the capital and its exit taxation (include/inami/allocate.h has the
 * rounding rules). A plain value: the C result is copied and freed.
 *
 * <pre>{@code
 * Projection p = Projection.builder(100000, 1, 2024, 2026)
 *     .rateBp(250).solidarityBp(1000).entryFeeBp(0).managementFeeBp(0)
 *     .ageAtExit(65).fullCareer(true).project();
 * p.capitalCents();        // 94556
 * p.annuityYearlyCents();  // 3782
 * }</pre>
 */
public final class Projection {
    /** A product rate stood for an undated deposit year. */
    public static final int RATES_ASSUMED = (int) inami_native.INAMI_PROJ_RATES_ASSUMED;
    /** The solidarity levy was not given: its maximum was applied. */
    public static final int LEVY_MAXIMUM = (int) inami_native.INAMI_PROJ_LEVY_MAXIMUM;
    /** No age given: the notional annuity was not computed. */
    public static final int NO_ANNUITY = (int) inami_native.INAMI_PROJ_NO_ANNUITY;

    private final long premiumsCents;
    private final long feesCents;
    private final long solidarityCents;
    private final long pensionCents;
    private final long interestCents;
    private final long profitSharingCents;
    private final long managementFeesCents;
    private final long capitalCents;
    private final int inamiLevyBp;
    private final long inamiLevyCents;
    private final int solidarityLevyBp;
    private final long solidarityLevyCents;
    private final long netCapitalCents;
    private final long annuityBaseCents;
    private final int annuityRateBp;
    private final int annuityYears;
    private final long annuityYearlyCents;
    private final int flags;

    private Projection(inami_projection p) {
        premiumsCents = p.getPremiums_cents();
        feesCents = p.getFees_cents();
        solidarityCents = p.getSolidarity_cents();
        pensionCents = p.getPension_cents();
        interestCents = p.getInterest_cents();
        profitSharingCents = p.getProfit_sharing_cents();
        managementFeesCents = p.getManagement_fees_cents();
        capitalCents = p.getCapital_cents();
        inamiLevyBp = p.getInami_levy_bp();
        inamiLevyCents = p.getInami_levy_cents();
        solidarityLevyBp = p.getSolidarity_levy_bp();
        solidarityLevyCents = p.getSolidarity_levy_cents();
        netCapitalCents = p.getNet_capital_cents();
        annuityBaseCents = p.getAnnuity_base_cents();
        annuityRateBp = p.getAnnuity_rate_bp();
        annuityYears = p.getAnnuity_years();
        annuityYearlyCents = p.getAnnuity_yearly_cents();
        flags = (int) p.getFlags();
    }

    /**
     * Start a projection.
     *
     * @param premiumCents the premium paid each year
     * @param years number of yearly premiums (at least one)
     * @param firstDepositYear year of the first premium (deposit on 1 January)
     * @param exitYear capital valued on 1 January of this year
     * @return a builder; every percentage not set is "not given" (a product's, else an error)
     */
    public static Builder builder(long premiumCents, int years, int firstDepositYear, int exitYear) {
        return new Builder(premiumCents, years, firstDepositYear, exitYear);
    }

    /** The terms of a projection; percentages in basis points (1 % = 100). */
    public static final class Builder {
        private final long premiumCents;
        private final int years;
        private final int firstDepositYear;
        private final int exitYear;
        private Products products;
        private String productId;
        private ContractType contractType = ContractType.SOCIAL_PENSION;
        private int rateBp = Allocation.BP_UNSET;
        private int solidarityBp = Allocation.BP_UNSET;
        private int entryFeeBp = Allocation.BP_UNSET;
        private int managementFeeBp = Allocation.BP_UNSET;
        private int solidarityLevyBp = Allocation.BP_UNSET;
        private int ageAtExit = -1;
        private boolean fullCareer;

        private Builder(long premiumCents, int years, int firstDepositYear, int exitYear) {
            this.premiumCents = premiumCents;
            this.years = years;
            this.firstDepositYear = firstDepositYear;
            this.exitYear = exitYear;
        }

        /** Terms not set here (rate, fees, solidarity share) come from this product. */
        public Builder product(Products products, String productId) {
            this.products = products;
            this.productId = productId;
            return this;
        }

        public Builder contractType(ContractType type) {
            this.contractType = type;
            return this;
        }

        /** Guaranteed rate of every premium (default: the product's rate for each deposit year). */
        public Builder rateBp(int bp) {
            this.rateBp = bp;
            return this;
        }

        public Builder solidarityBp(int bp) {
            this.solidarityBp = bp;
            return this;
        }

        public Builder entryFeeBp(int bp) {
            this.entryFeeBp = bp;
            return this;
        }

        /** Yearly management fee on the reserve (required: no product file gives one). */
        public Builder managementFeeBp(int bp) {
            this.managementFeeBp = bp;
            return this;
        }

        /** The 0-2 % solidarity levy actually due (default: the maximum, flag {@link #LEVY_MAXIMUM}). */
        public Builder solidarityLevyBp(int bp) {
            this.solidarityLevyBp = bp;
            return this;
        }

        /** Age when the capital is paid (default: not given, no notional annuity). */
        public Builder ageAtExit(int age) {
            this.ageAtExit = age;
            return this;
        }

        /** Worked until the legal pension age: the annuity base is the reduced share (data). */
        public Builder fullCareer(boolean full) {
            this.fullCareer = full;
            return this;
        }

        /**
         * Compute.
         *
         * @return the projection
         * @throws InamiException ENEGATIVE, ERANGE, ENORULES (a term not given, never guessed),
         *         ENOTFOUND (unknown product), EOVERFLOW, EINVAL
         */
        public Projection project() {
            if (products != null && productId == null) {
                throw new IllegalArgumentException("a product needs its id");
            }
            if (products == null) {
                return project(null);
            }
            return products.read(this::project);
        }

        private Projection project(be.inami.swig.inami_products h) {
            inami_projection p = inami_native.inami_swig_project(h, productId, contractType.code(), premiumCents,
                    years, firstDepositYear, exitYear, rateBp, solidarityBp, entryFeeBp, managementFeeBp,
                    solidarityLevyBp, ageAtExit, fullCareer ? 1 : 0);
            try {
                return new Projection(p);
            } finally {
                p.delete();
            }
        }
    }

    /** @return sum of the premiums */
    public long premiumsCents() {
        return premiumsCents;
    }

    /** @return entry fees */
    public long feesCents() {
        return feesCents;
    }

    /** @return solidarity parts of the premiums */
    public long solidarityCents() {
        return solidarityCents;
    }

    /** @return pension parts deposited */
    public long pensionCents() {
        return pensionCents;
    }

    /** @return guaranteed interest credited */
    public long interestCents() {
        return interestCents;
    }

    /** @return profit sharing credited */
    public long profitSharingCents() {
        return profitSharingCents;
    }

    /** @return management fees taken from the reserve */
    public long managementFeesCents() {
        return managementFeesCents;
    }

    /** @return gross capital at the exit */
    public long capitalCents() {
        return capitalCents;
    }

    /** @return gross capital in euros (scale 2) */
    public BigDecimal capital() {
        return BigDecimal.valueOf(capitalCents, 2);
    }

    /** @return INAMI levy rate, bp */
    public int inamiLevyBp() {
        return inamiLevyBp;
    }

    /** @return INAMI levy on the capital */
    public long inamiLevyCents() {
        return inamiLevyCents;
    }

    /** @return solidarity levy rate applied, bp */
    public int solidarityLevyBp() {
        return solidarityLevyBp;
    }

    /** @return solidarity levy on the capital */
    public long solidarityLevyCents() {
        return solidarityLevyCents;
    }

    /** @return capital minus both levies */
    public long netCapitalCents() {
        return netCapitalCents;
    }

    /** @return net capital in euros (scale 2) */
    public BigDecimal netCapital() {
        return BigDecimal.valueOf(netCapitalCents, 2);
    }

    /** @return the notional-annuity base */
    public long annuityBaseCents() {
        return annuityBaseCents;
    }

    /** @return notional annuity rate for the age at exit, bp */
    public int annuityRateBp() {
        return annuityRateBp;
    }

    /** @return years the notional annuity is added to taxable income */
    public int annuityYears() {
        return annuityYears;
    }

    /** @return notional annuity added to taxable income each year */
    public long annuityYearlyCents() {
        return annuityYearlyCents;
    }

    /** @return {@link #RATES_ASSUMED}, {@link #LEVY_MAXIMUM}, {@link #NO_ANNUITY} */
    public int flags() {
        return flags;
    }

    @Override
    public String toString() {
        return "capital " + capitalCents + ", net " + netCapitalCents + " (cents)";
    }

    /**
     * An exit-taxation figure of the library's data ([law exit_taxation] of libinami/data/law.rules).
     *
     * @param id "inami_levy", "solidarity_levy_min", "solidarity_levy_max" or "annuity_base_full_career"
     * @return the figure in basis points with its source
     * @throws InamiException ENOTFOUND for an unknown id
     */
    public static ExitFigure exitFigure(String id) {
        int[] out = new int[2];
        String source = inami_native.inami_java_exit_figure(id, out);
        return new ExitFigure(id, out[0], Provenance.fromCode(out[1]), source);
    }

    /**
     * The notional annuity rate and its number of years for an age at exit.
     *
     * @param age the age when the capital is paid
     * @return the rate and years with their source
     * @throws InamiException ENORULES when the table has no row for that age
     */
    public static AnnuityRate annuityRate(int age) {
        int[] out = new int[3];
        String source = inami_native.inami_java_exit_annuity_rate(age, out);
        return new AnnuityRate(age, out[0], out[1], Provenance.fromCode(out[2]), source);
    }

    /**
     * An exit-taxation figure ({@link #exitFigure}).
     *
     * @param id its id
     * @param bp its value in basis points
     * @param provenance how strong the source is
     * @param source where it comes from
     */
    public record ExitFigure(String id, int bp, Provenance provenance, String source) {
    }

    /**
     * The notional annuity for an age at exit ({@link #annuityRate}).
     *
     * @param age the age at exit
     * @param bp the rate in basis points
     * @param years years the annuity is added to taxable income
     * @param provenance how strong the source is
     * @param source where it comes from
     */
    public record AnnuityRate(int age, int bp, int years, Provenance provenance, String source) {
    }
}
