import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.Map;
import org.junit.Test;

/**
 * inami-broker report on examples/java/clients.csv. Amounts from
 * docs/sources/ (sources in the comments of clients.csv):
 * physiotherapist 2022 base 1790.34 / intermediate 2365.79 / full 3165.07
 * (https://www.securex.be/fr/independants/assurances/votre-pension-statut-inami/prime-inami-pour-kinesitherapeutes),
 * doctor 2022 full 5128.78 (https://news.amonis.be/nl/sociale-voordelen-riziv-2022-het-is-zover/).
 */
public class BrokerReportTest {
    private static BrokerSupport.Result report(String... extra) throws Exception {
        String[] cmd = new String[3 + extra.length];
        cmd[0] = BrokerSupport.prop("inami.broker");
        cmd[1] = "report";
        cmd[2] = BrokerSupport.sample().getPath();
        System.arraycopy(extra, 0, cmd, 3, extra.length);
        return BrokerSupport.run(60, null, cmd);
    }

    @Test
    public void sampleReport() throws Exception {
        BrokerSupport.Result r = report();
        assertEquals(r.err, 1, r.status); // the sample has bad rows on purpose
        assertTrue(r.out, r.out.startsWith("client,eligible,amount_cents,tier,payee,next_tier,actions,"));
        Map<String, Map<String, String>> rows = BrokerSupport.rows(r.out);
        assertEquals(11, rows.size());

        Map<String, String> dupont = rows.get("Kine Dupont");
        assertEquals("yes", dupont.get("eligible"));
        assertEquals("179034", dupont.get("amount_cents"));
        assertEquals("base", dupont.get("tier"));
        assertEquals("insurance_contract", dupont.get("payee"));
        assertEquals("intermediate", dupont.get("next_tier"));
        assertEquals("1 more prestation for the intermediate contribution tier (EUR 2,365.79)", dupont.get("actions"));
        // 10 % solidarity: round(1790.34 x 10 %) = 179.03, pension the rest
        assertEquals("17903", dupont.get("solidarity_cents"));
        assertEquals("161131", dupont.get("pension_cents"));
        // procedure_calendar.csv: extra information until 31 August N+1, payment by 15 January N+2
        assertEquals("2023-08-31", dupont.get("extra_info_deadline"));
        assertEquals("2024-01-15", dupont.get("payment_deadline"));
        // Projection: 1790.34 paid in 2022 and 2023, 10 % solidarity, 2.50 % (Securex's 2024 rate, see
        // clients.csv), management fee 0 (illustrative), valued 1 January 2024. By hand: pension part
        // 1611.31 each; 2022: 1611.31 x 2.5 % = 40.28275 -> 40.28, reserve 1651.59; 2023: + 1611.31 =
        // 3262.90, x 2.5 % = 81.5725 -> 81.57, capital 3344.47; INAMI levy 3.55 % = 118.7287 -> 118.73,
        // solidarity levy (not given: 2 % maximum) 66.8894 -> 66.89; net 3344.47 - 118.73 - 66.89 = 3158.85.
        assertEquals("334447", dupont.get("projected_capital_cents"));
        assertEquals("315885", dupont.get("projected_net_cents"));
        // no projection_years: no projection, never guessed
        assertEquals("", rows.get("Kine Janssens").get("projected_capital_cents"));
        assertEquals("", rows.get("Dr Maes").get("projected_net_cents"));

        assertEquals("236579", rows.get("Kine Janssens").get("amount_cents"));
        assertEquals("316507", rows.get("Kine Martin").get("amount_cents"));
        assertEquals("512878", rows.get("Dr Maes").get("amount_cents"));

        Map<String, String> leroy = rows.get("Kine Leroy");
        assertEquals("no", leroy.get("eligible"));
        assertTrue(leroy.get("actions"), leroy.get("actions").contains("not eligible: prestations 900 < 1500"));
        assertTrue(leroy.get("actions"), leroy.get("actions").contains("600 more prestations for the base contribution tier"));

        Map<String, String> wouters = rows.get("Dr Wouters");
        assertEquals("bank_account", wouters.get("payee"));
        assertTrue(wouters.get("actions").contains(
                "avantage de convention: check the bank account in the provider's INAMI profile"));

        assertTrue(rows.get("Kine Claes").get("actions").contains("2 contracts are active"));

        Map<String, String> bad = rows.get("Kine Bad");
        assertEquals("error", bad.get("eligible"));
        assertEquals("line 22, column prestations: 'many' is not a number", bad.get("actions"));
        assertTrue(r.err, r.err.contains("clients.csv:22: prestations: 'many' is not a number"));
        assertTrue(rows.get("Kine Future").get("actions").startsWith(
                "line 21: no rules for physiotherapist premium year 2031"));
        assertEquals("error", rows.get("Kine Old").get("eligible"));

        // doctors' thresholds are the 2017 table, carried into 2022; nothing disputed in the sample
        assertEquals("2017", rows.get("Dr Maes").get("carried_from"));
        assertTrue(rows.get("Dr Maes").get("actions"),
                rows.get("Dr Maes").get("actions").contains("thresholds confirmed by a source up to 2017, carried into 2022"));
        assertEquals("no", rows.get("Dr Maes").get("disputed"));
        assertEquals("", dupont.get("carried_from"));
        assertEquals("no", dupont.get("disputed"));
        assertEquals("", bad.get("disputed"));
    }

    /**
     * A partially conventioned general practitioner, 2022, EUR 20,000 reimbursed (tests/data/disputed.csv):
     * not eligible under the default reading (full threshold EUR 25,000), eligible for the partial amount
     * EUR 2,419.36 under reduced_threshold (Amonis page in the file); the 2017 thresholds are carried.
     */
    @Test
    public void disputedReadings() throws Exception {
        String broker = BrokerSupport.prop("inami.broker");
        String file = BrokerSupport.disputed().getPath();
        BrokerSupport.Result r = BrokerSupport.run(60, null, broker, "report", file);
        assertEquals(r.err, 1, r.status); // the unknown reading
        assertTrue(r.out, r.out.startsWith("client,") && r.out.contains(",projected_net_cents,disputed,carried_from\n"));
        Map<String, Map<String, String>> rows = BrokerSupport.rows(r.out);

        Map<String, String> partiel = rows.get("Dr Partiel");
        assertEquals("no", partiel.get("eligible"));
        assertEquals("yes", partiel.get("disputed"));
        assertEquals("2017", partiel.get("carried_from"));
        String a = partiel.get("actions");
        assertTrue(a, a.contains("disputed (partial conventioning): under 'full_threshold' (default): not eligible; "
                + "under 'reduced_threshold': eligible, partial amount tier (EUR 2,419.36); the report applies "
                + "'full_threshold': check which reading holds before advising the client"));
        assertTrue(a, a.contains("thresholds confirmed by a source up to 2017, carried into 2022"));

        // the reading column applies the other reading: eligible, partial amount
        Map<String, String> reduit = rows.get("Dr Reduit");
        assertEquals("yes", reduit.get("eligible"));
        assertEquals("partial", reduit.get("tier"));
        assertEquals("241936", reduit.get("amount_cents"));
        assertEquals("yes", reduit.get("disputed"));
        assertTrue(reduit.get("actions"), reduit.get("actions").contains("the report applies 'reduced_threshold'"));

        Map<String, String> inconnu = rows.get("Dr Inconnu");
        assertEquals("error", inconnu.get("eligible"));
        assertEquals("", inconnu.get("disputed"));
        assertEquals("", inconnu.get("carried_from"));
        assertTrue(inconnu.get("actions"), inconnu.get("actions").startsWith(
                "line 10, column reading: unknown reading 'half_threshold'"));
        assertTrue(r.err, r.err.contains("disputed.csv:10: reading: unknown reading 'half_threshold'"));

        // physiotherapist 2020: thresholds lowered by 25 % (default) or 11 %; 1200 prestations passes one only
        Map<String, String> covid = rows.get("Kine Covid");
        assertEquals("yes", covid.get("disputed"));
        assertEquals("", covid.get("carried_from"));
        assertTrue(covid.get("actions"), covid.get("actions").contains("disputed (activity thresholds): under "
                + "'first_announcement_25' (default): eligible, base contribution tier (EUR 1,518.64); under 'final_rule_11': "
                + "not eligible; the report applies 'first_announcement_25'"));
        // 1400 passes both: readings, but nothing disputed to act on
        assertEquals("no", rows.get("Kine Covid Plus").get("disputed"));
        assertFalse(rows.get("Kine Covid Plus").get("actions"), rows.get("Kine Covid Plus").get("actions").contains("disputed"));

        BrokerSupport.Result fr = BrokerSupport.run(60, null, broker, "report", file, "--lang", "fr");
        assertTrue(fr.out, fr.out.contains(",net_projete_cents,en_litige,reporte_depuis\n"));
        String f = BrokerSupport.rows(fr.out).get("Dr Partiel").get("actions");
        assertTrue(f, f.contains("litige (conventionnement partiel) : selon « full_threshold » (par défaut) : non éligible ; "
                + "selon « reduced_threshold » : éligible, palier « montant partiel » (2 419,36 €) ; le rapport applique "
                + "« full_threshold » : vérifier quelle interprétation vaut avant de conseiller le client"));
        assertTrue(f, f.contains("seuils confirmés par une source jusqu'en 2017, reportés en 2022"));

        // a known reading that concerns none of the client's disputes is said, not applied
        BrokerSupport.Result full = BrokerSupport.run(60, "client,profession,year,reimbursed,specialty,reading\n"
                + "Dr Plein,doctor,2022,25000,general_practice,reduced_threshold\n", broker, "report", "-");
        assertEquals(full.err, 0, full.status);
        Map<String, String> plein = BrokerSupport.rows(full.out).get("Dr Plein");
        assertEquals("512878", plein.get("amount_cents"));
        assertEquals("no", plein.get("disputed"));
        assertTrue(plein.get("actions"), plein.get("actions").contains(
                "reading 'reduced_threshold' concerns no dispute of this client: ignored"));
    }

    @Test
    public void derivedYearWhenAllowed() throws Exception {
        BrokerSupport.Result r = report("--allow-derived");
        Map<String, String> old = BrokerSupport.rows(r.out).get("Kine Old");
        assertEquals("yes", old.get("eligible"));
        assertEquals("base", old.get("tier"));
    }

    @Test
    public void sameAmountAsTheCli() throws Exception {
        BrokerSupport.Result cli = BrokerSupport.run(30, null, BrokerSupport.prop("inami.cli"), "eval",
                "--profession", "doctor", "--year", "2022", "--specialty", "general_practice",
                "--reimbursed", "25000", "--json");
        assertTrue(cli.out, cli.out.contains("\"amount_cents\":512878"));
    }

    /** The dialects spreadsheets write: semicolons, a byte order mark, quoted fields, CRLF. */
    @Test
    public void csvDialects() throws Exception {
        String broker = BrokerSupport.prop("inami.broker");
        String comma = "client,profession,year,prestations\nA,physiotherapist,2022,2300\n";
        String semicolon = "\ufeffclient;profession;year;prestations\r\n\"A\";physiotherapist;2022;\"2300\"\r\n";
        BrokerSupport.Result a = BrokerSupport.run(60, comma, broker, "report", "-");
        BrokerSupport.Result b = BrokerSupport.run(60, semicolon, broker, "report", "-");
        assertEquals(b.err, 0, b.status);
        assertEquals(a.out, b.out);
        // physiotherapist 2022 intermediate 2365.79 (Securex page quoted in clients.csv)
        assertEquals("236579", BrokerSupport.rows(b.out).get("A").get("amount_cents"));
        // a quoted name holding the delimiter
        BrokerSupport.Result q = BrokerSupport.run(60, "client;profession;year;prestations\n\"Dupont; Anne\";physiotherapist;2022;2300\n",
                broker, "report", "-");
        assertEquals(q.err, 0, q.status);
        assertTrue(q.out, q.out.contains("\n\"Dupont; Anne\",yes,236579,"));
    }

    /** Errors name the line and the column; an empty year says what is expected. */
    @Test
    public void rowErrorsNameTheColumn() throws Exception {
        String broker = BrokerSupport.prop("inami.broker");
        BrokerSupport.Result r = BrokerSupport.run(60, "client,profession,year,prestations\nA,physiotherapist,,10\n"
                + "B,physiotherapist,2022,1.5\nC,physiotherapist,2022\n", broker, "report", "-");
        assertEquals(1, r.status);
        Map<String, Map<String, String>> rows = BrokerSupport.rows(r.out);
        assertEquals("line 2, column year: empty (the premium year, such as 2022, is required)", rows.get("A").get("actions"));
        assertEquals("line 3, column prestations: '1.5' is not a whole number", rows.get("B").get("actions"));
        assertEquals("line 4: expected 4 fields, found 3", rows.get("C").get("actions"));
        assertTrue(r.err, r.err.contains("<stdin>:2: year: empty"));
    }

    /** Cells a spreadsheet would run as formulas are written with a leading apostrophe. */
    @Test
    public void formulasNeutralised() throws Exception {
        String broker = BrokerSupport.prop("inami.broker");
        String in = "client,profession,year,prestations\n\"=HYPERLINK(\"\"http://x\"\")\",physiotherapist,2022,2300\n"
                + "+1,physiotherapist,2022,2300\n-2,physiotherapist,2022,2300\n@SUM(A1),physiotherapist,2022,2300\n"
                + "\"\tTab\",physiotherapist,2022,2300\n\"\rCr\",physiotherapist,2022,2300\n";
        BrokerSupport.Result r = BrokerSupport.run(60, in, broker, "report", "-");
        assertEquals(r.err, 0, r.status);
        for (String line : r.out.split("\n")) {
            String first = line.startsWith("\"") ? line.substring(1) : line;
            assertTrue(line, first.isEmpty() || "=+-@\t\r".indexOf(first.charAt(0)) < 0);
        }
        assertTrue(r.out, r.out.contains("\n\"'=HYPERLINK(\"\"http://x\"\")\",yes,"));
        assertTrue(r.out, r.out.contains("\n'+1,yes,"));
        assertTrue(r.out, r.out.contains("\n'-2,yes,"));
        assertTrue(r.out, r.out.contains("\n'@SUM(A1),yes,"));
    }

    @Test
    public void frenchHeaders() throws Exception {
        BrokerSupport.Result r = report("--lang", "fr");
        assertTrue(r.out, r.out.startsWith("client,éligible,montant_cents,palier,beneficiaire,"));
        assertTrue(r.out, r.out.contains("encore 1 prestation pour le palier « cotisation intermédiaire » (2 365,79 €)"));
    }

    @Test
    public void standardInputAndErrors() throws Exception {
        String broker = BrokerSupport.prop("inami.broker");
        BrokerSupport.Result ok = BrokerSupport.run(60, "client,profession,year,prestations\nA,physiotherapist,2022,3000\n",
                broker, "report", "-");
        assertEquals(ok.err, 0, ok.status);
        assertEquals("full", BrokerSupport.rows(ok.out).get("A").get("tier"));

        BrokerSupport.Result header = BrokerSupport.run(60, "client,profession,yeer\n", broker, "report", "-");
        assertEquals(1, header.status);
        assertTrue(header.err, header.err.contains("<stdin>:1: unknown column 'yeer'"));

        BrokerSupport.Result usage = BrokerSupport.run(60, null, broker, "report");
        assertEquals(2, usage.status);
        assertTrue(usage.err.contains("usage: inami-broker"));

        BrokerSupport.Result missing = BrokerSupport.run(60, null, broker, "report", "/nonexistent/clients.csv");
        assertEquals(1, missing.status);
        assertTrue(missing.err, missing.err.contains("/nonexistent/clients.csv"));
    }
}
