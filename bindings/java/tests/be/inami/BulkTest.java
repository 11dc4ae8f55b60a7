package be.inami;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

/** Bulk calls over primitive arrays agree with one-by-one evaluation and the nomenclature. */
public class BulkTest {
    @Test
    public void batchEqualsPerItem() {
        int n = 701;
        long[] prestations = new long[n];
        for (int i = 0; i < n; i++) {
            prestations[i] = i * 10L;
        }
        BatchResult b = Rules.defaults().evaluateBatch(Profession.PHYSIOTHERAPIST, 2022, prestations, null, false);
        assertEquals(n, b.size());
        for (int i = 0; i < n; i++) {
            Evaluation e = Rules.defaults().evaluate(
                    EvaluationInput.builder(Profession.PHYSIOTHERAPIST, 2022).prestations(prestations[i]).build());
            assertEquals("provider " + i, 0, b.status(i));
            assertEquals("provider " + i, e.eligible(), b.eligible(i));
            assertEquals("provider " + i, e.amountCents(), b.amountCents(i));
            assertEquals(e.amount(), b.amount(i));
        }
        // physiotherapist 2022 (docs/sources/physiotherapists.md): 1500 -> base 1790.34, 2300 -> intermediate 2365.79
        assertEquals(179034L, b.amountCents(150));
        assertEquals(236579L, b.amountCents(230));
        assertEquals(0, b.tierIndex(150));
        assertEquals(-1, b.tierIndex(149));
        assertEquals(10L, b.missingPrestations(229));
    }

    @Test
    public void keyValuesInHundredths() {
        // physiotherapist 2022 base m_value minimum 36,000 M = 3,600,000 hundredths
        BatchResult b = Rules.defaults().evaluateBatch(Profession.PHYSIOTHERAPIST, 2022, null,
                new long[] {3_599_999, 3_600_000}, false);
        assertTrue(!b.eligible(0));
        assertEquals(179034L, b.amountCents(1));
    }

    @Test
    public void billingTotals() {
        // 560011 = M 24 and 560416 = M 16 (libinami/data/nomenclature.csv; INAMI's example
        // "560011 M24 + 560416 M16 = 40"):
        // https://www.inami.fgov.be/fr/professionnels/sante/kinesitherapeutes/Pages/beneficier-statut-social-kinesitherapeute.aspx
        try (Billing b = Billing.create(2)) {
            b.add(new int[] {560011, 560416, 560011}, new int[] {1, 1, 3},
                    new int[] {20220301, 20220301, 20220302}, new int[] {0, 0, 1});
            b.add(new int[] {999999}, new int[] {2}, null, new int[] {1});
            assertEquals(4L, b.lineCount());
            Billing.Totals t = b.totals();
            assertEquals(4000L, t.m()[0]);
            assertEquals(7200L, t.m()[1]);
            assertEquals(2L, t.prestations()[0]);
            assertEquals(5L, t.prestations()[1]);
            assertEquals(0, t.status()[0]);
            assertTrue((t.flags()[1] & 0x10) != 0); // INAMI_TOTAL_INCOMPLETE: unknown code 999999
        }
    }
}
