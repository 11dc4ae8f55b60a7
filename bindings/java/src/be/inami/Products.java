package be.inami;

import be.inami.swig.inami_native;
import be.inami.swig.inami_products;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Insurance products loaded from a products file (docs/allocation.md): each
 * product's contract type, solidarity share, fees and rates, with their source.
 * Read-only; safe to share between threads.
 *
 * <p>Products own native memory that the garbage collector does not see (a
 * {@link java.lang.ref.Cleaner} frees forgotten ones only when the collector
 * happens to run): close them, with try-with-resources. {@link #close()} waits
 * for calls in progress in other threads; closing twice is harmless; any call
 * after it throws {@link InamiException} ({@code ENULL}).
 *
 * <pre>{@code
 * try (Products p = Products.load(Path.of("examples/products/examples.products"))) {
 *     Allocation a = p.split(p.ids().get(0), 179034);
 * }
 * }</pre>
 */
public final class Products implements AutoCloseable {
    private final NativeHandle<inami_products> handle;

    private Products(inami_products proxy) {
        this.handle = new NativeHandle<>(this, proxy, inami_products::delete, "Products");
    }

    /**
     * @param path a products file
     * @return the products
     * @throws InamiException EIO, EPARSE (file:line and why)
     */
    public static Products load(Path path) {
        return new Products(inami_native.inami_swig_products_load_file(path.toString()));
    }

    /** Run a call with the native products, held open for it. */
    <R> R read(java.util.function.Function<inami_products, R> call) {
        return handle.read(call);
    }

    /** @return product ids in file order */
    public List<String> ids() {
        return handle.read(h -> {
            long n = inami_native.inami_products_count(h);
            List<String> ids = new ArrayList<>();
            for (long i = 0; i < n; i++) {
                ids.add(inami_native.inami_products_id(h, i));
            }
            return ids;
        });
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
        return handle.read(h -> Allocation.splitProduct(h, productId, premiumCents));
    }

    /** Free the products after the calls in progress (idempotent). */
    @Override
    public void close() {
        handle.close();
    }
}
