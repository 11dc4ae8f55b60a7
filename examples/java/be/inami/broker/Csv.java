package be.inami.broker;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Minimal RFC 4180 CSV: quoted fields with "" escapes, CRLF or LF, records numbered by line. */
final class Csv {
    private Csv() {
    }

    /** Malformed CSV at a line. */
    static final class Malformed extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        final int line;

        Malformed(int line, String message) {
            super(message);
            this.line = line;
        }
    }

    /** One record and the line it starts on (1-based). */
    static final class Record {
        final int line;
        final List<String> fields;

        Record(int line, List<String> fields) {
            this.line = line;
            this.fields = fields;
        }
    }

    /**
     * Read every record. Blank lines and lines starting with '#' are skipped.
     *
     * @throws Malformed for an unterminated quote (with its line)
     */
    static List<Record> read(BufferedReader in) throws IOException {
        List<Record> out = new ArrayList<>();
        int lineNo = 0;
        String line;
        while ((line = in.readLine()) != null) {
            lineNo++;
            int start = lineNo;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            List<String> fields = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            int i = 0;
            while (true) {
                if (i >= line.length()) {
                    if (quoted) {
                        String next = in.readLine();
                        if (next == null) {
                            throw new Malformed(start, "unterminated quoted field");
                        }
                        lineNo++;
                        field.append('\n');
                        line = next;
                        i = 0;
                        continue;
                    }
                    fields.add(field.toString());
                    break;
                }
                char c = line.charAt(i++);
                if (quoted) {
                    if (c == '"') {
                        if (i < line.length() && line.charAt(i) == '"') {
                            field.append('"');
                            i++;
                        } else {
                            quoted = false;
                        }
                    } else {
                        field.append(c);
                    }
                } else if (c == '"' && field.length() == 0) {
                    quoted = true;
                } else if (c == ',') {
                    fields.add(field.toString());
                    field.setLength(0);
                } else {
                    field.append(c);
                }
            }
            out.add(new Record(start, fields));
        }
        return out;
    }

    /** One CSV field, quoted when it needs to be. */
    static String field(String s) {
        if (s == null) {
            return "";
        }
        if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }

    /** A CSV line (no line terminator). */
    static String line(List<String> fields) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                b.append(',');
            }
            b.append(field(fields.get(i)));
        }
        return b.toString();
    }
}
