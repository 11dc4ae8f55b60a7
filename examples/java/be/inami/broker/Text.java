package be.inami.broker;

import be.inami.Lang;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The application's words in English, French and Dutch, read from the table
 * {@code messages.tsv} (key, en, fr, nl; {0}, {1}... are the arguments).
 */
final class Text {
    private static final Map<Lang, Text> ALL = load();

    final Lang lang;
    private final Map<String, String> words;

    private Text(Lang lang, Map<String, String> words) {
        this.lang = lang;
        this.words = words;
    }

    /** The words of a language. */
    static Text of(Lang lang) {
        return ALL.get(lang);
    }


    /** The language id ("en", "fr", "nl"). */
    String id() {
        return lang.name().toLowerCase(Locale.ROOT);
    }

    /**
     * The text of a key with its arguments filled in.
     *
     * @throws IllegalArgumentException for a key the table does not have
     */
    String get(String key, Object... args) {
        String s = words.get(key);
        if (s == null) {
            throw new IllegalArgumentException("no text for key " + key);
        }
        if (args.length == 0) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length() + 32);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            int close = c == '{' ? s.indexOf('}', i) : -1;
            if (close > i + 1 && close <= i + 3) {
                int n = Integer.parseInt(s.substring(i + 1, close));
                b.append(n < args.length ? String.valueOf(args[n]) : "");
                i = close;
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    /**
     * The language asked for: a {@code lang} parameter first, then the first
     * language of Accept-Language that we have, else the fallback.
     */
    static Text choose(String param, String acceptLanguage, Lang fallback) {
        Lang l = parse(param);
        if (l != null) {
            return of(l);
        }
        if (acceptLanguage != null) {
            for (String part : acceptLanguage.split(",")) {
                String tag = part.split(";")[0].trim();
                int dash = tag.indexOf('-');
                l = parse(dash > 0 ? tag.substring(0, dash) : tag);
                if (l != null) {
                    return of(l);
                }
            }
        }
        return of(fallback);
    }

    /** A language id, or null when it is none of ours. */
    static Lang parse(String id) {
        if (id == null) {
            return null;
        }
        switch (id.trim().toLowerCase(Locale.ROOT)) {
            case "en":
                return Lang.EN;
            case "fr":
                return Lang.FR;
            case "nl":
                return Lang.NL;
            default:
                return null;
        }
    }

    private static Map<Lang, Text> load() {
        Map<Lang, Map<String, String>> words = new EnumMap<>(Lang.class);
        for (Lang l : Lang.values()) {
            words.put(l, new LinkedHashMap<>());
        }
        try (InputStream in = Text.class.getResourceAsStream("messages.tsv")) {
            if (in == null) {
                throw new IllegalStateException("messages.tsv is missing from the JAR");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                if (f.length != 4) {
                    throw new IllegalStateException("messages.tsv:" + n + ": expected key, en, fr, nl");
                }
                words.get(Lang.EN).put(f[0], f[1]);
                words.get(Lang.FR).put(f[0], f[2]);
                words.get(Lang.NL).put(f[0], f[3]);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<Lang, Text> all = new EnumMap<>(Lang.class);
        for (Lang l : Lang.values()) {
            all.put(l, new Text(l, Collections.unmodifiableMap(words.get(l))));
        }
        return all;
    }
}
