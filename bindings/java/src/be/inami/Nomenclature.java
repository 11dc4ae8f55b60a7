package be.inami;

import be.inami.swig.inami_native;
import be.inami.swig.inami_nomenclature;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * An immutable nomenclature: code to key letter and value (hundredths: 560011 is M 24 =
 * 2400) over validity periods, each sourced (docs/billing.md). Safe to share between
 * threads, and between {@link Billing} accumulators and {@link BillingCsv} readers.
 *
 * <p>A loaded nomenclature owns native memory that the garbage collector does not see:
 * close it, with try-with-resources, after the accumulators and readers made with it
 * (they hold it open during each of their calls, and throw {@link InamiException}
 * {@code ENULL} once it is closed). Closing waits for calls in progress; closing twice
 * is harmless. {@link #defaults()} is shared by the process and closing it does nothing.
 *
 * <pre>{@code
 * Nomenclature.defaults().lookup(560011, LocalDate.of(2022, 3, 1)).get().value(); // 2400
 * try (Nomenclature mine = Nomenclature.defaults().layer(Path.of("my-codes.csv"))) {
 *     try (Billing b = Billing.create(mine, 1, 0)) { ... }
 * }
 * }</pre>
 */
public final class Nomenclature implements AutoCloseable {
    private static volatile Nomenclature defaults;

    private final NativeHandle<inami_nomenclature> handle;

    private Nomenclature(inami_nomenclature proxy, boolean owned) {
        this.handle = new NativeHandle<>(this, proxy, owned ? inami_nomenclature::delete : null, "Nomenclature");
    }

    /** @return the embedded nomenclature (libinami/data/nomenclature.csv), made once and shared */
    public static Nomenclature defaults() {
        Nomenclature n = defaults;
        if (n == null) {
            synchronized (Nomenclature.class) {
                n = defaults;
                if (n == null) {
                    n = new Nomenclature(inami_native.inami_swig_nomenclature_default(), false);
                    defaults = n;
                }
            }
        }
        return n;
    }

    /**
     * Load a standalone nomenclature CSV (header naming at least code, key_letter, value,
     * valid_from, valid_to, provenance, source_url).
     *
     * @param path the file
     * @return the new nomenclature
     * @throws InamiException EIO, EPARSE (message with file:line:column)
     */
    public static Nomenclature load(Path path) {
        return new Nomenclature(inami_native.inami_swig_nomenclature_load_file(null, path.toString()), true);
    }

    /**
     * As {@link #load(Path)}, from text.
     *
     * @param text the CSV
     * @param name names it in messages and in {@link CodeInfo#layer()}
     * @return the new nomenclature
     */
    public static Nomenclature fromString(String text, String name) {
        return new Nomenclature(inami_native.inami_java_nomenclature_load_string(null, text, name), true);
    }

    /**
     * A new nomenclature: this one with the CSV {@code path} over it. Codes of the file
     * replace all the periods this one has for them; other codes are kept. This one is
     * unchanged and may be closed independently.
     *
     * @param path the layer
     * @return the layered nomenclature
     */
    public Nomenclature layer(Path path) {
        String file = path.toString();
        return new Nomenclature(handle.read(h -> inami_native.inami_swig_nomenclature_load_file(h, file)), true);
    }

    /**
     * As {@link #layer(Path)}, from text.
     *
     * @param text the layer CSV
     * @param name names it in messages
     * @return the layered nomenclature
     */
    public Nomenclature layerString(String text, String name) {
        return new Nomenclature(handle.read(h -> inami_native.inami_java_nomenclature_load_string(h, text, name)),
                true);
    }

    /** Run a call with the native nomenclature, held open for it. */
    <R> R read(Function<inami_nomenclature, R> call) {
        return handle.read(call);
    }

    /** @return the number of entries (code x validity period) */
    public int size() {
        return handle.read(h -> (int) inami_native.inami_nomenclature_count(h));
    }

    /** @return every entry, ordered by code then start date */
    public List<CodeInfo> entries() {
        return handle.read(h -> {
            long n = inami_native.inami_nomenclature_count(h);
            List<CodeInfo> out = new ArrayList<>((int) n);
            for (long i = 0; i < n; i++) {
                out.add(CodeInfo.take(inami_native.inami_swig_nomenclature_entry(h, i)));
            }
            return Collections.unmodifiableList(out);
        });
    }

    /**
     * The value of a code on a date (its provenance, DERIVED included, is in the answer).
     *
     * @param code a nomenclature code (560011)
     * @param date the date of the prestation, or null for none
     * @return the entry, or empty when the code is unknown or has no value on that date
     * @throws InamiException EINVAL when no date is given and the code's value changed over time
     */
    public Optional<CodeInfo> lookup(int code, LocalDate date) {
        int d = Dates.toInt(date);
        return handle.read(h -> {
            try {
                return Optional.of(CodeInfo.take(inami_native.inami_swig_nomenclature_lookup(h, code, d)));
            } catch (InamiException e) {
                if (e.status() == InamiException.ENOTFOUND) {
                    return Optional.empty();
                }
                throw e;
            }
        });
    }

    /** @return true once {@link #close()} was called on a loaded nomenclature */
    public boolean isClosed() {
        return handle.isClosed();
    }

    /** Free the native nomenclature after the calls in progress (idempotent; nothing for the defaults). */
    @Override
    public void close() {
        handle.close();
    }
}
