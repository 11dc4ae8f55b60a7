import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small Chrome DevTools Protocol client on the JDK's WebSocket: starts
 * headless Chromium with a remote-debugging port, attaches to its page and
 * sends commands. Results are read with regular expressions (the tests ask
 * the page for JSON strings they build themselves).
 */
final class Cdp implements AutoCloseable {
    private final Process chromium;
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<String>> pending = new ConcurrentHashMap<>();

    Cdp(String chromiumPath, File profile) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(chromiumPath, "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--disable-dev-shm-usage", "--hide-scrollbars", "--remote-debugging-port=0",
                "--user-data-dir=" + profile, "--window-size=1280,800", "about:blank");
        pb.redirectErrorStream(true);
        chromium = pb.start();
        BufferedReader out = new BufferedReader(new InputStreamReader(chromium.getInputStream(), StandardCharsets.UTF_8));
        String browser = null;
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        StringBuilder seen = new StringBuilder();
        while (browser == null && System.nanoTime() < end) {
            String line = out.readLine();
            if (line == null) {
                break;
            }
            seen.append(line).append('\n');
            Matcher m = Pattern.compile("DevTools listening on (ws://\\S+)").matcher(line);
            if (m.find()) {
                browser = m.group(1);
            }
        }
        if (browser == null) {
            chromium.destroyForcibly();
            throw new AssertionError("chromium did not start:\n" + seen);
        }
        Thread drain = new Thread(() -> {
            try {
                while (out.readLine() != null) {
                    // chromium's log is not needed
                }
            } catch (IOException ignored) {
                // chromium stopped
            }
        });
        drain.setDaemon(true);
        drain.start();
        URI b = URI.create(browser);
        HttpClient http = HttpClient.newHttpClient();
        String list = http.send(HttpRequest.newBuilder(URI.create("http://" + b.getHost() + ":" + b.getPort() + "/json/list"))
                .build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher page = Pattern.compile("\"type\"\\s*:\\s*\"page\"[^}]*?\"webSocketDebuggerUrl\"\\s*:\\s*\"(ws://[^\"]+)\"")
                .matcher(list);
        if (!page.find()) {
            throw new AssertionError("no page target: " + list);
        }
        socket = http.newWebSocketBuilder().buildAsync(URI.create(page.group(1)), new WebSocket.Listener() {
            private final StringBuilder text = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                text.append(data);
                if (last) {
                    String msg = text.toString();
                    text.setLength(0);
                    Matcher id = Pattern.compile("^\\{\"id\":(\\d+),").matcher(msg);
                    if (id.find()) {
                        CompletableFuture<String> f = pending.remove(Integer.parseInt(id.group(1)));
                        if (f != null) {
                            f.complete(msg);
                        }
                    }
                }
                ws.request(1);
                return null;
            }
        }).get(30, TimeUnit.SECONDS);
    }

    /** Sends a command; returns the whole answer (fails on a protocol error). */
    String send(String method, String paramsJson) throws Exception {
        int id = ids.incrementAndGet();
        CompletableFuture<String> f = new CompletableFuture<>();
        pending.put(id, f);
        socket.sendText("{\"id\":" + id + ",\"method\":\"" + method + "\",\"params\":" + paramsJson + "}", true)
                .get(30, TimeUnit.SECONDS);
        String r = f.get(60, TimeUnit.SECONDS);
        if (r.contains("\"error\":{")) {
            throw new AssertionError(method + ": " + r);
        }
        return r;
    }

    /** The value of a JavaScript expression that yields a string. */
    String eval(String js) throws Exception {
        String r = send("Runtime.evaluate", "{\"expression\":" + quote(js) + ",\"returnByValue\":true,\"awaitPromise\":true}");
        if (r.contains("\"exceptionDetails\"")) {
            throw new AssertionError("script failed: " + js + "\n" + r);
        }
        // possessive: a long value (a detail's text) does not recurse once per character
        Matcher m = Pattern.compile("\"value\":\"((?:[^\"\\\\]++|\\\\.)*+)\"").matcher(r);
        if (!m.find()) {
            Matcher any = Pattern.compile("\"value\":([^,}]+)").matcher(r);
            return any.find() ? any.group(1) : null;
        }
        return unquote(m.group(1));
    }

    /** Waits until a JavaScript condition is true. */
    void waitFor(String condition) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < end) {
            if ("true".equals(eval("(function(){try{return String(!!(" + condition + "));}catch(e){return 'false';}})()"))) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("timed out waiting for " + condition + "\non " + eval("location.href")
                + ":\n" + eval("document.body ? document.body.innerText.slice(0, 600) : ''"));
    }

    void navigate(String url) throws Exception {
        send("Page.navigate", "{\"url\":" + quote(url) + "}");
    }

    void viewport(int width, int height) throws Exception {
        send("Emulation.setDeviceMetricsOverride", "{\"width\":" + width + ",\"height\":" + height
                + ",\"deviceScaleFactor\":1,\"mobile\":false}");
    }

    /** A PNG of the viewport. */
    byte[] screenshot() throws Exception {
        String r = send("Page.captureScreenshot", "{\"format\":\"png\"}");
        Matcher m = Pattern.compile("\"data\":\"([A-Za-z0-9+/=]+)\"").matcher(r);
        if (!m.find()) {
            throw new AssertionError("no screenshot data");
        }
        return Base64.getDecoder().decode(m.group(1));
    }

    /** Puts a file into a file input (what the broker's file dialog does). */
    void setFile(String selector, File file) throws Exception {
        String doc = send("DOM.getDocument", "{}");
        Matcher root = Pattern.compile("\"root\":\\{\"nodeId\":(\\d+)").matcher(doc);
        if (!root.find()) {
            throw new AssertionError("no document node: " + doc);
        }
        String q = send("DOM.querySelector", "{\"nodeId\":" + root.group(1) + ",\"selector\":" + quote(selector) + "}");
        Matcher node = Pattern.compile("\"nodeId\":(\\d+)").matcher(q);
        if (!node.find() || node.group(1).equals("0")) {
            throw new AssertionError("no element " + selector);
        }
        send("DOM.setFileInputFiles", "{\"nodeId\":" + node.group(1) + ",\"files\":[" + quote(file.getAbsolutePath()) + "]}");
    }

    static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append('"').toString();
    }

    static String unquote(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\') {
                b.append(c);
                continue;
            }
            char e = s.charAt(++i);
            switch (e) {
                case 'n':
                    b.append('\n');
                    break;
                case 't':
                    b.append('\t');
                    break;
                case 'r':
                    b.append('\r');
                    break;
                case 'u':
                    b.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
                    i += 4;
                    break;
                default:
                    b.append(e);
            }
        }
        return b.toString();
    }

    @Override
    public void close() {
        try {
            socket.abort();
        } finally {
            chromium.destroy();
            try {
                if (!chromium.waitFor(10, TimeUnit.SECONDS)) {
                    chromium.destroyForcibly();
                    chromium.waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
