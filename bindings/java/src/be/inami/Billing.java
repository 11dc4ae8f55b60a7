package be.inami;

import be.inami.swig.inami_billing;
import be.inami.swig.inami_native;
import be.inami.swig.inami_nomenclature;

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

    private Billing(inami_billing proxy) {
        this.handle = new NativeHandle<>(this, proxy, inami_billing::delete, "Billing");
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
        inami_nomenclature n = inami_native.inami_swig_nomenclature_default();
        return new Billing(inami_native.inami_swig_billing_new(n, providers, flags));
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
        handle.write(h -> {
            inami_native.inami_java_billing_add(h, code, quantity, date, provider);
            return null;
        });
    }

    /** @return lines added so far */
    public long lineCount() {
        return handle.write(h -> inami_native.inami_billing_line_count(h)).longValue();
    }

    /** @return the totals of every provider */
    public Totals totals() {
        return handle.write(h -> {
            Totals t = new Totals((int) inami_native.inami_billing_provider_count(h));
            inami_native.inami_java_billing_results(h, t.m, t.r, t.v, t.prestations, t.flags, t.status);
            return t;
        });
    }

    /** Free the accumulator after a call in progress in another thread (idempotent). */
    @Override
    public void close() {
        handle.close();
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
