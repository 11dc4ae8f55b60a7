package be.inami;

import static be.inami.Expect.expect;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.Test;

/** The message catalogue from Java: texts in three languages, formats, evaluations in a Lang, overriding. */
public class MessagesTest {
    @Test
    public void formats() {
        assertEquals("1 790,34 \u20ac", Messages.formatAmount(179034, Lang.FR));
        assertEquals("\u20ac 1.790,34", Messages.formatAmount(179034, Lang.NL));
        assertEquals("EUR 1,790.34", Messages.formatAmount(179034, Lang.EN));
        assertEquals("31/12/2023", Messages.formatDate(LocalDate.of(2023, 12, 31), Lang.FR));
        assertEquals("31-12-2023", Messages.formatDate(LocalDate.of(2023, 12, 31), Lang.NL));
        assertEquals("2.000", Messages.formatDecimal(200000, Lang.NL));
        assertEquals(8, Messages.textWidth("d\u00e9cision"));
    }

    @Test
    public void everyMessageInThreeLanguages() {
        List<String> ids = Messages.ids();
        assertTrue(ids.contains("state.closed"));
        for (String id : ids) {
            for (Lang l : Lang.values()) {
                assertNotNull(id + " " + l, Messages.template(id, l));
            }
        }
        assertEquals("kinesitherapeut, premiejaar 2023",
            Messages.format("eval.heading", Lang.NL, Map.of("profession", "kinesitherapeut", "year", 2023)));
        assertEquals("\u00e9ch\u00e9ance : 31/08/2024",
            Messages.format("dossier.deadline", Lang.FR, Map.of("date", "31/08/2024")));
        expect(InamiException.ENOTFOUND, () -> Messages.format("no.such.message", Lang.EN, Map.of()));
        expect(InamiException.EINVAL, () -> Messages.format("eval.heading", Lang.FR, Map.of("profession", "P")));
    }

    @Test
    public void evaluationInALanguage() {
        Evaluation fr = Rules.defaults().evaluate(
            EvaluationInput.builder(Profession.PHYSIOTHERAPIST, 2022).prestations(2299).lang(Lang.FR).build());
        assertTrue(fr.check("conventioned").detail().contains("statut social"));
        assertTrue(fr.check("minimum_activity").detail().contains("2 299 \u2265 1 500"));
        Evaluation nl = Rules.defaults().evaluate(
            EvaluationInput.builder(Profession.PHYSIOTHERAPIST, 2022).prestations(2299).lang(Lang.NL).build());
        assertTrue(nl.check("minimum_activity").detail().contains("verstrekkingen: 2.299"));
        assertFalse(nl.check("conventioned").detail().contains("conventioned;"));
    }

    @Test
    public void dossierTextInALanguage() {
        try (Dossier d = Dossier.create(Profession.PHYSIOTHERAPIST, 2023)) {
            d.apply(DossierEvent.of(EventKind.CONTRACT_RECEIVED, LocalDate.of(2024, 2, 1)));
            String fr = d.serialize(Lang.FR);
            assertTrue(fr, fr.contains("# l'assureur a transmis les donn\u00e9es du contrat ; ensuite : "));
            assertFalse(d.serialize().contains("#"));
            try (Dossier back = Dossier.parse(fr)) {
                assertEquals(d.serialize(), back.serialize());
            }
        }
    }

    @Test
    public void statusText() {
        assertEquals("profession inconnue", Messages.statusText(InamiException.ENOPROFESSION, Lang.FR));
        assertEquals(null, Messages.statusText(-999, Lang.NL));
    }

    @Test
    public void loadAndReset() throws IOException {
        Path f = Files.createTempFile("inami", ".catalogue");
        try {
            Files.writeString(f, "inami-messages 1\neval.checks.fr = Toutes les conditions :\n");
            Messages.load(f);
            assertEquals("Toutes les conditions :", Messages.template("eval.checks", Lang.FR));
            expect(InamiException.EPARSE, () -> Messages.loadText("inami-messages 1\nx.de = y\n", "bad"));
            expect(InamiException.EIO, () -> Messages.load(f.resolveSibling("no-such-file.catalogue")));
        } finally {
            Messages.reset();
            Files.deleteIfExists(f);
        }
        assertEquals("Conditions :", Messages.template("eval.checks", Lang.FR));
    }
}
