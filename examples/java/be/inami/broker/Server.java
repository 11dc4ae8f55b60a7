package be.inami.broker;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.StringReader;
import java.io.Writer;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The web page and the JSON API on {@link Http}. Stateless: GET / shows the
 * report of the file given at start (or of ?csv=...), POST / the report of
 * the posted list or file, /report.csv the CSV report, /api/... the same as
 * JSON. Every answer carries the security headers; the Host and Origin must
 * be the server's own; reports are computed by at most a few requests at a
 * time and written as they are made.
 */
final class Server implements Http.Handler {
    /** Reports computed at one time (each one's memory is bounded by the body and one row). */
    static final int REPORT_SLOTS = 2;
    /** A client list echoed back in the text area only up to this size. */
    static final int ECHO_LIMIT = 1 << 20;

    static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    private final String initialCsv;
    private final Report.Options options;
    private final Set<String> hosts = new HashSet<>();
    private final Semaphore reports = new Semaphore(REPORT_SLOTS, true);
    private final Api api;
    private final int maxBody;

    Server(String initialCsv, Report.Options options, int maxBody) {
        this.initialCsv = initialCsv;
        this.maxBody = maxBody;
        this.options = options;
        this.api = new Api(options, this);
    }

    /** Starts the server on ADDR:PORT; {@code extraHosts} are further names the server answers to. */
    static Http start(String bind, int port, List<String> extraHosts, String initialCsv, Report.Options options,
            Http.Limits limits) throws IOException {
        Server s = new Server(initialCsv, options, limits.maxBody);
        Http http = new Http(bind, port, limits, s);
        int p = http.port();
        s.allow(bind, p);
        InetAddress a = InetAddress.getByName(bind);
        if (a.isLoopbackAddress()) {
            s.allow("localhost", p);
            s.allow("127.0.0.1", p);
            s.allow("[::1]", p);
        }
        for (String h : extraHosts) {
            s.allow(h, p);
        }
        http.start();
        String shown = bind.indexOf(':') >= 0 ? "[" + bind + "]" : bind;
        Log.info("serving on http://" + shown + ":" + p + "/ (rows at most " + options.maxRows + ")");
        return http;
    }

    private void allow(String host, int port) {
        String h = host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host;
        h = h.toLowerCase(Locale.ROOT);
        hosts.add(h + ":" + port);
        if (port == 80) {
            hosts.add(h);
        }
    }

    @Override
    public void prepare(Http.Response res) {
        res.headers.put("Content-Security-Policy", CSP);
        res.headers.put("X-Frame-Options", "DENY");
        res.headers.put("X-Content-Type-Options", "nosniff");
        res.headers.put("Referrer-Policy", "same-origin"); // "no-referrer" would make the form's Origin "null"
        res.headers.put("Cross-Origin-Resource-Policy", "same-origin");
        res.headers.put("Cache-Control", "no-store");
    }

    /** The words of a request: ?lang=, then Accept-Language, then --lang. */
    Text text(Http.Request req, String formLang) {
        String param = formLang;
        if (param == null && req.query != null) {
            Form.Value v = Form.urlencoded(req.query).get("lang");
            param = v == null ? null : v.text();
        }
        return Text.choose(param, req.header("accept-language"), options.lang);
    }

    @Override
    public void refuse(Http.Request req, Http.Response res, int status) throws IOException {
        Text t = text(req, null);
        fail(req, res, status, t, t.get("http." + status, maxBody >> 20));
    }

    /** An error answer: JSON under /api/, else an HTML page; never the exception's text. */
    void fail(Http.Request req, Http.Response res, int status, Text t, String message) throws IOException {
        if (req.path != null && req.path.startsWith("/api/")) {
            res.send(status, "application/json", "{\"error\":" + Json.quote(message) + ",\"status\":" + status + "}\n");
        } else {
            res.send(status, "text/html; charset=utf-8", Page.error(t, status, message));
        }
    }

    @Override
    public void handle(Http.Request req, Http.Response res) throws IOException {
        Text t = text(req, null);
        String host = req.header("host");
        if (host == null) {
            fail(req, res, 400, t, t.get("http.400"));
            return;
        }
        if (!hosts.contains(host.toLowerCase(Locale.ROOT))) {
            Log.info("request " + req.id + ": refused Host " + host);
            fail(req, res, 421, t, t.get("http.421"));
            return;
        }
        String origin = req.header("origin");
        if (origin != null && !origin.toLowerCase(Locale.ROOT).equals("http://" + host.toLowerCase(Locale.ROOT))) {
            Log.info("request " + req.id + ": refused Origin " + origin);
            fail(req, res, 403, t, t.get("http.403"));
            return;
        }
        String m = req.method;
        boolean get = m.equals("GET") || m.equals("HEAD");
        switch (req.path) {
            case "/health":
                if (!get) {
                    break;
                }
                res.send(200, "text/plain; charset=utf-8", "ok\n");
                return;
            case "/page.css":
            case "/page.js":
                if (!get) {
                    break;
                }
                res.headers.put("Cache-Control", "max-age=300");
                res.send(200, req.path.endsWith(".css") ? "text/css; charset=utf-8" : "text/javascript; charset=utf-8",
                        resource(req.path.substring(1)));
                return;
            case "/":
            case "/report.csv":
                if (!get && !m.equals("POST")) {
                    break;
                }
                report(req, res, t);
                return;
            case "/api/openapi.json":
                if (!get) {
                    break;
                }
                res.send(200, "application/json", resource("openapi.json"));
                return;
            case "/api/evaluate":
            case "/api/report":
                if (!m.equals("POST")) {
                    break;
                }
                api.handle(req, res, t);
                return;
            default:
                fail(req, res, 404, t, t.get("http.404"));
                return;
        }
        res.headers.put("Allow", req.path.startsWith("/api/") && !req.path.endsWith(".json") ? "POST"
                : req.path.equals("/") || req.path.equals("/report.csv") ? "GET, HEAD, POST" : "GET, HEAD");
        fail(req, res, 405, t, t.get("http.405"));
    }

    private static final Map<String, byte[]> RESOURCES = new java.util.concurrent.ConcurrentHashMap<>();

    static byte[] resource(String name) throws IOException {
        byte[] b = RESOURCES.get(name);
        if (b == null) {
            try (InputStream in = Server.class.getResourceAsStream(name)) {
                if (in == null) {
                    throw new IOException(name + " is missing from the JAR");
                }
                b = in.readAllBytes();
            }
            RESOURCES.put(name, b);
        }
        return b;
    }

    /** The client list of a request: a posted file, a posted or ?csv= text, else the file given at start. */
    private static final class Input {
        Form.Value csv;
        String lang;
    }

    private Input input(Http.Request req) throws Form.Bad {
        Input in = new Input();
        Map<String, Form.Value> f;
        if (req.method.equals("POST")) {
            f = Form.parse(req.header("content-type"), req.body);
        } else {
            f = Form.urlencoded(req.query);
        }
        Form.Value file = f.get("file");
        in.csv = file != null && file.length > 0 ? file : f.get("csv");
        Form.Value lang = f.get("lang");
        in.lang = lang == null ? null : lang.text();
        if (in.csv == null && !req.method.equals("POST")) {
            byte[] b = initialCsv.getBytes(StandardCharsets.UTF_8);
            in.csv = new Form.Value(b, 0, b.length);
        }
        if (in.csv == null) {
            in.csv = new Form.Value(new byte[0], 0, 0);
        }
        return in;
    }

    static BufferedReader reader(Form.Value v) {
        return new BufferedReader(new InputStreamReader(new ByteArrayInputStream(v.bytes, v.offset, v.length),
                StandardCharsets.UTF_8), 1 << 16);
    }

    /** Waits for one of the report slots; false when the server stays busy. */
    boolean enter() throws IOException {
        try {
            return reports.tryAcquire(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        }
    }

    void leave() {
        reports.release();
    }

    private void report(Http.Request req, Http.Response res, Text asked) throws IOException {
        Text t = asked;
        Input in;
        try {
            in = input(req);
        } catch (Form.Bad e) {
            Log.info("request " + req.id + ": " + e.getMessage());
            fail(req, res, 400, t, t.get("http.400"));
            return;
        }
        if (in.lang != null) {
            t = text(req, in.lang);
        }
        page(req, res, t, in);
    }

    private void page(Http.Request req, Http.Response res, Text t, Input in) throws IOException {
        boolean csv = req.path.equals("/report.csv");
        if (in.csv.length == 0) {
            String empty = t.get("err.empty_file", String.join(",", Client.REQUIRED));
            if (csv) {
                fail(req, res, 422, t, empty);
            } else {
                // the first visit shows the form; a posted empty file says so
                boolean posted = req.method.equals("POST");
                try (Writer w = writer(res.start(posted ? 422 : 200, "text/html; charset=utf-8"))) {
                    Page.head(w, t, "", posted ? empty : null, false);
                    Page.end(w);
                }
            }
            return;
        }
        if (!enter()) {
            fail(req, res, 503, t, t.get("http.503"));
            return;
        }
        try {
            String echo = csv || in.csv.length > ECHO_LIMIT ? "" : in.csv.text();
            try {
                Report.check(reader(in.csv), t, options.maxRows);
            } catch (Report.FileError e) {
                String message = e.line > 0 ? t.get("err.at_line", e.line, e.getMessage()) : e.getMessage();
                if (csv) {
                    fail(req, res, 422, t, message);
                    return;
                }
                try (Writer w = writer(res.start(422, "text/html; charset=utf-8"))) {
                    Page.head(w, t, echo, message, false);
                    Page.end(w);
                }
                return;
            }
            if (csv) {
                res.headers.put("Content-Disposition", "attachment; filename=\"inami-report.csv\"");
                try (Writer w = writer(res.start(200, "text/csv; charset=utf-8"))) {
                    w.write(Csv.line(Main.header(t)) + "\r\n");
                    Report.run(reader(in.csv), options, t, r -> w.write(Csv.line(r.fields()) + "\r\n"));
                }
                return;
            }
            Report.Totals totals = new Report.Totals();
            try (Writer w = writer(res.start(200, "text/html; charset=utf-8"))) {
                Page.head(w, t, echo, in.csv.length > ECHO_LIMIT ? t.get("form.too_large_to_show") : null, true);
                int[] n = {0};
                Report.run(reader(in.csv), options, t, r -> {
                    totals.add(r);
                    Page.row(w, r, t, ++n[0]);
                });
                Page.foot(w, t, totals);
            }
        } catch (Report.FileError e) {
            throw new IllegalStateException("the file changed between its check and its report", e);
        } finally {
            leave();
        }
    }

    static Writer writer(OutputStream out) {
        return new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
    }

    /** A text as a client list (the API's JSON "csv" member). */
    static BufferedReader reader(String s) {
        return new BufferedReader(new StringReader(s));
    }
}
