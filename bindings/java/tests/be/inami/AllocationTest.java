package be.inami;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.Test;

/** Premium split, products and the procedure timeline. */
public class AllocationTest {
    // 10 % minimum solidarity share of a social pension agreement (AR 15 Dec 2003):
    // https://etaamb.openjustice.be/fr/arrete-royal-du-15-decembre-2003_n2004022005.html
    @Test
    public void splitAtTheLegalMinimum() {
        assertEquals(Integer.valueOf(1000), Allocation.solidarityMinimumBp(ContractType.SOCIAL_PENSION));
        Allocation a = Allocation.split(179034, ContractType.SOCIAL_PENSION, 1000, 0);
        assertEquals(0L, a.feesCents());
        assertEquals(17903L, a.solidarityCents());   // round(1790.34 x 10 %) = 179.03
        assertEquals(161131L, a.pensionCents());
        assertEquals(a.premiumCents(), a.feesCents() + a.solidarityCents() + a.pensionCents());
    }

    @Test
    public void belowTheMinimumIsRefused() {
        try {
            Allocation.split(179034, ContractType.SOCIAL_PENSION, 500, 0);
            fail("5 % is below the 10 % minimum");
        } catch (InamiException e) {
            assertEquals(InamiException.ERANGE, e.status());
        }
    }

    // examples/products/examples.products, product ag-inami-mysavings: 0.5 % entry fee
    // (https://www.mysavings.be/fr/nos-produits/pension/inami-avantages-sociaux/Information) and
    // 10 % solidarity (AG's INAMI page); same figures as `inami allocate --premium 1790.34 --product ...`
    @Test
    public void productTerms() {
        Path file = Path.of(System.getProperty("inami.source.dir", "."), "examples", "products", "examples.products");
        try (Products p = Products.load(file)) {
            assertTrue(p.ids().contains("ag-inami-mysavings"));
            Allocation a = p.split("ag-inami-mysavings", 179034);
            assertEquals(895L, a.feesCents());
            assertEquals(17814L, a.solidarityCents());
            assertEquals(160325L, a.pensionCents());
            try {
                p.split("securex-physio-2024", 179034);
                fail("the Securex page gives no solidarity share: never guessed");
            } catch (InamiException e) {
                assertEquals(InamiException.ENORULES, e.status());
            }
            p.close();
        }
    }

    // the [law calendar] sections of libinami/data/law.rules (docs/sources/procedure.md): extra information until
    // 31 August N+1 (https://socialevoordelen.be/logopedist/), payment by 15 January N+2
    // (https://bnpparibasfortis.be/generic/ebw/en/public/entrepreneurs/save-and-invest/supplementary-pension-for-self-employed/inami)
    @Test
    public void procedureTimeline() {
        List<Milestone> t = Milestone.timeline(Profession.PHYSIOTHERAPIST, 2022, Lang.EN);
        Milestone extra = null;
        Milestone payment = null;
        Milestone snapshot = null;
        for (Milestone m : t) {
            if (m.id().equals("extra_info_deadline")) {
                extra = m;
            } else if (m.id().equals("payment_deadline")) {
                payment = m;
            } else if (m.id().equals("contract_snapshot")) {
                snapshot = m;
            }
        }
        assertEquals(LocalDate.of(2023, 8, 31), extra.date());
        assertEquals(LocalDate.of(2024, 1, 15), payment.date());
        assertEquals("not found", snapshot.when());
        assertNull(snapshot.date());
        assertEquals(Provenance.NOT_FOUND, snapshot.provenance());
        try {
            Milestone.timeline(Profession.PHYSIOTHERAPIST, 2018, Lang.EN);
            fail("the automated procedure starts with premium year 2019");
        } catch (InamiException e) {
            assertEquals(InamiException.ENORULES, e.status());
        }
    }
}
