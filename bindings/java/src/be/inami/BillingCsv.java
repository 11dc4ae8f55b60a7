package be.inami;

import be.inami.swig.inami_billing_csv;
import be.inami.swig.inami_native;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;

/**
 * A streaming reader of billing CSV (header {@code provider,code,quantity} with an optional
 * {@code date} column, YYYY-MM-DD; docs/billing.md) into per-provider key-letter totals.
 * Provider ids are text, mapped to indices in order of first appearance; memory grows with
 * the number of providers, not of lines. Totals come in the same types as {@link Billing}.
 *
 * <p>One reader per thread in C: calls from several threads are serialised here. A reader
 * owns native memory that the garbage collector does not see: close it, with
 * try-with-resources. Any call after {@link #close()}, or after its nomenclature was
 * closed, throws {@link InamiException} ({@code ENULL}).
 *
 * <pre>{@code
 * try (BillingCsv csv = BillingCsv.read(Path.of("lines.csv"), Nomenclature.defaults(),
 *         BillingCsv.Options.defaults().threads(2))) {
 *     List<String> ids = csv.providerIds();
 *     long[] m = csv.totals().m(); // hundredths, by provider index
 * }
 * }</pre>
 */
public final class BillingCsv implements AutoCloseable {
    /** Skip malformed lines (counted, the first one's message kept) instead of failing. */
    public static final int SKIP_BAD = (int) inami_native.INAMI_CSV_SKIP_BAD;

    private final NativeHandle<inami_billing_csv> handle;
    private final Nomenclature nomenclature;

    private BillingCsv(inami_billing_csv proxy, Nomenclature nomenclature) {
        this.handle = new NativeHandle<>(this, proxy, inami_billing_csv::delete, "BillingCsv");
        this.nomenclature = nomenclature;
    }

    /**
     * A reader to feed ({@link #feed(String)}, {@link #feed(InputStream)}, then {@link #finish()}).
     *
     * @param nomenclature values the codes
     * @param flags {@link Billing#ALLOW_DERIVED}, {@link #SKIP_BAD}, or 0
     * @param name names the input in messages ("lines.csv:12:3: ..."), or null
     * @return the reader
     */
    public static BillingCsv create(Nomenclature nomenclature, int flags, String name) {
        return create(nomenclature, flags, name, Options.defaults());
    }

    /**
     * A reader with a dialect and a date range (see {@link Options}).
     *
     * @param nomenclature values the codes
     * @param flags {@link Billing#ALLOW_DERIVED}, {@link #SKIP_BAD}, or 0
     * @param name names the input in messages, or null
     * @param options delimiter, column names and date range (null: the defaults)
     * @return the reader
     */
    public static BillingCsv create(Nomenclature nomenclature, int flags, String name, Options options) {
        Options o = options == null ? Options.defaults() : options;
        return new BillingCsv(nomenclature.read(n -> inami_native.inami_java_billing_csv_new(n, flags, name,
                o.delimiter, o.providerColumn, o.codeColumn, o.quantityColumn, o.dateColumn,
                Dates.toInt(o.from), Dates.toInt(o.to))), nomenclature);
    }


    /**
     * @return lines left out because their date is outside the range of {@link Options#year} or
     *     {@link Options#dates}
     */
    public long outsideLines() {
        return dateCounts()[0];
    }

    /** @return lines without a date (counted, their validity not checked) */
    public long undatedLines() {
        return dateCounts()[1];
    }

    private long[] dateCounts() {
        long[] out = new long[2];
        use(h -> {
            inami_native.inami_java_billing_csv_date_counts(h, out);
            return null;
        });
        return out;
    }

    /** @return lines left out by the date range, per provider (in the order of {@link #providerIds()}) */
    public long[] outsideLinesPerProvider() {
        return use(h -> {
            long[] out = new long[(int) inami_native.inami_billing_provider_count(inami_native.inami_billing_csv_totals(h))];
            inami_native.inami_java_billing_csv_provider_outside(h, out);
            return out;
        });
    }

    /**
     * Read a whole file (then finished): a new reader named after the file.
     *
     * @param path the CSV file ("-" is a file name like any other)
     * @param nomenclature values the codes
     * @param options threads and flags (null: the defaults, one thread)
     * @return the reader, with its totals
     * @throws InamiException EIO, EPARSE (file:line:column, unless skipBad), EINVAL (threads)
     */
    public static BillingCsv read(Path path, Nomenclature nomenclature, Options options) {
        Options o = options == null ? Options.defaults() : options;
        String file = path.toString();
        BillingCsv csv = create(nomenclature, o.flags(), file, o);
        try {
            csv.use(h -> {
                inami_native.inami_java_billing_csv_read_file(h, file, o.threads);
                return null;
            });
            return csv;
        } catch (RuntimeException e) {
            csv.close();
            throw e;
        }
    }

    /**
     * Read one part of a file (then finished): bytes [start, end), cut at line
     * starts, after the file's header line. Parts of one file read by separate
     * readers (separate processes or machines) give totals to add up; line
     * numbers in messages count the lines up to the header (line 1 unless blank
     * lines come before it), the part's first line following the header.
     *
     * @param path a regular CSV file
     * @param start 0 or a line start (the byte after a newline)
     * @param end a line start, or the file's size (or more: to the end)
     * @param nomenclature values the codes
     * @param options flags (null: the defaults); a part is read on the caller's thread
     * @return the reader, with the part's totals
     * @throws InamiException EIO, EPARSE, EINVAL (not a line start, end before start, not a regular file)
     */
    public static BillingCsv readRange(Path path, long start, long end, Nomenclature nomenclature, Options options) {
        Options o = options == null ? Options.defaults() : options;
        String file = path.toString();
        BillingCsv csv = create(nomenclature, o.flags(), file, o);
        try {
            csv.use(h -> {
                inami_native.inami_java_billing_csv_read_range(h, file, start, end);
                return null;
            });
            return csv;
        } catch (RuntimeException e) {
            csv.close();
            throw e;
        }
    }

    private <R> R use(Function<inami_billing_csv, R> call) {
        return handle.write(h -> nomenclature.read(n -> call.apply(h)));
    }

    /**
     * Feed the next part of the input (any split, even inside a line).
     *
     * @param text CSV text
     * @throws InamiException EPARSE for a malformed line (unless SKIP_BAD); the reader then refuses more
     */
    public void feed(String text) {
        if (text == null) {
            throw new InamiException(InamiException.ENULL, "text must not be null");
        }
        use(h -> {
            inami_native.inami_swig_billing_csv_feed(h, text);
            return null;
        });
    }

    /**
     * Feed bytes of UTF-8 CSV.
     *
     * @param data the buffer
     * @param offset first byte
     * @param length number of bytes
     */
    public void feed(byte[] data, int offset, int length) {
        use(h -> {
            inami_native.inami_java_billing_csv_feed_bytes(h, data, offset, length);
            return null;
        });
    }

    /**
     * Feed a whole stream, in blocks (not closed, not finished).
     *
     * @param in the stream
     * @throws UncheckedIOException when reading fails
     */
    public void feed(InputStream in) {
        byte[] buf = new byte[1 << 16];
        try {
            for (int n; (n = in.read(buf)) >= 0;) {
                if (n > 0) {
                    feed(buf, 0, n);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * End of input: parses a last line without newline.
     *
     * @throws InamiException EPARSE (an empty input has no header)
     */
    public void finish() {
        use(inami_native::inami_billing_csv_finish);
    }

    /** @return data lines read (header and blank lines not counted) */
    public long lineCount() {
        return use(inami_native::inami_billing_csv_line_count);
    }

    /** @return malformed lines skipped (with {@link #SKIP_BAD}) */
    public long skippedCount() {
        return use(inami_native::inami_billing_csv_skipped_count);
    }

    /** @return the message of the first skipped line ("x.csv:7:3: ..."), "" if none */
    public String firstSkipped() {
        return use(inami_native::inami_billing_csv_first_skipped);
    }

    /** @return provider ids in order of first appearance: the index of an id is its provider index */
    public List<String> providerIds() {
        return use(h -> {
            List<String> ids = new ArrayList<>();
            for (long i = 0;; i++) {
                String id = inami_native.inami_billing_csv_provider_id(h, i);
                if (id == null) {
                    return Collections.unmodifiableList(ids);
                }
                ids.add(id);
            }
        });
    }

    /** @return the totals of every provider so far, indexed as {@link #providerIds()} */
    public Billing.Totals totals() {
        return use(h -> Billing.totalsOf(inami_native.inami_billing_csv_totals(h)));
    }

    /** @return the totals, a provider below zero keeping its sums, as {@link Billing#signedTotals()} */
    public Billing.Totals signedTotals() {
        return use(h -> Billing.totalsOf(inami_native.inami_billing_csv_totals(h), true));
    }

    /**
     * @param provider a provider index
     * @return its unvalued codes, as {@link Billing#unvalued(int)}
     */
    public List<Billing.Unvalued> unvalued(int provider) {
        return use(h -> Billing.unvaluedOf(inami_native.inami_billing_csv_totals(h), provider));
    }

    /** @return true once closed */
    public boolean isClosed() {
        return handle.isClosed();
    }

    /** Free the reader and its totals after a call in progress (idempotent). */
    @Override
    public void close() {
        handle.close();
    }

    /**
     * How a reader reads: threads (1 or 2, for {@link #read}), flags, the CSV dialect (delimiter,
     * column names) and a date range. Immutable; each setter gives a copy.
     */
    public static final class Options implements Cloneable {
        private int threads = 1;
        private boolean skipBad;
        private boolean allowDerived;
        private char delimiter;
        private String providerColumn;
        private String codeColumn;
        private String quantityColumn;
        private String dateColumn;
        private java.time.LocalDate from;
        private java.time.LocalDate to;

        private Options() {
        }

        private Options copy() {
            try {
                return (Options) clone();
            } catch (CloneNotSupportedException e) {
                throw new AssertionError(e);
            }
        }

        /**
         * @return one thread, malformed lines fail, DERIVED values not counted, the delimiter
         *     detected from the header, the default column names, every date
         */
        public static Options defaults() {
            return new Options();
        }

        /**
         * @param delimiter ',' or ';' (0: detected from the header, the default)
         * @return the options with it (another character is EINVAL when the reader is made)
         */
        public Options delimiter(char delimiter) {
            Options o = copy();
            o.delimiter = delimiter;
            return o;
        }

        /**
         * Other header names for the columns ("NIHII", "CODE", "QTE", "DATE"); null keeps a default name.
         *
         * @param provider the provider column
         * @param code the code column
         * @param quantity the quantity column
         * @param date the date column
         * @return the options with them
         */
        public Options columns(String provider, String code, String quantity, String date) {
            Options o = copy();
            o.providerColumn = provider;
            o.codeColumn = code;
            o.quantityColumn = quantity;
            o.dateColumn = date;
            return o;
        }

        /**
         * @param year count only the lines dated in this year; the others are left out and counted
         * @return the options with it
         */
        public Options year(int year) {
            return dates(java.time.LocalDate.of(year, 1, 1), java.time.LocalDate.of(year, 12, 31));
        }

        /**
         * @param from first day counted (inclusive), or null
         * @param to last day counted (inclusive), or null
         * @return the options with that range
         */
        public Options dates(java.time.LocalDate from, java.time.LocalDate to) {
            Options o = copy();
            o.from = from;
            o.to = to;
            return o;
        }

        /**
         * @param threads 1, or 2 to read a regular file of 4 MiB or more in two halves (same result)
         * @return the options with that many threads (others are EINVAL when reading)
         */
        public Options threads(int threads) {
            Options o = copy();
            o.threads = threads;
            return o;
        }

        /**
         * @param skip skip and count malformed lines
         * @return the options with it
         */
        public Options skipBad(boolean skip) {
            Options o = copy();
            o.skipBad = skip;
            return o;
        }

        /**
         * @param allow count DERIVED code values
         * @return the options with it
         */
        public Options allowDerived(boolean allow) {
            Options o = copy();
            o.allowDerived = allow;
            return o;
        }

        int flags() {
            return (skipBad ? SKIP_BAD : 0) | (allowDerived ? Billing.ALLOW_DERIVED : 0);
        }
    }
}
