package be.inami.broker;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import be.inami.Lang;
import java.io.BufferedReader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.Test;

/** The broker's small parts on their own: CSV cells and dialects, JSON, forms, words. */
public class BrokerUnitTest {
    @Test
    public void formulaCellsGetAnApostrophe() {
        for (String s : new String[] {"=1+1", "+1", "-1", "@A1", "\tx", "\rx"}) {
            assertEquals("'" + s, Csv.safe(s));
        }
        assertEquals("Kine Dupont", Csv.safe("Kine Dupont"));
        assertEquals("", Csv.safe(""));
        assertEquals("\"'=A1,B1\"", Csv.field("=A1,B1"));
        assertEquals("'\tx", Csv.field("\tx"));
        assertEquals("\"a;b\"", Csv.field("a;b"));
        assertEquals("\"'\rx\"", Csv.field("\rx"));
    }

    @Test
    public void dialects() throws Exception {
        List<Csv.Record> comma = Csv.read(new BufferedReader(new StringReader("a,b\n1,\"x,y\"\n")));
        List<Csv.Record> semi = Csv.read(new BufferedReader(new StringReader("\ufeffa;b\r\n1;\"x,y\"\r\n")));
        assertEquals(comma.get(1).fields, semi.get(1).fields);
        assertEquals(List.of("a", "b"), semi.get(0).fields);
        List<Csv.Record> multi = Csv.read(new BufferedReader(new StringReader("a,b\n\"x\ny\",2\n3,4\n")));
        assertEquals("x\ny", multi.get(1).fields.get(0));
        assertEquals(4, multi.get(2).line);
        try {
            Csv.read(new BufferedReader(new StringReader("a,b\n\"x,2\n")));
            fail("unterminated quote");
        } catch (Csv.Malformed e) {
            assertEquals(2, e.line);
        }
    }

    @Test
    public void json() throws Exception {
        @SuppressWarnings("unchecked")
        Map<String, Object> m = (Map<String, Object>) Json.parse(" {\"a\": [1, -2.5e1, true, null], \"b\": \"\\u00e9\\n\"} ");
        assertEquals(java.util.Arrays.asList(new BigDecimal("1"), new BigDecimal("-2.5e1"), Boolean.TRUE, null), m.get("a"));
        assertEquals("é\n", m.get("b"));
        for (String bad : new String[] {"", "{", "{\"a\":}", "[1,]", "01", "{\"a\":1}x", "\"\u0001\"", "nul",
            "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]"}) {
            try {
                Json.parse(bad);
                fail("accepted " + bad);
            } catch (Json.Bad expected) {
                assertTrue(expected.offset >= 0);
            }
        }
        assertEquals("\"a\\\"b\\u003c/script>\\n\"", Json.quote("a\"b</script>\n"));
    }

    @Test
    public void forms() throws Exception {
        byte[] body = ("--B\r\nContent-Disposition: form-data; name=\"lang\"\r\n\r\nfr\r\n--B\r\n"
                + "Content-Disposition: form-data; name=\"file\"; filename=\"c.csv\"\r\nContent-Type: text/csv\r\n\r\n"
                + "a,b\r\n1,2\r\n\r\n--B--\r\n").getBytes(StandardCharsets.UTF_8);
        Map<String, Form.Value> f = Form.parse("multipart/form-data; boundary=B", body);
        assertEquals("fr", f.get("lang").text());
        assertEquals("a,b\r\n1,2\r\n", f.get("file").text());
        assertEquals("x y&", Form.parse("application/x-www-form-urlencoded", "csv=x+y%26&bad=%zz".getBytes(StandardCharsets.UTF_8))
                .get("csv").text());
        try {
            Form.parse("multipart/form-data", body);
            fail("no boundary");
        } catch (Form.Bad expected) {
            // refused
        }
        try {
            Form.parse("multipart/form-data; boundary=B", "--B\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nno end".getBytes(StandardCharsets.UTF_8));
            fail("part not closed");
        } catch (Form.Bad expected) {
            // refused
        }
    }

    @Test
    public void languageChoice() {
        assertEquals(Lang.FR, Text.choose("fr", "nl", Lang.EN).lang);
        assertEquals(Lang.NL, Text.choose(null, "de-DE,nl-BE;q=0.8", Lang.EN).lang);
        assertEquals(Lang.EN, Text.choose("xx", "de", Lang.EN).lang);
        assertEquals(Lang.NL, Text.choose(null, null, Lang.NL).lang);
        assertEquals("ligne 3, colonne year : vide", Text.of(Lang.FR).get("err.at_line_column", 3, "year", "vide"));
        try {
            Text.of(Lang.EN).get("no.such.key");
            fail("missing key");
        } catch (IllegalArgumentException expected) {
            // refused
        }
    }
}
