package be.inami;

import be.inami.swig.inami_dossier;
import be.inami.swig.inami_dossier_event;
import be.inami.swig.inami_native;
import be.inami.swig.inami_notification;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One provider's premium year in INAMI's automated procedure, as the library's
 * state machine (docs/dossier.md): events move it from state to state, each
 * transition says what INAMI sends ({@link Notification}), and the deadline
 * that applies now comes from the sourced procedure calendar, never from code.
 *
 * <pre>{@code
 * try (Dossier d = Dossier.create(Profession.PHYSIOTHERAPIST, 2023, false, false)) {
 *     d.apply(DossierEvent.of(EventKind.CONTRACT_RECEIVED, LocalDate.of(2024, 1, 10)));
 *     d.apply(DossierEvent.of(EventKind.CONTRACT_LINKED, null));
 *     Notification n = d.apply(DossierEvent.of(EventKind.EVALUATED, LocalDate.of(2024, 7, 1)));
 *     n.notice();    // EVALUATION_AVAILABLE
 *     n.deadline();  // 2024-08-31: last day for additional information
 *     d.state();     // EVALUATED
 *     String text = d.serialize();   // Dossier.parse(text) replays it
 * }
 * }</pre>
 *
 * <p>An event the state does not allow (or that comes after its deadline) throws
 * {@link InamiException} {@code ESTATE} with the library's message naming the
 * allowed events, and leaves the dossier unchanged.
 *
 * <p>Safe to share between threads: reads run together, {@link #apply} runs alone,
 * and {@link #close()} waits for calls in progress; any call after it throws
 * {@link InamiException} ({@code ENULL}). A dossier owns native memory that the
 * garbage collector does not see (a {@link java.lang.ref.Cleaner} frees a
 * forgotten one only when the collector happens to run): close it, with
 * try-with-resources.
 */
public final class Dossier implements AutoCloseable {
    private final NativeHandle<inami_dossier> handle;

    private Dossier(inami_dossier proxy) {
        this.handle = new NativeHandle<>(this, proxy, inami_dossier::delete, "Dossier");
    }

    /**
     * A new dossier in state {@link DossierState#CONTRACT_PENDING}, for a provider
     * who has not taken the legal pension.
     *
     * @param profession the profession
     * @param premiumYear the premium year (the procedure runs in the next year)
     * @return the dossier
     * @throws InamiException ENORULES when the automated procedure does not cover that year
     */
    public static Dossier create(Profession profession, int premiumYear) {
        return create(profession, premiumYear, false, false);
    }

    /**
     * A new dossier in state {@link DossierState#CONTRACT_PENDING}.
     *
     * @param profession the profession
     * @param premiumYear the premium year
     * @param retired the provider has taken the legal pension (avantage de convention, paid to a
     *     bank account; no contract needed)
     * @param bankAccount a bank account is registered with INAMI
     * @return the dossier
     * @throws InamiException ENORULES when the automated procedure does not cover that year
     */
    public static Dossier create(Profession profession, int premiumYear, boolean retired, boolean bankAccount) {
        if (profession == null) {
            throw new InamiException(InamiException.ENULL, "profession must not be null");
        }
        return new Dossier(inami_native.inami_java_dossier_new(profession.code(), premiumYear, retired ? 1 : 0,
                bankAccount ? 1 : 0));
    }

    /**
     * Read a dossier from its text form ({@link #serialize()}); the events are
     * replayed, so a history the state machine refuses is refused.
     *
     * @param text the text form
     * @return the dossier
     * @throws InamiException EPARSE ({@code <dossier>:line: why})
     */
    public static Dossier parse(String text) {
        return parse(text, null);
    }

    /**
     * @param text the text form
     * @param name names the text in messages (a file name), or null
     * @return the dossier
     * @throws InamiException EPARSE ({@code name:line: why})
     */
    public static Dossier parse(String text, String name) {
        if (text == null) {
            throw new InamiException(InamiException.ENULL, "dossier text must not be null");
        }
        return new Dossier(inami_native.inami_java_dossier_parse(text, name));
    }

    /**
     * @param path a file in the text form (UTF-8), as written by {@code inami dossier} or {@link #save}
     * @return the dossier
     * @throws InamiException EIO when the file cannot be read, EPARSE ({@code path:line: why})
     */
    public static Dossier load(Path path) {
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InamiException(InamiException.EIO, "cannot read " + path + ": " + e.getMessage());
        }
        return parse(text, path.toString());
    }

    /**
     * Write the text form to a file (UTF-8).
     *
     * @param path the file (replaced)
     * @throws InamiException EIO when it cannot be written
     */
    public void save(Path path) {
        String text = serialize();
        try {
            Files.writeString(path, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InamiException(InamiException.EIO, "cannot write " + path + ": " + e.getMessage());
        }
    }

    /**
     * Apply an event.
     *
     * @param event the event
     * @return what INAMI sends
     * @throws InamiException ESTATE (not allowed in the current state, or after its deadline;
     *     the dossier is unchanged), EINVAL (a date before the previous event, a note with a
     *     line break), ENULL
     */
    public Notification apply(DossierEvent event) {
        if (event == null) {
            throw new InamiException(InamiException.ENULL, "event must not be null");
        }
        int date = Dates.toInt(event.date());
        long amount = event.amountCents() == null ? -1 : event.amountCents();
        inami_notification out = new inami_notification();
        try {
            return handle.write(h -> {
                inami_native.inami_java_dossier_apply(h, event.kind().code(), date, amount, event.note(), out);
                return new Notification(out);
            });
        } finally {
            out.delete();
        }
    }

    /**
     * Take the deadlines from the procedure calendar of {@code rules} (with its layered files)
     * instead of the embedded one. The days of the dossier's year are copied: the rules may be
     * closed after. Not part of the text form: call again after {@link #parse}.
     *
     * @param rules the rules, or null for the embedded calendar
     * @throws InamiException ENORULES when that calendar does not cover the dossier's premium year
     */
    public void useRules(Rules rules) {
        handle.write(h -> {
            if (rules == null) {
                inami_native.inami_dossier_use_rules(h, null);
            } else {
                rules.readHandle(r -> {
                    inami_native.inami_dossier_use_rules(h, r);
                    return null;
                });
            }
            return null;
        });
    }

    /** @return the current state */
    public DossierState state() {
        return DossierState.fromCode(handle.read(inami_native::inami_dossier_current));
    }

    /**
     * @param kind an event
     * @return true when the current state allows it (deadlines are not checked)
     */
    public boolean allows(EventKind kind) {
        return handle.read(h -> inami_native.inami_dossier_allows(h, kind.code()) != 0);
    }

    /** @return the events the current state allows, in the library's order */
    public List<EventKind> allowedEvents() {
        List<EventKind> out = new ArrayList<>();
        handle.read(h -> {
            for (EventKind k : EventKind.values()) {
                if (inami_native.inami_dossier_allows(h, k.code()) != 0) {
                    out.add(k);
                }
            }
            return null;
        });
        return List.copyOf(out);
    }

    /**
     * The deadline that applies now: extra information (evaluated, manual request,
     * extra information submitted), contest (decided partial or refused), payment.
     *
     * @return the milestone and its date; empty when none applies or the calendar does
     *     not give it for this premium year (never guessed)
     */
    public Optional<Deadline> deadline() {
        return handle.read(h -> {
            int date = inami_native.inami_java_dossier_deadline(h);
            if (date == 0) {
                return Optional.empty();
            }
            return Optional.of(new Deadline(inami_native.inami_java_dossier_deadline_milestone(h), Dates.of(date)));
        });
    }

    /** @return the events applied so far, each with the state it led to */
    public List<Step> history() {
        return handle.read(h -> {
            long n = inami_native.inami_dossier_history_count(h);
            List<Step> out = new ArrayList<>();
            inami_dossier_event e = new inami_dossier_event();
            try {
                for (long i = 0; i < n; i++) {
                    DossierState after = DossierState.fromCode(inami_native.inami_java_dossier_history(h, i, e));
                    DossierEvent.Builder b = DossierEvent.builder(EventKind.fromCode(e.getKind()))
                            .date(Dates.of(e.getDate())).note(e.getNote());
                    if (e.getAmount_cents() >= 0) {
                        b.amountCents(e.getAmount_cents());
                    }
                    out.add(new Step(b.build(), after));
                }
            } finally {
                e.delete();
            }
            return List.copyOf(out);
        });
    }

    /** @return the text form (docs/dossier.md), read back by {@link #parse} */
    public String serialize() {
        return handle.read(inami_native::inami_java_dossier_serialize);
    }

    /**
     * @param lang the language of the comment lines
     * @return the text form with comment lines in {@code lang} saying what each event did
     *     (read back by {@link #parse}, which ignores comments)
     */
    public String serialize(Lang lang) {
        return handle.read(h -> inami_native.inami_java_dossier_serialize_lang(h, lang.code()));
    }

    /** @return the profession */
    public Profession profession() {
        return Profession.fromCode(handle.read(inami_native::inami_dossier_profession));
    }

    /** @return the premium year */
    public int premiumYear() {
        return handle.read(inami_native::inami_dossier_premium_year);
    }

    /** @return true when the provider has taken the legal pension */
    public boolean retired() {
        return handle.read(h -> inami_native.inami_dossier_retired(h) != 0);
    }

    /** @return true when a bank account is registered */
    public boolean hasBankAccount() {
        return handle.read(h -> inami_native.inami_dossier_has_bank_account(h) != 0);
    }

    /** @return contracts received */
    public int contracts() {
        return handle.read(inami_native::inami_dossier_contracts);
    }

    /** @return the amount of the last decision or payment that gave one, in cents, or null */
    public Long amountCents() {
        long cents = handle.read(inami_native::inami_dossier_amount_cents);
        return cents < 0 ? null : cents;
    }

    /** @return true once closed */
    public boolean isClosed() {
        return handle.isClosed();
    }

    /** Free the dossier after the calls in progress in other threads (idempotent). */
    @Override
    public void close() {
        handle.close();
    }

    @Override
    public String toString() {
        return handle.isClosed() ? "Dossier(closed)" : "Dossier(" + profession() + " " + premiumYear() + ", " + state() + ")";
    }

    /**
     * The deadline that applies now.
     *
     * @param milestone the procedure calendar's milestone id ("extra_info_deadline",
     *     "contest_window", "payment_deadline")
     * @param date the last day
     */
    public record Deadline(String milestone, LocalDate date) {
    }

    /**
     * One applied event and the state it led to.
     *
     * @param event the event as applied
     * @param stateAfter the state after it
     */
    public record Step(DossierEvent event, DossierState stateAfter) {
    }
}
