package be.inami;

import be.inami.swig.inami_native;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The message catalogue: every text the library gives a person, in English,
 * French and Dutch, its placeholders filled in the language's format
 * ("1 790,34 €", "€ 1.790,34", "EUR 1,790.34").
 */
public final class Messages {
    private Messages() {
    }

    /**
     * @param id a message id ("check.conventioned.label")
     * @param lang the language
     * @param values the placeholders' values: numbers for {x:int}, {x:decimal} (hundredths),
     *     {x:money} (cents), LocalDate for {x:date}; strings for {x} and {x:msg}
     * @return the message filled in
     * @throws InamiException ENOTFOUND for an unknown id, EINVAL for a missing or bad value
     */
    public static String format(String id, Lang lang, Map<String, ?> values) {
        StringBuilder b = new StringBuilder();
        for (Map.Entry<String, ?> e : values.entrySet()) {
            Object v = e.getValue();
            String text = v instanceof LocalDate ? Integer.toString(Dates.toInt((LocalDate) v)) : String.valueOf(v);
            if (text.indexOf('\n') >= 0 || e.getKey().indexOf('=') >= 0) {
                throw new IllegalArgumentException("message value '" + e.getKey() + "' must be one line");
            }
            if (b.length() > 0) {
                b.append('\n');
            }
            b.append(e.getKey()).append('=').append(text);
        }
        return inami_native.inami_swig_message_format(id, lang.code(), b.toString());
    }

    /**
     * @param id a message id
     * @param lang the language
     * @return its template, placeholders unfilled, or null for an unknown id
     */
    public static String template(String id, Lang lang) {
        return inami_native.inami_message_template(id, lang.code());
    }

    /** @return every message id of the catalogue (embedded and loaded), sorted */
    public static List<String> ids() {
        long n = inami_native.inami_message_count();
        List<String> ids = new ArrayList<>();
        for (long i = 0; i < n; i++) {
            ids.add(inami_native.inami_message_id(i));
        }
        return Collections.unmodifiableList(ids);
    }

    /**
     * Load a catalogue file over the messages, for the whole process.
     *
     * @param path the file
     * @throws InamiException EIO, EPARSE
     */
    public static void load(Path path) {
        inami_native.inami_swig_messages_load(path.toString());
    }

    /**
     * @param text catalogue text to load over the messages
     * @param name its name in errors
     * @throws InamiException EPARSE
     */
    public static void loadText(String text, String name) {
        inami_native.inami_swig_messages_load_string(text, name);
    }

    /** Forget the loaded messages: back to the embedded catalogue. */
    public static void reset() {
        inami_native.inami_messages_reset();
    }

    /**
     * @param status a status ({@link InamiException#status()})
     * @param lang the language
     * @return what the status means in the language, or null for an unknown status
     */
    public static String statusText(int status, Lang lang) {
        return inami_native.inami_status_text(status, lang.code());
    }

    /**
     * @param cents an amount in cents
     * @param lang the language
     * @return it as a reader of the language writes it
     */
    public static String formatAmount(long cents, Lang lang) {
        return inami_native.inami_swig_amount_format(cents, lang.code());
    }

    /**
     * @param date a date
     * @param lang the language
     * @return it as "31/12/2023", "31-12-2023" or "2023-12-31"
     */
    public static String formatDate(LocalDate date, Lang lang) {
        return inami_native.inami_swig_date_format_lang(Dates.toInt(date), lang.code());
    }

    /**
     * @param hundredths a value in hundredths
     * @param lang the language
     * @return it as "2 000", "2.000" or "2000"
     */
    public static String formatDecimal(long hundredths, Lang lang) {
        return inami_native.inami_swig_decimal_format(hundredths, lang.code());
    }

    /**
     * @param text some text
     * @return the terminal columns it takes (code points: an accented letter is one column)
     */
    public static long textWidth(String text) {
        return inami_native.inami_text_width(text);
    }
}
