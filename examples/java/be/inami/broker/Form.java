package be.inami.broker;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The fields of a posted form: application/x-www-form-urlencoded (a pasted
 * list) or multipart/form-data (a file input, what {@code curl -F csv=@file}
 * sends). Values are kept as bytes, decoded as UTF-8 when read.
 */
final class Form {
    /** A field's bytes: a range of the body or a decoded copy. */
    static final class Value {
        final byte[] bytes;
        final int offset;
        final int length;

        Value(byte[] bytes, int offset, int length) {
            this.bytes = bytes;
            this.offset = offset;
            this.length = length;
        }

        String text() {
            return new String(bytes, offset, length, StandardCharsets.UTF_8);
        }
    }

    /** A form that cannot be read. */
    static final class Bad extends Exception {
        private static final long serialVersionUID = 1L;

        Bad(String message) {
            super(message);
        }
    }

    private Form() {
    }

    /**
     * The fields of a body of the given Content-Type (null or another type: none).
     *
     * @throws Bad for a multipart body without a boundary or with a part that is not closed
     */
    static Map<String, Value> parse(String contentType, byte[] body) throws Bad {
        if (contentType == null) {
            return new HashMap<>();
        }
        String type = contentType.toLowerCase(Locale.ROOT);
        if (type.startsWith("application/x-www-form-urlencoded")) {
            return urlencoded(new String(body, StandardCharsets.ISO_8859_1));
        }
        if (type.startsWith("multipart/form-data")) {
            String boundary = parameter(contentType, "boundary");
            if (boundary == null || boundary.isEmpty() || boundary.length() > 200) {
                throw new Bad("multipart without a boundary");
            }
            return multipart(body, ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1));
        }
        return new HashMap<>();
    }

    /** name=value pairs of a query string or urlencoded body; a malformed %-escape drops its pair. */
    static Map<String, Value> urlencoded(String s) {
        Map<String, Value> m = new HashMap<>();
        if (s == null) {
            return m;
        }
        for (String pair : s.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String k = eq < 0 ? pair : pair.substring(0, eq);
            String v = eq < 0 ? "" : pair.substring(eq + 1);
            try {
                byte[] b = URLDecoder.decode(v, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8);
                m.put(URLDecoder.decode(k, StandardCharsets.UTF_8), new Value(b, 0, b.length));
            } catch (IllegalArgumentException e) {
                // a malformed %-escape: that pair is ignored
            }
        }
        return m;
    }

    /** A parameter of a header value ({@code boundary=...}, {@code name="..."}). */
    static String parameter(String header, String name) {
        for (String p : header.split(";")) {
            String t = p.trim();
            int eq = t.indexOf('=');
            if (eq > 0 && t.substring(0, eq).trim().equalsIgnoreCase(name)) {
                String v = t.substring(eq + 1).trim();
                if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
                    v = v.substring(1, v.length() - 1);
                }
                return v;
            }
        }
        return null;
    }

    private static Map<String, Value> multipart(byte[] body, byte[] delimiter) throws Bad {
        Map<String, Value> m = new HashMap<>();
        int at = indexOf(body, delimiter, 0);
        if (at < 0) {
            throw new Bad("multipart body without its boundary");
        }
        while (true) {
            int p = at + delimiter.length;
            if (p + 1 < body.length && body[p] == '-' && body[p + 1] == '-') {
                return m; // the closing delimiter
            }
            int headEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), p);
            if (headEnd < 0) {
                throw new Bad("multipart part without headers");
            }
            String head = new String(body, p, headEnd - p, StandardCharsets.UTF_8);
            int start = headEnd + 4;
            byte[] next = new byte[delimiter.length + 2];
            next[0] = '\r';
            next[1] = '\n';
            System.arraycopy(delimiter, 0, next, 2, delimiter.length);
            int end = indexOf(body, next, start);
            if (end < 0) {
                throw new Bad("multipart part that is not closed");
            }
            String name = null;
            for (String h : head.split("\r\n")) {
                if (h.toLowerCase(Locale.ROOT).startsWith("content-disposition:")) {
                    name = parameter(h.substring(h.indexOf(':') + 1), "name");
                }
            }
            if (name != null) {
                m.putIfAbsent(name, new Value(body, start, end - start));
            }
            at = end + 2;
        }
    }

    private static int indexOf(byte[] a, byte[] b, int from) {
        outer:
        for (int i = from; i <= a.length - b.length; i++) {
            for (int j = 0; j < b.length; j++) {
                if (a[i + j] != b[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
