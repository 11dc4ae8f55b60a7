package be.inami;

import be.inami.swig.inami_eval_input;
import be.inami.swig.inami_eval_options;
import be.inami.swig.inami_native;
import be.inami.swig.inami_result;
import be.inami.swig.inami_ruleset;
import be.inami.swig.inami_tier_info;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An immutable ruleset: for each profession and premium year the tiers, their
 * thresholds and amounts, each figure sourced. Safe to share between threads:
 * any number of threads may evaluate with one {@code Rules} at the same time.
 *
 * <p>A loaded ruleset owns native memory: close it, with try-with-resources.
 * The garbage collector does not see that memory (a layered ruleset holds a few
 * hundred kilobytes of it behind a small Java object): a {@link java.lang.ref.Cleaner}
 * frees a forgotten ruleset only when the collector happens to run, which may be
 * after the process has used gigabytes. Closing waits for evaluations running in
 * other threads; closing twice is harmless; any call on a closed ruleset throws
 * {@link InamiException} ({@code ENULL}). {@link #defaults()} is shared by the
 * whole process and closing it does nothing.
 *
 * <pre>{@code
 * Evaluation e = Rules.defaults().evaluate(
 *     EvaluationInput.builder(Profession.PHYSIOTHERAPIST, 2022).prestations(2300).build());
 * e.tier();        // "intermediate"
 * e.amountCents(); // 236579
 * try (Rules mine = Rules.defaults().layer(Path.of("my-corrections.rules"))) {
 *     Evaluation f = mine.evaluate(...);
 * }
 * }</pre>
 */
public final class Rules implements AutoCloseable {
    private static volatile Rules defaults;

    private final NativeHandle<inami_ruleset> handle;

    private Rules(inami_ruleset proxy, boolean owned) {
        this.handle = new NativeHandle<>(this, proxy, owned ? inami_ruleset::delete : null, "Rules");
    }

    /**
     * The embedded default ruleset (libinami/data), made once and shared.
     *
     * @return the default rules; {@link #close()} on it does nothing
     */
    public static Rules defaults() {
        Rules r = defaults;
        if (r == null) {
            synchronized (Rules.class) {
                r = defaults;
                if (r == null) {
                    r = new Rules(inami_native.inami_swig_ruleset_default(), false);
                    defaults = r;
                }
            }
        }
        return r;
    }

    /**
     * Load a standalone rules file (docs/rules-format.md).
     *
     * @param path the file
     * @return the new ruleset
     * @throws InamiException EIO, EPARSE (message with file:line:column), ...
     */
    public static Rules load(Path path) {
        return new Rules(inami_native.inami_swig_ruleset_load_file(null, path.toString()), true);
    }

    /**
     * Load a standalone ruleset from text.
     *
     * @param text the rules in the file format
     * @param name names the text in messages
     * @return the new ruleset
     */
    public static Rules loadString(String text, String name) {
        return new Rules(inami_native.inami_swig_ruleset_load_string(null, text, name), true);
    }

    /**
     * A new ruleset: this one with the rules file {@code path} layered over it. The
     * layer may add profession-years and replace sections marked {@code override}.
     * This ruleset is unchanged and may be closed independently.
     *
     * @param path the layer file
     * @return the layered ruleset
     */
    public Rules layer(Path path) {
        String file = path.toString();
        return new Rules(handle.read(h -> inami_native.inami_swig_ruleset_load_file(h, file)), true);
    }

    /**
     * As {@link #layer(Path)}, from text.
     *
     * @param text the layer in the rules file format
     * @param name names the layer in messages
     * @return the layered ruleset
     */
    public Rules layerString(String text, String name) {
        return new Rules(handle.read(h -> inami_native.inami_swig_ruleset_load_string(h, text, name)), true);
    }

    /** Run {@code call} on the native ruleset, which stays open meanwhile (for other classes of the package). */
    <R> R readHandle(java.util.function.Function<inami_ruleset, R> call) {
        return handle.read(call);
    }

    /** @return true once {@link #close()} was called on a loaded ruleset */
    public boolean isClosed() {
        return handle.isClosed();
    }

    /**
     * Evaluate one provider for one premium year.
     *
     * @param input what is known of the provider
     * @return the explained answer (eligible or not)
     * @throws InamiException ENORULES (no rules for that profession and year, or a
     *     needed figure is NOT FOUND), EDERIVED (needs a DERIVED figure and
     *     {@code allowDerived} is not set), EINVAL (bad date, unknown specialty), ...
     */
    public Evaluation evaluate(EvaluationInput input) {
        return evaluate(input, null);
    }

    /**
     * Evaluate one provider, applying a chosen reading where the sources dispute a
     * rule or a figure. The verdict under every reading is in
     * {@link Evaluation#readings()} either way.
     *
     * @param input what is known of the provider
     * @param reading the id of the reading to apply ("reduced_threshold"), or null for
     *     each dispute's default reading
     * @return the explained answer (eligible or not)
     * @throws InamiException EINVAL for a reading no rule declares, and as
     *     {@link #evaluate(EvaluationInput)}
     */
    public Evaluation evaluate(EvaluationInput input, String reading) {
        if (input == null) {
            throw new InamiException(InamiException.ENULL, "input must not be null");
        }
        inami_eval_input in = new inami_eval_input();
        inami_eval_options options = new inami_eval_options();
        try {
            fill(in, input);
            options.setFlags(input.allowDerived() ? inami_native.INAMI_EVAL_ALLOW_DERIVED : 0);
            options.setLang(input.lang().code());
            return handle.read(h -> {
                inami_result result = reading == null ? inami_native.inami_swig_evaluate(h, in, options)
                        : inami_native.inami_swig_evaluate_reading(h, in, options, reading);
                try {
                    return Evaluation.read(input, result);
                } finally {
                    result.delete();
                }
            });
        } finally {
            in.delete();
            options.delete();
        }
    }

    private static void fill(inami_eval_input in, EvaluationInput x) {
        final int unset = inami_native.INAMI_UNSET;
        in.setProfession(x.profession().code());
        in.setPremium_year(x.premiumYear());
        in.setPrestations(x.prestations() == null ? unset : x.prestations());
        in.setM_values(x.mValues() == null ? unset : x.mValues());
        in.setR_values(x.rValues() == null ? unset : x.rValues());
        in.setV_values(x.vValues() == null ? unset : x.vValues());
        in.setReimbursed_cents(x.reimbursedCents() == null ? unset : x.reimbursedCents());
        in.setHours_per_week(x.hoursPerWeek() == null ? unset : x.hoursPerWeek());
        in.setConvention(x.convention().code());
        in.setConvention_start(Dates.toInt(x.conventionStart()));
        in.setConvention_end(Dates.toInt(x.conventionEnd()));
        in.setFirst_number(Dates.toInt(x.firstNumber()));
        in.setRetired(x.retired() ? 1 : 0);
        in.setTrainee(x.trainee() ? 1 : 0);
        in.setSpecialty(x.specialty());
        in.setEmployment(x.employment().code());
        in.setSanctioned(x.sanctioned() ? 1 : 0);
        in.setContracts(x.contracts() == null ? unset : x.contracts());
    }

    /**
     * Evaluate many providers of one profession and premium year in one native call
     * (everything but the activity at its default: fully conventioned for the whole
     * year, not retired, contracts not given).
     *
     * @param profession the profession
     * @param premiumYear the premium year
     * @param prestations prestations per provider, or null when not given
     * @param keyValues key-letter totals per provider in hundredths (40 M = 4000), or null
     * @param allowDerived allow DERIVED figures
     * @return one entry per provider
     * @throws InamiException ENORULES when the profession-year has no rules, EINVAL when
     *     the arrays differ in length
     */
    public BatchResult evaluateBatch(Profession profession, int premiumYear, long[] prestations,
            long[] keyValues, boolean allowDerived) {
        int n = prestations != null ? prestations.length : keyValues != null ? keyValues.length : 0;
        BatchResult out = new BatchResult(n);
        int flags = allowDerived ? (int) inami_native.INAMI_EVAL_ALLOW_DERIVED : 0;
        return handle.read(h -> {
            inami_native.inami_java_billing_evaluate(h, profession.code(), premiumYear, flags, prestations,
                    keyValues, null, out.tierIndex, out.amountCents, out.eligible, out.missingPrestations,
                    out.missingKeyValue, out.status);
            return out;
        });
    }

    /**
     * @param profession a profession
     * @return premium years with amounts (DERIVED ones included), ascending
     */
    public int[] years(Profession profession) {
        return handle.read(h -> {
            int n = (int) inami_native.inami_swig_rules_year_count(h, profession.code());
            int[] years = new int[n];
            for (int i = 0; i < n; i++) {
                years[i] = inami_native.inami_swig_rules_year(h, profession.code(), i);
            }
            return years;
        });
    }

    /**
     * @param profession a profession
     * @param premiumYear a premium year
     * @return why the profession-year has no usable amounts, or null when it has
     */
    public String unavailableReason(Profession profession, int premiumYear) {
        return handle.read(h -> inami_native.inami_swig_rules_year_note(h, profession.code(), premiumYear));
    }

    /**
     * The rules in the file format (loading the dump gives the same ruleset).
     *
     * @param profession one profession, or null for all
     * @param premiumYear one year, or 0 for all
     * @return the text
     */
    public String dump(Profession profession, int premiumYear) {
        int p = profession == null ? 0 : profession.code();
        return handle.read(h -> inami_native.inami_swig_ruleset_dump(h, p, premiumYear));
    }

    /**
     * The skeleton of a new premium year in the file format ({@code inami rules new-year}):
     * its [amounts] section with every value to fill written FILL.
     *
     * @param profession the profession
     * @param premiumYear the year to add
     * @return the text
     * @throws InamiException EINVAL when the year has amounts already
     */
    public String newYear(Profession profession, int premiumYear) {
        return handle.read(h -> inami_native.inami_swig_rules_year_skeleton(h, profession.code(), premiumYear));
    }

    /** @return the layer names, bottom first ("default" for the embedded data) */
    public List<String> layers() {
        return handle.read(h -> {
            long n = inami_native.inami_ruleset_layer_count(h);
            List<String> names = new ArrayList<>();
            for (long i = 0; i < n; i++) {
                names.add(inami_native.inami_ruleset_layer_name(h, i));
            }
            return names;
        });
    }

    /**
     * The tiers of a profession-year, lowest first (trainee tier included), each with its
     * labels and amount (empty when the sources do not give it).
     *
     * @param profession the profession
     * @param premiumYear the premium year
     * @return the tiers
     * @throws InamiException ENORULES when the ruleset has no usable amounts for that year
     */
    public List<TierInfo> tiers(Profession profession, int premiumYear) {
        int p = profession.code();
        return handle.read(h -> {
            long n = inami_native.inami_swig_rules_tier_count(h, p, premiumYear);
            List<TierInfo> tiers = new ArrayList<>();
            for (long i = 0; i < n; i++) {
                inami_tier_info t = inami_native.inami_swig_rules_tier(h, p, premiumYear, i);
                try {
                    Map<Lang, String> labels = new EnumMap<>(Lang.class);
                    for (Lang l : Lang.values()) {
                        labels.put(l, inami_native.inami_rules_tier_label(h, t.getId(), l.code()));
                    }
                    Figure amount = t.getAmount_known() == 0 ? null
                            : Figure.take(inami_native.inami_swig_rules_tier_amount(h, p, premiumYear, i), null);
                    tiers.add(new TierInfo(t.getId(), t.getIndex(), labels, t.getTrainee_only() != 0, amount,
                            t.getAmount_year(), t.getThresholds_from(), t.getThresholds_to(),
                            t.getUses_specialty() != 0, t.getSpecialty_reduced() != 0));
                } finally {
                    t.delete();
                }
            }
            return Collections.unmodifiableList(tiers);
        });
    }

    /**
     * The minimum of a measure for a tier (1500 prestations for the physiotherapists'
     * base tier of 2022), in the measure's unit.
     *
     * @param profession the profession
     * @param premiumYear the premium year
     * @param tierIndex the tier ({@link TierInfo#index()})
     * @param measure the measure
     * @param specialty the doctor's specialty for tiers that depend on it, else null
     * @return the threshold, or empty when the tier has no criterion in that measure
     * @throws InamiException ENORULES (no rules for that year), ERANGE (tier index), EINVAL, ...
     */
    public Optional<Figure> threshold(Profession profession, int premiumYear, int tierIndex, Measure measure,
            String specialty) {
        return handle.read(h -> notFound(() -> Figure.take(inami_native.inami_swig_rules_tier_threshold(h,
                profession.code(), premiumYear, tierIndex, measure.code(), specialty), measure)));
    }

    /**
     * A dated legal figure of the rules' [law SUBJECT] sections: the exit taxation
     * ("exit_taxation": "inami_levy", "solidarity_levy_max", "annuity_rate.0_40", ...) or the
     * minimum solidarity share ("solidarity_minimum": "social_pension", ...). Percentages
     * come in basis points (1.25 % is 125); a figure the sources do not give has
     * provenance NOT_FOUND. A rules layer changes these figures.
     *
     * @param subject "exit_taxation" or "solidarity_minimum"
     * @param key the figure's key
     * @param year the year whose section in force applies, 0 for the latest
     * @return the figure with its provenance and source
     * @throws InamiException EINVAL (unknown subject), ENOTFOUND (unknown key), ENORULES
     */
    public Figure lawFigure(String subject, String key, int year) {
        return handle.read(h -> Figure.take(inami_native.inami_swig_rules_law_figure(h, subject, year, key), null));
    }

    /**
     * The maximum of a measure for a profession-year (activity above it gives no advantage).
     *
     * @param profession the profession
     * @param premiumYear the premium year
     * @param measure the measure
     * @return the maximum, or empty when there is none in that measure
     * @throws InamiException ENORULES when the ruleset has no rules for that year, ...
     */
    public Optional<Figure> maximum(Profession profession, int premiumYear, Measure measure) {
        return handle.read(h -> notFound(() -> Figure.take(
                inami_native.inami_swig_rules_maximum(h, profession.code(), premiumYear, measure.code()), measure)));
    }

    /** ENOTFOUND is an empty answer; other errors go on. */
    private static Optional<Figure> notFound(java.util.function.Supplier<Figure> call) {
        try {
            return Optional.of(call.get());
        } catch (InamiException e) {
            if (e.status() == InamiException.ENOTFOUND) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /**
     * The profession a person means by a name: its id, its English, French or Dutch label or an
     * alias of these rules ("kiné", "Kinesitherapeut", "sage-femme"), without regard to case or
     * accents.
     *
     * @param name the name
     * @return the profession
     * @throws InamiException ENOPROFESSION listing the candidates, ENULL
     */
    public Profession findProfession(String name) {
        if (name == null) {
            throw new InamiException(InamiException.ENULL, "name must not be null");
        }
        return Profession.fromCode(handle.read(h -> inami_native.inami_java_profession_find(h, name)));
    }

    /**
     * @param profession a profession
     * @return the measures its thresholds count, from the rules data
     */
    public java.util.Set<Measure> measures(Profession profession) {
        int bits = handle.read(h -> inami_native.inami_java_profession_measures(h, profession.code()));
        java.util.EnumSet<Measure> out = java.util.EnumSet.noneOf(Measure.class);
        for (Measure m : Measure.values()) {
            if ((bits & (1 << m.code())) != 0) {
                out.add(m);
            }
        }
        return out;
    }

    /**
     * @param profession a profession
     * @param premiumYear a premium year with amounts
     * @return the last premium year a source confirms the thresholds for, when they are carried
     *     into {@code premiumYear} from it (evaluations then say so); 0 when they are confirmed for it
     * @throws InamiException ENORULES when the year has no usable amounts
     */
    public int thresholdsCarriedFrom(Profession profession, int premiumYear) {
        return handle.read(h -> inami_native.inami_swig_rules_thresholds_carried_from(h, profession.code(), premiumYear));
    }

    /**
     * @param profession a profession
     * @param lang a language
     * @return its label ("kinésithérapeute")
     */
    public String professionLabel(Profession profession, Lang lang) {
        return handle.read(h -> inami_native.inami_rules_profession_label(h, profession.code(), lang.code()));
    }

    /**
     * @param tierId a tier id ("base")
     * @param lang a language
     * @return its label; the id itself when none is known
     */
    public String tierLabel(String tierId, Lang lang) {
        if (tierId == null) {
            throw new InamiException(InamiException.ENULL, "tierId must not be null");
        }
        return handle.read(h -> inami_native.inami_rules_tier_label(h, tierId, lang.code()));
    }

    /**
     * The doctors' specialties known to the ruleset.
     *
     * @param lang the language of the labels
     * @return specialty id ("general_practice") to its label, in the ruleset's order
     */
    public Map<String, String> specialties(Lang lang) {
        return handle.read(h -> {
            long n = inami_native.inami_rules_specialty_count(h);
            Map<String, String> out = new LinkedHashMap<>();
            for (long i = 0; i < n; i++) {
                out.put(inami_native.inami_swig_rules_specialty_id(h, i),
                        inami_native.inami_swig_rules_specialty_label(h, i, lang.code()));
            }
            return Collections.unmodifiableMap(out);
        });
    }

    /**
     * Free the native ruleset. Waits for evaluations running in other threads;
     * idempotent; does nothing on {@link #defaults()}.
     */
    @Override
    public void close() {
        handle.close();
    }
}
