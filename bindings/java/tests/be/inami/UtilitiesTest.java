package be.inami;

import static be.inami.Expect.expect;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.Test;

/**
 * Products' details, exit-taxation figures and the library's small utilities. Golden values:
 * examples/products/examples.products, {@code inami allocate ... --years 10 --age 65 --full-career
 * --json} (INAMI levy 3.55 %, solidarity levy at most 2 %, annuity base 80 %, 5 % for 10 years at 65).
 */
public class UtilitiesTest {
    private static Path products() {
        return Path.of(System.getProperty("inami.source.dir", "."), "examples", "products", "examples.products");
    }

    @Test
    public void productDetails() {
        try (Products p = Products.load(products())) {
            Product ag = p.product("ag-inami-mysavings");
            assertEquals("AG Insurance (through the broker MySavings)", ag.insurer());
            assertEquals("Contrat INAMI", ag.name());
            assertEquals(ContractType.SOCIAL_PENSION, ag.contractType());
            assertEquals(Provenance.SECONDARY, ag.provenance());
            assertTrue(ag.example());
            assertEquals(List.of("incapacity_rent", "maternity", "survivor_rent", "serious_illness_lump_sum"),
                    ag.benefits());
            assertTrue(ag.source().startsWith("https://www.mysavings.be/"));
            assertTrue(ag.note().startsWith("Broker advertisement"));
            assertEquals(OptionalInt.of(1000), ag.solidarityShareBp());
            assertEquals(OptionalInt.of(50), ag.entryFeeBp());
            assertEquals(OptionalInt.empty(), ag.managementFeeBp()); // not_found
            assertEquals(List.of(new Product.Rate(0, 75, false)), ag.rates()); // undated 0.75 %
            Product securex = p.product("securex-physio-2024");
            assertEquals(OptionalInt.empty(), securex.solidarityShareBp());
            assertEquals(List.of(new Product.Rate(2024, 250, false)), securex.rates());
            assertEquals(List.of("ag-inami-mysavings", "securex-physio-2024"),
                    p.products().stream().map(Product::id).toList());
            // rates: dated only, unless assumed
            assertEquals(Optional.of(new Product.Rate(2024, 250, false)), p.rate("securex-physio-2024", 2024, false));
            assertEquals(Optional.empty(), p.rate("securex-physio-2024", 2025, false));
            assertEquals(Optional.of(new Product.Rate(2025, 250, true)), p.rate("securex-physio-2024", 2025, true));
            assertEquals(Optional.empty(), p.rate("ag-inami-mysavings", 2022, false));
            assertEquals(Optional.of(new Product.Rate(2022, 75, true)), p.rate("ag-inami-mysavings", 2022, true));
            InamiException e = expect(InamiException.ENOTFOUND, () -> p.product("nope"));
            assertTrue(e.getMessage(), e.getMessage().contains("ag-inami-mysavings"));
            expect(InamiException.ENOTFOUND, () -> p.rate("nope", 2024, true));
            p.close();
            expect(InamiException.ENULL, () -> p.product("ag-inami-mysavings"));
            expect(InamiException.ENULL, p::products);
        }
    }

    @Test
    public void productsFromText() throws IOException {
        String text = Files.readString(products());
        try (Products p = Products.fromString(text, "mine.products")) {
            assertEquals(2, p.ids().size());
            assertEquals(160325L, p.split("ag-inami-mysavings", 179034).pensionCents()); // allocate --json
        }
        InamiException e = expect(InamiException.EPARSE, () -> Products.fromString("format = 1\n[product x]\nbogus\n",
                "bad.products"));
        assertTrue(e.getMessage(), e.getMessage().contains("bad.products"));
    }

    @Test
    public void exitTaxationFigures() {
        Projection.ExitFigure levy = Projection.exitFigure("inami_levy");
        assertEquals(355, levy.bp());
        assertFalse(levy.source().isEmpty());
        assertEquals(200, Projection.exitFigure("solidarity_levy_max").bp());
        assertEquals(8000, Projection.exitFigure("annuity_base_full_career").bp());
        Projection.AnnuityRate a = Projection.annuityRate(65);
        assertEquals(500, a.bp());
        assertEquals(10, a.years());
        expect(InamiException.ENOTFOUND, () -> Projection.exitFigure("no_such_figure"));
        // the same figures as a projection applies
        Projection p = Projection.builder(179034, 10, 2020, 2030).solidarityBp(1000).entryFeeBp(0).rateBp(200).managementFeeBp(0)
                .ageAtExit(65).fullCareer(true).project();
        assertEquals(levy.bp(), p.inamiLevyBp());
        assertEquals(a.bp(), p.annuityRateBp());
        assertEquals(a.years(), p.annuityYears());
    }

    @Test
    public void libraryUtilities() {
        assertTrue(Library.version().matches("\\d+\\.\\d+\\.\\d+"));
        String[] v = Library.version().split("\\.");
        assertEquals(Integer.parseInt(v[0]) * 10000 + Integer.parseInt(v[1]) * 100 + Integer.parseInt(v[2]),
                Library.versionNumber());
        assertEquals("unknown status", Library.statusText(-999));
        assertFalse(Library.statusText(InamiException.ENORULES).isEmpty());
        expect(InamiException.ENOPROFESSION, () -> Profession.fromId("plumber"));
        assertEquals(InamiException.ENOPROFESSION, Library.lastErrorStatus());
        assertTrue(Library.lastError(), Library.lastError().contains("plumber"));
        assertEquals(LocalDate.of(2022, 10, 1), Library.parseDate("2022-10-01"));
        expect(InamiException.EINVAL, () -> Library.parseDate("2022-02-30"));
        assertEquals(LocalDate.of(2024, 2, 29), Library.checkDate(20240229));
        expect(InamiException.EINVAL, () -> Library.checkDate(20230229));
        assertEquals("1790.34", Library.formatEuros(179034));
        assertEquals(179034L, Library.parseEuros("1790.34", false));
        expect(InamiException.ENEGATIVE, () -> Library.parseEuros("-5", false));
        assertEquals(75, Library.parsePercent("0.75"));
        assertEquals(250, Library.parsePercent("2.50%"));
        expect(InamiException.ENEGATIVE, () -> Library.parsePercent("-1"));
        assertEquals("0.75", Library.formatPercent(75));
        assertEquals("10", Library.formatPercent(1000));
    }

    @Test
    public void measuresAndEnumsThroughTheLibrary() {
        assertEquals(123450L, Measure.M_VALUE.parse("1234.5"));
        assertEquals(2299L, Measure.PRESTATIONS.parse("2299"));
        assertEquals(2500000L, Measure.REIMBURSED_EUR.parse("25000.00"));
        expect(InamiException.EINVAL, () -> Measure.PRESTATIONS.parse("1.5"));
        assertEquals("1234.5", Measure.M_VALUE.format(123450));
        assertEquals("38", Measure.HOURS_PER_WEEK.format(3800));
        assertEquals(new BigDecimal("1234.50"), Measure.M_VALUE.toDecimal(Measure.M_VALUE.parse("1234.5")));
        assertEquals(Measure.R_VALUE, Measure.fromId("r_value"));
        expect(InamiException.EINVAL, () -> Measure.fromId("furlongs"));
        assertEquals(Lang.NL, Lang.fromId("nl"));
        expect(InamiException.EINVAL, () -> Lang.fromId("de"));
        assertEquals(ContractType.DEATH_COVER, ContractType.fromId("death_cover"));
        expect(InamiException.EINVAL, () -> ContractType.fromId("lottery"));
        assertFalse(ContractType.SOCIAL_PENSION.label(Lang.FR).equals(ContractType.SOCIAL_PENSION.id()));
        assertEquals(DossierState.CONTRACT_PENDING, DossierState.fromId("contract_pending"));
        expect(InamiException.EINVAL, () -> DossierState.fromId("limbo"));
        assertEquals(Optional.of(KeyLetter.M), Profession.PHYSIOTHERAPIST.keyLetter());
        assertEquals(Optional.of(KeyLetter.R), Profession.SPEECH_THERAPIST.keyLetter());
        assertEquals(Optional.of(KeyLetter.V), Profession.MIDWIFE.keyLetter());
        assertEquals(Optional.empty(), Profession.DOCTOR.keyLetter());
        assertEquals("M", KeyLetter.M.id());
        assertEquals(Measure.V_VALUE, KeyLetter.V.measure());
        assertEquals("derived_not_allowed", UnvaluedReason.DERIVED.id());
        assertEquals("out_of_validity", UnvaluedReason.OUT_OF_VALIDITY.id());
    }
}
