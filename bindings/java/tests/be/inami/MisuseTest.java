package be.inami;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.Test;

/**
 * Every handle under misuse: 8 threads use one handle while another closes it. Each
 * call either completes or throws InamiException ENULL ("was closed"); nothing
 * crashes the JVM (before the handles had a lock, Billing.close() racing add() was a
 * SIGSEGV). After close every call throws ENULL.
 */
public class MisuseTest {
    private static final int THREADS = 8;
    /** A bound on each thread's loop; the close ends the loops long before it. */
    private static final int MAX_CALLS = 1_000_000;

    private static Path source(String... parts) {
        return Path.of(System.getProperty("inami.source.dir", "."), parts);
    }

    /**
     * Runs `use` in 8 threads (bounded loops) and closes `handle` once 100 calls have
     * completed; returns the calls that completed.
     */
    private static int race(AutoCloseable handle, Runnable use) throws Exception {
        CountDownLatch started = new CountDownLatch(THREADS);
        AtomicInteger done = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        AtomicReference<Throwable> unexpected = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            Thread th = new Thread(() -> {
                started.countDown();
                for (int i = 0; i < MAX_CALLS; i++) {
                    try {
                        use.run();
                        done.incrementAndGet();
                    } catch (InamiException e) {
                        if (e.status() != InamiException.ENULL || !e.getMessage().endsWith("was closed")) {
                            unexpected.compareAndSet(null, e);
                        }
                        refused.incrementAndGet();
                        return;
                    } catch (Throwable e) {
                        unexpected.compareAndSet(null, e);
                        return;
                    }
                }
            });
            threads.add(th);
            th.start();
        }
        started.await();
        long until = System.nanoTime() + 10_000_000_000L;
        while (done.get() < 100 && unexpected.get() == null && System.nanoTime() < until) {
            Thread.sleep(1);
        }
        handle.close();
        for (Thread th : threads) {
            th.join(30_000);
        }
        if (unexpected.get() != null) {
            throw new AssertionError("unexpected failure in a thread", unexpected.get());
        }
        // the close came while the threads were calling: they saw it
        assertTrue("calls refused after close: " + refused.get(), refused.get() > 0);
        assertTrue(done.get() >= 100);
        handle.close(); // twice: harmless
        return done.get();
    }

    private static void closedRefuses(String what, Runnable... calls) {
        for (Runnable r : calls) {
            try {
                r.run();
                fail(what + ": a call after close must throw");
            } catch (InamiException e) {
                assertEquals(InamiException.ENULL, e.status());
                assertEquals("this " + what + " was closed", e.getMessage());
            }
        }
    }

    @Test
    public void billingSharedByEightThreadsCountsEveryLine() throws Exception {
        // 560011 is M 24 in the embedded nomenclature (BulkTest): 4 lines of it per call
        int[] code = {560011, 560011, 560011, 560011};
        int[] quantity = {1, 1, 1, 1};
        int[] provider = {0, 1, 0, 1};
        try (Billing b = Billing.create(2)) {
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                Thread th = new Thread(() -> {
                    for (int i = 0; i < 500; i++) {
                        b.add(code, quantity, null, provider);
                    }
                });
                threads.add(th);
                th.start();
            }
            for (Thread th : threads) {
                th.join();
            }
            assertEquals(THREADS * 500L * 4, b.lineCount());
            long[] m = b.totals().m();
            assertEquals(THREADS * 500L * 2 * 2400, m[0]);
            assertEquals(m[0], m[1]);
        }
    }

    @Test
    public void billingClosedWhileAdding() throws Exception {
        int[] code = new int[1000];
        int[] quantity = new int[1000];
        java.util.Arrays.fill(code, 560011);
        java.util.Arrays.fill(quantity, 1);
        Billing b = Billing.create(1);
        race(b, () -> {
            b.add(code, quantity, null, null);
            b.totals();
        });
        closedRefuses("Billing", () -> b.add(code, quantity, null, null), b::totals, b::lineCount);
    }

    @Test
    public void rulesClosedWhileEvaluating() throws Exception {
        Rules r = Rules.defaults().layer(source("examples", "rules", "add-premium-year-2025.rules"));
        EvaluationInput in = EvaluationInput.builder(Profession.PHYSIOTHERAPIST, 2025).prestations(2000).build();
        race(r, () -> {
            r.evaluate(in);
            r.evaluateBatch(Profession.PHYSIOTHERAPIST, 2022, new long[] {2299, 2300}, null, false);
        });
        closedRefuses("Rules", () -> r.evaluate(in), () -> r.years(Profession.NURSE), r::layers,
                () -> r.dump(null, 0), () -> r.unavailableReason(Profession.NURSE, 2022),
                () -> r.layerString("", "x"),
                () -> r.evaluateBatch(Profession.PHYSIOTHERAPIST, 2022, new long[] {1}, null, false));
    }

    @Test
    public void nomenclatureClosedWhileLookingUpAndBilling() throws Exception {
        Nomenclature n = Nomenclature.load(source("tests", "data", "billing", "extra_codes.csv"));
        Billing b = Billing.create(n, 1, Billing.ALLOW_DERIVED);
        int[] code = {567011, 567011};
        int[] quantity = {1, 1};
        int[] date = {20220301, 20220302};
        java.time.LocalDate d = java.time.LocalDate.of(2022, 3, 1);
        race(n, () -> {
            n.lookup(567011, d);
            n.entries();
            b.add(code, quantity, date, null);
        });
        closedRefuses("Nomenclature", () -> n.lookup(567011, d), n::entries, n::size,
                () -> n.layerString("", "x"), () -> b.add(code, quantity, date, null), b::totals,
                () -> Billing.create(n, 1, 0), () -> BillingCsv.create(n, 0, "x"),
                () -> Billing.total(n, code, quantity, date, 0));
        b.close();
    }

    @Test
    public void billingCsvClosedWhileFeeding() throws Exception {
        BillingCsv csv = BillingCsv.create(Nomenclature.defaults(), 0, "race.csv");
        csv.feed("provider,code,quantity,date\n");
        race(csv, () -> {
            csv.feed("p1,560011,1,2022-03-01\np2,560416,2,2022-03-02\n");
            csv.totals();
            csv.providerIds();
        });
        closedRefuses("BillingCsv", () -> csv.feed("p1,560011,1,2022-03-01\n"), csv::finish, csv::totals,
                csv::lineCount, csv::skippedCount, csv::firstSkipped, csv::providerIds, () -> csv.unvalued(0),
                () -> csv.feed(new byte[1], 0, 1));
    }

    @Test
    public void productsClosedWhileSplitting() throws Exception {
        Products p = Products.load(source("examples", "products", "examples.products"));
        String id = p.ids().get(0);
        race(p, () -> {
            p.ids();
            try {
                p.split(id, 179034);
            } catch (InamiException e) {
                if (e.status() != InamiException.ENORULES) {
                    throw e;
                }
            }
        });
        closedRefuses("Products", p::ids, () -> p.split(id, 179034), () -> p.product(id), p::products,
                () -> p.rate(id, 2024, true),
                () -> Projection.builder(179034, 10, 2023, 2033).product(p, id).project());
    }

    @Test
    public void dossierClosedWhileApplyingAndReading() throws Exception {
        Dossier d = Dossier.create(Profession.PHYSIOTHERAPIST, 2023);
        d.apply(DossierEvent.of(EventKind.CONTRACT_RECEIVED, LocalDate.of(2024, 1, 10)));
        AtomicInteger n = new AtomicInteger();
        race(d, () -> {
            if (n.incrementAndGet() % 4 == 0) {
                d.apply(DossierEvent.of(EventKind.CONTRACT_CHANGED, null)); // keeps the state
            } else {
                assertEquals(DossierState.CONTRACT_RECEIVED, d.state());
                d.history();
                d.deadline();
                assertTrue(d.serialize().startsWith("inami-dossier 1\n"));
            }
        });
        closedRefuses("Dossier", d::state, d::history, d::deadline, d::serialize, d::allowedEvents,
                () -> d.allows(EventKind.CLOSED), () -> d.apply(DossierEvent.of(EventKind.CONTRACT_CHANGED, null)),
                d::profession, d::amountCents);
        assertTrue(d.isClosed());
    }

    @Test
    public void timelineClosedWhileReading() throws Exception {
        Timeline t = Timeline.of(Profession.NURSE, 2022);
        race(t, () -> {
            t.milestones(Lang.FR);
            t.find("payment_deadline", Lang.NL);
        });
        closedRefuses("Timeline", () -> t.milestones(Lang.EN), () -> t.find("decision", Lang.EN), t::size);
    }
}
