package be.inami;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.util.List;
import org.junit.Test;

/** Disputed readings and carried thresholds in {@link Rules#evaluate(EvaluationInput, String)}. */
public class ReadingsTest {
    private static EvaluationInput partialGp() {
        return EvaluationInput.builder(Profession.DOCTOR, 2022).specialty("general_practice")
                .convention(Convention.PARTIAL).reimbursedCents(2_000_000L).build();
    }

    @Test
    public void doctorPartialGivesBothVerdicts() {
        Evaluation e = Rules.defaults().evaluate(partialGp());
        assertFalse(e.eligible());
        assertTrue(e.disputed());
        assertEquals(2017, e.carriedFrom());
        List<Reading> rs = e.readings();
        assertEquals(2, rs.size());
        assertEquals("full_threshold", rs.get(0).id());
        assertTrue(rs.get(0).isDefault() && rs.get(0).applied() && !rs.get(0).eligible());
        assertEquals("reduced_threshold", rs.get(1).id());
        assertTrue(rs.get(1).eligible());
        assertEquals("partial", rs.get(1).tier());
        assertEquals(241936L, rs.get(1).amountCents());
        assertEquals(Provenance.SECONDARY, rs.get(1).provenance());
    }

    @Test
    public void chosenReadingApplies() {
        Evaluation e = Rules.defaults().evaluate(partialGp(), "reduced_threshold");
        assertTrue(e.eligible());
        assertEquals(241936L, e.amountCents());
        assertTrue(e.readings().get(1).applied());
        assertFalse(e.readings().get(0).applied());
    }

    @Test
    public void physiotherapists2020() {
        Evaluation e = Rules.defaults().evaluate(
                EvaluationInput.builder(Profession.PHYSIOTHERAPIST, 2020).prestations(1200).build());
        assertTrue(e.eligible());
        assertTrue(e.disputed());
        assertEquals("final_rule_11", e.readings().get(1).id());
        assertFalse(e.readings().get(1).eligible());
    }

    @Test
    public void unknownReadingIsRefused() {
        try {
            Rules.defaults().evaluate(partialGp(), "nope");
            fail("an unknown reading was accepted");
        } catch (InamiException ex) {
            assertEquals(InamiException.EINVAL, ex.status());
            assertTrue(ex.getMessage().contains("unknown reading 'nope'"));
        }
    }

    @Test
    public void lawFiguresAndNewYear() {
        Figure levy = Rules.defaults().lawFigure("exit_taxation", "inami_levy", 2024);
        assertEquals(355L, levy.value());
        assertEquals(Provenance.SECONDARY, levy.provenance());
        Rules layered = Rules.defaults().layerString("inami-rules 1\n[law exit_taxation from 2027]\n"
                + "provenance = illustrative\nsource = https://example.invalid\ninami_levy = 4.00\n", "levy.rules");
        try {
            assertEquals(400L, layered.lawFigure("exit_taxation", "inami_levy", 2027).value());
            assertEquals(355L, layered.lawFigure("exit_taxation", "inami_levy", 2026).value());
        } finally {
            layered.close();
        }
        String text = Rules.defaults().newYear(Profession.PHYSIOTHERAPIST, 2025);
        assertTrue(text.contains("[amounts physiotherapist 2025 override]"));
        assertTrue(text.contains("full = FILL"));
    }

    @Test
    public void timelineFromLayeredCalendar() {
        Rules layered = Rules.defaults().layerString("inami-rules 1\n[law calendar from 2024]\n"
                + "provenance = illustrative\nsource = https://example.invalid/calendar\n"
                + "all.extra_info_deadline = N+1-09-15\n", "calendar.rules");
        try (Timeline t = Timeline.of(layered, Profession.PHYSIOTHERAPIST, 2024)) {
            layered.close();
            assertEquals(java.time.LocalDate.of(2025, 9, 15), t.find("extra_info_deadline", Lang.EN).date());
        }
    }

    @Test
    public void aDossierTakesItsDeadlinesFromLayeredRules() {
        String calendar = "inami-rules 1\n[law calendar from 2024]\nprovenance = illustrative\n"
                + "source = https://example.invalid/calendar\nall.extra_info_deadline = N+1-09-15\n"
                + "all.contest_window = +45d\n";
        try (Dossier layered = Dossier.create(Profession.PHYSIOTHERAPIST, 2024);
                Dossier embedded = Dossier.create(Profession.PHYSIOTHERAPIST, 2024)) {
            try (Rules rules = Rules.defaults().layerString(calendar, "calendar.rules")) {
                layered.useRules(rules);
            }   // closed: the dossier copied the days
            for (Dossier d : List.of(layered, embedded)) {
                d.apply(DossierEvent.of(EventKind.CONTRACT_RECEIVED, java.time.LocalDate.of(2024, 10, 10)));
                d.apply(DossierEvent.of(EventKind.CONTRACT_LINKED, java.time.LocalDate.of(2024, 10, 11)));
                d.apply(DossierEvent.of(EventKind.EVALUATED, java.time.LocalDate.of(2025, 6, 1)));
            }
            assertEquals(java.time.LocalDate.of(2025, 9, 15), layered.deadline().get().date());
            assertEquals(java.time.LocalDate.of(2025, 8, 31), embedded.deadline().get().date());
            layered.apply(DossierEvent.of(EventKind.EXTRA_INFO_SUBMITTED, java.time.LocalDate.of(2025, 9, 10)));
            try {
                embedded.apply(DossierEvent.of(EventKind.EXTRA_INFO_SUBMITTED, java.time.LocalDate.of(2025, 9, 10)));
                fail("late under the embedded calendar");
            } catch (InamiException e) {
                assertEquals(InamiException.ESTATE, e.status());
            }
            layered.useRules(null);
            assertEquals(java.time.LocalDate.of(2025, 8, 31), layered.deadline().get().date());
        }
    }

    @Test
    public void carriedThresholdsFromTheRules() {
        Rules rules = Rules.defaults();
        assertEquals(2017, rules.thresholdsCarriedFrom(Profession.DOCTOR, 2022));
        assertEquals(0, rules.thresholdsCarriedFrom(Profession.DOCTOR, 2017));
    }
}
