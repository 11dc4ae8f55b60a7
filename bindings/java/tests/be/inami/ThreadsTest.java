package be.inami;

import static org.junit.Assert.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.Test;

/** One Rules shared by 8 threads x 10,000 evaluations gives the single-threaded answers. */
public class ThreadsTest {
    private static final int THREADS = 8;
    private static final int PER_THREAD = 10_000;

    /** Deterministic mix: below, in and above every tier, errors included (2031). */
    private static EvaluationInput input(int i) {
        int year = i % 97 == 0 ? 2031 : 2022;
        return EvaluationInput.builder(Profession.PHYSIOTHERAPIST, year).prestations((i * 37L) % 7000).build();
    }

    private static String answer(Rules rules, int i) {
        try {
            Evaluation e = rules.evaluate(input(i));
            return e.eligible() + "/" + e.tier() + "/" + e.amountCents() + "/" + e.checks().size() + "/"
                    + (e.nextTier() == null ? "-" : e.nextTier().missing().get(0).missing());
        } catch (InamiException e) {
            return e.status() + ":" + e.getMessage();
        }
    }

    @Test
    public void sharedRulesGiveIdenticalResults() throws Exception {
        Path layer = Path.of(System.getProperty("inami.source.dir", "."), "examples", "rules",
                "add-premium-year-2025.rules");
        try (Rules rules = Rules.defaults().layer(layer)) {
            String[] expected = new String[PER_THREAD];
            for (int i = 0; i < PER_THREAD; i++) {
                expected[i] = answer(rules, i);
            }
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            try {
                List<Future<Integer>> futures = new ArrayList<>();
                for (int t = 0; t < THREADS; t++) {
                    final int offset = t;
                    Callable<Integer> job = () -> {
                        int same = 0;
                        for (int k = 0; k < PER_THREAD; k++) {
                            int i = (k + offset * 1237) % PER_THREAD; // threads start at different points
                            if (answer(rules, i).equals(expected[i])) {
                                same++;
                            }
                        }
                        return same;
                    };
                    futures.add(pool.submit(job));
                }
                for (Future<Integer> f : futures) {
                    assertEquals(Integer.valueOf(PER_THREAD), f.get());
                }
            } finally {
                pool.shutdown();
            }
        }
    }
}
