package be.inami;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * What is known of a provider for one premium year: the input of
 * {@link Rules#evaluate(EvaluationInput)}. Immutable; made with {@link #builder}.
 *
 * <p>Every activity figure is optional ({@code null} = not given). Defaults:
 * fully conventioned for the whole year, not retired, not in training, no
 * sanction, contracts not given, DERIVED figures not allowed, English labels.
 *
 * <pre>{@code
 * EvaluationInput in = EvaluationInput.builder(Profession.PHYSIOTHERAPIST, 2022)
 *     .prestations(2299)
 *     .build();
 * }</pre>
 */
public final class EvaluationInput {
    private final Profession profession;
    private final int premiumYear;
    private final Long prestations;
    private final Long mValues;
    private final Long rValues;
    private final Long vValues;
    private final Long reimbursedCents;
    private final Long hoursPerWeek;
    private final Convention convention;
    private final LocalDate conventionStart;
    private final LocalDate conventionEnd;
    private final LocalDate firstNumber;
    private final String specialty;
    private final boolean trainee;
    private final boolean retired;
    private final Employment employment;
    private final boolean sanctioned;
    private final Integer contracts;
    private final boolean allowDerived;
    private final Lang lang;

    private EvaluationInput(Builder b) {
        profession = b.profession;
        premiumYear = b.premiumYear;
        prestations = b.prestations;
        mValues = b.mValues;
        rValues = b.rValues;
        vValues = b.vValues;
        reimbursedCents = b.reimbursedCents;
        hoursPerWeek = b.hoursPerWeek;
        convention = b.convention;
        conventionStart = b.conventionStart;
        conventionEnd = b.conventionEnd;
        firstNumber = b.firstNumber;
        specialty = b.specialty;
        trainee = b.trainee;
        retired = b.retired;
        employment = b.employment;
        sanctioned = b.sanctioned;
        contracts = b.contracts;
        allowDerived = b.allowDerived;
        lang = b.lang;
    }

    /**
     * Start an input.
     *
     * @param profession the provider's profession
     * @param premiumYear the year of activity (année de prime)
     * @return a builder
     */
    public static Builder builder(Profession profession, int premiumYear) {
        return new Builder(profession, premiumYear);
    }

    /** @return a builder holding the values of this input */
    public Builder toBuilder() {
        Builder b = new Builder(profession, premiumYear);
        b.prestations = prestations;
        b.mValues = mValues;
        b.rValues = rValues;
        b.vValues = vValues;
        b.reimbursedCents = reimbursedCents;
        b.hoursPerWeek = hoursPerWeek;
        b.convention = convention;
        b.conventionStart = conventionStart;
        b.conventionEnd = conventionEnd;
        b.firstNumber = firstNumber;
        b.specialty = specialty;
        b.trainee = trainee;
        b.retired = retired;
        b.employment = employment;
        b.sanctioned = sanctioned;
        b.contracts = contracts;
        b.allowDerived = allowDerived;
        b.lang = lang;
        return b;
    }

    /** @return the profession */
    public Profession profession() {
        return profession;
    }

    /** @return the premium year */
    public int premiumYear() {
        return premiumYear;
    }

    /** @return reimbursed prestations, or null when not given */
    public Long prestations() {
        return prestations;
    }

    /** @return the sum of M values in hundredths (M 24 is 2400), or null */
    public Long mValues() {
        return mValues;
    }

    /** @return the sum of R values in hundredths, or null */
    public Long rValues() {
        return rValues;
    }

    /** @return the sum of V values in hundredths, or null */
    public Long vValues() {
        return vValues;
    }

    /** @return euros reimbursed, in cents, or null */
    public Long reimbursedCents() {
        return reimbursedCents;
    }

    /** @return average hours per week in hundredths (38 h is 3800), or null */
    public Long hoursPerWeek() {
        return hoursPerWeek;
    }

    /** @return the adhesion to the convention */
    public Convention convention() {
        return convention;
    }

    /** @return the adhesion start inside the year, or null (whole year) */
    public LocalDate conventionStart() {
        return conventionStart;
    }

    /** @return the adhesion end inside the year, or null (whole year) */
    public LocalDate conventionEnd() {
        return conventionEnd;
    }

    /** @return the date the first INAMI number was granted, or null */
    public LocalDate firstNumber() {
        return firstNumber;
    }

    /** @return the doctor's specialty id, or null */
    public String specialty() {
        return specialty;
    }

    /** @return true for a doctor in training on 31 December */
    public boolean trainee() {
        return trainee;
    }

    /** @return true when the legal retirement pension was taken */
    public boolean retired() {
        return retired;
    }

    /** @return the professional status */
    public Employment employment() {
        return employment;
    }

    /** @return true when a sanction excludes the year */
    public boolean sanctioned() {
        return sanctioned;
    }

    /** @return eligible insurance contracts linked, or null when not given */
    public Integer contracts() {
        return contracts;
    }

    /** @return true when answers resting on DERIVED figures are allowed */
    public boolean allowDerived() {
        return allowDerived;
    }

    /** @return the language of labels and explanations */
    public Lang lang() {
        return lang;
    }

    /** Builds an {@link EvaluationInput}; every setter returns the builder. */
    public static final class Builder {
        private final Profession profession;
        private final int premiumYear;
        private Long prestations;
        private Long mValues;
        private Long rValues;
        private Long vValues;
        private Long reimbursedCents;
        private Long hoursPerWeek;
        private Convention convention = Convention.FULL;
        private LocalDate conventionStart;
        private LocalDate conventionEnd;
        private LocalDate firstNumber;
        private String specialty;
        private boolean trainee;
        private boolean retired;
        private Employment employment = Employment.UNSPECIFIED;
        private boolean sanctioned;
        private Integer contracts;
        private boolean allowDerived;
        private Lang lang = Lang.EN;

        private Builder(Profession profession, int premiumYear) {
            if (profession == null) {
                throw new InamiException(InamiException.ENULL, "profession must not be null");
            }
            this.profession = profession;
            this.premiumYear = premiumYear;
        }

        private static void notNegative(String what, long v) {
            if (v < 0) {
                throw new InamiException(InamiException.ENEGATIVE, what + " must not be negative (" + v + ")");
            }
        }

        /**
         * @param n reimbursed prestations in the premium year (&gt;= 0)
         * @return this builder
         * @throws InamiException ENEGATIVE for a negative count
         */
        public Builder prestations(long n) {
            notNegative("prestations", n);
            prestations = n;
            return this;
        }

        /**
         * @param m sum of M key-letter values (physiotherapists) in points, at most two decimals
         * @return this builder
         * @throws InamiException ENEGATIVE, EINVAL for more than two decimals, EOVERFLOW
         */
        public Builder mValues(BigDecimal m) {
            return measure(Measure.M_VALUE, Measure.M_VALUE.toValue(m));
        }

        /**
         * @param r sum of R key-letter values (speech therapists) in points, at most two decimals
         * @return this builder
         * @throws InamiException ENEGATIVE, EINVAL for more than two decimals, EOVERFLOW
         */
        public Builder rValues(BigDecimal r) {
            return measure(Measure.R_VALUE, Measure.R_VALUE.toValue(r));
        }

        /**
         * @param v sum of V key-letter values (midwives) in points, at most two decimals
         * @return this builder
         * @throws InamiException ENEGATIVE, EINVAL for more than two decimals, EOVERFLOW
         */
        public Builder vValues(BigDecimal v) {
            return measure(Measure.V_VALUE, Measure.V_VALUE.toValue(v));
        }

        /**
         * An activity figure in its measure's unit (see {@link Measure}): a key-letter total
         * from {@link Billing} is passed here as it is.
         *
         * @param measure the measure
         * @param value whole prestations, or hundredths of a key-letter point, euro or hour (&gt;= 0)
         * @return this builder
         * @throws InamiException ENULL, ENEGATIVE
         */
        public Builder measure(Measure measure, long value) {
            if (measure == null) {
                throw new InamiException(InamiException.ENULL, "measure must not be null");
            }
            notNegative(measure.id(), value);
            switch (measure) {
                case PRESTATIONS:
                    prestations = value;
                    break;
                case M_VALUE:
                    mValues = value;
                    break;
                case R_VALUE:
                    rValues = value;
                    break;
                case V_VALUE:
                    vValues = value;
                    break;
                case REIMBURSED_EUR:
                    reimbursedCents = value;
                    break;
                default:
                    hoursPerWeek = value;
                    break;
            }
            return this;
        }

        /**
         * Euros reimbursed by the insurance, converted to cents exactly.
         *
         * @param euros an amount with at most two decimals, &gt;= 0
         * @return this builder
         * @throws InamiException EINVAL for more than two decimals, ENEGATIVE, EOVERFLOW
         */
        public Builder reimbursed(BigDecimal euros) {
            if (euros == null) {
                throw new InamiException(InamiException.ENULL, "reimbursed must not be null");
            }
            if (euros.signum() < 0) {
                throw new InamiException(InamiException.ENEGATIVE,
                        "reimbursed must not be negative (" + euros.toPlainString() + ")");
            }
            BigDecimal cents = euros.movePointRight(2);
            try {
                cents = cents.setScale(0);
            } catch (ArithmeticException e) {
                throw new InamiException(InamiException.EINVAL,
                        "reimbursed has more than two decimals (" + euros.toPlainString() + ")");
            }
            try {
                reimbursedCents = cents.longValueExact();
            } catch (ArithmeticException e) {
                throw new InamiException(InamiException.EOVERFLOW,
                        "reimbursed does not fit in 64-bit cents (" + euros.toPlainString() + ")");
            }
            return this;
        }

        /**
         * @param cents euros reimbursed, in cents (&gt;= 0)
         * @return this builder
         */
        public Builder reimbursedCents(long cents) {
            notNegative("reimbursed", cents);
            reimbursedCents = cents;
            return this;
        }

        /**
         * @param hours average hours per week over the year (pharmacists), at most two decimals
         * @return this builder
         * @throws InamiException ENEGATIVE, EINVAL for more than two decimals, EOVERFLOW
         */
        public Builder hoursPerWeek(BigDecimal hours) {
            return measure(Measure.HOURS_PER_WEEK, Measure.HOURS_PER_WEEK.toValue(hours));
        }

        /**
         * @param c adhesion to the convention (default {@link Convention#FULL})
         * @return this builder
         */
        public Builder convention(Convention c) {
            convention = Objects.requireNonNull(c, "convention");
            return this;
        }

        /**
         * @param d adhesion start when inside the premium year (null = whole year)
         * @return this builder
         */
        public Builder conventionStart(LocalDate d) {
            conventionStart = d;
            return this;
        }

        /**
         * @param d adhesion end when inside the premium year (null = whole year)
         * @return this builder
         */
        public Builder conventionEnd(LocalDate d) {
            conventionEnd = d;
            return this;
        }

        /**
         * @param d date the first INAMI number was granted (pro rata by complete months)
         * @return this builder
         */
        public Builder firstNumber(LocalDate d) {
            firstNumber = d;
            return this;
        }

        /**
         * @param id doctors: specialty id such as "general_practice" (null = none)
         * @return this builder
         */
        public Builder specialty(String id) {
            specialty = id;
            return this;
        }

        /**
         * @param b doctor in training (GP or specialist) on 31 December
         * @return this builder
         */
        public Builder trainee(boolean b) {
            trainee = b;
            return this;
        }

        /**
         * @param b the legal retirement pension was taken (avantage de convention, paid to a bank account)
         * @return this builder
         */
        public Builder retired(boolean b) {
            retired = b;
            return this;
        }

        /**
         * @param e professional status (nurses)
         * @return this builder
         */
        public Builder employment(Employment e) {
            employment = Objects.requireNonNull(e, "employment");
            return this;
        }

        /**
         * @param b a sanction excluding the year was imposed
         * @return this builder
         */
        public Builder sanctioned(boolean b) {
            sanctioned = b;
            return this;
        }

        /**
         * @param n eligible insurance contracts linked (&gt;= 0)
         * @return this builder
         */
        public Builder contracts(int n) {
            notNegative("contracts", n);
            contracts = n;
            return this;
        }

        /**
         * @param b allow answers that rest on DERIVED figures (estimates)
         * @return this builder
         */
        public Builder allowDerived(boolean b) {
            allowDerived = b;
            return this;
        }

        /**
         * @param l language of labels and explanations
         * @return this builder
         */
        public Builder lang(Lang l) {
            lang = Objects.requireNonNull(l, "lang");
            return this;
        }

        /** @return the immutable input */
        public EvaluationInput build() {
            return new EvaluationInput(this);
        }
    }
}
