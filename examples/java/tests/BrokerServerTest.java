import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * inami-broker serve over raw HTTP: Host and Origin checks, security headers,
 * formula cells in /report.csv, multipart upload, CSV dialects, languages,
 * generic errors, the row limit, and the JSON API against `inami-broker report`.
 */
public class BrokerServerTest {
    private static File dir;
    private static BrokerSupport.Server server;
    private static BrokerSupport.Server small;
    private static String sample;

    @BeforeClass
    public static void start() throws Exception {
        dir = Files.createTempDirectory("inami-server").toFile();
        server = BrokerSupport.serve(dir, null, "--clients", BrokerSupport.sample().getPath());
        small = BrokerSupport.serve(dir, null, "--max-rows", "3", "--lang", "nl");
        sample = new String(Files.readAllBytes(BrokerSupport.sample().toPath()), StandardCharsets.UTF_8);
    }

    @AfterClass
    public static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
        if (small != null) {
            small.close();
        }
        BrokerSupport.deleteTree(dir);
    }

    private static String get(String path, String... headers) throws Exception {
        return BrokerSupport.request(server.port, "GET", path, null, null, headers);
    }

    private static String post(String path, String type, String body, String... headers) throws Exception {
        return BrokerSupport.request(server.port, "POST", path, type, body, headers);
    }

    private static String multipart(String name, String content) {
        return "--XyZ\r\nContent-Disposition: form-data; name=\"lang\"\r\n\r\nen\r\n"
                + "--XyZ\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\"clients.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n" + content + "\r\n--XyZ--\r\n";
    }

    @Test
    public void wrongHostIsRefused() throws Exception {
        String r = BrokerSupport.raw(server.port, "GET / HTTP/1.1\r\nHost: attacker.example:" + server.port
                + "\r\nConnection: close\r\n\r\n");
        assertEquals(421, BrokerSupport.status(r));
        assertFalse(r, r.contains("Kine Dupont"));
        String noHost = BrokerSupport.raw(server.port, "GET / HTTP/1.1\r\nConnection: close\r\n\r\n");
        assertEquals(400, BrokerSupport.status(noHost));
        // localhost is the same loopback server
        String local = BrokerSupport.raw(server.port, "GET /health HTTP/1.1\r\nHost: localhost:" + server.port
                + "\r\nConnection: close\r\n\r\n");
        assertEquals(200, BrokerSupport.status(local));
        assertTrue(BrokerSupport.read(server.err).contains("refused Host attacker.example"));
    }

    @Test
    public void loopbackByDefault() throws Exception {
        String err = BrokerSupport.read(server.err);
        assertTrue(err, err.contains("serving on http://127.0.0.1:" + server.port + "/"));
        try (java.net.Socket s = new java.net.Socket()) {
            // not on the machine's other addresses
            java.net.InetAddress other = null;
            for (java.net.NetworkInterface i : java.util.Collections.list(java.net.NetworkInterface.getNetworkInterfaces())) {
                for (java.net.InetAddress a : java.util.Collections.list(i.getInetAddresses())) {
                    if (!a.isLoopbackAddress() && a instanceof java.net.Inet4Address) {
                        other = a;
                    }
                }
            }
            if (other != null) {
                try {
                    s.connect(new java.net.InetSocketAddress(other, server.port), 2000);
                    throw new AssertionError("the server answers on " + other);
                } catch (java.io.IOException refused) {
                    // loopback only
                }
            }
        }
    }

    @Test
    public void foreignOriginIsRefused() throws Exception {
        String r = post("/report.csv", "application/x-www-form-urlencoded", "csv=x", "Origin: http://attacker.example");
        assertEquals(403, BrokerSupport.status(r));
        assertEquals(403, BrokerSupport.status(post("/api/evaluate", "application/json", "{}", "Origin: null")));
        String same = post("/", "application/x-www-form-urlencoded", "csv=client%2Cprofession%2Cyear%0AA%2Cnurse%2C2022",
                "Origin: http://127.0.0.1:" + server.port);
        assertEquals(200, BrokerSupport.status(same));
    }

    @Test
    public void securityHeaders() throws Exception {
        for (String r : new String[] {get("/"), get("/nothing-here"), get("/api/openapi.json"),
            post("/api/evaluate", "application/json", "{")}) {
            assertTrue(r, r.contains("\r\nContent-Security-Policy: default-src 'none'; script-src 'self'; style-src 'self';"));
            assertTrue(r, r.contains("frame-ancestors 'none'"));
            assertTrue(r, r.contains("\r\nX-Frame-Options: DENY\r\n"));
            assertTrue(r, r.contains("\r\nX-Content-Type-Options: nosniff\r\n"));
        }
        // nothing inline: the page's script and style are files of the server
        String page = BrokerSupport.body(get("/"));
        assertFalse(page.contains("<script>"));
        assertFalse(page.contains("<style>"));
        assertFalse(page.contains(" on") && Pattern.compile(" on[a-z]+=").matcher(page).find());
        assertEquals(200, BrokerSupport.status(get("/page.js")));
        assertEquals(200, BrokerSupport.status(get("/page.css")));
    }

    @Test
    public void formulaCellsInTheCsvReport() throws Exception {
        String csv = "client,profession,year,prestations\n\"=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",physiotherapist,2022,2300\n"
                + "+SUM(1),physiotherapist,2022,2300\n-1+1,physiotherapist,2022,2300\n@A1,physiotherapist,2022,2300\n"
                + "\"=1\t\",physiotherapist,2022,x\n";
        String r = post("/report.csv", "multipart/form-data; boundary=XyZ", multipart("file", csv));
        assertEquals(r, 200, BrokerSupport.status(r));
        assertTrue(r, r.contains("Content-Disposition: attachment; filename=\"inami-report.csv\""));
        String body = BrokerSupport.body(r);
        for (String line : body.split("\r\n")) {
            for (String cell : line.split(",")) {
                String c = cell.startsWith("\"") ? cell.substring(1) : cell;
                assertTrue(line, c.isEmpty() || "=+-@\t\r".indexOf(c.charAt(0)) < 0);
            }
        }
        assertTrue(body, body.contains("\r\n\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",yes,236579,"));
        assertTrue(body, body.contains("\r\n'+SUM(1),yes,"));
        assertTrue(body, body.contains("\r\n'-1+1,yes,"));
        assertTrue(body, body.contains("\r\n'@A1,yes,"));
        assertTrue(body, body.contains("\r\n'=1,error,"));
    }

    @Test
    public void multipartUploadAndSemicolons() throws Exception {
        String semi = "\ufeffclient;profession;year;prestations\r\n\"Kine A\";physiotherapist;2022;2300\r\n";
        String r = post("/", "multipart/form-data; boundary=XyZ", multipart("csv", semi));
        assertEquals(200, BrokerSupport.status(r));
        String page = BrokerSupport.body(r);
        // physiotherapist 2022 intermediate 2365.79 (Securex page quoted in clients.csv)
        assertTrue(page, page.contains("data-client=\"Kine A\""));
        assertTrue(page, page.contains("<td class=\"num amount\">2365.79</td>"));
        assertTrue(page, page.contains("id=\"totals\" data-clients=\"1\" data-eligible=\"1\" data-premium=\"236579\""));
        // the same file pasted (urlencoded) gives the same rows
        String pasted = BrokerSupport.body(post("/", "application/x-www-form-urlencoded",
                "csv=" + java.net.URLEncoder.encode(semi, StandardCharsets.UTF_8)));
        assertTrue(pasted, pasted.contains("<td class=\"num amount\">2365.79</td>"));
    }

    @Test
    public void fileErrorsAreClear() throws Exception {
        String empty = post("/report.csv", "multipart/form-data; boundary=XyZ", multipart("file", ""));
        assertEquals(422, BrokerSupport.status(empty));
        assertTrue(empty, empty.contains("the client file is empty (expected a header: client,profession,year,...)"));
        String emptyPage = post("/", "multipart/form-data; boundary=XyZ", multipart("file", ""));
        assertEquals(422, BrokerSupport.status(emptyPage));
        assertTrue(emptyPage, emptyPage.contains("<p class=\"error\" id=\"message\" role=\"alert\">the client file is empty"));
        String header = post("/", "multipart/form-data; boundary=XyZ", multipart("file", "client,profession,yeer\nA,nurse,2022\n"));
        assertEquals(422, BrokerSupport.status(header));
        assertTrue(header, header.contains("line 1: unknown column &#39;yeer&#39;"));
        String year = post("/", "multipart/form-data; boundary=XyZ", multipart("file", "client,profession,year\nA,nurse,\n"));
        assertTrue(year, BrokerSupport.body(year).contains("line 2, column year: empty (the premium year, such as 2022, is required)"));
        assertFalse(year, year.contains("null"));
        String quote = post("/", "multipart/form-data; boundary=XyZ", multipart("file", "client,profession,year\n\"A,nurse,2022\n"));
        assertEquals(422, BrokerSupport.status(quote));
        assertTrue(quote, quote.contains("line 2: unterminated quoted field"));
    }

    @Test
    public void rowLimit() throws Exception {
        StringBuilder csv = new StringBuilder("client,profession,year,prestations\n");
        for (int i = 0; i < 4; i++) {
            csv.append("C").append(i).append(",physiotherapist,2022,2300\n");
        }
        String r = BrokerSupport.request(small.port, "POST", "/report.csv", "multipart/form-data; boundary=XyZ",
                multipart("file", csv.toString()));
        assertEquals(422, BrokerSupport.status(r));
        // the form's lang (en) comes first; without it, --lang nl when the client asks for no language of ours
        assertTrue(r, r.contains("the client file has more than 3 clients; split it into smaller files"));
        String nl = BrokerSupport.request(small.port, "POST", "/api/report", "text/csv", csv.toString());
        assertTrue(nl, nl.contains("het klantenbestand telt meer dan 3 klanten; splits het in kleinere bestanden"));
        assertTrue(BrokerSupport.request(small.port, "GET", "/", null, null, "Accept-Language: de").contains("<html lang=\"nl\">"));
        String api = BrokerSupport.request(small.port, "POST", "/api/report", "text/csv", csv.toString(),
                "Accept-Language: en-GB");
        assertEquals(422, BrokerSupport.status(api));
        assertTrue(api, BrokerSupport.body(api).startsWith("{\"error\":\"the client file has more than 3 clients; split it"));
        String three = BrokerSupport.request(small.port, "POST", "/api/report", "text/csv",
                csv.substring(0, csv.lastIndexOf("C3")));
        assertEquals(200, BrokerSupport.status(three));
    }

    @Test
    public void genericErrors() throws Exception {
        String notFound = get("/etc/passwd");
        assertEquals(404, BrokerSupport.status(notFound));
        assertTrue(notFound, notFound.contains("There is no such page."));
        String method = BrokerSupport.request(server.port, "DELETE", "/", null, null);
        assertEquals(405, BrokerSupport.status(method));
        String bad = BrokerSupport.raw(server.port, "NONSENSE\r\n\r\n");
        assertEquals(400, BrokerSupport.status(bad));
        String big = BrokerSupport.raw(server.port, "POST / HTTP/1.1\r\nHost: 127.0.0.1:" + server.port
                + "\r\nContent-Type: text/csv\r\nContent-Length: 999999999\r\n\r\n");
        assertEquals(413, BrokerSupport.status(big));
        assertTrue(big, big.contains("The file is too large (at most 8 MiB)."));
        for (String r : new String[] {notFound, method, bad, big}) {
            assertFalse(r, r.contains("Exception"));
            assertFalse(r, r.contains("at be.inami"));
        }
        String badForm = post("/", "multipart/form-data", "x");
        assertEquals(400, BrokerSupport.status(badForm));
        assertFalse(badForm, badForm.contains("boundary"));
    }

    @Test
    public void languages() throws Exception {
        assertTrue(get("/", "Accept-Language: nl-BE,nl;q=0.9,en;q=0.5").contains("<html lang=\"nl\">"));
        assertTrue(get("/", "Accept-Language: fr-BE").contains("<th scope=\"col\" data-sort=\"amount\" data-type=\"num\"><button type=\"button\">Prime (EUR)"));
        assertTrue(get("/?lang=en", "Accept-Language: fr").contains("<html lang=\"en\">"));
        assertTrue(get("/", "Accept-Language: de").contains("<html lang=\"en\">"));
        String nl = get("/", "Accept-Language: nl");
        assertTrue(nl, nl.contains("conventievoordeel: controleer de bankrekening"));
        assertTrue(nl, nl.contains("nog 1 verstrekking voor de schijf „tussenbijdrage” (€ 2.365,79)"));
        assertTrue(nl, nl.contains("regel 22, kolom prestations: &#39;many&#39; is geen getal"));
        String fr404 = get("/nowhere", "Accept-Language: fr");
        assertTrue(fr404, fr404.contains("Cette page n&#39;existe pas."));
        String frCsv = post("/report.csv", "application/x-www-form-urlencoded", "lang=fr&csv="
                + java.net.URLEncoder.encode("client,profession,year,prestations\nA,physiotherapist,2022,2300\n", StandardCharsets.UTF_8));
        assertTrue(frCsv, BrokerSupport.body(frCsv).startsWith("client,éligible,montant_cents,palier,"));
    }

    /** /api/report and /api/evaluate give the rows of `inami-broker report` on the sample. */
    @Test
    public void apiAgreesWithTheReport() throws Exception {
        BrokerSupport.Result cli = BrokerSupport.run(60, null, BrokerSupport.prop("inami.broker"), "report",
                BrokerSupport.sample().getPath());
        Map<String, Map<String, String>> rows = BrokerSupport.rows(cli.out);
        String r = post("/api/report", "text/csv; charset=utf-8", sample);
        assertEquals(r, 200, BrokerSupport.status(r));
        assertTrue(r, r.contains("\r\nContent-Type: application/json\r\n"));
        String json = BrokerSupport.body(r);
        String viaJson = BrokerSupport.body(post("/api/report", "application/json",
                "{\"csv\":" + Cdp.quote(sample) + ",\"lang\":\"en\"}"));
        assertEquals(json, viaJson);
        Matcher row = Pattern.compile("\\{\"client\":\"([^\"]*)\",\"eligible\":\"([a-z]+)\",\"amount_cents\":(null|\\d+),"
                + "\"tier\":(null|\"[a-z_]+\"),\"payee\":(null|\"[a-z_]+\")").matcher(json);
        int n = 0;
        while (row.find()) {
            n++;
            Map<String, String> c = rows.get(row.group(1));
            assertEquals(row.group(1), c.get("eligible"), row.group(2));
            assertEquals(row.group(1), c.get("amount_cents"), row.group(3).equals("null") ? "" : row.group(3));
            assertEquals(row.group(1), c.get("tier"), row.group(4).replace("\"", "").replace("null", ""));
            assertEquals(row.group(1), c.get("payee"), row.group(5).replace("\"", "").replace("null", ""));
        }
        assertEquals(11, n);
        assertTrue(json, json.contains("\"pension_cents\":161131"));
        assertTrue(json, json.contains("\"totals\":{\"clients\":11,"));
        // one provider: Kine Dupont's row as in the report
        String one = post("/api/evaluate", "application/json", "{\"client\":\"Kine Dupont\",\"profession\":\"physiotherapist\","
                + "\"year\":2022,\"prestations\":2299,\"retired\":false,\"contracts\":1,\"solidarity_share\":10,"
                + "\"projection_years\":2,\"guaranteed_rate\":\"2.50\",\"management_fee\":0}");
        assertEquals(one, 200, BrokerSupport.status(one));
        Map<String, String> dupont = rows.get("Kine Dupont");
        String body = BrokerSupport.body(one);
        for (String k : new String[] {"amount_cents", "pension_cents", "solidarity_cents", "next_tier_amount_cents",
            "projected_capital_cents", "projected_net_cents"}) {
            assertTrue(k + " " + body, body.contains("\"" + k + "\":" + dupont.get(k) + ","));
        }
        assertTrue(body, body.contains("\"actions\":[\"" + dupont.get("actions") + "\"]"));
        assertTrue(body, body.contains("\"id\":\"minimum_activity\",\"state\":\"held\""));
    }

    /** The disputed doctor (tests/data/disputed.csv): the new columns and the readings in the API and the page. */
    @Test
    public void disputedReadingsInTheApiAndThePage() throws Exception {
        String csv = new String(Files.readAllBytes(BrokerSupport.disputed().toPath()), StandardCharsets.UTF_8);
        String r = post("/api/report", "text/csv", csv);
        assertEquals(r, 200, BrokerSupport.status(r));
        String json = BrokerSupport.body(r);
        assertTrue(json, json.contains("\"projected_net_cents\":null,\"disputed\":\"yes\",\"carried_from\":2017,"));
        assertTrue(json, json.contains("\"readings\":[{\"dispute\":\"partial_convention\",\"id\":\"full_threshold\","
                + "\"default\":true,\"applied\":true,\"status\":0,\"eligible\":false,\"tier\":null,\"amount_cents\":0,"
                + "\"verdict\":\"not eligible\","));
        assertTrue(json, json.contains("{\"dispute\":\"partial_convention\",\"id\":\"reduced_threshold\",\"default\":false,"
                + "\"applied\":false,\"status\":0,\"eligible\":true,\"tier\":\"partial\",\"amount_cents\":241936,"
                + "\"verdict\":\"eligible, partial amount tier (EUR 2,419.36)\","));
        // the unknown reading's row: no verdict, the column named
        assertTrue(json, json.contains("\"disputed\":null,\"carried_from\":null,\"error\":\"unknown reading 'half_threshold'"));
        assertTrue(json, json.contains("\"error_column\":\"reading\""));

        // one provider with the reading member
        String one = post("/api/evaluate", "application/json", "{\"client\":\"Dr Reduit\",\"profession\":\"doctor\","
                + "\"year\":2022,\"reimbursed\":20000,\"convention\":\"partial\",\"specialty\":\"general_practice\","
                + "\"reading\":\"reduced_threshold\",\"lang\":\"nl\"}");
        assertEquals(one, 200, BrokerSupport.status(one));
        String body = BrokerSupport.body(one);
        assertTrue(body, body.contains("\"eligible\":\"yes\",\"amount_cents\":241936,\"tier\":\"partial\""));
        assertTrue(body, body.contains("\"disputed\":\"yes\",\"carried_from\":2017,"));
        assertTrue(body, body.contains("\"applied\":true,\"status\":0,\"eligible\":true,\"tier\":\"partial\""));
        String bad = post("/api/evaluate", "application/json", "{\"client\":\"A\",\"profession\":\"doctor\",\"year\":2022,"
                + "\"reimbursed\":20000,\"convention\":\"partial\",\"specialty\":\"general_practice\",\"reading\":\"x\"}");
        assertEquals(bad, 422, BrokerSupport.status(bad));
        assertTrue(bad, BrokerSupport.body(bad).contains("\"column\":\"reading\""));

        // the page: the action and, in the detail, each reading with its verdict and note (English, labelled in French)
        String fr = BrokerSupport.body(post("/", "application/x-www-form-urlencoded", "lang=fr&csv="
                + java.net.URLEncoder.encode(csv, StandardCharsets.UTF_8)));
        assertTrue(fr, fr.contains("data-client=\"Dr Partiel\"") && fr.contains("data-disputed=\"yes\""));
        assertTrue(fr, fr.contains("<li>litige (conventionnement partiel) : selon « full_threshold » (par défaut) : non éligible ; "
                + "selon « reduced_threshold » : éligible, palier « montant partiel » (2 419,36 €) ; le rapport applique "
                + "« full_threshold » : vérifier quelle interprétation vaut avant de conseiller le client</li>"));
        assertTrue(fr, fr.contains("<h3>Interprétations d&#39;une règle en litige</h3>"));
        Matcher reading = Pattern.compile("<tr class=\"reading\" data-reading=\"reduced_threshold\"><td>conventionnement partiel"
                + "</td><td>reduced_threshold</td><td>éligible, palier « montant partiel » \\(2 419,36 €\\)</td>"
                + "<td class=\"note\">\\(note des sources, en anglais\\) [^<]+</td></tr>").matcher(fr);
        assertTrue(fr, reading.find());
        assertTrue(fr, fr.contains("<tr class=\"reading applied\" data-reading=\"full_threshold\"><td>conventionnement partiel"
                + "</td><td>full_threshold (par défaut) <strong>appliquée</strong></td><td>non éligible</td>"));
        assertTrue(fr, fr.contains("<p class=\"carried\">seuils confirmés par une source jusqu&#39;en 2017, reportés en 2022</p>"));
        String nl = BrokerSupport.body(post("/", "application/x-www-form-urlencoded", "lang=nl&csv="
                + java.net.URLEncoder.encode(csv, StandardCharsets.UTF_8)));
        assertTrue(nl, nl.contains("<td class=\"note\">(opmerking bij de bronnen, in het Engels) "));
        String en = BrokerSupport.body(post("/", "application/x-www-form-urlencoded", "lang=en&csv="
                + java.net.URLEncoder.encode(csv, StandardCharsets.UTF_8)));
        assertTrue(en, en.contains("<td class=\"note\">a partially conventioned doctor"));
    }

    @Test
    public void apiRefusesBadJson() throws Exception {
        String[][] cases = {
            {"{\"client\":\"A\",", "Malformed JSON at offset"},
            {"[1,2]", "The body must be a JSON object."},
            {"{\"client\":\"A\",\"profession\":\"nurse\",\"year\":2022,\"prestatons\":5}", "unknown member 'prestatons'"},
            {"{\"client\":\"A\",\"profession\":\"nurse\",\"year\":{}}", "member 'year': a string, a number"},
            {"{\"client\":\"A\",\"profession\":\"nurse\"}", "member 'year' is required"},
            {"{\"client\":\"A\",\"client\":\"B\",\"profession\":\"nurse\",\"year\":2022}", "appears twice"},
            {"{\"client\":\"A\",\"profession\":\"nurse\",\"year\":2022,\"lang\":\"de\"}", "lang: en, fr or nl"},
        };
        for (String[] c : cases) {
            String r = post("/api/evaluate", "application/json", c[0]);
            assertEquals(c[0], 400, BrokerSupport.status(r));
            assertTrue(r, r.contains("\r\nContent-Type: application/json\r\n"));
            String body = BrokerSupport.body(r);
            assertTrue(body, body.startsWith("{\"error\":\"") && body.contains(c[1]) && body.endsWith(",\"status\":400}\n"));
        }
        String unknown = post("/api/report", "application/json", "{\"csv\":\"client,profession,year\\n\",\"extra\":1}");
        assertEquals(400, BrokerSupport.status(unknown));
        assertTrue(unknown, unknown.contains("unknown member 'extra'"));
        assertEquals(415, BrokerSupport.status(post("/api/evaluate", "text/plain", "x")));
        String value = post("/api/evaluate", "application/json", "{\"client\":\"A\",\"profession\":\"physiotherapist\",\"year\":2022,\"prestations\":\"many\"}");
        assertEquals(422, BrokerSupport.status(value));
        assertTrue(value, BrokerSupport.body(value).contains("\"column\":\"prestations\""));
        assertEquals(405, BrokerSupport.status(get("/api/evaluate")));
    }

    @Test
    public void openApiDocument() throws Exception {
        String r = get("/api/openapi.json");
        assertEquals(200, BrokerSupport.status(r));
        String doc = BrokerSupport.body(r);
        assertTrue(doc, doc.contains("\"openapi\": \"3.1.0\""));
        assertTrue(doc.contains("\"/api/evaluate\"") && doc.contains("\"/api/report\""));
        // every client column is a member of the schema
        for (String col : sample.substring(sample.indexOf("\nclient,") + 1, sample.indexOf('\n', sample.indexOf("\nclient,") + 1)).split(",")) {
            assertTrue(col, doc.contains("\"" + col + "\": {"));
        }
        for (String col : new String[] {"reading", "disputed", "carried_from", "readings"}) {
            assertTrue(col, doc.contains("\"" + col + "\": {"));
        }
    }
}
