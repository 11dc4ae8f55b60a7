package be.inami.broker;

import be.inami.Evaluation;
import be.inami.Lang;
import be.inami.Messages;
import be.inami.Reading;
import be.inami.Rules;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a row says about disputed readings and carried thresholds: where the
 * sources dispute a rule or a figure, the verdict under each reading (never one
 * silently); where no source confirms the thresholds for the premium year, the
 * last year one does.
 */
final class Readings {
    private Readings() {
    }

    /** The verdict under one reading, in the report's language ("eligible, partial amount tier (EUR 2,419.36)"). */
    static String verdict(Reading g, Rules rules, Text t) {
        if (g.status() != 0) {
            String why = Messages.statusText(g.status(), t.lang);
            return t.get("reading.none", why != null ? why : Integer.toString(g.status()));
        }
        if (!g.eligible()) {
            return t.get("reading.not_eligible");
        }
        String tier = g.tier() == null ? "" : rules.tierLabel(g.tier(), t.lang);
        return t.get("reading.eligible", tier, Messages.formatAmount(g.amountCents(), t.lang));
    }

    /** The name of what is disputed, from the library's catalogue ("partial conventioning"); the id when it has none. */
    static String disputeName(String dispute, Lang lang) {
        String name = Messages.template("dispute." + dispute, lang);
        return name == null || name.isEmpty() ? dispute : name;
    }

    /**
     * A reading's note as the page shows it: the sources' notes are English, so
     * French and Dutch say so, as the library's catalogue does.
     */
    static String note(Reading g, Lang lang) {
        String note = g.note();
        if (note == null || note.isEmpty()) {
            return "";
        }
        return Messages.format("note.source_text", lang, Map.of("text", note.replace('\n', ' ')));
    }

    /** The readings grouped by dispute, in the library's order. */
    static Map<String, List<Reading>> byDispute(List<Reading> readings) {
        Map<String, List<Reading>> m = new LinkedHashMap<>();
        for (Reading g : readings) {
            m.computeIfAbsent(g.dispute(), k -> new ArrayList<>()).add(g);
        }
        return m;
    }

    /** True when the readings of one dispute do not all give the same verdict. */
    private static boolean differ(List<Reading> group) {
        Reading a = group.get(0);
        for (Reading b : group) {
            if (a.status() != b.status() || a.eligible() != b.eligible() || a.amountCents() != b.amountCents()
                    || !String.valueOf(a.tier()).equals(String.valueOf(b.tier()))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The actions on readings and thresholds: for each dispute whose verdict depends on the
     * reading, the verdict under each and the one applied, to check before advising; the year
     * the thresholds are carried from; a reading the file asked for that concerns no dispute.
     *
     * @param asked the reading the client file asked for, or null
     */
    static void actions(Report.Row row, Evaluation e, Rules rules, String asked, Text t) {
        if (e.disputed()) {
            for (Map.Entry<String, List<Reading>> d : byDispute(e.readings()).entrySet()) {
                if (!differ(d.getValue())) {
                    continue;
                }
                List<String> items = new ArrayList<>();
                String applied = "";
                for (Reading g : d.getValue()) {
                    items.add(t.get(g.isDefault() ? "reading.under_default" : "reading.under", g.id(), verdict(g, rules, t)));
                    if (g.applied()) {
                        applied = g.id();
                    }
                }
                String list = items.get(0);
                for (String item : items.subList(1, items.size())) {
                    list = t.get("reading.and", list, item);
                }
                row.actions.add(t.get("action.disputed", disputeName(d.getKey(), t.lang), list, applied));
            }
        }
        if (e.carriedFrom() != 0) {
            row.actions.add(t.get("action.carried", Integer.toString(e.carriedFrom()), Integer.toString(e.premiumYear())));
        }
        if (asked != null && e.readings().stream().noneMatch(g -> g.id().equals(asked))) {
            row.actions.add(t.get("action.reading_ignored", asked));
        }
    }
}
