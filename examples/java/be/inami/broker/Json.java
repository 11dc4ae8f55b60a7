package be.inami.broker;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Just enough JSON: a strict parser (objects, arrays, strings, numbers as
 * BigDecimal, true, false, null; nesting at most 32 deep) and string quoting
 * for the writers.
 */
final class Json {
    /** Text that is not JSON, with the offset where it stops being JSON. */
    static final class Bad extends Exception {
        private static final long serialVersionUID = 1L;
        final int offset;

        Bad(int offset, String message) {
            super(message);
            this.offset = offset;
        }
    }

    private final String s;
    private int i;

    private Json(String s) {
        this.s = s;
    }

    /** The value of a JSON text (Map, List, String, BigDecimal, Boolean or null). */
    static Object parse(String text) throws Bad {
        Json j = new Json(text);
        j.space();
        Object v = j.value(0);
        j.space();
        if (j.i != text.length()) {
            throw new Bad(j.i, "unexpected text after the value");
        }
        return v;
    }

    private void space() {
        while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t' || s.charAt(i) == '\n'
                || s.charAt(i) == '\r')) {
            i++;
        }
    }

    private Object value(int depth) throws Bad {
        if (depth > 32) {
            throw new Bad(i, "nested too deeply");
        }
        if (i >= s.length()) {
            throw new Bad(i, "a value is missing");
        }
        char c = s.charAt(i);
        switch (c) {
            case '{':
                return object(depth);
            case '[':
                return array(depth);
            case '"':
                return string();
            case 't':
                return word("true", Boolean.TRUE);
            case 'f':
                return word("false", Boolean.FALSE);
            case 'n':
                return word("null", null);
            default:
                if (c == '-' || (c >= '0' && c <= '9')) {
                    return number();
                }
                throw new Bad(i, "unexpected character '" + c + "'");
        }
    }

    private Object word(String w, Object v) throws Bad {
        if (!s.startsWith(w, i)) {
            throw new Bad(i, "unexpected word");
        }
        i += w.length();
        return v;
    }

    private Map<String, Object> object(int depth) throws Bad {
        Map<String, Object> m = new LinkedHashMap<>();
        i++;
        space();
        if (i < s.length() && s.charAt(i) == '}') {
            i++;
            return m;
        }
        while (true) {
            space();
            if (i >= s.length() || s.charAt(i) != '"') {
                throw new Bad(i, "a member name (a string) is expected");
            }
            String k = string();
            space();
            expect(':');
            space();
            Object v = value(depth + 1);
            if (m.containsKey(k)) {
                throw new Bad(i, "member '" + k + "' appears twice");
            }
            m.put(k, v);
            space();
            if (i < s.length() && s.charAt(i) == ',') {
                i++;
                continue;
            }
            expect('}');
            return m;
        }
    }

    private List<Object> array(int depth) throws Bad {
        List<Object> a = new ArrayList<>();
        i++;
        space();
        if (i < s.length() && s.charAt(i) == ']') {
            i++;
            return a;
        }
        while (true) {
            space();
            a.add(value(depth + 1));
            space();
            if (i < s.length() && s.charAt(i) == ',') {
                i++;
                continue;
            }
            expect(']');
            return a;
        }
    }

    private void expect(char c) throws Bad {
        if (i >= s.length() || s.charAt(i) != c) {
            throw new Bad(i, "'" + c + "' is expected");
        }
        i++;
    }

    private String string() throws Bad {
        StringBuilder b = new StringBuilder();
        i++;
        while (true) {
            if (i >= s.length()) {
                throw new Bad(i, "unterminated string");
            }
            char c = s.charAt(i++);
            if (c == '"') {
                return b.toString();
            }
            if (c < 0x20) {
                throw new Bad(i - 1, "control character in a string");
            }
            if (c != '\\') {
                b.append(c);
                continue;
            }
            if (i >= s.length()) {
                throw new Bad(i, "unterminated string");
            }
            char e = s.charAt(i++);
            switch (e) {
                case '"':
                case '\\':
                case '/':
                    b.append(e);
                    break;
                case 'b':
                    b.append('\b');
                    break;
                case 'f':
                    b.append('\f');
                    break;
                case 'n':
                    b.append('\n');
                    break;
                case 'r':
                    b.append('\r');
                    break;
                case 't':
                    b.append('\t');
                    break;
                case 'u':
                    if (i + 4 > s.length()) {
                        throw new Bad(i, "short \\u escape");
                    }
                    try {
                        b.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                    } catch (NumberFormatException x) {
                        throw new Bad(i, "bad \\u escape");
                    }
                    i += 4;
                    break;
                default:
                    throw new Bad(i - 1, "bad escape");
            }
        }
    }

    private BigDecimal number() throws Bad {
        int start = i;
        if (s.charAt(i) == '-') {
            i++;
        }
        while (i < s.length() && "0123456789.eE+-".indexOf(s.charAt(i)) >= 0) {
            i++;
        }
        String n = s.substring(start, i);
        if (!n.matches("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?") || n.length() > 40) {
            throw new Bad(start, "bad number '" + n + "'");
        }
        return new BigDecimal(n);
    }

    /** A JSON string literal. */
    static String quote(String v) {
        if (v == null) {
            return "null";
        }
        StringBuilder b = new StringBuilder(v.length() + 2).append('"');
        for (int k = 0; k < v.length(); k++) {
            char c = v.charAt(k);
            switch (c) {
                case '"':
                    b.append("\\\"");
                    break;
                case '\\':
                    b.append("\\\\");
                    break;
                case '\n':
                    b.append("\\n");
                    break;
                case '\r':
                    b.append("\\r");
                    break;
                case '\t':
                    b.append("\\t");
                    break;
                case '<':
                    b.append("\\u003c"); // never "</script>" in a JSON text
                    break;
                default:
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
            }
        }
        return b.append('"').toString();
    }
}
