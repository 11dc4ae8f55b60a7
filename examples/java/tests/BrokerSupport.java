import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs processes with a time limit and reads the report CSV (shared by the broker tests). */
final class BrokerSupport {
    private BrokerSupport() {
    }

    static String prop(String name) {
        String v = System.getProperty(name);
        if (v == null) {
            throw new IllegalStateException("system property " + name + " is not set (run through ctest)");
        }
        return v;
    }

    static File sample() {
        return new File(prop("inami.source.dir"), "examples/java/clients.csv");
    }

    /** A finished process: exit status, stdout, stderr. */
    static final class Result {
        int status;
        String out;
        String err;
    }

    /** Run a command with stdin from `input` (may be null), killed after `seconds`. */
    static Result run(int seconds, String input, String... command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command);
        File out = File.createTempFile("inami-out", ".txt");
        File err = File.createTempFile("inami-err", ".txt");
        pb.redirectOutput(out).redirectError(err);
        Process p = pb.start();
        try {
            if (input != null) {
                p.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
            }
            p.getOutputStream().close();
            if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
                throw new AssertionError("timed out after " + seconds + " s: " + Arrays.toString(command));
            }
            Result r = new Result();
            r.status = p.exitValue();
            r.out = read(out);
            r.err = read(err);
            return r;
        } finally {
            p.destroyForcibly();
            out.delete();
            err.delete();
        }
    }

    static String read(File f) throws IOException {
        try (InputStream in = new java.io.FileInputStream(f)) {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            in.transferTo(b);
            return b.toString(StandardCharsets.UTF_8);
        }
    }

    /** Report rows by client name, each a column -> value map (simple CSV with quotes). */
    static Map<String, Map<String, String>> rows(String csv) {
        List<List<String>> records = new ArrayList<>();
        for (String line : csv.split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            List<String> f = new ArrayList<>();
            StringBuilder b = new StringBuilder();
            boolean q = false;
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (q) {
                    if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        b.append('"');
                        i++;
                    } else if (c == '"') {
                        q = false;
                    } else {
                        b.append(c);
                    }
                } else if (c == '"') {
                    q = true;
                } else if (c == ',') {
                    f.add(b.toString());
                    b.setLength(0);
                } else {
                    b.append(c);
                }
            }
            f.add(b.toString());
            records.add(f);
        }
        Map<String, Map<String, String>> rows = new HashMap<>();
        List<String> header = records.get(0);
        for (List<String> r : records.subList(1, records.size())) {
            if (r.size() != header.size()) {
                throw new AssertionError("report line with " + r.size() + " fields, header has " + header.size());
            }
            Map<String, String> m = new HashMap<>();
            for (int i = 0; i < header.size(); i++) {
                m.put(header.get(i), r.get(i));
            }
            rows.put(m.get("client"), m);
        }
        return rows;
    }
}
