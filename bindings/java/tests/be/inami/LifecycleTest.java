package be.inami;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.nio.file.Path;
import org.junit.Test;

/** Native handles: close, close twice, use after close, layers, the Cleaner fallback. */
public class LifecycleTest {
    private static Path example(String name) {
        return Path.of(System.getProperty("inami.source.dir", "."), "examples", "rules", name);
    }

    @Test
    public void closingTwiceIsHarmless() {
        Rules r = Rules.defaults().layer(example("add-premium-year-2025.rules"));
        assertFalse(r.isClosed());
        r.close();
        r.close();
        assertTrue(r.isClosed());
        try {
            r.evaluate(EvaluationInput.builder(Profession.PHYSIOTHERAPIST, 2022).build());
            fail("a closed Rules must refuse to evaluate");
        } catch (InamiException expected) {
            // the message says it was closed
            assertEquals(InamiException.ENULL, expected.status());
            assertEquals("this Rules was closed", expected.getMessage());
        }
    }

    @Test
    public void defaultsAreSharedAndNeverClosed() {
        Rules d = Rules.defaults();
        d.close();
        assertSame(d, Rules.defaults());
        assertFalse(d.isClosed());
        assertTrue(d.evaluate(EvaluationInput.builder(Profession.PHYSIOTHERAPIST, 2022).prestations(2299).build())
                .eligible());
    }

    @Test
    public void aLayerAddsAYearAndOutlivesItsBase() {
        // examples/rules/add-premium-year-2025.rules: ILLUSTRATIVE figures (base = 2100.00)
        try (Rules layered = Rules.defaults().layer(example("add-premium-year-2025.rules"))) {
            Evaluation e = layered.evaluate(
                    EvaluationInput.builder(Profession.PHYSIOTHERAPIST, 2025).prestations(2000).build());
            assertTrue(e.eligible());
            assertEquals(210000L, e.amountCents());
            assertEquals(Provenance.ILLUSTRATIVE, e.weakestProvenance());
            assertEquals(2, layered.layers().size());
            try (Rules again = layered.layer(example("correct-physiotherapist-2022.rules"))) {
                layered.close();
                assertEquals(3, again.layers().size());
                assertTrue(again.evaluate(EvaluationInput.builder(Profession.PHYSIOTHERAPIST, 2025)
                        .prestations(2000).build()).eligible());
            }
        }
    }

    @Test
    public void forgottenHandlesAreCleaned() throws Exception {
        // Nothing to assert but the absence of a crash: the Cleaner frees what is dropped.
        for (int i = 0; i < 200; i++) {
            Rules.defaults().layer(example("add-premium-year-2025.rules"));
            Billing.create(10);
        }
        System.gc();
        Thread.sleep(50);
        try (Billing b = Billing.create(1)) {
            b.close();
            b.close();
        }
    }
}
