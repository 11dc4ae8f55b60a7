package be.inami.broker;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A small HTTP/1.1 server written for bounded resources. One selector thread
 * reads every request head and body without blocking, each against a deadline
 * (a client that sends nothing, or too slowly, gets 408 and is cut off), so slow
 * clients hold no worker; a complete request goes to a fixed pool of workers
 * with a bounded queue (beyond it: 503 at once). A whole exchange has a hard
 * limit (a client that does not read its answer is cut off), the bodies being
 * received share a budget of bytes, open connections are capped, and there is
 * one request per connection.
 */
final class Http {
    /** The limits of a server. */
    static final class Limits {
        int workers = 32;
        int queue = 64;
        /** Largest request body, bytes. */
        int maxBody = 8 << 20;
        /** Bytes of request bodies held at one time by every request together. */
        long bodyBudget = 48L << 20;
        int headTimeoutMs = 10_000;
        int bodyTimeoutMs = 30_000;
        int exchangeTimeoutMs = 120_000;
        int maxHeadBytes = 16 << 10;
        /** Connections open at one time (being read or answered); more are closed at once. */
        int maxConnections = 512;
    }

    /** One request: method, path, query, lower-cased header names, body. */
    static final class Request {
        String method;
        String path;
        String query;
        final Map<String, String> headers = new LinkedHashMap<>();
        byte[] body = new byte[0];
        long id;
        /** Not 0: the server refuses the request with this status (too slow, too large...). */
        int refusal;

        String header(String name) {
            return headers.get(name);
        }
    }

    /** The answer being written. */
    static final class Response {
        private final OutputStream raw;
        private final boolean head;
        final Map<String, String> headers = new LinkedHashMap<>();
        boolean committed;
        int status;

        Response(OutputStream raw, boolean head) {
            this.raw = raw;
            this.head = head;
        }

        /**
         * Sends the status line and headers; returns where the body goes (the
         * connection closes after it, which ends the body).
         */
        OutputStream start(int status, String type) throws IOException {
            if (committed) {
                throw new IllegalStateException("response already started");
            }
            committed = true;
            this.status = status;
            StringBuilder b = new StringBuilder(512);
            b.append("HTTP/1.1 ").append(status).append(' ').append(reason(status)).append("\r\n");
            headers.put("Content-Type", type);
            headers.put("Connection", "close");
            for (Map.Entry<String, String> h : headers.entrySet()) {
                b.append(h.getKey()).append(": ").append(h.getValue()).append("\r\n");
            }
            b.append("\r\n");
            raw.write(b.toString().getBytes(StandardCharsets.ISO_8859_1));
            return head ? OutputStream.nullOutputStream() : raw;
        }

        /** A whole answer at once. */
        void send(int status, String type, byte[] body) throws IOException {
            headers.put("Content-Length", Integer.toString(body.length));
            start(status, type).write(body);
        }

        void send(int status, String type, String body) throws IOException {
            send(status, type, body.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** What the application does with a request. */
    interface Handler {
        /** Answer a request (headers, such as security headers, may be preset by {@link #prepare}). */
        void handle(Request req, Response res) throws IOException;

        /** Headers every answer carries, even the server's own refusals. */
        void prepare(Response res);

        /** A refusal by the server itself (too large, too slow, busy), in the application's words. */
        void refuse(Request req, Response res, int status) throws IOException;
    }

    private final ServerSocketChannel server;
    private final Selector selector;
    private final Limits limits;
    private final Handler handler;
    private final ThreadPoolExecutor pool;
    private final ThreadPoolExecutor refusals;
    private final ScheduledExecutorService watchdog;
    private final Semaphore bodyBytes;
    private final Thread reader;
    private final AtomicLong ids = new AtomicLong();
    private final Set<Conn> open = new HashSet<>();
    private volatile boolean running = true;

    /** A connection while its request is read by the selector thread. */
    private static final class Conn {
        final SocketChannel ch;
        final Request req = new Request();
        ByteBuffer head;
        byte[] body;
        int bodyPos;
        int reserved;
        long deadline;

        Conn(SocketChannel ch, int headBytes, long deadline) {
            this.ch = ch;
            this.head = ByteBuffer.allocate(headBytes);
            this.deadline = deadline;
        }
    }

    Http(String bind, int port, Limits limits, Handler handler) throws IOException {
        this.limits = limits;
        this.handler = handler;
        this.server = ServerSocketChannel.open();
        server.socket().setReuseAddress(true);
        server.bind(new InetSocketAddress(bind, port), 128);
        server.configureBlocking(false);
        this.selector = Selector.open();
        server.register(selector, SelectionKey.OP_ACCEPT);
        this.pool = new ThreadPoolExecutor(limits.workers, limits.workers, 60, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(limits.queue), r -> thread(r, "inami-broker-worker"));
        this.refusals = new ThreadPoolExecutor(1, 1, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(limits.queue),
                r -> thread(r, "inami-broker-refusals"));
        this.watchdog = Executors.newSingleThreadScheduledExecutor(r -> thread(r, "inami-broker-watchdog"));
        this.bodyBytes = new Semaphore((int) Math.min(Integer.MAX_VALUE, limits.bodyBudget >> 10));
        this.reader = new Thread(this::loop, "inami-broker-reader");
    }

    /** The server's threads keep the process alive until it is stopped. */
    private static Thread thread(Runnable r, String name) {
        return new Thread(r, name);
    }

    void start() {
        reader.start();
    }

    int port() {
        return server.socket().getLocalPort();
    }

    void stop() throws IOException {
        running = false;
        selector.wakeup();
        server.close();
        pool.shutdownNow();
        refusals.shutdownNow();
        watchdog.shutdownNow();
    }

    /**
     * The selector thread: accepts connections and reads every request head
     * and body without blocking, each against its deadline; a complete
     * request (or a refusal) goes to a worker, which writes the answer.
     */
    private void loop() {
        List<Conn> ready = new ArrayList<>();
        while (running) {
            try {
                selector.select(250);
            } catch (IOException e) {
                Log.error("select", e);
                pause();
                continue;
            }
            Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
            while (keys.hasNext()) {
                SelectionKey k = keys.next();
                keys.remove();
                if (!k.isValid()) {
                    continue;
                }
                if (k.isAcceptable()) {
                    accept();
                } else if (k.isReadable()) {
                    Conn c = (Conn) k.attachment();
                    try {
                        if (read(c)) {
                            k.cancel();
                            ready.add(c);
                        }
                    } catch (IOException e) {
                        drop(c); // the client went away
                    }
                }
            }
            long now = System.nanoTime();
            for (Conn c : new ArrayList<>(open)) {
                if (!ready.contains(c) && now - c.deadline > 0) {
                    c.ch.keyFor(selector).cancel();
                    c.req.refusal = 408;
                    ready.add(c);
                }
            }
            if (ready.isEmpty()) {
                continue;
            }
            try {
                selector.selectNow(); // the cancelled keys are let go: their channels may block again
            } catch (IOException e) {
                Log.error("select", e);
            }
            for (Conn c : ready) {
                open.remove(c);
                dispatch(c);
            }
            ready.clear();
        }
    }

    private void accept() {
        SocketChannel ch;
        try {
            ch = server.accept();
        } catch (IOException e) {
            Log.error("accept", e);
            pause(); // out of file descriptors, say: do not spin
            return;
        }
        if (ch == null) {
            return;
        }
        try {
            if (open.size() >= limits.maxConnections) {
                ch.close(); // far more connections than a broker's office makes: someone is flooding
                return;
            }
            ch.configureBlocking(false);
            ch.socket().setTcpNoDelay(true);
            Conn c = new Conn(ch, limits.maxHeadBytes, System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(limits.headTimeoutMs));
            c.req.id = ids.incrementAndGet();
            ch.register(selector, SelectionKey.OP_READ, c);
            open.add(c);
        } catch (IOException e) {
            closeQuietly(ch);
        }
    }

    private void drop(Conn c) {
        open.remove(c);
        SelectionKey k = c.ch.keyFor(selector);
        if (k != null) {
            k.cancel();
        }
        release(c);
        closeQuietly(c.ch);
    }

    private void release(Conn c) {
        if (c.reserved > 0) {
            bodyBytes.release(c.reserved);
            c.reserved = 0;
        }
    }

    /** Reads what has arrived; true when the request is complete or refused. */
    private boolean read(Conn c) throws IOException {
        if (c.body == null) {
            int n = c.ch.read(c.head);
            if (n < 0) {
                throw new IOException("closed");
            }
            int end = headEnd(c.head);
            if (end < 0) {
                if (!c.head.hasRemaining()) {
                    c.req.refusal = 431;
                    return true;
                }
                return false;
            }
            byte[] h = c.head.array();
            int status = readHead(new ByteArrayInputStream(h, 0, end), c.req);
            if (status == 0) {
                status = body(c);
            }
            if (status != 0) {
                c.req.refusal = status;
                return true;
            }
            int extra = Math.min(c.head.position() - end, c.body.length);
            System.arraycopy(h, end, c.body, 0, extra);
            c.bodyPos = extra;
            c.head = null;
            if (c.bodyPos < c.body.length && "100-continue".equalsIgnoreCase(c.req.header("expect"))) {
                c.ch.write(ByteBuffer.wrap("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1)));
            }
            c.deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(limits.bodyTimeoutMs);
        } else {
            int n = c.ch.read(ByteBuffer.wrap(c.body, c.bodyPos, c.body.length - c.bodyPos));
            if (n < 0) {
                throw new IOException("closed");
            }
            c.bodyPos += n;
        }
        return c.bodyPos >= c.body.length;
    }

    /** Checks the body's headers and makes room for it; 0 or the status of a refusal. */
    private int body(Conn c) {
        Request req = c.req;
        if (req.header("transfer-encoding") != null) {
            return 411;
        }
        long length = 0;
        String cl = req.header("content-length");
        if (cl != null) {
            try {
                length = Long.parseLong(cl.trim());
            } catch (NumberFormatException e) {
                return 400;
            }
            if (length < 0) {
                return 400;
            }
        }
        if (length > limits.maxBody) {
            return 413;
        }
        if (length > 0) {
            int kib = (int) ((length + 1023) >> 10);
            if (!bodyBytes.tryAcquire(kib)) {
                return 503; // the bodies being received already fill the budget
            }
            c.reserved = kib;
        }
        c.body = new byte[(int) length];
        return 0;
    }

    /** Where the head ends (after its blank line) in what has arrived, or -1. */
    private static int headEnd(ByteBuffer b) {
        byte[] a = b.array();
        int n = b.position();
        for (int i = 0; i < n; i++) {
            if (a[i] == '\n') {
                if (i + 1 < n && a[i + 1] == '\n') {
                    return i + 2;
                }
                if (i + 2 < n && a[i + 1] == '\r' && a[i + 2] == '\n') {
                    return i + 3;
                }
            }
        }
        return -1;
    }

    /** Hands a complete (or refused) request to a worker; when none is free, says so at once. */
    private void dispatch(Conn c) {
        try {
            c.ch.configureBlocking(true);
        } catch (IOException | RuntimeException e) {
            release(c);
            closeQuietly(c.ch);
            return;
        }
        try {
            pool.execute(() -> answer(c));
        } catch (RejectedExecutionException busy) {
            c.req.refusal = 503;
            try {
                refusals.execute(() -> answer(c)); // one thread writes the 503s; the reader goes on
            } catch (RejectedExecutionException flood) {
                release(c);
                closeQuietly(c.ch);
            }
        }
    }

    /** A worker: the answer to one request, then the connection is closed. */
    private void answer(Conn c) {
        Request req = c.req;
        req.body = c.body == null ? new byte[0] : c.body;
        ScheduledFuture<?> cut = watchdog.schedule(() -> closeQuietly(c.ch), limits.exchangeTimeoutMs,
                TimeUnit.MILLISECONDS);
        Response res = null;
        try {
            OutputStream out = Channels.newOutputStream(c.ch);
            res = new Response(out, "HEAD".equals(req.method));
            handler.prepare(res);
            if (req.refusal != 0) {
                handler.refuse(req, res, req.refusal);
            } else {
                release(c); // the body is read: its bytes leave the budget of bodies being received
                handler.handle(req, res);
            }
            res.raw.flush();
        } catch (IOException e) {
            // the client went away or was cut off
        } catch (RuntimeException | Error e) {
            Log.error("request " + req.id + " " + req.method + " " + req.path, e);
            if (res != null && !res.committed) {
                try {
                    handler.refuse(req, res, 500);
                } catch (IOException | RuntimeException ignored) {
                    // the client is gone
                }
            }
        } finally {
            release(c);
            cut.cancel(false);
            closeQuietly(c.ch);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(java.io.Closeable s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    /** Reads the request line and headers; returns 0 or the status of a refusal. */
    private int readHead(InputStream in, Request req) throws IOException {
        int[] budget = {limits.maxHeadBytes};
        String line = line(in, budget);
        if (line == null) {
            return 400;
        }
        String[] parts = line.split(" ");
        if (parts.length != 3 || !parts[2].startsWith("HTTP/1.")) {
            return 400;
        }
        req.method = parts[0];
        String target = parts[1];
        int q = target.indexOf('?');
        req.path = q < 0 ? target : target.substring(0, q);
        req.query = q < 0 ? null : target.substring(q + 1);
        while (true) {
            String h = line(in, budget);
            if (h == null) {
                return budget[0] <= 0 ? 431 : 400;
            }
            if (h.isEmpty()) {
                return req.path.startsWith("/") ? 0 : 400;
            }
            int colon = h.indexOf(':');
            if (colon <= 0 || req.headers.size() >= 100) {
                return 400;
            }
            String name = h.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = h.substring(colon + 1).trim();
            if (req.headers.putIfAbsent(name, value) != null && (name.equals("host")
                    || name.equals("content-length") || name.equals("origin"))) {
                return 400; // two of a header that must be single
            }
        }
    }

    /** One CRLF- or LF-terminated line in ISO-8859-1, or null at the end or past the budget. */
    private static String line(InputStream in, int[] budget) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream(128);
        while (true) {
            int c = in.read();
            if (c < 0) {
                return null;
            }
            if (--budget[0] < 0) {
                return null;
            }
            if (c == '\n') {
                byte[] a = b.toByteArray();
                int n = a.length > 0 && a[a.length - 1] == '\r' ? a.length - 1 : a.length;
                return new String(a, 0, n, StandardCharsets.ISO_8859_1);
            }
            b.write(c);
        }
    }

    static String reason(int status) {
        switch (status) {
            case 200:
                return "OK";
            case 400:
                return "Bad Request";
            case 403:
                return "Forbidden";
            case 404:
                return "Not Found";
            case 405:
                return "Method Not Allowed";
            case 408:
                return "Request Timeout";
            case 411:
                return "Length Required";
            case 413:
                return "Content Too Large";
            case 415:
                return "Unsupported Media Type";
            case 421:
                return "Misdirected Request";
            case 422:
                return "Unprocessable Content";
            case 431:
                return "Request Header Fields Too Large";
            case 500:
                return "Internal Server Error";
            case 503:
                return "Service Unavailable";
            default:
                return "Status";
        }
    }
}
