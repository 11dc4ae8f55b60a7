package be.inami;

import static be.inami.Expect.expect;
import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.Test;

/**
 * Nomenclature, Billing's unvalued codes and one-shot total, and the CSV reader. Golden values:
 * {@code inami mvalues tests/data/billing/forty_m.csv --json} (physio-1 M 40, physio-2 R 50 with
 * 567011 x 3 unknown, physio-3 M 72; 7 lines) and libinami/data/nomenclature.csv
 * (560011 = M 24 from 2003-01-01, conflicting M 20; 713016 = R 17.5 until 2023-04-30, R 15 after).
 */
public class BillingCsvTest {
    private static final int INCOMPLETE = 0x10;

    private static Path data(String name) {
        return Path.of(System.getProperty("inami.source.dir", "."), "tests", "data", "billing", name);
    }

    // the lines of forty_m.csv
    private static final int[] CODE = {560011, 560416, 713016, 713016, 567011, 560011, 560011};
    private static final int[] QTY = {1, 1, 2, 1, 3, 5, -2};
    private static final int[] DATE = {20220301, 20220302, 20230430, 20230501, 20220301, 20220110, 20220111};
    private static final int[] PROVIDER = {0, 0, 1, 1, 1, 2, 2};

    private static void assertForty(Billing.Totals t) {
        assertArrayEquals(new long[] {4000, 0, 7200}, t.m());
        assertArrayEquals(new long[] {0, 5000, 0}, t.r());
        assertArrayEquals(new long[] {2, 6, 3}, t.prestations());
        assertEquals(INCOMPLETE, t.flags()[1] & INCOMPLETE);
        assertEquals(0, t.flags()[0] & INCOMPLETE);
        assertArrayEquals(new int[] {0, 0, 0}, t.status());
    }

    @Test
    public void nomenclatureLookupAndEntries() {
        Nomenclature n = Nomenclature.defaults();
        assertSame(n, Nomenclature.defaults());
        CodeInfo c = n.lookup(560011, LocalDate.of(2022, 3, 1)).get();
        assertEquals(2400L, c.value());
        assertEquals(KeyLetter.M, c.keyLetter());
        assertEquals(LocalDate.of(2003, 1, 1), c.validFrom());
        assertEquals(Provenance.OFFICIAL, c.provenance());
        assertTrue(c.conflict());
        assertEquals(2000L, c.conflictValue());
        assertEquals(Provenance.SECONDARY, c.conflictProvenance());
        assertEquals(1750L, n.lookup(713016, LocalDate.of(2023, 4, 30)).get().value());
        assertEquals(1500L, n.lookup(713016, LocalDate.of(2023, 5, 1)).get().value());
        assertEquals(CodeInfo.FROM_UNKNOWN, n.lookup(713016, LocalDate.of(2023, 4, 30)).get().flags()
                & CodeInfo.FROM_UNKNOWN);
        assertEquals(Optional.empty(), n.lookup(999999, LocalDate.of(2022, 1, 1)));
        expect(InamiException.EINVAL, () -> n.lookup(713016, null));
        List<CodeInfo> all = n.entries();
        assertEquals(n.size(), all.size());
        assertTrue(all.stream().anyMatch(e -> e.code() == 713016 && e.value() == 1500));
        n.close(); // the defaults: does nothing
        assertFalse(n.isClosed());
    }

    @Test
    public void loadedNomenclatureLayersAndCloses() throws IOException {
        String extra = Files.readString(data("extra_codes.csv"));
        try (Nomenclature layered = Nomenclature.defaults().layerString(extra, "extra.csv");
                Nomenclature alone = Nomenclature.load(data("extra_codes.csv"))) {
            CodeInfo c = layered.lookup(567011, LocalDate.of(2022, 3, 1)).get();
            assertEquals(2400L, c.value());
            assertEquals(Provenance.ILLUSTRATIVE, c.provenance());
            assertEquals("extra.csv", c.layer());
            assertEquals(1, alone.size());
            assertTrue(layered.size() > alone.size());
            // with the layer, 567011 has an illustrative value: counted only when allowed
            // (CLI: --nomenclature extra_codes.csv [--allow-derived])
            try (Billing b = Billing.create(layered, 3, 0)) {
                b.add(CODE, QTY, DATE, PROVIDER);
                assertEquals(0L, b.totals().m()[1]);
                assertEquals(List.of(new Billing.Unvalued(567011, 3, UnvaluedReason.DERIVED)), b.unvalued(1));
            }
            try (Billing b = Billing.create(layered, 3, Billing.ALLOW_DERIVED)) {
                b.add(CODE, QTY, DATE, PROVIDER);
                assertEquals(7200L, b.totals().m()[1]);
                assertEquals(List.of(), b.unvalued(1));
            }
        }
        expect(InamiException.EPARSE, () -> Nomenclature.fromString("code,key_letter\n1,M\n", "bad.csv"));
        Nomenclature n = Nomenclature.fromString(extra, "x.csv");
        Billing b = Billing.create(n, 1, 0);
        n.close();
        assertTrue(n.isClosed());
        expect(InamiException.ENULL, () -> n.lookup(567011, null));
        // the accumulator refuses to run on a closed nomenclature
        InamiException e = expect(InamiException.ENULL, () -> b.add(new int[] {567011}, new int[] {1}, null, null));
        assertEquals("this Nomenclature was closed", e.getMessage());
        b.close();
    }

    @Test
    public void billingUnvaluedAndReserve() {
        try (Billing b = Billing.create(2)) {
            expect(InamiException.ERANGE, () -> b.add(CODE, QTY, DATE, PROVIDER));
            b.reserve(3);
            assertEquals(3, b.providerCount());
            b.reserve(1); // smaller: ignored
            assertEquals(3, b.providerCount());
            b.add(CODE, QTY, DATE, PROVIDER);
            assertForty(b.totals());
            assertEquals(List.of(new Billing.Unvalued(567011, 3, UnvaluedReason.UNKNOWN_CODE)), b.unvalued(1));
            assertEquals("unknown_code", b.unvalued(1).get(0).reason().id());
            assertEquals(List.of(), b.unvalued(0));
            expect(InamiException.ERANGE, () -> b.unvalued(3));
            b.close();
            expect(InamiException.ENULL, () -> b.unvalued(0));
            expect(InamiException.ENULL, () -> b.reserve(4));
        }
    }

    @Test
    public void oneShotTotal() {
        // provider physio-2's lines
        Billing.Summary s = Billing.total(new int[] {713016, 713016, 567011}, new int[] {2, 1, 3},
                new int[] {20230430, 20230501, 20220301}, 0);
        assertEquals(5000L, s.r());
        assertEquals(0L, s.m());
        assertEquals(6L, s.prestations());
        assertEquals(3L, s.unvaluedQuantity());
        assertEquals(INCOMPLETE, s.flags() & INCOMPLETE);
        assertEquals(List.of(new Billing.Unvalued(567011, 3, UnvaluedReason.UNKNOWN_CODE)), s.unvalued());
        // M 24 + M 16 = 40 M
        assertEquals(4000L, Billing.total(new int[] {560011, 560416}, new int[] {1, 1}, null, 0).m());
        // more unvalued codes than the first guess of the wrapper (16)
        int[] codes = new int[40];
        int[] qty = new int[40];
        for (int i = 0; i < 40; i++) {
            codes[i] = 900000 + i;
            qty[i] = 1;
        }
        Billing.Summary many = Billing.total(codes, qty, null, 0);
        assertEquals(40, many.unvalued().size());
        assertEquals(900039, many.unvalued().get(39).code());
        expect(InamiException.EINVAL, () -> Billing.total(new int[] {560011}, new int[] {1, 2}, null, 0));
        expect(InamiException.ENEGATIVE, () -> Billing.total(new int[] {560011}, new int[] {-1}, null, 0));
        expect(InamiException.ENULL, () -> Billing.total(null, new int[] {1}, null, 0));
    }

    @Test
    public void csvFileGivesTheSameTotalsAsBilling() {
        for (int threads = 1; threads <= 2; threads++) {
            try (BillingCsv csv = BillingCsv.read(data("forty_m.csv"), Nomenclature.defaults(),
                    BillingCsv.Options.defaults().threads(threads))) {
                assertEquals(List.of("physio-1", "physio-2", "physio-3"), csv.providerIds());
                assertEquals(7L, csv.lineCount());
                assertEquals(0L, csv.skippedCount());
                assertEquals("", csv.firstSkipped());
                assertForty(csv.totals());
                try (Billing b = Billing.create(3)) {
                    b.add(CODE, QTY, DATE, PROVIDER);
                    Billing.Totals x = b.totals();
                    Billing.Totals y = csv.totals();
                    assertArrayEquals(x.m(), y.m());
                    assertArrayEquals(x.r(), y.r());
                    assertArrayEquals(x.v(), y.v());
                    assertArrayEquals(x.prestations(), y.prestations());
                    assertArrayEquals(x.flags(), y.flags());
                    assertEquals(b.unvalued(1), csv.unvalued(1));
                }
            }
        }
        expect(InamiException.EINVAL, () -> BillingCsv.read(data("forty_m.csv"), Nomenclature.defaults(),
                BillingCsv.Options.defaults().threads(3)));
        expect(InamiException.EIO, () -> BillingCsv.read(data("no-such.csv"), Nomenclature.defaults(), null));
    }

    @Test
    public void partsOfAFileAddUpToTheWhole() throws IOException {
        Path file = data("forty_m.csv");
        byte[] bytes = Files.readAllBytes(file);
        java.util.Map<String, Long> whole = new java.util.HashMap<>();
        try (BillingCsv csv = BillingCsv.read(file, Nomenclature.defaults(), null)) {
            sumPrestations(csv, whole);
            assertArrayEquals(csv.totals().prestations(), csv.signedTotals().prestations());
        }
        for (int cut = 1; cut < bytes.length; cut++) {
            if (bytes[cut - 1] != '\n' || cut == bytes.length) {
                continue;
            }
            java.util.Map<String, Long> parts = new java.util.HashMap<>();
            try (BillingCsv a = BillingCsv.readRange(file, 0, cut, Nomenclature.defaults(), null);
                    BillingCsv b = BillingCsv.readRange(file, cut, Long.MAX_VALUE, Nomenclature.defaults(), null)) {
                sumPrestations(a, parts);
                sumPrestations(b, parts);
                assertEquals(7L, a.lineCount() + b.lineCount());
            }
            assertEquals("cut at byte " + cut, whole, parts);
        }
        expect(InamiException.EINVAL, () -> BillingCsv.readRange(file, 3, Long.MAX_VALUE, Nomenclature.defaults(), null));
        expect(InamiException.EINVAL, () -> BillingCsv.readRange(file, -1, 10, Nomenclature.defaults(), null));
        expect(InamiException.EIO, () -> BillingCsv.readRange(data("no-such.csv"), 0, 10, Nomenclature.defaults(), null));
    }

    private static void sumPrestations(BillingCsv csv, java.util.Map<String, Long> into) {
        List<String> ids = csv.providerIds();
        long[] prestations = csv.signedTotals().prestations();   // a part may end below zero
        for (int i = 0; i < ids.size(); i++) {
            into.merge(ids.get(i), prestations[i], Long::sum);
        }
    }

    @Test
    public void twoThreadsOnALargeFileGiveTheSameTotals() throws IOException {
        // over 5 MiB (4 MiB needed): the C reader cuts it in two and reads the halves on two threads
        int n = 240_000;
        int[] code = new int[n];
        int[] qty = new int[n];
        int[] date = new int[n];
        int[] provider = new int[n];
        int[] codes = {560011, 560416, 713016, 999999};
        StringBuilder sb = new StringBuilder(n * 26).append("provider,code,quantity,date\n");
        for (int i = 0; i < n; i++) {
            code[i] = codes[i % 4];
            qty[i] = 1 + i % 3;
            date[i] = 20220101 + i % 28;
            provider[i] = (i * 7) % 50;
            sb.append("p").append(provider[i]).append(',').append(code[i]).append(',').append(qty[i])
                    .append(",2022-01-").append(String.format("%02d", 1 + i % 28)).append('\n');
        }
        Path file = Files.createTempFile("inami-big", ".csv");
        try {
            Files.writeString(file, sb);
            assertTrue(Files.size(file) >= 5L << 20); // the library splits from 4 MiB
            Billing.Totals[] t = new Billing.Totals[2];
            for (int threads = 1; threads <= 2; threads++) {
                try (BillingCsv csv = BillingCsv.read(file, Nomenclature.defaults(),
                        BillingCsv.Options.defaults().threads(threads))) {
                    assertEquals(n, csv.lineCount());
                    assertEquals(50, csv.providerIds().size());
                    assertEquals("p0", csv.providerIds().get(0));
                    assertEquals("p7", csv.providerIds().get(1));
                    t[threads - 1] = csv.totals();
                }
            }
            // provider ids p0, p7, p14, ... in order of first appearance: map them to Billing's indices
            int[] index = new int[50];
            for (int i = 0; i < 50; i++) {
                index[(i * 7) % 50] = i;
            }
            int[] mapped = new int[n];
            for (int i = 0; i < n; i++) {
                mapped[i] = index[provider[i]];
            }
            try (Billing b = Billing.create(50)) {
                b.add(code, qty, date, mapped);
                Billing.Totals x = b.totals();
                for (Billing.Totals y : t) {
                    assertArrayEquals(x.m(), y.m());
                    assertArrayEquals(x.r(), y.r());
                    assertArrayEquals(x.prestations(), y.prestations());
                    assertArrayEquals(x.flags(), y.flags());
                    assertArrayEquals(x.status(), y.status());
                }
            }
        } finally {
            Files.delete(file);
        }
    }

    @Test
    public void streamsAndBadLines() throws IOException {
        byte[] bytes = Files.readAllBytes(data("forty_m.csv"));
        try (BillingCsv csv = BillingCsv.create(Nomenclature.defaults(), 0, "stream.csv")) {
            csv.feed(bytes, 0, 10); // a split inside the header
            csv.feed(new ByteArrayInputStream(bytes, 10, bytes.length - 10));
            csv.finish();
            assertForty(csv.totals());
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        try (BillingCsv csv = BillingCsv.create(Nomenclature.defaults(), 0, "text.csv")) {
            csv.feed(text.substring(0, text.length() - 1)); // the last line without newline
            csv.finish();
            assertEquals(7L, csv.lineCount());
            assertArrayEquals(new long[] {4000, 0, 7200}, csv.totals().m());
        }
        // malformed.csv: CLI "lines":2, "skipped_lines":1, first_skipped ...:3:11, M 40
        try (BillingCsv csv = BillingCsv.read(data("malformed.csv"), Nomenclature.defaults(),
                BillingCsv.Options.defaults().skipBad(true))) {
            assertEquals(2L, csv.lineCount());
            assertEquals(1L, csv.skippedCount());
            assertTrue(csv.firstSkipped(), csv.firstSkipped().endsWith("malformed.csv:3:11: quantity is not a whole number"));
            assertArrayEquals(new long[] {4000}, csv.totals().m());
        }
        InamiException e = expect(InamiException.EPARSE, () -> BillingCsv.read(data("malformed.csv"),
                Nomenclature.defaults(), null));
        assertTrue(e.getMessage(), e.getMessage().contains("malformed.csv:3:11"));
        try (BillingCsv csv = BillingCsv.create(Nomenclature.defaults(), 0, "empty")) {
            expect(InamiException.EPARSE, csv::finish);
        }
        expect(InamiException.ERANGE, () -> {
            try (BillingCsv csv = BillingCsv.create(Nomenclature.defaults(), 0, null)) {
                csv.feed(bytes, 5, bytes.length);
            }
        });
    }

    @Test
    public void closedReaderThrows() {
        BillingCsv csv = BillingCsv.read(data("forty_m.csv"), Nomenclature.defaults(), null);
        csv.close();
        csv.close();
        assertTrue(csv.isClosed());
        InamiException e = expect(InamiException.ENULL, csv::totals);
        assertEquals("this BillingCsv was closed", e.getMessage());
        expect(InamiException.ENULL, csv::providerIds);
        expect(InamiException.ENULL, () -> csv.feed("x"));
    }
}
