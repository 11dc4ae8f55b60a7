package be.inami;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.Test;

/** Every error path surfaces as an InamiException with the status and the library's message. */
public class ExceptionTest {
    private static InamiException expect(int status, Runnable r) {
        try {
            r.run();
        } catch (InamiException e) {
            assertEquals(e.toString(), status, e.status());
            assertTrue(e.getMessage(), e.getMessage() != null && !e.getMessage().isEmpty());
            return e;
        }
        fail("expected InamiException " + status);
        return null;
    }

    @Test
    public void yearWithoutRules() {
        InamiException e = expect(InamiException.ENORULES, () -> Rules.defaults().evaluate(
                EvaluationInput.builder(Profession.PHYSIOTHERAPIST, 2031).prestations(2299).build()));
        assertTrue(e.getMessage(), e.getMessage().startsWith("no rules for physiotherapist premium year 2031"));
        assertEquals("ENORULES", e.statusName());
        assertTrue(e instanceof RuntimeException);
    }

    @Test
    public void derivedRefusedByDefault() {
        InamiException e = expect(InamiException.EDERIVED, () -> Rules.defaults().evaluate(
                EvaluationInput.builder(Profession.PHYSIOTHERAPIST, 2017).prestations(2000).build()));
        assertTrue(e.getMessage(), e.getMessage().contains("DERIVED"));
    }

    @Test
    public void retiredPhysiotherapistIsNotFound() {
        // docs/sources/common.md: the avantage de convention of retired physiotherapists is NOT FOUND
        expect(InamiException.ENORULES, () -> Rules.defaults().evaluate(
                EvaluationInput.builder(Profession.PHYSIOTHERAPIST, 2022).prestations(2299).retired(true).build()));
    }

    @Test
    public void unknownProfession() {
        InamiException e = expect(InamiException.ENOPROFESSION, () -> Profession.fromId("plumber"));
        assertTrue(e.getMessage(), e.getMessage().contains("physiotherapist"));
    }

    @Test
    public void unknownSpecialty() {
        expect(InamiException.ENOTFOUND, () -> Rules.defaults().evaluate(EvaluationInput.builder(Profession.DOCTOR, 2022)
                .specialty("astrology").reimbursed(BigDecimal.TEN).build()));
    }

    @Test
    public void badDate() {
        expect(InamiException.EINVAL, () -> Rules.defaults().evaluate(
                EvaluationInput.builder(Profession.PHYSIOTHERAPIST, 2022).prestations(2299)
                        .conventionStart(LocalDate.of(2022, 6, 1)).conventionEnd(LocalDate.of(2022, 3, 1)).build()));
    }

    @Test
    public void builderRefusesNegativeAndInexactFigures() {
        expect(InamiException.ENEGATIVE, () -> EvaluationInput.builder(Profession.PHYSIOTHERAPIST, 2022).prestations(-1));
        expect(InamiException.ENEGATIVE, () -> EvaluationInput.builder(Profession.PHYSIOTHERAPIST, 2022)
                .mValues(new java.math.BigDecimal("-0.5")));
        expect(InamiException.EINVAL, () -> EvaluationInput.builder(Profession.PHYSIOTHERAPIST, 2022)
                .mValues(new java.math.BigDecimal("1.234")));
        expect(InamiException.ENEGATIVE, () -> EvaluationInput.builder(Profession.PHYSIOTHERAPIST, 2022)
                .prestations(-1));
        expect(InamiException.EINVAL, () -> Measure.PRESTATIONS.toValue(new java.math.BigDecimal("2299.5")));
        expect(InamiException.ENEGATIVE, () -> EvaluationInput.builder(Profession.PHYSIOTHERAPIST, 2022)
                .measure(Measure.M_VALUE, -1));
        expect(InamiException.ENEGATIVE,
                () -> EvaluationInput.builder(Profession.DOCTOR, 2022).reimbursed(new BigDecimal("-0.01")));
        expect(InamiException.EINVAL,
                () -> EvaluationInput.builder(Profession.DOCTOR, 2022).reimbursed(new BigDecimal("1.234")));
        expect(InamiException.EOVERFLOW,
                () -> EvaluationInput.builder(Profession.DOCTOR, 2022).reimbursed(new BigDecimal("1e30")));
        expect(InamiException.ENULL, () -> EvaluationInput.builder(null, 2022));
        expect(InamiException.ENULL, () -> Rules.defaults().evaluate(null));
        // trailing zeros are exact: 25000.000 EUR is 2500000 cents
        assertEquals(Long.valueOf(2500000L), EvaluationInput.builder(Profession.DOCTOR, 2022)
                .reimbursed(new BigDecimal("25000.000")).build().reimbursedCents());
    }

    @Test
    public void missingRulesFile() {
        InamiException e = expect(InamiException.EIO, () -> Rules.load(Path.of("/nonexistent/x.rules")));
        assertTrue(e.getMessage(), e.getMessage().contains("/nonexistent/x.rules"));
    }

    @Test
    public void malformedRules() {
        InamiException e = expect(InamiException.EPARSE, () -> Rules.loadString("inami-rules 1\n[amounts\n", "bad.rules"));
        assertTrue(e.getMessage(), e.getMessage().contains("bad.rules:"));
    }

    @Test
    public void batchArraysMustAgree() {
        InamiException e = expect(InamiException.EINVAL, () -> Rules.defaults().evaluateBatch(
                Profession.PHYSIOTHERAPIST, 2022, new long[3], new long[2], false));
        assertTrue(e.getMessage(), e.getMessage().contains("same length"));
        expect(InamiException.ENORULES, () -> Rules.defaults().evaluateBatch(
                Profession.PHYSIOTHERAPIST, 2031, new long[3], null, false));
    }

    @Test
    public void billingErrors() {
        try (Billing b = Billing.create(1)) {
            expect(InamiException.ERANGE, () -> b.add(new int[] {560011}, new int[] {1}, null, new int[] {5}));
            expect(InamiException.EINVAL, () -> b.add(new int[] {560011}, new int[] {1}, new int[] {123}, null));
            expect(InamiException.ENULL, () -> b.add(null, new int[] {1}, null, null));
            assertEquals(0L, b.lineCount());
        }
        expect(InamiException.ENEGATIVE, () -> Billing.create(-1));
    }

    @Test
    public void messagesStayPerThread() throws Exception {
        // An error on another thread does not change this thread's message.
        InamiException mine = expect(InamiException.ENORULES, () -> Rules.defaults().evaluate(
                EvaluationInput.builder(Profession.PHYSIOTHERAPIST, 2031).build()));
        Thread t = new Thread(() -> expect(InamiException.ENOPROFESSION, () -> Profession.fromId("x")));
        t.start();
        t.join();
        InamiException again = expect(InamiException.ENORULES, () -> Rules.defaults().evaluate(
                EvaluationInput.builder(Profession.PHYSIOTHERAPIST, 2031).build()));
        assertEquals(mine.getMessage(), again.getMessage());
    }
}
