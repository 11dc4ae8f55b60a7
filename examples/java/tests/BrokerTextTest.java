import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.Test;

/**
 * The page's words (examples/java/resources/be/inami/broker/messages.tsv):
 * every key has a non-empty English, French and Dutch text with the same
 * arguments; French and Dutch differ from English except for the words that
 * are the same in that language; every key the sources ask for exists.
 */
public class BrokerTextTest {
    /** Words that are the same in French or Dutch as in English (key, language). */
    static final Set<String> SAME = Set.of(
            "fr th.client", "fr split.pension", "fr detail.source", "fr err.library", "nl err.library",
            "fr col.client", "fr col.actions", "fr col.profession", "fr col.pension_cents", "fr col.decision",
            "nl date.short.contract_deadline", "nl detail.open", "nl detail.procedure",
            "nl reading.and");

    private static Map<String, String[]> table() throws Exception {
        File f = new File(BrokerSupport.prop("inami.source.dir"), "examples/java/resources/be/inami/broker/messages.tsv");
        Map<String, String[]> t = new LinkedHashMap<>();
        List<String> lines = Files.readAllLines(f.toPath(), StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cols = line.split("\t", -1);
            assertEquals("messages.tsv:" + (i + 1) + ": key, en, fr, nl", 4, cols.length);
            assertTrue("messages.tsv:" + (i + 1) + ": " + cols[0] + " twice", t.put(cols[0], cols) == null);
        }
        return t;
    }

    private static Set<String> arguments(String s) {
        Set<String> a = new TreeSet<>();
        Matcher m = Pattern.compile("\\{\\d\\}").matcher(s);
        while (m.find()) {
            a.add(m.group());
        }
        return a;
    }

    @Test
    public void everyKeyInEveryLanguage() throws Exception {
        Map<String, String[]> t = table();
        assertTrue(t.size() > 100);
        String[] langs = {"en", "fr", "nl"};
        for (String[] c : t.values()) {
            for (int l = 1; l <= 3; l++) {
                assertFalse(c[0] + " " + langs[l - 1] + " is empty", c[l].isBlank());
                assertEquals(c[0] + " " + langs[l - 1] + " arguments", arguments(c[1]), arguments(c[l]));
            }
            for (int l = 2; l <= 3; l++) {
                String id = langs[l - 1] + " " + c[0];
                if (SAME.contains(id)) {
                    assertEquals(id + " is allowed to equal English only while it does", c[1], c[l]);
                } else {
                    assertFalse(id + " is still English: " + c[l], c[1].equals(c[l]));
                }
            }
        }
    }

    @Test
    public void officialVocabulary() throws Exception {
        Map<String, String[]> t = table();
        assertTrue(t.get("page.heading")[2].contains("statut social"));
        assertTrue(t.get("page.heading")[3].contains("sociaal statuut"));
        assertTrue(t.get("gap.prestations")[2].contains("prestations"));
        assertTrue(t.get("gap.prestations")[3].contains("verstrekkingen"));
        assertTrue(t.get("action.bank_account")[2].startsWith("avantage de convention"));
        assertTrue(t.get("action.bank_account")[3].startsWith("conventievoordeel"));
    }

    /** Every literal key of t.get("...") in the application's sources is in the table. */
    @Test
    public void everyKeyUsedExists() throws Exception {
        Map<String, String[]> t = table();
        Path src = new File(BrokerSupport.prop("inami.source.dir"), "examples/java/be/inami/broker").toPath();
        Pattern use = Pattern.compile("\\.get\\(\"([a-z_.0-9]+)\"");
        int n = 0;
        try (Stream<Path> files = Files.list(src)) {
            for (Path p : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".java"))::iterator) {
                Matcher m = use.matcher(Files.readString(p));
                while (m.find()) {
                    if (m.group(1).contains(".") && !m.group(1).endsWith(".")) { // "http." + status: below
                        n++;
                        assertTrue(p.getFileName() + ": no text for " + m.group(1), t.containsKey(m.group(1)));
                    }
                }
            }
        }
        assertTrue(n > 60);
        // keys made from ids: the CSV columns, the statuses the server answers, the check states
        for (String k : new String[] {"http.400", "http.403", "http.404", "http.405", "http.408", "http.411", "http.413",
            "http.415", "http.421", "http.431", "http.500", "http.503", "state.held", "state.failed", "state.assumed",
            "state.not_applicable", "state.action", "eligible.yes", "eligible.no", "eligible.error",
            "date.contract_deadline", "date.extra_info_deadline", "date.decision", "date.payment_deadline"}) {
            assertTrue(k, t.containsKey(k));
        }
    }
}
