package be.inami;

import be.inami.swig.inami_milestone;
import be.inami.swig.inami_native;
import be.inami.swig.inami_timeline;
import java.util.ArrayList;
import java.util.List;

/**
 * The calendar of a profession's premium year in the automated procedure
 * ({@code inami_procedure_timeline}): its {@link Milestone}s in procedure order,
 * dated from the library's sourced procedure calendar. A milestone the sources do
 * not date for that year is there with {@link DatePrecision#NONE} and
 * {@link Provenance#NOT_FOUND}; it is never guessed.
 *
 * <p>Immutable: safe to share between threads. A timeline owns native memory that
 * the garbage collector does not see (a {@link java.lang.ref.Cleaner} frees a
 * forgotten one only when the collector happens to run): close it, with
 * try-with-resources. {@link #close()} waits for calls in progress; any call after
 * it throws {@link InamiException} ({@code ENULL}).
 *
 * <pre>{@code
 * try (Timeline t = Timeline.of(Profession.PHYSIOTHERAPIST, 2023)) {
 *     t.find("extra_info_deadline", Lang.EN).date();   // 2024-08-31
 *     t.find("contest_window", Lang.EN).relativeDays(); // 60 (days after the decision)
 * }
 * }</pre>
 */
public final class Timeline implements AutoCloseable {
    private final NativeHandle<inami_timeline> handle;
    private final Profession profession;
    private final int premiumYear;

    private Timeline(inami_timeline proxy, Profession profession, int premiumYear) {
        this.handle = new NativeHandle<>(this, proxy, inami_timeline::delete, "Timeline");
        this.profession = profession;
        this.premiumYear = premiumYear;
    }

    /**
     * @param profession the profession
     * @param premiumYear the premium year
     * @return its procedure calendar
     * @throws InamiException ENORULES when the automated procedure does not cover that year
     */
    public static Timeline of(Profession profession, int premiumYear) {
        if (profession == null) {
            throw new InamiException(InamiException.ENULL, "profession must not be null");
        }
        return new Timeline(inami_native.inami_swig_procedure_timeline(profession.code(), premiumYear),
                profession, premiumYear);
    }

    /**
     * The timeline dated by the [law calendar] sections of {@code rules}: a rules file that
     * moves a deadline moves the timeline. The timeline keeps its own copy of the texts.
     *
     * @param rules the rules (for example {@code Rules.defaults().layer(path)})
     * @param profession the profession
     * @param premiumYear the premium year
     * @return its procedure calendar
     * @throws InamiException ENORULES when the automated procedure does not cover that year
     */
    public static Timeline of(Rules rules, Profession profession, int premiumYear) {
        if (rules == null || profession == null) {
            throw new InamiException(InamiException.ENULL, "rules and profession must not be null");
        }
        return new Timeline(rules.readHandle(h -> inami_native.inami_swig_procedure_timeline_rules(h, profession.code(),
                premiumYear)), profession, premiumYear);
    }

    /** @return the profession */
    public Profession profession() {
        return profession;
    }

    /** @return the premium year (the procedure runs in the next year) */
    public int premiumYear() {
        return premiumYear;
    }

    /** @return the number of milestones */
    public int size() {
        return handle.read(h -> (int) inami_native.inami_timeline_count(h));
    }

    /**
     * @param lang language of the labels
     * @return every milestone, in procedure order
     */
    public List<Milestone> milestones(Lang lang) {
        return handle.read(h -> {
            long n = inami_native.inami_timeline_count(h);
            List<Milestone> out = new ArrayList<>();
            for (long i = 0; i < n; i++) {
                out.add(copy(inami_native.inami_swig_timeline_milestone(h, i), lang));
            }
            return List.copyOf(out);
        });
    }

    /**
     * @param id a milestone id ("extra_info_deadline", "decision", "payment_deadline", ...)
     * @param lang language of the label
     * @return the milestone
     * @throws InamiException ENOTFOUND for an unknown id, ENORULES (naming the year) when the
     *     sources do not give it for this premium year
     */
    public Milestone find(String id, Lang lang) {
        if (id == null) {
            throw new InamiException(InamiException.ENULL, "milestone id must not be null");
        }
        return handle.read(h -> copy(inami_native.inami_swig_timeline_find(h, id), lang));
    }

    /** The milestone's strings point into the timeline: copied while it is held open. */
    private static Milestone copy(inami_milestone m, Lang lang) {
        try {
            return new Milestone(m, lang == null ? Lang.EN : lang);
        } finally {
            m.delete();
        }
    }

    /** @return true once closed */
    public boolean isClosed() {
        return handle.isClosed();
    }

    /** Free the timeline after the calls in progress (idempotent). */
    @Override
    public void close() {
        handle.close();
    }

    @Override
    public String toString() {
        return "Timeline(" + profession + " " + premiumYear + ")";
    }
}
