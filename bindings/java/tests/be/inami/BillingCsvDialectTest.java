package be.inami;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.Test;

/**
 * Billing exports as spreadsheets write them, and professions by the names people use. The lines
 * are INAMI's example (560011 = M 24, 560416 = M 16: 1,000 + 1,500 of them make 48,000 M) with two
 * lines of other years; the names come from the rules data (labels and aliases).
 */
public class BillingCsvDialectTest {
    private static final String PLAIN = "provider,code,quantity,date\n"
            + "kine a,560011,1000,2022-03-01\n"
            + "kine a,560416,1500,2022-04-01\n"
            + "kine b,560011,10,2019-05-01\n"
            + "kine b,560011,5,2023-01-02\n";
    private static final String EXCEL = "\ufeffNIHII;CODE;QTE;DATE\r\n"
            + "\"kine a\";560011;1000;01/03/2022\r\n"
            + "\"kine a\";560416;1500;01/04/2022\r\n"
            + "\"kine b\";560011;10;01/05/2019\r\n"
            + "\"kine b\";560011;5;02/01/2023\r\n";

    private static BillingCsv read(String text, BillingCsv.Options o) {
        BillingCsv csv = BillingCsv.create(Nomenclature.defaults(), 0, "t.csv", o);
        csv.feed(text.getBytes(StandardCharsets.UTF_8), 0, text.getBytes(StandardCharsets.UTF_8).length);
        csv.finish();
        return csv;
    }

    @Test
    public void everyDialectGivesTheSameTotals() {
        BillingCsv.Options mapped = BillingCsv.Options.defaults().columns("NIHII", "CODE", "QTE", "DATE");
        try (BillingCsv a = read(PLAIN, null);
                BillingCsv b = read(EXCEL, mapped);
                BillingCsv c = read(EXCEL, mapped.delimiter(';'))) {
            assertEquals(List.of("kine a", "kine b"), a.providerIds());
            assertEquals(a.providerIds(), b.providerIds());
            assertArrayEquals(a.totals().m(), b.totals().m());
            assertArrayEquals(a.totals().m(), c.totals().m());
            assertEquals(4_800_000L, a.totals().m()[0]);
        }
    }

    @Test
    public void yearLeavesOutAndCountsOtherYears() {
        try (BillingCsv t = read(PLAIN, BillingCsv.Options.defaults().year(2022))) {
            assertEquals(2, t.outsideLines());
            assertEquals(0, t.undatedLines());
            assertArrayEquals(new long[] {0, 2}, t.outsideLinesPerProvider());
            assertArrayEquals(new long[] {4_800_000L, 0}, t.totals().m());
        }
    }

    @Test
    public void refusalsSayWhich() {
        try {
            read(EXCEL, null).close();
            fail("a header without provider column was read");
        } catch (InamiException e) {
            assertEquals(InamiException.EPARSE, e.status());
            assertTrue(e.getMessage(), e.getMessage().contains("provider"));
        }
        try {
            read(PLAIN, BillingCsv.Options.defaults().delimiter('|')).close();
            fail("delimiter '|' accepted");
        } catch (InamiException e) {
            assertEquals(InamiException.EINVAL, e.status());
        }
    }

    @Test
    public void professionsByName() {
        Rules rules = Rules.defaults();
        for (String name : new String[] {"Physiotherapist", "kiné", "kinésithérapeute", "kinesitherapeut"}) {
            assertEquals(name, Profession.PHYSIOTHERAPIST, rules.findProfession(name));
        }
        assertEquals(Profession.MIDWIFE, rules.findProfession("vroedvrouw"));
        try {
            rules.findProfession("plombier");
            fail("an unknown profession was found");
        } catch (InamiException e) {
            assertEquals(InamiException.ENOPROFESSION, e.status());
        }
        assertEquals(Set.of(Measure.PRESTATIONS, Measure.M_VALUE), rules.measures(Profession.PHYSIOTHERAPIST));
        assertEquals(Set.of(Measure.REIMBURSED_EUR), rules.measures(Profession.DOCTOR));
    }
}
