package be.inami.broker;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * The web page, on the JDK's built-in HTTP server (no framework). Stateless:
 * GET / shows the report of the file given at start (or of ?csv=...), POST /
 * the report of the posted list, POST /report.csv the CSV report.
 */
final class Server {
    /** Largest accepted request body. */
    static final int MAX_BODY = 8 << 20;

    private Server() {
    }

    static HttpServer start(String bind, int port, String initialCsv, Report.Options options) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(bind, port), 0);
        server.createContext("/", ex -> handle(ex, initialCsv, options));
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
        System.err.println("inami-broker: serving on http://" + bind + ":" + server.getAddress().getPort() + "/");
        return server;
    }

    private static void handle(HttpExchange ex, String initialCsv, Report.Options options) throws IOException {
        try {
            String path = ex.getRequestURI().getPath();
            String method = ex.getRequestMethod();
            if (path.equals("/health")) {
                send(ex, 200, "text/plain", "ok\n");
                return;
            }
            if (!path.equals("/") && !path.equals("/report.csv")) {
                send(ex, 404, "text/plain", "not found\n");
                return;
            }
            String csv = initialCsv;
            if (method.equals("POST")) {
                byte[] body = readBody(ex.getRequestBody());
                if (body == null) {
                    send(ex, 413, "text/plain", "the client list is too large\n");
                    return;
                }
                csv = form(new String(body, StandardCharsets.UTF_8)).getOrDefault("csv", "");
            } else if (method.equals("GET") || method.equals("HEAD")) {
                String q = ex.getRequestURI().getRawQuery();
                if (q != null) {
                    csv = form(q).getOrDefault("csv", csv);
                }
            } else {
                send(ex, 405, "text/plain", "method not allowed\n");
                return;
            }
            if (path.equals("/report.csv")) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                ByteArrayOutputStream err = new ByteArrayOutputStream();
                Main.report(new BufferedReader(new StringReader(csv)), "clients.csv", options,
                        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
                ex.getResponseHeaders().set("Content-Disposition", "attachment; filename=\"inami-report.csv\"");
                send(ex, 200, "text/csv; charset=utf-8", out.toString(StandardCharsets.UTF_8));
                return;
            }
            List<Report.Row> rows = Report.run(new BufferedReader(new StringReader(csv)), options);
            String message = null;
            if (!rows.isEmpty() && rows.get(0).fileError) {
                message = "line " + rows.get(0).line + ": " + rows.get(0).error;
                rows = List.of();
            }
            send(ex, 200, "text/html; charset=utf-8", Page.render(csv, rows, message));
        } catch (RuntimeException e) {
            send(ex, 500, "text/plain", "internal error: " + e + "\n");
        } finally {
            ex.close();
        }
    }

    private static byte[] readBody(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        int n;
        while ((n = in.read(buf)) > 0) {
            out.write(buf, 0, n);
            if (out.size() > MAX_BODY) {
                return null;
            }
        }
        return out.toByteArray();
    }

    /** application/x-www-form-urlencoded pairs. */
    static Map<String, String> form(String s) {
        Map<String, String> m = new HashMap<>();
        for (String pair : s.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String k = eq < 0 ? pair : pair.substring(0, eq);
            String v = eq < 0 ? "" : pair.substring(eq + 1);
            try {
                m.put(URLDecoder.decode(k, StandardCharsets.UTF_8), URLDecoder.decode(v, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                // a malformed %-escape: ignore that pair
            }
        }
        return m;
    }

    private static void send(HttpExchange ex, int status, String type, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", type);
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        boolean head = ex.getRequestMethod().equals("HEAD");
        ex.sendResponseHeaders(status, head ? -1 : bytes.length);
        if (!head) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(bytes);
            }
        }
    }
}
