package be.inami;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
import org.junit.Test;

/**
 * Golden cases: every amount comes from the sourced figures (docs/sources/), with
 * its source URL next to it.
 */
public class GoldenTest {
    private static Evaluation physio(long prestations) {
        return Rules.defaults().evaluate(
                EvaluationInput.builder(Profession.PHYSIOTHERAPIST, 2022).prestations(prestations).build());
    }

    // physiotherapist 2022 base: 1500 to 6500 prestations, 1790.34; and
    // intermediate,prestations,2300,... 2365.79:
    // https://www.securex.be/fr/independants/assurances/votre-pension-statut-inami/prime-inami-pour-kinesitherapeutes
    @Test
    public void physiotherapist2022Base() {
        Evaluation e = physio(2299);
        assertTrue(e.eligible());
        assertEquals(179034L, e.amountCents());
        assertEquals(new BigDecimal("1790.34"), e.amount());
        assertEquals("base", e.tier());
        assertEquals(Payee.INSURANCE_CONTRACT, e.payee());
        assertEquals(Provenance.SECONDARY, e.provenance());
        assertEquals(12, e.months());
        assertEquals(Profession.PHYSIOTHERAPIST, e.profession());
        assertEquals(2022, e.premiumYear());
        assertTrue(e.source().contains("securex.be"));
        // one prestation short of the intermediate tier (threshold 2300)
        NextTier next = e.nextTier();
        assertNotNull(next);
        assertEquals("intermediate", next.tier());
        assertEquals(236579L, next.amountCents());
        Missing m = next.missing().get(0);
        assertEquals(Measure.PRESTATIONS, m.measure());
        assertEquals(2300L, m.threshold());
        assertEquals(1L, m.missing());
    }

    @Test
    public void physiotherapist2022Intermediate() {
        Evaluation e = physio(2300);
        assertTrue(e.eligible());
        assertEquals("intermediate", e.tier());
        assertEquals(236579L, e.amountCents());
        // physiotherapist 2022 full: 3000 prestations, 3165.07 (same Securex source)
        assertEquals("full", e.nextTier().tier());
        assertEquals(316507L, e.nextTier().amountCents());
    }

    @Test
    public void checksAreExplained() {
        Evaluation e = physio(2299);
        Check min = e.check("minimum_activity");
        assertNotNull(min);
        assertEquals(CheckState.HELD, min.state());
        assertTrue(min.held());
        assertTrue(min.blocking());
        assertEquals(Measure.PRESTATIONS, min.measure());
        assertEquals(Long.valueOf(2299), min.observed());
        assertEquals(Long.valueOf(1500), min.threshold());
        assertTrue(min.detail(), min.detail().contains("2299 >= 1500"));
        assertEquals(CheckState.ASSUMED, e.check("contract").state());
        assertNull(e.check("no_such_check"));
        assertNull(e.check("conventioned").measure());
    }

    @Test
    public void belowMinimumIsNotEligibleAndSaysWhy() {
        Evaluation e = physio(100);
        assertFalse(e.eligible());
        assertEquals(0L, e.amountCents());
        assertNull(e.tier());
        assertEquals(Payee.NONE, e.payee());
        assertEquals(CheckState.FAILED, e.check("minimum_activity").state());
        assertEquals("base", e.nextTier().tier());
        assertEquals(1400L, e.nextTier().missing().get(0).missing());
    }

    /** Key-letter totals in hundredths pass straight in: 1,000 x 560011 (M 24) + 1,500 x 560416 (M 16) = 48,000 M. */
    @Test
    public void keyLetterTotalInTheLibrarysUnit() {
        long total = 1000L * 2400 + 1500L * 1600;
        Evaluation e = Rules.defaults().evaluate(EvaluationInput.builder(Profession.PHYSIOTHERAPIST, 2022)
                .measure(Measure.M_VALUE, total).build());
        assertEquals("base", e.tier());
        assertEquals(Long.valueOf(4_800_000L), e.check("minimum_activity").observed());
        assertEquals(0, new java.math.BigDecimal("48000.00").compareTo(
                Measure.M_VALUE.toDecimal(e.check("minimum_activity").observed())));
        assertEquals(Long.valueOf(4_800_000L),
                EvaluationInput.builder(Profession.PHYSIOTHERAPIST, 2022).mValues(new java.math.BigDecimal("48000"))
                        .build().mValues());
    }

    @Test
    public void aboveMaximumIsNotEligible() {
        // maximum 6,500 prestations (physiotherapist 2022 maximum)
        Evaluation e = physio(6501);
        assertFalse(e.eligible());
        assertEquals(CheckState.FAILED, e.check("maximum_activity").state());
    }

    // doctor 2022 full, reimbursed EUR, 5128.78:
    // https://news.amonis.be/nl/sociale-voordelen-riziv-2022-het-is-zover/
    @Test
    public void doctor2022GeneralPracticeFull() {
        Evaluation e = Rules.defaults().evaluate(EvaluationInput.builder(Profession.DOCTOR, 2022)
                .specialty("general_practice").reimbursed(new BigDecimal("25000")).build());
        assertTrue(e.eligible());
        assertEquals("full", e.tier());
        assertEquals(512878L, e.amountCents());
    }

    @Test
    public void retiredDoctorIsPaidToTheBankAccount() {
        Evaluation e = Rules.defaults().evaluate(EvaluationInput.builder(Profession.DOCTOR, 2022)
                .specialty("general_practice").reimbursed(new BigDecimal("25000.00")).retired(true).build());
        assertTrue(e.eligible());
        assertEquals(Payee.BANK_ACCOUNT, e.payee());
        assertEquals(512878L, e.amountCents());
    }

    @Test
    public void contractsDecideTheContractCheck() {
        EvaluationInput.Builder b = EvaluationInput.builder(Profession.PHYSIOTHERAPIST, 2022).prestations(2299);
        assertEquals(CheckState.HELD, Rules.defaults().evaluate(b.contracts(1).build()).check("contract").state());
        assertEquals(CheckState.ACTION, Rules.defaults().evaluate(b.contracts(2).build()).check("contract").state());
        Evaluation none = Rules.defaults().evaluate(b.contracts(0).build());
        assertFalse(none.eligible());
        assertEquals(CheckState.FAILED, none.check("contract").state());
    }

    @Test
    public void derivedYearOnlyWhenAllowed() {
        Evaluation e = Rules.defaults().evaluate(EvaluationInput.builder(Profession.PHYSIOTHERAPIST, 2017)
                .prestations(2000).allowDerived(true).build());
        assertTrue(e.eligible());
        assertEquals(Provenance.DERIVED, e.weakestProvenance());
        assertFalse(e.notes().isEmpty());
    }

    @Test
    public void labelsFollowTheLanguage() {
        EvaluationInput.Builder b = EvaluationInput.builder(Profession.PHYSIOTHERAPIST, 2022).prestations(2299);
        String en = Rules.defaults().evaluate(b.build()).check("minimum_activity").label();
        String fr = Rules.defaults().evaluate(b.lang(Lang.FR).build()).check("minimum_activity").label();
        assertNotEquals(en, fr);
    }

    @Test
    public void yearsAndProfessionIds() {
        int[] years = Rules.defaults().years(Profession.PHYSIOTHERAPIST);
        assertTrue(years.length > 10);
        assertEquals(2003, years[0]);
        assertEquals(Profession.SPEECH_THERAPIST, Profession.fromId("speech_therapist"));
        assertEquals("midwife", Profession.MIDWIFE.id());
        assertEquals(java.util.List.of("default"), Rules.defaults().layers());
        assertTrue(Rules.defaults().dump(Profession.PHYSIOTHERAPIST, 2022).contains("1790.34"));
    }
}
