package be.inami;

import be.inami.swig.inami_billing;
import be.inami.swig.inami_native;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;

/**
 * Key-letter totals over billing lines, per provider, with the embedded
 * nomenclature (560011 = M 24, ...). Lines go in as parallel primitive arrays
 * (one native call per batch, no per-line crossing). Totals are in hundredths:
 * 40 M is 4000.
 *
 * <p>Calls from several threads are serialised (the C accumulator is one per
 * thread), so sharing one is safe but not faster: give each thread its own for
 * speed. {@link #close()} waits for a call in progress; any call after it throws
 * {@link InamiException} ({@code ENULL}). An accumulator owns native memory that
 * the garbage collector does not see (a {@link java.lang.ref.Cleaner} frees a
 * forgotten one only when the collector happens to run): close it, with
 * try-with-resources as below.
 *
 * <pre>{@code
 * try (Billing b = Billing.create(2)) {
 *     b.add(new int[] {560011, 560011}, new int[] {1, 3}, null, new int[] {0, 1});
 *     long[] m = b.totals().m(); // {2400, 7200}
 * }
 * }</pre>
 */
public final class Billing implements AutoCloseable {
    /** Count DERIVED code values (otherwise their lines are reported unvalued). */
    public static final int ALLOW_DERIVED = (int) inami_native.INAMI_BILLING_ALLOW_DERIVED;

    private final NativeHandle<inami_billing> handle;
    private final Nomenclature nomenclature;

    private Billing(inami_billing proxy, Nomenclature nomenclature) {
        this.handle = new NativeHandle<>(this, proxy, inami_billing::delete, "Billing");
        this.nomenclature = nomenclature;
    }

    /** Run a call alone on the accumulator, with its nomenclature held open. */
    private <R> R use(Function<inami_billing, R> call) {
        return handle.write(h -> nomenclature.read(n -> call.apply(h)));
    }

    /**
     * @param providers number of providers (indices 0..providers-1)
     * @return a new accumulator over the embedded nomenclature
     */
    public static Billing create(int providers) {
        return create(providers, 0);
    }

    /**
     * @param providers number of providers
     * @param flags {@link #ALLOW_DERIVED} or 0
     * @return a new accumulator over the embedded nomenclature
     */
    public static Billing create(int providers, int flags) {
        if (providers < 0) {
            throw new InamiException(InamiException.ENEGATIVE, "providers must not be negative (" + providers + ")");
        }
        return create(Nomenclature.defaults(), providers, flags);
    }

    /**
     * @param nomenclature the nomenclature that values the codes (held open by each call of
     *     the accumulator; once it is closed, calls throw {@code ENULL})
     * @param providers number of providers
     * @param flags {@link #ALLOW_DERIVED} or 0
     * @return a new accumulator
     */
    public static Billing create(Nomenclature nomenclature, int providers, int flags) {
        if (providers < 0) {
            throw new InamiException(InamiException.ENEGATIVE, "providers must not be negative (" + providers + ")");
        }
        return new Billing(nomenclature.read(n -> inami_native.inami_swig_billing_new(n, providers, flags)),
                nomenclature);
    }

    /**
     * Totals of lines in one call, without an accumulator (one provider).
     *
     * @param code nomenclature codes
     * @param quantity prestations per line (negative = a correction)
     * @param date YYYYMMDD per line, 0 = unknown; or null
     * @param flags {@link #ALLOW_DERIVED} or 0
     * @return the totals with the unvalued codes
     * @throws InamiException EINVAL (lengths differ, bad date), ENEGATIVE (a total below zero),
     *     EOVERFLOW
     */
    public static Summary total(int[] code, int[] quantity, int[] date, int flags) {
        return total(Nomenclature.defaults(), code, quantity, date, flags);
    }

    /**
     * As {@link #total(int[], int[], int[], int)} with a given nomenclature.
     *
     * @param nomenclature the nomenclature
     * @param code nomenclature codes
     * @param quantity prestations per line
     * @param date YYYYMMDD per line, or null
     * @param flags {@link #ALLOW_DERIVED} or 0
     * @return the totals with the unvalued codes
     */
    public static Summary total(Nomenclature nomenclature, int[] code, int[] quantity, int[] date, int flags) {
        return nomenclature.read(n -> {
            long[] s = new long[7];
            int cap = 16;
            while (true) {
                int[] uc = new int[cap];
                long[] uq = new long[cap];
                int[] ur = new int[cap];
                inami_native.inami_java_billing_total(n, code, quantity, date, flags, s, uc, uq, ur);
                if (s[5] <= cap) {
                    List<Unvalued> list = new ArrayList<>();
                    for (int i = 0; i < s[5]; i++) {
                        list.add(new Unvalued(uc[i], uq[i], UnvaluedReason.fromCode(ur[i])));
                    }
                    return new Summary(s[0], s[1], s[2], s[3], (int) s[4], s[6], Collections.unmodifiableList(list));
                }
                cap = Math.toIntExact(s[5]);
            }
        });
    }

    /**
     * Add lines. Nothing of the call is counted when an array is invalid.
     *
     * @param code nomenclature codes
     * @param quantity prestations per line (negative = a correction)
     * @param date YYYYMMDD per line, 0 = unknown; or null (all undated)
     * @param provider provider index per line; or null (all provider 0)
     * @throws InamiException EINVAL (lengths differ, bad date), ERANGE (provider index)
     */
    public void add(int[] code, int[] quantity, int[] date, int[] provider) {
        use(h -> {
            inami_native.inami_java_billing_add(h, code, quantity, date, provider);
            return null;
        });
    }

    /** @return lines added so far */
    public long lineCount() {
        return use(h -> inami_native.inami_billing_line_count(h)).longValue();
    }

    /** @return the current number of providers */
    public int providerCount() {
        return use(h -> (int) inami_native.inami_billing_provider_count(h));
    }

    /**
     * Grow to {@code providers} providers (new ones start at zero); a smaller count is ignored.
     *
     * @param providers the new number of providers
     */
    public void reserve(int providers) {
        if (providers < 0) {
            throw new InamiException(InamiException.ENEGATIVE, "providers must not be negative (" + providers + ")");
        }
        use(h -> inami_native.inami_billing_reserve(h, providers));
    }

    /** @return the totals of every provider */
    public Totals totals() {
        return use(Billing::totalsOf);
    }

    /**
     * The codes of a provider's lines that got no key-letter value (their totals are then
     * flagged incomplete), ordered by code.
     *
     * @param provider a provider index
     * @return distinct (code, reason) pairs with their summed quantity
     * @throws InamiException ERANGE for a provider index beyond the count
     */
    public List<Unvalued> unvalued(int provider) {
        return use(h -> unvaluedOf(h, provider));
    }

    /**
     * The totals of every provider, a provider whose total is below zero keeping its sums (its
     * status is still ENEGATIVE): for adding up the totals of parts of one input, such as the
     * parts of a file read with {@link BillingCsv#readRange}, where a later part's corrections may
     * bring a total back above zero. Only a provider whose total overflows gets 0.
     *
     * @return the signed totals of every provider
     */
    public Totals signedTotals() {
        return use(h -> totalsOf(h, true));
    }

    static Totals totalsOf(inami_billing h) {
        return totalsOf(h, false);
    }

    static Totals totalsOf(inami_billing h, boolean keepNegative) {
        Totals t = new Totals((int) inami_native.inami_billing_provider_count(h));
        inami_native.inami_java_billing_results(h, keepNegative ? 1 : 0, t.m, t.r, t.v, t.prestations, t.flags,
                t.status);
        return t;
    }

    static List<Unvalued> unvaluedOf(inami_billing h, int provider) {
        if (provider < 0) {
            throw new InamiException(InamiException.ERANGE, "provider must not be negative (" + provider + ")");
        }
        long n = inami_native.inami_swig_billing_unvalued_count(h, provider);
        List<Unvalued> out = new ArrayList<>();
        for (long i = 0; i < n; i++) {
            out.add(new Unvalued(inami_native.inami_swig_billing_unvalued_code(h, provider, i),
                    inami_native.inami_swig_billing_unvalued_quantity(h, provider, i),
                    UnvaluedReason.fromCode(inami_native.inami_swig_billing_unvalued_reason(h, provider, i))));
        }
        return Collections.unmodifiableList(out);
    }

    /** Free the accumulator after a call in progress in another thread (idempotent). */
    @Override
    public void close() {
        handle.close();
    }

    /**
     * Lines of one code that got no key-letter value.
     *
     * @param code the nomenclature code
     * @param quantity the summed quantity of those lines
     * @param reason why they are unvalued
     */
    public record Unvalued(int code, long quantity, UnvaluedReason reason) {
    }

    /**
     * Totals of one set of lines ({@link #total}).
     *
     * @param m M total in hundredths
     * @param r R total in hundredths
     * @param v V total in hundredths
     * @param prestations sum of the quantities of every line
     * @param flags INAMI_TOTAL_* flags (0x10 = incomplete: some lines unvalued)
     * @param unvaluedQuantity summed quantity of the unvalued lines
     * @param unvalued the unvalued (code, reason) pairs, ordered by code
     */
    public record Summary(long m, long r, long v, long prestations, int flags, long unvaluedQuantity,
            List<Unvalued> unvalued) {
    }

    /** Per-provider totals as parallel arrays (hundredths of the key letter). */
    public static final class Totals {
        final long[] m;
        final long[] r;
        final long[] v;
        final long[] prestations;
        final int[] flags;
        final int[] status;

        Totals(int n) {
            m = new long[n];
            r = new long[n];
            v = new long[n];
            prestations = new long[n];
            flags = new int[n];
            status = new int[n];
        }

        /** @return M totals per provider, hundredths */
        public long[] m() {
            return m.clone();
        }

        /** @return R totals per provider, hundredths */
        public long[] r() {
            return r.clone();
        }

        /** @return V totals per provider, hundredths */
        public long[] v() {
            return v.clone();
        }

        /** @return prestations per provider */
        public long[] prestations() {
            return prestations.clone();
        }

        /** @return INAMI_TOTAL_* flags per provider (0x10 = incomplete: some lines unvalued) */
        public int[] flags() {
            return flags.clone();
        }

        /** @return 0 or the error status (EOVERFLOW, ENEGATIVE) per provider */
        public int[] status() {
            return status.clone();
        }
    }
}
