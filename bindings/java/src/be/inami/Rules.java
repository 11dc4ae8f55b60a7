package be.inami;

import be.inami.swig.inami_eval_input;
import be.inami.swig.inami_eval_options;
import be.inami.swig.inami_native;
import be.inami.swig.inami_result;
import be.inami.swig.inami_ruleset;
import java.lang.ref.Cleaner;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * An immutable ruleset: for each profession and premium year the tiers, their
 * thresholds and amounts, each figure sourced. Safe to share between threads:
 * any number of threads may evaluate with one {@code Rules} at the same time.
 *
 * <p>A loaded ruleset owns native memory: close it (try-with-resources) when
 * done; a {@link Cleaner} frees it if a program forgets. Closing twice is
 * harmless; using a closed ruleset throws {@link IllegalStateException}.
 * {@link #defaults()} is shared by the whole process and closing it does nothing.
 *
 * <pre>{@code
 * Evaluation e = Rules.defaults().evaluate(
 *     EvaluationInput.builder(Profession.PHYSIOTHERAPIST, 2022).prestations(2300).build());
 * e.tier();        // "intermediate"
 * e.amountCents(); // 236579
 * }</pre>
 */
public final class Rules implements AutoCloseable {
    private static volatile Rules defaults;

    private final inami_ruleset handle;
    private final Cleaner.Cleanable cleanable;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private boolean closed;

    private Rules(inami_ruleset handle, boolean owned) {
        this.handle = handle;
        // The clean action refers to the proxy only, never to this object.
        this.cleanable = owned ? Handles.CLEANER.register(this, handle::delete) : null;
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
        lock.readLock().lock();
        try {
            return new Rules(inami_native.inami_swig_ruleset_load_file(live(), path.toString()), true);
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * As {@link #layer(Path)}, from text.
     *
     * @param text the layer in the rules file format
     * @param name names the layer in messages
     * @return the layered ruleset
     */
    public Rules layerString(String text, String name) {
        lock.readLock().lock();
        try {
            return new Rules(inami_native.inami_swig_ruleset_load_string(live(), text, name), true);
        } finally {
            lock.readLock().unlock();
        }
    }

    private inami_ruleset live() {
        if (closed) {
            throw new IllegalStateException("this Rules was closed");
        }
        return handle;
    }

    /** @return true once {@link #close()} was called on a loaded ruleset */
    public boolean isClosed() {
        lock.readLock().lock();
        try {
            return closed;
        } finally {
            lock.readLock().unlock();
        }
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
        if (input == null) {
            throw new InamiException(InamiException.ENULL, "input must not be null");
        }
        inami_eval_input in = new inami_eval_input();
        inami_eval_options options = new inami_eval_options();
        inami_result result = null;
        lock.readLock().lock();
        try {
            fill(in, input);
            options.setFlags(input.allowDerived() ? 1 : 0);
            options.setLang(input.lang().code());
            result = inami_native.inami_swig_evaluate(live(), in, options);
            return Evaluation.read(input, result);
        } finally {
            lock.readLock().unlock();
            if (result != null) {
                result.delete();
            }
            in.delete();
            options.delete();
        }
    }

    private static int date(LocalDate d) {
        return d == null ? 0 : d.getYear() * 10000 + d.getMonthValue() * 100 + d.getDayOfMonth();
    }

    private static void fill(inami_eval_input in, EvaluationInput x) {
        final int unset = -1; // INAMI_UNSET
        in.setProfession(x.profession().code());
        in.setPremium_year(x.premiumYear());
        in.setPrestations(x.prestations() == null ? unset : x.prestations());
        in.setM_values(x.mValues() == null ? unset : x.mValues());
        in.setR_values(x.rValues() == null ? unset : x.rValues());
        in.setV_values(x.vValues() == null ? unset : x.vValues());
        in.setReimbursed_cents(x.reimbursedCents() == null ? unset : x.reimbursedCents());
        in.setHours_per_week(x.hoursPerWeek() == null ? unset : x.hoursPerWeek());
        in.setConvention(x.convention().code());
        in.setConvention_start(date(x.conventionStart()));
        in.setConvention_end(date(x.conventionEnd()));
        in.setFirst_number(date(x.firstNumber()));
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
        lock.readLock().lock();
        try {
            inami_native.inami_java_billing_evaluate(live(), profession.code(), premiumYear,
                    allowDerived ? 1 : 0, prestations, keyValues, null, out.tierIndex, out.amountCents,
                    out.eligible, out.missingPrestations, out.missingKeyValue, out.status);
        } finally {
            lock.readLock().unlock();
        }
        return out;
    }

    /**
     * @param profession a profession
     * @return premium years with amounts (DERIVED ones included), ascending
     */
    public int[] years(Profession profession) {
        lock.readLock().lock();
        try {
            inami_ruleset h = live();
            int n = (int) inami_native.inami_swig_rules_year_count(h, profession.code());
            int[] years = new int[n];
            for (int i = 0; i < n; i++) {
                years[i] = inami_native.inami_swig_rules_year(h, profession.code(), i);
            }
            return years;
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * @param profession a profession
     * @param premiumYear a premium year
     * @return why the profession-year has no usable amounts, or null when it has
     */
    public String unavailableReason(Profession profession, int premiumYear) {
        lock.readLock().lock();
        try {
            return inami_native.inami_swig_rules_year_note(live(), profession.code(), premiumYear);
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * The rules in the file format (loading the dump gives the same ruleset).
     *
     * @param profession one profession, or null for all
     * @param premiumYear one year, or 0 for all
     * @return the text
     */
    public String dump(Profession profession, int premiumYear) {
        lock.readLock().lock();
        try {
            return inami_native.inami_swig_ruleset_dump(live(), profession == null ? 0 : profession.code(),
                    premiumYear);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** @return the layer names, bottom first ("default" for the embedded data) */
    public List<String> layers() {
        lock.readLock().lock();
        try {
            inami_ruleset h = live();
            long n = inami_native.inami_ruleset_layer_count(h);
            List<String> names = new ArrayList<>();
            for (long i = 0; i < n; i++) {
                names.add(inami_native.inami_ruleset_layer_name(h, i));
            }
            return names;
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * Free the native ruleset. Waits for evaluations running in other threads;
     * idempotent; does nothing on {@link #defaults()}.
     */
    @Override
    public void close() {
        if (cleanable == null) {
            return;
        }
        lock.writeLock().lock();
        try {
            if (!closed) {
                closed = true;
                cleanable.clean();
            }
        } finally {
            lock.writeLock().unlock();
        }
    }
}
