package be.inami;

import be.inami.swig.inami_native;
import be.inami.swig.inami_products;
import java.lang.ref.Cleaner;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Insurance products loaded from a products file (docs/allocation.md): each
 * product's contract type, solidarity share, fees and rates, with their source.
 * Read-only; safe to share between threads. Close when done (a Cleaner frees it
 * otherwise); closing twice is harmless.
 */
public final class Products implements AutoCloseable {
    private final inami_products handle;
    private final Cleaner.Cleanable cleanable;
    private volatile boolean closed;

    private Products(inami_products handle) {
        this.handle = handle;
        // The clean action refers to the proxy only, never to this object.
        this.cleanable = Handles.CLEANER.register(this, handle::delete);
    }

    /**
     * @param path a products file
     * @return the products
     * @throws InamiException EIO, EPARSE (file:line and why)
     */
    public static Products load(Path path) {
        return new Products(inami_native.inami_swig_products_load_file(path.toString()));
    }

    inami_products live() {
        if (closed) {
            throw new IllegalStateException("these Products were closed");
        }
        return handle;
    }

    /** @return product ids in file order */
    public List<String> ids() {
        inami_products h = live();
        long n = inami_native.inami_products_count(h);
        List<String> ids = new ArrayList<>();
        for (long i = 0; i < n; i++) {
            ids.add(inami_native.inami_products_id(h, i));
        }
        return ids;
    }

    /**
     * Split a premium with a product's terms.
     *
     * @param productId a product id
     * @param premiumCents the premium
     * @return the split
     * @throws InamiException ENOTFOUND (unknown product), ENORULES (a figure the file marks not_found)
     */
    public Allocation split(String productId, long premiumCents) {
        return Allocation.splitProduct(live(), productId, premiumCents);
    }

    /** Free the products (idempotent). */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            cleanable.clean();
        }
    }
}
