package be.inami;

import be.inami.swig.inami_native;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * An event of the yearly procedure, applied to a {@link Dossier}: its kind and,
 * optionally, the date it happened (deadlines are checked only for dated events),
 * the amount of a decision or payment, and a one-line note.
 *
 * <pre>{@code
 * DossierEvent e = DossierEvent.builder(EventKind.DECISION_PARTIAL)
 *     .date(LocalDate.of(2024, 9, 15)).amountCents(120000).note("below the full tier").build();
 * }</pre>
 */
public final class DossierEvent {
    private final EventKind kind;
    private final LocalDate date;
    private final Long amountCents;
    private final String note;

    private DossierEvent(EventKind kind, LocalDate date, Long amountCents, String note) {
        this.kind = kind;
        this.date = date;
        this.amountCents = amountCents;
        this.note = note;
    }

    /**
     * @param kind the event
     * @return a builder (no date, amount or note)
     */
    public static Builder builder(EventKind kind) {
        return new Builder(kind);
    }

    /**
     * @param kind the event
     * @param date when it happened, or null
     * @return the event without amount or note
     */
    public static DossierEvent of(EventKind kind, LocalDate date) {
        return builder(kind).date(date).build();
    }

    /** @return the kind */
    public EventKind kind() {
        return kind;
    }

    /** @return when it happened, or null when not given */
    public LocalDate date() {
        return date;
    }

    /** @return the amount of a decision or payment in cents, or null when not given */
    public Long amountCents() {
        return amountCents;
    }

    /** @return the amount in euros, or null when not given */
    public BigDecimal amount() {
        return amountCents == null ? null : BigDecimal.valueOf(amountCents, 2);
    }

    /** @return the note, or null */
    public String note() {
        return note;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof DossierEvent)) {
            return false;
        }
        DossierEvent e = (DossierEvent) o;
        return kind == e.kind && Objects.equals(date, e.date) && Objects.equals(amountCents, e.amountCents)
                && Objects.equals(note, e.note);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, date, amountCents, note);
    }

    @Override
    public String toString() {
        return (date == null ? "-" : date.toString()) + " " + kind
                + (amountCents == null ? "" : " amount=" + amount().toPlainString())
                + (note == null ? "" : " note=" + note);
    }

    /** Builds a {@link DossierEvent}. */
    public static final class Builder {
        private final EventKind kind;
        private LocalDate date;
        private Long amountCents;
        private String note;

        private Builder(EventKind kind) {
            if (kind == null) {
                throw new InamiException(InamiException.ENULL, "event kind must not be null");
            }
            this.kind = kind;
        }

        /**
         * @param date when it happened (null = not given)
         * @return this builder
         */
        public Builder date(LocalDate date) {
            this.date = date;
            return this;
        }

        /**
         * @param cents the decision or payment amount in cents
         * @return this builder
         * @throws InamiException ENEGATIVE for a negative amount
         */
        public Builder amountCents(long cents) {
            if (cents < 0) {
                throw new InamiException(InamiException.ENEGATIVE, "amount must not be negative (" + cents + " cents)");
            }
            this.amountCents = cents;
            return this;
        }

        /**
         * @param euros the amount in euros, at most two decimals (converted exactly by the library)
         * @return this builder
         * @throws InamiException ENULL, ENEGATIVE, EINVAL (more than two decimals), EOVERFLOW
         */
        public Builder amount(BigDecimal euros) {
            if (euros == null) {
                throw new InamiException(InamiException.ENULL, "amount must not be null");
            }
            return amountCents(inami_native.inami_swig_euros_parse(euros.toPlainString(), 0));
        }

        /**
         * @param note free text on one line (a line break is refused when applied), or null
         * @return this builder
         */
        public Builder note(String note) {
            this.note = note;
            return this;
        }

        /** @return the event */
        public DossierEvent build() {
            return new DossierEvent(kind, date, amountCents, note);
        }
    }
}
