package be.inami;

import be.inami.swig.inami_notification;
import java.time.LocalDate;

/**
 * What INAMI sends when a {@link Dossier} moves (the e-mail events of the
 * procedure): the notice, the action asked of the provider with
 * {@link Notice#ACTION_NEEDED}, the event's date, the deadline to act by when one
 * applies, and how well the notice is sourced.
 */
public final class Notification {
    private final Notice notice;
    private final Action action;
    private final LocalDate date;
    private final LocalDate deadline;
    private final Provenance provenance;

    Notification(inami_notification n) {
        notice = Notice.fromCode(n.getNotice());
        action = Action.fromCode(n.getAction());
        date = Dates.of(n.getDate());
        deadline = Dates.of(n.getDeadline());
        provenance = Provenance.fromCode(n.getProvenance());
    }

    /** @return the notice ({@link Notice#NONE} when nothing is sent) */
    public Notice notice() {
        return notice;
    }

    /** @return why an action is needed ({@link Action#NONE} unless {@link Notice#ACTION_NEEDED}) */
    public Action action() {
        return action;
    }

    /** @return the event's date, or null when the event had none */
    public LocalDate date() {
        return date;
    }

    /** @return when to act by (extra information, contest), or null when none applies or is known */
    public LocalDate deadline() {
        return deadline;
    }

    /** @return provenance of the notice (the decision and evaluation notices are secondary, others derived) */
    public Provenance provenance() {
        return provenance;
    }

    @Override
    public String toString() {
        return notice + (action == Action.NONE ? "" : " (" + action + ")")
                + (deadline == null ? "" : " by " + deadline) + " [" + provenance + "]";
    }
}
