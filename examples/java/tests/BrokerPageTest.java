import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * inami-broker serve, driven by headless Chromium (--dump-dom): the page shows
 * the report table of examples/java/clients.csv. The server is stopped at the end.
 */
public class BrokerPageTest {
    private static Process server;
    private static int port;
    private static File profile;

    @BeforeClass
    public static void startServer() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        profile = Files.createTempDirectory("inami-chromium").toFile();
        ProcessBuilder pb = new ProcessBuilder(BrokerSupport.prop("inami.broker"), "serve", "--port",
                Integer.toString(port), "--clients", BrokerSupport.sample().getPath());
        pb.redirectOutput(new File(profile, "server.out")).redirectError(new File(profile, "server.err"));
        server = pb.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try {
                HttpURLConnection c = (HttpURLConnection) new URL("http://127.0.0.1:" + port + "/health").openConnection();
                c.setConnectTimeout(1000);
                if (c.getResponseCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // the server is starting
            }
            if (!server.isAlive() || System.nanoTime() > deadline) {
                throw new AssertionError("inami-broker serve did not start: "
                        + BrokerSupport.read(new File(profile, "server.err")));
            }
            Thread.sleep(200);
        }
    }

    @AfterClass
    public static void stopServer() throws Exception {
        if (server != null) {
            server.destroy();
            if (!server.waitFor(10, TimeUnit.SECONDS)) {
                server.destroyForcibly();
                server.waitFor(10, TimeUnit.SECONDS);
            }
            assertFalse("the server must stop", server.isAlive());
        }
        if (profile != null) {
            try (java.util.stream.Stream<java.nio.file.Path> walk = Files.walk(profile.toPath())) {
                walk.sorted(java.util.Comparator.reverseOrder()).map(java.nio.file.Path::toFile).forEach(File::delete);
            }
        }
    }

    private static String dumpDom(String url) throws Exception {
        String chromium = BrokerSupport.prop("inami.chromium");
        BrokerSupport.Result r = BrokerSupport.run(90, null, chromium, "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--disable-dev-shm-usage", "--user-data-dir=" + new File(profile, "chromium"),
                "--dump-dom", url);
        assertEquals(r.err, 0, r.status);
        return r.out;
    }

    /** The table row of a client. */
    private static String row(String dom, String client) {
        Matcher m = Pattern.compile("<tr class=\"([a-z-]+)\" data-client=\"" + Pattern.quote(client) + "\">(.*?)</tr>",
                Pattern.DOTALL).matcher(dom);
        assertTrue("no row for " + client, m.find());
        return m.group(1) + "|" + m.group(2);
    }

    @Test
    public void tableOfTheSampleClients() throws Exception {
        String dom = dumpDom("http://127.0.0.1:" + port + "/");
        assertTrue(dom, dom.contains("<table id=\"report\">"));
        Matcher rows = Pattern.compile("<tr class=\"(eligible|not-eligible|error)\"").matcher(dom);
        int n = 0;
        while (rows.find()) {
            n++;
        }
        assertEquals(11, n);
        // physiotherapist 2022 base 1790.34 (Securex page, see clients.csv)
        String dupont = row(dom, "Kine Dupont");
        assertTrue(dupont, dupont.startsWith("eligible|"));
        assertTrue(dupont, dupont.contains("<td class=\"num amount\">1790.34</td>"));
        assertTrue(dupont, dupont.contains("<td class=\"tier\">base</td>"));
        assertTrue(dupont, dupont.contains("1 more prestation for tier intermediate (EUR 2365.79)"));
        assertTrue(dupont, dupont.contains("pension 1611.31"));
        // projection of BrokerReportTest (2 premiums at 2.50 %, by hand there)
        assertTrue(dupont, dupont.contains("projected capital 3344.47<br>projected net 3158.85"));
        // the explained checks
        assertTrue(dupont, dupont.contains("<li class=\"held\">[held] Minimum activity reached: prestations 2299 &gt;= 1500"));
        String wouters = row(dom, "Dr Wouters");
        assertTrue(wouters, wouters.contains("avantage de convention: check the bank account in the provider's INAMI profile"));
        String bad = row(dom, "Kine Bad");
        assertTrue(bad, bad.startsWith("error|"));
        assertTrue(bad, bad.contains("line 22: prestations: 'many' is not a number"));
        String leroy = row(dom, "Kine Leroy");
        assertTrue(leroy, leroy.startsWith("not-eligible|"));
        // the client list is in the editor
        assertTrue(dom.contains("<textarea name=\"csv\" id=\"csv\""));
        assertTrue(dom.contains("Kine Dupont,physiotherapist,2022,2299"));
    }

    @Test
    public void editedList() throws Exception {
        String csv = "client,profession,year,prestations\nEdited,physiotherapist,2022,2300\n";
        String dom = dumpDom("http://127.0.0.1:" + port + "/?csv=" + URLEncoder.encode(csv, StandardCharsets.UTF_8));
        String edited = row(dom, "Edited");
        assertTrue(edited, edited.contains("<td class=\"num amount\">2365.79</td>"));
        assertFalse(dom.contains("Kine Dupont\""));
    }

    @Test
    public void boundToLoopbackOnly() throws Exception {
        String err = BrokerSupport.read(new File(profile, "server.err"));
        assertTrue(err, err.contains("serving on http://127.0.0.1:" + port + "/"));
    }
}
