import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.nio.file.Files;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * The page driven by headless Chromium through the DevTools protocol, as a
 * broker uses it: upload examples/java/clients.csv with the file input, sort,
 * filter, open a client's detail, switch language; the layout fits 1280x800
 * and 1920x1080 (no element wider than the window), with a screenshot of each
 * written to -Dinami.shots.
 */
public class BrokerPageTest {
    private static File dir;
    private static BrokerSupport.Server server;
    private static Cdp cdp;

    @BeforeClass
    public static void start() throws Exception {
        dir = Files.createTempDirectory("inami-page").toFile();
        server = BrokerSupport.serve(dir, null);
        cdp = new Cdp(BrokerSupport.prop("inami.chromium"), new File(dir, "chromium"));
        cdp.viewport(1280, 800);
        cdp.navigate(server.url("/?lang=en"));
        cdp.waitFor("document.getElementById('file') && document.readyState === 'complete'");
        cdp.setFile("#file", BrokerSupport.sample());
        cdp.waitFor("document.querySelectorAll('#report tbody tr.client').length === 11 && document.readyState === 'complete'"
                + " && document.getElementById('shown').textContent !== ''");
    }

    @AfterClass
    public static void stop() throws Exception {
        try {
            if (cdp != null) {
                cdp.close();
            }
        } finally {
            if (server != null) {
                server.close();
            }
            BrokerSupport.deleteTree(dir);
        }
    }

    private static String js(String expr) throws Exception {
        return cdp.eval(expr);
    }

    /** The client names of the shown rows, in order. */
    private static String shown() throws Exception {
        return js("Array.from(document.querySelectorAll('#report tbody tr.client')).filter(function(r){return !r.hidden;})"
                + ".map(function(r){return r.dataset.client;}).join('|')");
    }

    private static void choose(String select, String value) throws Exception {
        js("(function(){var s=document.getElementById('" + select + "');s.value='" + value + "';"
                + "s.dispatchEvent(new Event('change'));return 'ok';})()");
    }

    @Test
    public void uploadedFileGivesTheReport() throws Exception {
        // physiotherapist 2022 base 1790.34 (Securex page quoted in clients.csv)
        assertEquals("1790.34", js("document.querySelector('tr[data-client=\"Kine Dupont\"] td.amount').textContent"));
        assertEquals("base", js("document.querySelector('tr[data-client=\"Kine Dupont\"] td.tier').textContent"));
        assertEquals("error", js("document.querySelector('tr[data-client=\"Kine Bad\"]').dataset.eligible"));
        assertTrue(js("document.querySelector('tr[data-client=\"Kine Bad\"] td.actions').textContent"),
                js("document.querySelector('tr[data-client=\"Kine Bad\"] td.actions').textContent")
                        .contains("line 22, column prestations: 'many' is not a number"));
        // the totals row: every client, the eligible ones and their premiums
        assertEquals("Total: 11 clients", js("document.querySelector('#totals [data-total=clients]').textContent"));
        String sum = js("String(Array.from(document.querySelectorAll('#report tbody tr.client')).filter(function(r){"
                + "return r.dataset.eligible==='yes';}).reduce(function(a,r){return a + +r.dataset.amount;},0))");
        long cents = Long.parseLong(sum);
        assertTrue(cents > 0);
        assertEquals(java.math.BigDecimal.valueOf(cents, 2).toPlainString(),
                js("document.querySelector('#totals [data-total=premium]').textContent"));
        assertEquals("11 of 11 clients shown", js("document.getElementById('shown').textContent"));
    }

    @Test
    public void sortByPremium() throws Exception {
        js("document.querySelector('th[data-sort=amount] button').click(), 'ok'");
        String asc = js("Array.from(document.querySelectorAll('#report tbody tr.client')).map(function(r){return r.dataset.amount;}).join(',')");
        String[] a = asc.split(",");
        for (int i = 1; i < a.length; i++) {
            assertTrue(asc, Long.parseLong(a[i - 1]) <= Long.parseLong(a[i]));
        }
        assertEquals("ascending", js("document.querySelector('th[data-sort=amount]').getAttribute('aria-sort')"));
        js("document.querySelector('th[data-sort=amount] button').click(), 'ok'");
        String desc = js("Array.from(document.querySelectorAll('#report tbody tr.client')).map(function(r){return r.dataset.amount;}).join(',')");
        assertTrue(desc, desc.startsWith("512878,512878,")); // the two doctors (full, EUR 5128.78, Amonis page)
        // every detail row still follows its client's row
        assertEquals("true", js("String(Array.from(document.querySelectorAll('#report tbody tr.detail')).every(function(d){"
                + "return d.previousElementSibling.id === 'r-' + d.id.slice(2);}))"));
        js("document.querySelector('th[data-sort=client] button').click(), 'ok'");
        assertTrue(shown(), shown().startsWith("Apotheek Peeters|Dr Maes|Dr Wouters|Kine Bad|"));
    }

    @Test
    public void filterByTierEligibilityAndDeadline() throws Exception {
        try {
            choose("f-tier", "full");
            String full = shown();
            assertTrue(full, full.contains("Kine Martin") && full.contains("Dr Maes") && !full.contains("Kine Dupont"));
            assertEquals(full.split("\\|").length + " of 11 clients shown", js("document.getElementById('shown').textContent"));
            choose("f-tier", "");
            choose("f-eligible", "error");
            assertEquals("Total: 3 clients", js("document.querySelector('#totals [data-total=clients]').textContent"));
            assertEquals("0.00", js("document.querySelector('#totals [data-total=premium]').textContent"));
            choose("f-eligible", "no");
            assertTrue(shown(), shown().contains("Kine Leroy"));
            choose("f-eligible", "");
            choose("f-deadline", "2022-12-31");
            String dated = shown();
            assertTrue(dated, dated.contains("Kine Dupont") && !dated.contains("Kine Bad"));
            // Dr Wouters is retired: paid to a bank account, no contract deadline (procedure_calendar.csv)
            assertTrue(dated, !dated.contains("Dr Wouters"));
        } finally {
            choose("f-tier", "");
            choose("f-eligible", "");
            choose("f-deadline", "");
        }
        assertEquals("11 of 11 clients shown", js("document.getElementById('shown').textContent"));
    }

    @Test
    public void detailOfAClient() throws Exception {
        String id = js("document.querySelector('tr[data-client=\"Kine Dupont\"]').id.slice(2)");
        assertEquals("true", js("String(document.getElementById('d-" + id + "').hidden)"));
        js("document.querySelector('tr[data-client=\"Kine Dupont\"] button.toggle').click(), 'ok'");
        assertEquals("false", js("String(document.getElementById('d-" + id + "').hidden)"));
        String detail = js("document.getElementById('d-" + id + "').innerText");
        assertTrue(detail, detail.contains("Minimum activity reached"));
        assertTrue(detail, detail.contains("prestations 2299 >= 1500"));
        assertTrue(detail, detail.contains("Tier intermediate contribution: EUR 2,365.79"));
        assertTrue(detail, detail.contains("payment by"));
        assertTrue(detail, detail.contains("2024-01-15"));
        // sources are links the broker can open
        String links = js("String(document.querySelectorAll('#d-" + id + " a[href^=\"https://\"]').length)");
        assertTrue(links, Integer.parseInt(links) > 0);
        assertEquals("Hide details", js("document.querySelector('tr[data-client=\"Kine Dupont\"] button.toggle').textContent"));
        js("document.querySelector('tr[data-client=\"Kine Dupont\"] button.toggle').click(), 'ok'");
        assertEquals("true", js("String(document.getElementById('d-" + id + "').hidden)"));
    }

    /** No element reaches past the window's right edge, and the page does not scroll sideways. */
    private static void fits(int width, int height) throws Exception {
        cdp.viewport(width, height);
        cdp.waitFor("window.innerWidth === " + width);
        String wide = js("Array.from(document.querySelectorAll('body *')).filter(function(e){var r=e.getBoundingClientRect();"
                + "return r.width > 0 && (r.right > window.innerWidth + 0.5 || r.left < -0.5);})"
                + ".map(function(e){return e.tagName + '.' + e.className;}).slice(0,5).join(',')");
        assertEquals("elements wider than " + width, "", wide);
        assertEquals("true", js("String(document.documentElement.scrollWidth <= window.innerWidth)"));
        // the actions column is in the window
        assertEquals("true", js("String(document.querySelector('#report thead th:last-child').getBoundingClientRect().right <= window.innerWidth)"));
    }

    private static void screenshot(String name) throws Exception {
        File shots = new File(BrokerSupport.prop("inami.shots"));
        shots.mkdirs();
        byte[] png = cdp.screenshot();
        assertTrue(png.length > 1000 && png[1] == 'P' && png[2] == 'N' && png[3] == 'G');
        Files.write(new File(shots, name).toPath(), png);
    }

    @Test
    public void fitsTheScreen() throws Exception {
        String id = js("document.querySelector('tr[data-client=\"Kine Dupont\"]').id.slice(2)");
        js("document.querySelector('tr[data-client=\"Kine Dupont\"] button.toggle').click(), 'ok'");
        String close = "document.getElementById('d-" + id + "').hidden || document.querySelector('tr[data-client=\"Kine Dupont\"] button.toggle').click(), 'ok'";
        try {
            fits(1280, 800);
            fits(1920, 1080);
            screenshot("broker-detail-1920x1080.png");
            js(close);
            fits(1920, 1080);
            screenshot("broker-1920x1080.png");
            fits(1280, 800);
            screenshot("broker-1280x800.png");
        } finally {
            js(close);
            cdp.viewport(1280, 800);
        }
    }

    /** A disputed doctor's detail: each reading with its verdict and the sources' note; it fits the screen. */
    @Test
    public void disputedDetail() throws Exception {
        Cdp c = cdp;
        String back = server.url("/?lang=en");
        try {
            c.navigate(back);
            c.waitFor("document.getElementById('file') && document.readyState === 'complete'");
            c.setFile("#file", BrokerSupport.disputed());
            c.waitFor("document.querySelectorAll('#report tbody tr.client').length === 5 && document.readyState === 'complete'");
            String row = "document.querySelector('tr[data-client=\"Dr Partiel\"]')";
            assertEquals("yes", js(row + ".dataset.disputed"));
            assertTrue(js(row + ".querySelector('td.actions').textContent"), js(row + ".querySelector('td.actions').textContent")
                    .contains("under 'reduced_threshold': eligible, partial amount tier (EUR 2,419.36)"));
            String id = js(row + ".id.slice(2)");
            js(row + ".querySelector('button.toggle').click(), 'ok'");
            assertEquals("false", js("String(document.getElementById('d-" + id + "').hidden)"));
            String detail = js("document.getElementById('d-" + id + "').innerText");
            assertTrue(detail, detail.contains("Readings of a disputed rule"));
            assertTrue(detail, detail.contains("full_threshold (default) applied"));
            assertTrue(detail, detail.contains("eligible, partial amount tier (EUR 2,419.36)"));
            assertTrue(detail, detail.contains("a partially conventioned doctor reaching the reduced specialty threshold"));
            assertTrue(detail, detail.contains("thresholds confirmed by a source up to 2017, carried into 2022"));
            assertEquals("2", js("String(document.querySelectorAll('#d-" + id + " table.readings tbody tr').length)"));
            fits(1280, 800);
            screenshot("broker-disputed-1280x800.png");
        } finally {
            cdp.viewport(1280, 800);
            c.navigate(back);
            c.waitFor("document.documentElement.lang === 'en' && document.readyState === 'complete'");
            c.setFile("#file", BrokerSupport.sample());
            c.waitFor("document.querySelectorAll('#report tbody tr.client').length === 11 && document.readyState === 'complete'"
                    + " && document.getElementById('shown').textContent !== ''");
        }
    }

    @Test
    public void languages() throws Exception {
        Cdp c = cdp;
        String back = server.url("/?lang=en");
        try {
            c.navigate(server.url("/?lang=fr"));
            c.waitFor("document.documentElement.lang === 'fr' && document.readyState === 'complete'");
            assertEquals("Afficher le rapport", js("document.getElementById('show').textContent"));
            c.navigate(server.url("/?lang=nl"));
            c.waitFor("document.documentElement.lang === 'nl' && document.readyState === 'complete'");
            assertEquals("Rapport tonen", js("document.getElementById('show').textContent"));
            assertTrue(js("document.querySelector('nav.langs').textContent").contains("Français"));
            // after an upload, the switch keeps the clients: the same table in French
            c.navigate(back);
            c.waitFor("document.documentElement.lang === 'en' && document.readyState === 'complete'");
            c.setFile("#file", BrokerSupport.sample());
            c.waitFor("document.querySelectorAll('#report tbody tr.client').length === 11 && document.readyState === 'complete'");
            js("document.querySelector('nav.langs a[hreflang=fr]').click(), 'ok'");
            c.waitFor("document.documentElement.lang === 'fr' && document.readyState === 'complete'"
                    + " && document.querySelectorAll('#report tbody tr.client').length === 11");
            assertEquals("Prime (EUR)", js("document.querySelector('th[data-sort=amount] button').textContent"));
            assertTrue(js("document.querySelector('tr[data-client=\"Kine Dupont\"] td.actions').textContent"),
                    js("document.querySelector('tr[data-client=\"Kine Dupont\"] td.actions').textContent")
                            .contains("encore 1 prestation pour le palier « cotisation intermédiaire » (2 365,79 €)"));
            assertEquals("Total : 11 clients", js("document.querySelector('#totals [data-total=clients]').textContent"));
        } finally {
            c.navigate(back);
            c.waitFor("document.documentElement.lang === 'en' && document.readyState === 'complete'");
            c.setFile("#file", BrokerSupport.sample());
            c.waitFor("document.querySelectorAll('#report tbody tr.client').length === 11 && document.readyState === 'complete'"
                    + " && document.getElementById('shown').textContent !== ''");
        }
    }
}
