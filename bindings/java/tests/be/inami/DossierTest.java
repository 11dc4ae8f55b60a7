package be.inami;

import static be.inami.Expect.expect;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.Test;

/**
 * The dossier and the procedure calendar against the {@code inami dossier} command.
 *
 * <p>Golden figures (the [law calendar] sections of libinami/data/law.rules, docs/sources/procedure.md): extra
 * information until 31 August N+1 and contest within 60 days of the decision
 * (https://www.asgb.be/node/28219). The CLI gives, for
 * {@code inami dossier new --profession physiotherapist --year 2023} then
 * {@code inami dossier apply --json} of contract_received 2024-01-10, contract_received
 * 2024-01-20, contract_chosen 2024-03-01, evaluated 2024-07-01, decision_partial 2024-09-15
 * --amount 1200: states contract_received, two_contracts (action two_contracts),
 * contract_linked, evaluated (deadline 2024-08-31), decided_partial (deadline 2024-11-14).
 * The tests also run the built command and compare every step.
 */
public class DossierTest {
    /** One step of the walk: the event as the CLI takes it and as Java builds it. */
    private static final class Walk {
        final String[] cli;
        final DossierEvent event;

        Walk(DossierEvent event, String... cli) {
            this.event = event;
            this.cli = cli;
        }
    }

    private static LocalDate day(String iso) {
        return LocalDate.parse(iso);
    }

    private static List<Walk> physiotherapist2023() {
        List<Walk> w = new ArrayList<>();
        w.add(new Walk(DossierEvent.of(EventKind.CONTRACT_RECEIVED, day("2024-01-10")),
                "contract_received", "--date", "2024-01-10"));
        w.add(new Walk(DossierEvent.of(EventKind.CONTRACT_RECEIVED, day("2024-01-20")),
                "contract_received", "--date", "2024-01-20"));
        w.add(new Walk(DossierEvent.of(EventKind.CONTRACT_CHOSEN, day("2024-03-01")),
                "contract_chosen", "--date", "2024-03-01"));
        w.add(new Walk(DossierEvent.of(EventKind.EVALUATED, day("2024-07-01")), "evaluated", "--date", "2024-07-01"));
        w.add(new Walk(DossierEvent.builder(EventKind.DECISION_PARTIAL).date(day("2024-09-15")).amountCents(120000)
                .note("below the full tier").build(),
                "decision_partial", "--date", "2024-09-15", "--amount", "1200", "--note", "below the full tier"));
        w.add(new Walk(DossierEvent.of(EventKind.PAID, day("2024-12-01")), "paid", "--date", "2024-12-01"));
        w.add(new Walk(DossierEvent.of(EventKind.CLOSED, null), "closed"));
        return w;
    }

    private static String cli(Path dir, String... args) throws IOException, InterruptedException {
        String exe = System.getProperty("inami.cli");
        if (exe == null) {
            throw new IllegalStateException("system property inami.cli is not set (run through ctest)");
        }
        List<String> cmd = new ArrayList<>(List.of(exe, "dossier"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals("inami dossier " + String.join(" ", args) + ": " + out, 0, p.waitFor());
        return out;
    }

    private static String cliApply(Path dir, Path file, Walk w, boolean json) throws Exception {
        List<String> args = new ArrayList<>(List.of("apply", "--file", file.toString()));
        args.addAll(List.of(w.cli));
        if (json) {
            args.add("--json");
        }
        return cli(dir, args.toArray(new String[0]));
    }

    private static String field(String json, String regex) {
        Matcher m = Pattern.compile(regex).matcher(json);
        assertTrue(regex + " in " + json, m.find());
        return m.group(1);
    }

    private static String text(LocalDate d) {
        return d == null ? "null" : "\"" + d + "\"";
    }

    private static String text(Action a) {
        return a == Action.NONE ? "null" : "\"" + a.id() + "\"";
    }

    @Test
    public void walkThroughThe2023ProcedureAsTheCommandLine() throws Exception {
        Path dir = Files.createTempDirectory("inami-dossier");
        Path file = dir.resolve("d.txt");
        try (Dossier d = Dossier.create(Profession.PHYSIOTHERAPIST, 2023)) {
            cli(dir, "new", "--profession", "physiotherapist", "--year", "2023", "--file", file.toString());
            assertEquals(DossierState.CONTRACT_PENDING, d.state());
            assertEquals(Files.readString(file), d.serialize());
            List<Notification> notes = new ArrayList<>();
            for (Walk w : physiotherapist2023()) {
                Notification n = d.apply(w.event);
                notes.add(n);
                String json = cliApply(dir, file, w, true);
                String step = w.event.kind().id() + ": ";
                assertEquals(step, field(json, "\"state\":\"([a-z_]+)\""), d.state().id());
                assertEquals(step, field(json, "\"notification\":\\{\"id\":\"([a-z_]+)\""), n.notice().id());
                assertEquals(step, field(json, "\"action\":(null|\"[a-z_]+\")"), text(n.action()));
                assertEquals(step, field(json, "\"deadline\":(null|\"[0-9-]+\")"), text(n.deadline()));
                assertEquals(step, field(json, "\"provenance\":\"([a-z_]+)\""), n.provenance().id());
                assertEquals(step, field(json, "\"state_label\":\"([^\"]+)\""), d.state().label(Lang.EN));
                // the file the CLI rewrote is the Java dossier's text form
                assertEquals(step, Files.readString(file), d.serialize());
            }
            // The figures the CLI gave (class comment).
            assertEquals(Action.TWO_CONTRACTS, notes.get(1).action());
            assertEquals(Notice.EVALUATION_AVAILABLE, notes.get(3).notice());
            assertEquals(Provenance.SECONDARY, notes.get(3).provenance());
            assertEquals(day("2024-08-31"), notes.get(3).deadline());
            assertEquals(Notice.DECISION, notes.get(4).notice());
            assertEquals(day("2024-11-14"), notes.get(4).deadline());
            assertEquals(DossierState.CLOSED, d.state());
            assertEquals(7, d.history().size());
            assertEquals(DossierState.DECIDED_PARTIAL, d.history().get(4).stateAfter());
            assertEquals("below the full tier", d.history().get(4).event().note());
            assertEquals(Long.valueOf(120000), d.history().get(4).event().amountCents());
            assertEquals(2, d.contracts());
        } finally {
            Files.deleteIfExists(file);
            Files.delete(dir);
        }
    }

    @Test
    public void deadlinesAsInamiDossierShow() throws Exception {
        Path dir = Files.createTempDirectory("inami-dossier");
        Path file = dir.resolve("d.txt");
        try (Dossier d = Dossier.create(Profession.PHYSIOTHERAPIST, 2023)) {
            cli(dir, "new", "--profession", "physiotherapist", "--year", "2023", "--file", file.toString());
            for (Walk w : physiotherapist2023().subList(0, 5)) {
                d.apply(w.event);
                cliApply(dir, file, w, false);
                String json = cli(dir, "show", "--file", file.toString(), "--json");
                String cliDeadline = field(json, "\"deadline\":(null|\\{[^}]*\\})");
                String javaDeadline = d.deadline()
                        .map(x -> "{\"id\":\"" + x.milestone() + "\",\"date\":\"" + x.date() + "\"}").orElse("null");
                assertEquals(w.event.kind().id(), cliDeadline, javaDeadline);
                List<String> allowed = new ArrayList<>();
                for (EventKind k : d.allowedEvents()) {
                    allowed.add("\"" + k.id() + "\"");
                }
                assertEquals(field(json, "\"allowed_events\":\\[([^\\]]*)\\]"), String.join(",", allowed));
            }
            // decided_partial: contest until the decision + 60 days (2024-09-15 + 60 = 2024-11-14)
            Dossier.Deadline contest = d.deadline().orElseThrow();
            assertEquals("contest_window", contest.milestone());
            assertEquals(day("2024-11-14"), contest.date());
            assertTrue(d.allows(EventKind.CONTESTED));
            assertFalse(d.allows(EventKind.EVALUATED));
        } finally {
            Files.deleteIfExists(file);
            Files.delete(dir);
        }
    }

    @Test
    public void aRefusedEventLeavesTheDossierUnchanged() {
        try (Dossier d = Dossier.create(Profession.PHYSIOTHERAPIST, 2023)) {
            assertTrue(d.deadline().isEmpty());
            d.apply(DossierEvent.of(EventKind.CONTRACT_RECEIVED, day("2024-01-10")));
            d.apply(DossierEvent.of(EventKind.CONTRACT_RECEIVED, day("2024-01-20")));
            String before = d.serialize();
            InamiException e = expect(InamiException.ESTATE, () -> d.apply(DossierEvent.of(EventKind.EVALUATED, null)));
            assertEquals("ESTATE", e.statusName());
            // docs/dossier.md and tests/cli/test_dossier.sh: the same message from the CLI
            assertEquals("event 'evaluated' is not allowed in state 'two_contracts' (allowed: contract_received, "
                    + "contract_changed, contract_chosen, no_contract_linked, bank_account_registered)", e.getMessage());
            assertEquals(DossierState.TWO_CONTRACTS, d.state());
            assertEquals(2, d.history().size());
            assertEquals(before, d.serialize());
            // a date before the previous event, a note on two lines: EINVAL, unchanged too
            expect(InamiException.EINVAL, () -> d.apply(DossierEvent.of(EventKind.CONTRACT_CHOSEN, day("2024-01-01"))));
            expect(InamiException.EINVAL,
                    () -> d.apply(DossierEvent.builder(EventKind.CONTRACT_CHOSEN).note("two\nlines").build()));
            assertEquals(before, d.serialize());
            // after its deadline: extra information until 2024-08-31
            d.apply(DossierEvent.of(EventKind.CONTRACT_CHOSEN, day("2024-03-01")));
            d.apply(DossierEvent.of(EventKind.EVALUATED, day("2024-07-01")));
            String evaluated = d.serialize();
            InamiException late = expect(InamiException.ESTATE,
                    () -> d.apply(DossierEvent.of(EventKind.EXTRA_INFO_SUBMITTED, day("2024-09-02"))));
            assertTrue(late.getMessage(), late.getMessage().contains("until 2024-08-31"));
            assertEquals(evaluated, d.serialize());
            assertEquals(DossierState.EVALUATED, d.state());
        }
    }

    @Test
    public void saveAndLoadRoundTrip() throws Exception {
        Path file = Files.createTempFile("inami-dossier", ".txt");
        try (Dossier d = Dossier.create(Profession.PHYSIOTHERAPIST, 2023)) {
            for (Walk w : physiotherapist2023().subList(0, 5)) {
                d.apply(w.event);
            }
            d.save(file);
            try (Dossier back = Dossier.load(file); Dossier parsed = Dossier.parse(d.serialize())) {
                for (Dossier x : List.of(back, parsed)) {
                    assertEquals(DossierState.DECIDED_PARTIAL, x.state());
                    assertEquals(d.history(), x.history());
                    assertEquals(d.deadline(), x.deadline());
                    assertEquals(d.serialize(), x.serialize());
                    assertEquals(Profession.PHYSIOTHERAPIST, x.profession());
                    assertEquals(2023, x.premiumYear());
                    assertEquals(Long.valueOf(120000), x.amountCents());
                }
                // the loaded dossier goes on independently of the original
                back.apply(DossierEvent.of(EventKind.CONTESTED, day("2024-11-14")));
                assertEquals(DossierState.CONTESTED, back.state());
                assertEquals(DossierState.DECIDED_PARTIAL, d.state());
            }
            // a history the state machine refuses (tests/cli/test_dossier.sh): name:line
            Files.writeString(file, "inami-dossier 1\nprofession nurse\npremium_year 2022\nevent - paid\n"
                    + "state paid_to_insurer\n");
            InamiException e = expect(InamiException.EPARSE, () -> Dossier.load(file));
            assertTrue(e.getMessage(), e.getMessage().contains(file + ":4: event 'paid' is not allowed"));
            expect(InamiException.EIO, () -> Dossier.load(file.resolveSibling("no-such-dossier.txt")));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    // tests/cli/test_dossier.sh: a retired dentist without a bank account
    @Test
    public void retiredProviderNeedsABankAccount() {
        try (Dossier d = Dossier.create(Profession.DENTIST, 2023, true, false)) {
            Notification n = d.apply(DossierEvent.of(EventKind.EVALUATED, null));
            assertEquals(Notice.ACTION_NEEDED, n.notice());
            assertEquals(Action.NO_BANK_ACCOUNT, n.action());
            assertNull(n.date());
            d.apply(DossierEvent.of(EventKind.DECISION_FULL, null));
            expect(InamiException.ESTATE, () -> d.apply(DossierEvent.of(EventKind.PAID, null)));
            d.apply(DossierEvent.of(EventKind.BANK_ACCOUNT_REGISTERED, null));
            assertTrue(d.hasBankAccount());
            d.apply(DossierEvent.of(EventKind.PAID, null));
            assertEquals(DossierState.PAID_TO_BANK_ACCOUNT, d.state());
            assertTrue(d.retired());
        }
        // before the automated procedure (nurses: premium year 2019)
        expect(InamiException.ENORULES, () -> Dossier.create(Profession.NURSE, 2018));
    }

    // tests/cli/test_dossier.sh and inami dossier apply --json: the library's labels
    @Test
    public void labelsComeFromTheLibrary() {
        assertEquals("votre résultat d'évaluation est disponible", Notice.EVALUATION_AVAILABLE.label(Lang.FR));
        assertEquals("action needed", Notice.ACTION_NEEDED.label(Lang.EN));
        assertEquals("evaluation result available", DossierState.EVALUATED.label(Lang.EN));
        assertEquals(Provenance.SECONDARY, Notice.DECISION.provenance());
        assertEquals(Provenance.DERIVED, Notice.CONTRACT_DATA_CHANGED.provenance());
        assertEquals(EventKind.DECISION_PARTIAL, EventKind.fromId("decision_partial"));
        expect(InamiException.EINVAL, () -> EventKind.fromId("teleport"));
        expect(InamiException.ENEGATIVE, () -> DossierEvent.builder(EventKind.PAID).amountCents(-1));
        expect(InamiException.EINVAL, () -> DossierEvent.builder(EventKind.PAID).amount(new BigDecimal("1.005")));
        assertEquals(Long.valueOf(120000),
                DossierEvent.builder(EventKind.PAID).amount(new BigDecimal("1200")).build().amountCents());
    }

    // inami dossier timeline --profession physiotherapist --year 2023 (docs/dossier.md):
    // extra information 2024-08-31, decision 2024-09 (month), contest decision+60d,
    // payment 2025-01-15; the first cut-off for contract data is not found for 2023.
    @Test
    public void timelineOf2023() throws Exception {
        try (Timeline t = Timeline.of(Profession.PHYSIOTHERAPIST, 2023)) {
            Milestone extra = t.find("extra_info_deadline", Lang.EN);
            assertEquals(day("2024-08-31"), extra.date());
            assertEquals(DatePrecision.DAY, extra.datePrecision());
            assertEquals(Provenance.SECONDARY, extra.provenance());
            assertEquals("N+1-08-31", extra.rule());
            Milestone decision = t.find("decision", Lang.EN);
            assertEquals(DatePrecision.MONTH, decision.datePrecision());
            assertEquals("2024-09", decision.iso());
            Milestone contest = t.find("contest_window", Lang.EN);
            assertEquals(DatePrecision.RELATIVE, contest.datePrecision());
            assertEquals(60, contest.relativeDays());
            assertEquals("decision+60d", contest.when());
            assertEquals(day("2025-01-15"), t.find("payment_deadline", Lang.EN).date());
            expect(InamiException.ENORULES, () -> t.find("contract_data_cutoff", Lang.EN));
            expect(InamiException.ENOTFOUND, () -> t.find("teleport", Lang.EN));
            List<Milestone> all = t.milestones(Lang.NL);
            assertEquals(t.size(), all.size());
            Milestone cutoff = all.stream().filter(m -> m.id().equals("contract_data_cutoff")).findFirst().orElseThrow();
            assertEquals(DatePrecision.NONE, cutoff.datePrecision());
            assertEquals(Provenance.NOT_FOUND, cutoff.provenance());
            assertEquals("not found", cutoff.when());
            // the same milestones, in the same order and with the same dates, as the CLI's JSON
            Path dir = Files.createTempDirectory("inami-timeline");
            try {
                String json = cli(dir, "timeline", "--profession", "physiotherapist", "--year", "2023", "--json");
                Matcher m = Pattern.compile("\\{\"id\":\"([a-z_]+)\",\"date\":(null|\"[0-9-]+\")").matcher(json);
                int i = 0;
                while (m.find()) {
                    Milestone x = all.get(i++);
                    assertEquals(m.group(1), x.id());
                    assertEquals(m.group(1), m.group(2), x.iso().isEmpty() ? "null" : "\"" + x.iso() + "\"");
                }
                assertEquals(all.size(), i);
            } finally {
                Files.delete(dir);
            }
        }
        expect(InamiException.ENORULES, () -> Timeline.of(Profession.DOCTOR, 2019));
    }
}
