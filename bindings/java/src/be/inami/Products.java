package be.inami;

import be.inami.swig.inami_native;
import be.inami.swig.inami_products;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

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

    /**
     * @param text products in the file format
     * @param name names the text in messages (null: "&lt;buffer&gt;")
     * @return the products
     * @throws InamiException EPARSE (name:line and why)
     */
    public static Products fromString(String text, String name) {
        return new Products(inami_native.inami_java_products_load_string(text, name));
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
     * A product's details.
     *
     * @param productId a product id
     * @return the product
     * @throws InamiException ENOTFOUND (the message lists the known ids)
     */
    public Product product(String productId) {
        return handle.read(h -> product(h, inami_native.inami_java_products_find(h, productId)));
    }

    /** @return every product, in file order */
    public List<Product> products() {
        return handle.read(h -> {
            long n = inami_native.inami_products_count(h);
            List<Product> out = new ArrayList<>();
            for (long i = 0; i < n; i++) {
                out.add(product(h, i));
            }
            return Collections.unmodifiableList(out);
        });
    }

    private static Product product(inami_products h, long i) {
        int[] info = new int[3];
        inami_native.inami_java_products_info(h, i, info);
        String benefits = inami_native.inami_products_benefits(h, i);
        List<Product.Rate> rates = new ArrayList<>();
        long n = inami_native.inami_products_rate_count(h, i);
        for (long k = 0; k < n; k++) {
            int[] r = new int[2];
            inami_native.inami_java_products_rate_at(h, i, k, r);
            rates.add(new Product.Rate(r[0], r[1], false));
        }
        return new Product(inami_native.inami_products_id(h, i), inami_native.inami_products_insurer(h, i),
                inami_native.inami_products_name(h, i), ContractType.fromCode(info[0]),
                Provenance.fromCode(info[1]), info[2] != 0,
                benefits == null || benefits.isEmpty() ? List.of() : List.of(benefits.trim().split("\\s*,\\s*")),
                inami_native.inami_products_source(h, i), inami_native.inami_products_note(h, i),
                figure(h, i, be.inami.swig.inami_product_figure.INAMI_PRODUCT_SOLIDARITY_SHARE),
                figure(h, i, be.inami.swig.inami_product_figure.INAMI_PRODUCT_ENTRY_FEE),
                figure(h, i, be.inami.swig.inami_product_figure.INAMI_PRODUCT_MANAGEMENT_FEE),
                figure(h, i, be.inami.swig.inami_product_figure.INAMI_PRODUCT_PROFIT_SHARING), Collections.unmodifiableList(rates));
    }

    private static OptionalInt figure(inami_products h, long i, int which) {
        int bp = inami_native.inami_java_products_figure(h, i, which);
        return bp == inami_native.INAMI_BP_UNSET ? OptionalInt.empty() : OptionalInt.of(bp);
    }

    /**
     * The guaranteed rate of a product for deposits made in a year.
     *
     * @param productId a product id
     * @param depositYear the deposit year
     * @param assume let the latest earlier dated rate, or else the undated rate, stand for a
     *     year the file does not date ({@link Product.Rate#assumed()} then true)
     * @return the rate, or empty when none applies
     * @throws InamiException ENOTFOUND (unknown product)
     */
    public Optional<Product.Rate> rate(String productId, int depositYear, boolean assume) {
        int flags = assume ? (int) inami_native.INAMI_RATE_ASSUME : 0;
        return handle.read(h -> {
            int index = inami_native.inami_java_products_find(h, productId);
            int[] out = new int[2];
            if (inami_native.inami_java_products_rate(h, index, depositYear, flags, out) < 0) {
                return Optional.empty();
            }
            return Optional.of(new Product.Rate(depositYear, out[0], out[1] != 0));
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
