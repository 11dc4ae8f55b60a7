package be.inami.broker;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * CSV as spreadsheets write it: comma or semicolon (chosen from the header
 * line), an optional UTF-8 byte order mark, quoted fields with "" escapes,
 * CRLF or LF. Records are read one at a time and numbered by the line they
 * start on; blank lines and lines starting with '#' are skipped.
 */
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

    /** Reads records one by one; the delimiter is fixed by the first record. */
    static final class Reader {
        private final BufferedReader in;
        private int lineNo;
        private char delimiter;

        Reader(BufferedReader in) {
            this.in = in;
        }

        /** The delimiter found on the first record (0 before it is read). */
        char delimiter() {
            return delimiter;
        }

        /**
         * The next record, or null at the end.
         *
         * @throws Malformed for an unterminated quote (with the line it starts on)
         */
        Record next() throws IOException {
            String line;
            while ((line = in.readLine()) != null) {
                lineNo++;
                if (lineNo == 1 && line.startsWith("\ufeff")) {
                    line = line.substring(1);
                }
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (delimiter == 0) {
                    delimiter = guess(line);
                }
                return parse(line);
            }
            return null;
        }

        private Record parse(String line) throws IOException {
            int start = lineNo;
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
                    return new Record(start, fields);
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
                } else if (c == '"' && field.toString().isBlank()) {
                    field.setLength(0);
                    quoted = true;
                } else if (c == delimiter) {
                    fields.add(field.toString());
                    field.setLength(0);
                } else {
                    field.append(c);
                }
            }
        }
    }

    /** ';' when the line has more semicolons than commas outside quotes, else ','. */
    static char guess(String line) {
        int commas = 0;
        int semicolons = 0;
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == ',') {
                commas++;
            } else if (!quoted && c == ';') {
                semicolons++;
            }
        }
        return semicolons > commas ? ';' : ',';
    }

    /** Every record (small files and tests). */
    static List<Record> read(BufferedReader in) throws IOException {
        Reader r = new Reader(in);
        List<Record> out = new ArrayList<>();
        Record rec;
        while ((rec = r.next()) != null) {
            out.add(rec);
        }
        return out;
    }

    /**
     * A cell a spreadsheet would not run: text starting with =, +, -, @, a tab
     * or a carriage return (a formula, or one once trimmed) is prefixed with an
     * apostrophe.
     */
    static String safe(String s) {
        if (s == null || s.isEmpty()) {
            return s == null ? "" : s;
        }
        char c = s.charAt(0);
        if (c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r') {
            return "'" + s;
        }
        return s;
    }

    /** One CSV field, neutralised ({@link #safe}) and quoted when it needs to be. */
    static String field(String s) {
        s = safe(s);
        if (s.indexOf(',') >= 0 || s.indexOf(';') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0
                || s.indexOf('\r') >= 0) {
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
