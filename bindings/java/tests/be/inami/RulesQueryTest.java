package be.inami;

import static be.inami.Expect.expect;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.Test;

/**
 * Rules queries. Golden values: {@code inami rules show --profession physiotherapist --year 2022 --json}
 * (base 1,790.34 EUR, intermediate 2,300 prestations / 55,200 M, maximum 6,500 prestations / 156,000 M)
 * and doctor 2022 (general practice: full 25,000 EUR reimbursed, reduced half; full 5,128.78 EUR).
 */
public class RulesQueryTest {
    private static final Rules R = Rules.defaults();

    @Test
    public void physiotherapist2022Tiers() {
        List<TierInfo> tiers = R.tiers(Profession.PHYSIOTHERAPIST, 2022);
        assertEquals(3, tiers.size());
        TierInfo base = tiers.get(0);
        assertEquals("base", base.id());
        assertEquals(0, base.index());
        assertFalse(base.traineeOnly());
        assertFalse(base.usesSpecialty());
        assertEquals(2015, base.thresholdsFrom());
        Figure amount = base.amount().get();
        assertEquals(179034L, amount.value());
        assertEquals(new BigDecimal("1790.34"), amount.decimal());
        assertEquals(Provenance.SECONDARY, amount.provenance());
        assertTrue(amount.source().contains("securex.be"));
        assertEquals(233, amount.line());
        assertTrue(amount.layer().startsWith("default"));
        assertEquals(236579L, tiers.get(1).amount().get().value());
        assertEquals("intermediate", tiers.get(1).id());
        assertEquals(316507L, tiers.get(2).amount().get().value());
        assertEquals(2022, tiers.get(2).amountYear());
        assertEquals(R.tierLabel("base", Lang.FR), base.label(Lang.FR));
        assertFalse(base.label(Lang.EN).isEmpty());
    }

    @Test
    public void thresholdsInTheMeasuresUnit() {
        Figure p = R.threshold(Profession.PHYSIOTHERAPIST, 2022, 1, Measure.PRESTATIONS, null).get();
        assertEquals(2300L, p.value());
        assertEquals(Measure.PRESTATIONS, p.measure());
        assertEquals(new BigDecimal("2300"), p.decimal());
        assertEquals(65, p.line()); // rules show --json: "line":65
        Figure m = R.threshold(Profession.PHYSIOTHERAPIST, 2022, 1, Measure.M_VALUE, null).get();
        assertEquals(5_520_000L, m.value());
        assertEquals(new BigDecimal("55200.00"), m.decimal());
        assertEquals(1500L, R.threshold(Profession.PHYSIOTHERAPIST, 2022, 0, Measure.PRESTATIONS, null)
                .get().value());
        // no criterion in that measure: empty, not an error
        assertEquals(Optional.empty(), R.threshold(Profession.PHYSIOTHERAPIST, 2022, 0, Measure.R_VALUE, null));
        expect(InamiException.ERANGE, () -> R.threshold(Profession.PHYSIOTHERAPIST, 2022, 7, Measure.PRESTATIONS,
                null));
        expect(InamiException.ENORULES, () -> R.tiers(Profession.PHYSIOTHERAPIST, 2031));
    }

    @Test
    public void maximums() {
        Figure max = R.maximum(Profession.PHYSIOTHERAPIST, 2022, Measure.PRESTATIONS).get();
        assertEquals(6500L, max.value());
        assertEquals(Provenance.OFFICIAL, max.provenance());
        assertEquals(15_600_000L, R.maximum(Profession.PHYSIOTHERAPIST, 2022, Measure.M_VALUE).get().value());
        assertEquals(Optional.empty(), R.maximum(Profession.DOCTOR, 2022, Measure.REIMBURSED_EUR));
    }

    @Test
    public void doctorThresholdsDependOnTheSpecialty() {
        List<TierInfo> tiers = R.tiers(Profession.DOCTOR, 2022);
        assertEquals(List.of("partial", "full", "trainee"), tiers.stream().map(TierInfo::id).toList());
        assertTrue(tiers.get(2).traineeOnly());
        assertEquals(640138L, tiers.get(2).amount().get().value());
        assertEquals(512878L, tiers.get(1).amount().get().value());
        assertTrue(tiers.get(1).usesSpecialty());
        assertTrue(tiers.get(0).specialtyReduced());
        Figure full = R.threshold(Profession.DOCTOR, 2022, 1, Measure.REIMBURSED_EUR, "general_practice").get();
        assertEquals(2_500_000L, full.value());
        assertEquals(new BigDecimal("25000.00"), full.decimal());
        assertEquals(1_250_000L, R.threshold(Profession.DOCTOR, 2022, 0, Measure.REIMBURSED_EUR, "general_practice")
                .get().value());
    }

    @Test
    public void labelsAndSpecialties() {
        assertEquals("kinésithérapeute", R.professionLabel(Profession.PHYSIOTHERAPIST, Lang.FR));
        assertEquals("no_such_tier", R.tierLabel("no_such_tier", Lang.NL));
        Map<String, String> fr = R.specialties(Lang.FR);
        assertEquals("médecine générale", fr.get("general_practice"));
        assertEquals("huisartsgeneeskunde", R.specialties(Lang.NL).get("general_practice"));
        assertEquals("general_practice", fr.keySet().iterator().next());
        assertEquals(null, Check.labelOf("no_such_check", Lang.EN));
        Evaluation e = R.evaluate(EvaluationInput.builder(Profession.PHYSIOTHERAPIST, 2022).prestations(2300)
                .lang(Lang.FR).build());
        assertEquals(e.check("minimum_activity").label(), Check.labelOf("minimum_activity", Lang.FR));
    }

    @Test
    public void closedRulesThrow() {
        Rules r = Rules.defaults().layer(Path.of(System.getProperty("inami.source.dir", "."), "examples", "rules",
                "add-premium-year-2025.rules"));
        assertEquals(3, r.tiers(Profession.PHYSIOTHERAPIST, 2022).size());
        r.close();
        expect(InamiException.ENULL, () -> r.tiers(Profession.PHYSIOTHERAPIST, 2022));
        expect(InamiException.ENULL, () -> r.maximum(Profession.PHYSIOTHERAPIST, 2022, Measure.PRESTATIONS));
        expect(InamiException.ENULL, () -> r.specialties(Lang.EN));
    }
}
