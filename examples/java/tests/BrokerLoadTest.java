import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * The server under load on 127.0.0.1, its JVM bounded (-Xmx128m): 8 idle
 * sockets and 8 slow bodies held open while 200 normal requests succeed; a
 * 60,000-row client file answered whole with the process's peak memory under
 * 256 MB (VmHWM); the memory back near its start afterwards; slow clients cut
 * off by the timeouts; 60 slow clients (more than the 32 workers) hold none.
 */
public class BrokerLoadTest {
    static final String OPTS = "-Xmx128m -XX:+UseG1GC -XX:G1PeriodicGCInterval=1000";
    private static File dir;
    private static BrokerSupport.Server server;

    @BeforeClass
    public static void start() throws Exception {
        dir = Files.createTempDirectory("inami-load").toFile();
        server = BrokerSupport.serve(dir, OPTS, "--clients", BrokerSupport.sample().getPath());
    }

    @AfterClass
    public static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
        BrokerSupport.deleteTree(dir);
    }

    private static final String EVALUATE = "{\"client\":\"A\",\"profession\":\"physiotherapist\",\"year\":2022,\"prestations\":2300}";

    /** One of three normal requests; true when it got its 200 and its content. */
    private static boolean normal(int i) throws Exception {
        String r;
        switch (i % 3) {
            case 0:
                r = BrokerSupport.request(server.port, "GET", "/health", null, null);
                return BrokerSupport.status(r) == 200 && BrokerSupport.body(r).equals("ok\n");
            case 1:
                r = BrokerSupport.request(server.port, "GET", "/", null, null);
                return BrokerSupport.status(r) == 200 && r.contains("data-client=\"Kine Dupont\"") && r.endsWith("</html>\n");
            default:
                r = BrokerSupport.request(server.port, "POST", "/api/evaluate", "application/json", EVALUATE);
                // physiotherapist 2022 intermediate 2365.79 (Securex page quoted in clients.csv)
                return BrokerSupport.status(r) == 200 && r.contains("\"amount_cents\":236579");
        }
    }

    @Test
    public void slowClientsDoNotStopTheOthers() throws Exception {
        List<Socket> held = new ArrayList<>();
        try {
            for (int i = 0; i < 8; i++) {
                Socket idle = new Socket("127.0.0.1", server.port);
                idle.getOutputStream().write("GET / HTTP/1.1\r\n".getBytes(StandardCharsets.US_ASCII));
                held.add(idle);
            }
            for (int i = 0; i < 8; i++) {
                Socket slow = new Socket("127.0.0.1", server.port);
                slow.getOutputStream().write(("POST /api/report HTTP/1.1\r\nHost: 127.0.0.1:" + server.port
                        + "\r\nContent-Type: text/csv\r\nContent-Length: 100000\r\n\r\nclient,pro").getBytes(StandardCharsets.US_ASCII));
                held.add(slow);
            }
            ExecutorService pool = Executors.newFixedThreadPool(8);
            AtomicInteger ok = new AtomicInteger();
            List<Future<?>> done = new ArrayList<>();
            long t0 = System.nanoTime();
            for (int i = 0; i < 200; i++) {
                int n = i;
                done.add(pool.submit(() -> {
                    if (normal(n)) {
                        ok.incrementAndGet();
                    }
                    return null;
                }));
                if (i % 25 == 0) {
                    for (Socket s : held.subList(8, 16)) {
                        s.getOutputStream().write('f'); // the slow bodies trickle on
                    }
                }
            }
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
            pool.shutdown();
            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
            assertEquals(200, ok.get());
            assertTrue("200 requests took " + ms + " ms", ms < 30_000);
            // the slow clients were held all along (no answer yet, the connections open)
            for (Socket s : held) {
                s.setSoTimeout(50);
                try {
                    int c = s.getInputStream().read();
                    throw new AssertionError("a held connection was answered or closed early: " + c);
                } catch (java.net.SocketTimeoutException stillOpen) {
                    // held
                }
            }
        } finally {
            for (Socket s : held) {
                s.close();
            }
        }
    }

    /** More slow clients than the server has workers: they hold no worker, the others are answered. */
    @Test
    public void moreSlowClientsThanWorkers() throws Exception {
        List<Socket> held = new ArrayList<>();
        try {
            for (int i = 0; i < 60; i++) {
                Socket s = new Socket("127.0.0.1", server.port);
                s.getOutputStream().write((i % 2 == 0 ? "GET / HTTP/1.1\r\n" : "POST /api/report HTTP/1.1\r\nHost: 127.0.0.1:"
                        + server.port + "\r\nContent-Type: text/csv\r\nContent-Length: 5000\r\n\r\nclient")
                        .getBytes(StandardCharsets.US_ASCII));
                held.add(s);
            }
            for (int i = 0; i < 12; i++) {
                assertTrue(normal(i));
            }
        } finally {
            for (Socket s : held) {
                s.close();
            }
        }
    }

    /** A request line and nothing else, or a body that stops: cut off after the timeouts. */
    @Test
    public void timeoutsCutSlowClients() throws Exception {
        try (BrokerSupport.Server quick = BrokerSupport.serve(dir, OPTS, "--head-timeout", "1", "--body-timeout", "2");
                Socket idle = new Socket("127.0.0.1", quick.port);
                Socket slow = new Socket("127.0.0.1", quick.port)) {
            long t0 = System.nanoTime();
            idle.getOutputStream().write("GET / HTTP/1.1\r\n".getBytes(StandardCharsets.US_ASCII));
            slow.getOutputStream().write(("POST /api/report HTTP/1.1\r\nHost: 127.0.0.1:" + quick.port
                    + "\r\nContent-Type: text/csv\r\nContent-Length: 1000\r\n\r\nclient").getBytes(StandardCharsets.US_ASCII));
            idle.setSoTimeout(10_000);
            slow.setSoTimeout(10_000);
            String a = new String(idle.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String b = new String(slow.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
            assertTrue(a, a.startsWith("HTTP/1.1 408 "));
            assertTrue(b, b.startsWith("HTTP/1.1 408 "));
            assertTrue(b, b.contains("{\"error\":\"The request was too slow and was cut off.\""));
            assertTrue(ms + " ms", ms >= 900 && ms < 8000);
        }
    }

    /** 60,000 rows (about 3 MB): answered whole, peak memory under 256 MB, memory given back after. */
    @Test
    public void bigFileWithBoundedMemory() throws Exception {
        for (int i = 0; i < 6; i++) {
            assertTrue(normal(i)); // warm up
        }
        Thread.sleep(2500);
        long start = server.status("VmRSS");
        StringBuilder csv = new StringBuilder(4 << 20);
        csv.append("client,profession,year,prestations,retired,contracts,solidarity_share\n");
        for (int i = 0; i < 60_000; i++) {
            csv.append("Client ").append(i).append(",physiotherapist,2022,").append(500 + (i * 37) % 3500).append(",no,1,10\n");
        }
        byte[] body = csv.toString().getBytes(StandardCharsets.UTF_8);
        long t0 = System.nanoTime();
        long lines = 0;
        long healthMs = -1;
        String boundary = "LoadTestBoundary";
        byte[] pre = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] post = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
        try (Socket s = new Socket("127.0.0.1", server.port)) {
            s.setSoTimeout(120_000);
            OutputStream out = s.getOutputStream();
            out.write(("POST /report.csv HTTP/1.1\r\nHost: 127.0.0.1:" + server.port
                    + "\r\nContent-Type: multipart/form-data; boundary=" + boundary + "\r\nContent-Length: "
                    + (pre.length + body.length + post.length) + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(pre);
            out.write(body);
            out.write(post);
            out.flush();
            InputStream in = s.getInputStream();
            byte[] buf = new byte[1 << 16];
            StringBuilder head = new StringBuilder();
            int n;
            while ((n = in.read(buf)) > 0) {
                if (head.length() < 12) {
                    head.append(new String(buf, 0, Math.min(n, 12), StandardCharsets.US_ASCII));
                }
                for (int i = 0; i < n; i++) {
                    if (buf[i] == '\n') {
                        lines++;
                    }
                }
                if (healthMs < 0) {
                    long h0 = System.nanoTime();
                    assertTrue(normal(0)); // the server answers others while it writes the report
                    healthMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - h0);
                }
            }
            assertTrue(head.toString(), head.toString().startsWith("HTTP/1.1 200"));
        }
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        // the head's lines, the header row and one line per client
        assertTrue("lines " + lines, lines >= 60_001 && lines < 60_020);
        assertTrue("health took " + healthMs + " ms", healthMs >= 0 && healthMs < 5000);
        long peak = server.status("VmHWM");
        System.out.println("60,000 rows: " + ms + " ms; VmRSS at start " + start + " kB, VmHWM " + peak + " kB");
        assertTrue("peak memory " + peak + " kB", peak < 256 * 1024);
        long after = Long.MAX_VALUE;
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < end) {
            Thread.sleep(500);
            after = server.status("VmRSS");
            if (after < start + 48 * 1024) {
                break;
            }
        }
        System.out.println("VmRSS after the load " + after + " kB");
        assertTrue("memory after the load " + after + " kB, at start " + start + " kB", after < start + 48 * 1024);
    }
}
