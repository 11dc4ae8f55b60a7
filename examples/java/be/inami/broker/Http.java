package be.inami.broker;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
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
 * A small HTTP/1.1 server on plain sockets, written for bounded resources: a
 * fixed pool of workers with a bounded queue (a connection beyond it is
 * answered 503 at once), a deadline for the request head and one for the body
 * (a client that sends nothing, or too slowly, is cut off), a hard limit on a
 * whole exchange (a client that does not read its answer is cut off), a
 * budget of bytes for the bodies held at one time, and one request per
 * connection.
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
    }

    /** One request: method, path, query, lower-cased header names, body. */
    static final class Request {
        String method;
        String path;
        String query;
        final Map<String, String> headers = new LinkedHashMap<>();
        byte[] body = new byte[0];
        long id;

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

    private final ServerSocket socket;
    private final Limits limits;
    private final Handler handler;
    private final ThreadPoolExecutor pool;
    private final ScheduledExecutorService watchdog;
    private final Semaphore bodyBytes;
    private final Thread acceptor;
    private final AtomicLong ids = new AtomicLong();
    private volatile boolean running = true;

    Http(String bind, int port, Limits limits, Handler handler) throws IOException {
        this.limits = limits;
        this.handler = handler;
        this.socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(bind, port), 128);
        this.pool = new ThreadPoolExecutor(limits.workers, limits.workers, 60, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(limits.queue), r -> thread(r, "inami-broker-worker"));
        this.watchdog = Executors.newSingleThreadScheduledExecutor(r -> thread(r, "inami-broker-watchdog"));
        this.bodyBytes = new Semaphore((int) Math.min(Integer.MAX_VALUE, limits.bodyBudget >> 10));
        this.acceptor = new Thread(this::accept, "inami-broker-acceptor");
    }

    /** The server's threads keep the process alive until it is stopped. */
    private static Thread thread(Runnable r, String name) {
        return new Thread(r, name);
    }

    void start() {
        acceptor.start();
    }

    int port() {
        return socket.getLocalPort();
    }

    void stop() throws IOException {
        running = false;
        socket.close();
        pool.shutdownNow();
        watchdog.shutdownNow();
    }

    private void accept() {
        while (running) {
            Socket s;
            try {
                s = socket.accept();
            } catch (IOException e) {
                if (running) {
                    Log.error("accept", e);
                    pause(); // out of file descriptors, say: do not spin
                }
                continue;
            }
            try {
                pool.execute(() -> serve(s));
            } catch (RejectedExecutionException busy) {
                // Every worker is busy and the queue is full: say so at once.
                try (s) {
                    s.setSoTimeout(1000);
                    Request req = new Request();
                    req.method = "GET";
                    Response res = new Response(s.getOutputStream(), false);
                    handler.prepare(res);
                    handler.refuse(req, res, 503);
                } catch (IOException | RuntimeException ignored) {
                    // the client went away
                }
            }
        }
    }

    private void serve(Socket s) {
        Request req = new Request();
        req.id = ids.incrementAndGet();
        ScheduledFuture<?> cut = watchdog.schedule(() -> closeQuietly(s), limits.exchangeTimeoutMs,
                TimeUnit.MILLISECONDS);
        int reserved = 0;
        Response res = null;
        // The socket is closed in "finally", after the catch clauses have answered (not by try-with-resources).
        try {
            s.setTcpNoDelay(true);
            Deadline in = new Deadline(s, limits.headTimeoutMs);
            BufferedInputStream buf = new BufferedInputStream(in, 8192);
            res = new Response(s.getOutputStream(), false);
            handler.prepare(res);
            int status = readHead(buf, req);
            if (status != 0) {
                handler.refuse(req, res, status);
                return;
            }
            res = new Response(s.getOutputStream(), req.method.equals("HEAD"));
            handler.prepare(res);
            if (req.header("transfer-encoding") != null) {
                handler.refuse(req, res, 411);
                return;
            }
            long length = 0;
            String cl = req.header("content-length");
            if (cl != null) {
                try {
                    length = Long.parseLong(cl.trim());
                } catch (NumberFormatException e) {
                    handler.refuse(req, res, 400);
                    return;
                }
                if (length < 0) {
                    handler.refuse(req, res, 400);
                    return;
                }
            }
            if (length > limits.maxBody) {
                handler.refuse(req, res, 413);
                return;
            }
            if (length > 0) {
                reserved = (int) ((length + 1023) >> 10);
                if (!bodyBytes.tryAcquire(reserved, 5, TimeUnit.SECONDS)) {
                    reserved = 0;
                    handler.refuse(req, res, 503);
                    return;
                }
                if ("100-continue".equalsIgnoreCase(req.header("expect"))) {
                    OutputStream o = s.getOutputStream();
                    o.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                    o.flush();
                }
                in.restart(limits.bodyTimeoutMs);
                req.body = buf.readNBytes((int) length);
                if (req.body.length != length) {
                    return; // the client closed early: nobody to answer
                }
            }
            in.restart(limits.exchangeTimeoutMs);
            handler.handle(req, res);
            res.raw.flush();
        } catch (SocketTimeoutException e) {
            if (res != null && !res.committed) {
                try {
                    handler.refuse(req, res, 408);
                } catch (IOException | RuntimeException ignored) {
                    // the client is gone
                }
            }
        } catch (IOException e) {
            // the client went away or was cut off
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
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
            if (reserved > 0) {
                bodyBytes.release(reserved);
            }
            cut.cancel(false);
            closeQuietly(s);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(Socket s) {
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
            throw new SocketTimeoutException("no request");
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

    /** The socket's input with a deadline: each read waits at most the time left. */
    private static final class Deadline extends FilterInputStream {
        private final Socket s;
        private long end;

        Deadline(Socket s, int ms) throws IOException {
            super(s.getInputStream());
            this.s = s;
            restart(ms);
        }

        void restart(int ms) {
            end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(ms);
        }

        private void arm() throws IOException {
            long left = TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime());
            if (left <= 0) {
                throw new SocketTimeoutException("deadline passed");
            }
            s.setSoTimeout((int) Math.min(Integer.MAX_VALUE, left));
        }

        @Override
        public int read() throws IOException {
            arm();
            return super.read();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            arm();
            return super.read(b, off, len);
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
