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

    /** A running inami-broker serve on a free port of 127.0.0.1. */
    static final class Server implements AutoCloseable {
        Process process;
        int port;
        File err;

        String url(String path) {
            return "http://127.0.0.1:" + port + path;
        }

        /** The Java process's status line (VmRSS, VmHWM) in kB. */
        long status(String field) throws IOException {
            for (String line : java.nio.file.Files.readAllLines(new File("/proc/" + process.pid() + "/status").toPath())) {
                if (line.startsWith(field + ":")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
            throw new AssertionError("no " + field);
        }

        @Override
        public void close() {
            process.destroy();
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    process.waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Starts inami-broker serve with these arguments (and JVM options, or null for the launcher's). */
    static Server serve(File dir, String javaOpts, String... args) throws Exception {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort();
        }
        List<String> cmd = new ArrayList<>(List.of(prop("inami.broker"), "serve", "--port", Integer.toString(port)));
        cmd.addAll(Arrays.asList(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        if (javaOpts != null) {
            pb.environment().put("INAMI_BROKER_JAVA_OPTS", javaOpts);
        }
        Server srv = new Server();
        srv.port = port;
        srv.err = new File(dir, "server-" + port + ".err");
        pb.redirectOutput(new File(dir, "server-" + port + ".out")).redirectError(srv.err);
        srv.process = pb.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try {
                java.net.HttpURLConnection c = (java.net.HttpURLConnection) new java.net.URL(srv.url("/health")).openConnection();
                c.setConnectTimeout(1000);
                if (c.getResponseCode() == 200) {
                    return srv;
                }
            } catch (IOException notYet) {
                // the server is starting
            }
            if (!srv.process.isAlive() || System.nanoTime() > deadline) {
                srv.close();
                throw new AssertionError("inami-broker serve did not start: " + read(srv.err));
            }
            Thread.sleep(100);
        }
    }

    /** A raw HTTP/1.1 exchange on a socket (to send any Host, Origin or body). */
    static String raw(int port, String request) throws IOException {
        try (java.net.Socket s = new java.net.Socket("127.0.0.1", port)) {
            s.setSoTimeout(60_000);
            s.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
            s.getOutputStream().flush();
            return new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** A request with the usual headers for a server on 127.0.0.1:port. */
    static String request(int port, String method, String path, String type, String body, String... headers)
            throws IOException {
        StringBuilder b = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n");
        for (String h : headers) {
            b.append(h).append("\r\n");
        }
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        if (type != null) {
            b.append("Content-Type: ").append(type).append("\r\n");
        }
        if (body != null) {
            b.append("Content-Length: ").append(bytes.length).append("\r\n");
        }
        b.append("Connection: close\r\n\r\n");
        return raw(port, b + (body == null ? "" : body));
    }

    /** The status code of a raw answer. */
    static int status(String answer) {
        return Integer.parseInt(answer.substring(9, 12));
    }

    /** The body of a raw answer. */
    static String body(String answer) {
        int i = answer.indexOf("\r\n\r\n");
        return i < 0 ? "" : answer.substring(i + 4);
    }

    static File sample() {
        return new File(prop("inami.source.dir"), "examples/java/clients.csv");
    }

    /** Test clients whose verdict depends on a disputed reading (examples/java/tests/data/disputed.csv). */
    static File disputed() {
        return new File(prop("inami.source.dir"), "examples/java/tests/data/disputed.csv");
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
        for (String line : csv.split("\r?\n")) {
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

    /** Delete a directory and everything in it (a test's scratch directory). */
    static void deleteTree(File dir) throws IOException {
        try (java.util.stream.Stream<java.nio.file.Path> walk = java.nio.file.Files.walk(dir.toPath())) {
            walk.sorted(java.util.Comparator.reverseOrder()).map(java.nio.file.Path::toFile).forEach(File::delete);
        }
    }
}
