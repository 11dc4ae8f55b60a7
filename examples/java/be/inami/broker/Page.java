package be.inami.broker;

import be.inami.Allocation;
import be.inami.Check;
import be.inami.Evaluation;
import be.inami.Lang;
import be.inami.Messages;
import be.inami.Missing;
import be.inami.NextTier;
import be.inami.Reading;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The HTML page, written as it goes: the head and the form, one table row per
 * client (and its hidden detail row) as the report produces them, then the
 * totals. Style and script are files of the application (/page.css,
 * /page.js); nothing is fetched from elsewhere.
 */
final class Page {
    private Page() {
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<':
                    b.append("&lt;");
                    break;
                case '>':
                    b.append("&gt;");
                    break;
                case '&':
                    b.append("&amp;");
                    break;
                case '"':
                    b.append("&quot;");
                    break;
                case '\'':
                    b.append("&#39;");
                    break;
                default:
                    b.append(c);
            }
        }
        return b.toString();
    }

    static String euros(long cents) {
        return BigDecimal.valueOf(cents, 2).toPlainString();
    }

    /** The columns of the table: their text key, sort key and type. */
    private static final String[][] COLUMNS = {
        {"th.client", "client", "text"},
        {"th.eligible", "eligible", "text"},
        {"th.amount", "amount", "num"},
        {"th.tier", "tier", "text"},
        {"th.next_tier", "next", "num"},
        {"th.split", "pension", "num"},
        {"th.deadlines", "deadline", "text"},
        {"th.actions", null, null},
    };

    /** The page up to the table's body: the form (with the client list when it is small), a message. */
    static void head(Writer w, Text t, String csv, String message, boolean table) throws IOException {
        String lang = t.id();
        w.write("<!DOCTYPE html>\n<html lang=\"" + lang + "\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + esc(t.get("page.title")) + "</title>"
                + "<link rel=\"stylesheet\" href=\"/page.css\"><script src=\"/page.js\" defer></script></head>\n"
                + "<body data-lang=\"" + lang + "\" data-close=\"" + esc(t.get("detail.close")) + "\">\n<header><h1>" + esc(t.get("page.heading")) + "</h1>"
                + "<nav class=\"langs\" aria-label=\"" + esc(t.get("page.language")) + "\">");
        for (Lang l : Lang.values()) {
            Text o = Text.of(l);
            w.write(l == t.lang ? "<strong>" + o.id().toUpperCase(java.util.Locale.ROOT) + "</strong> "
                    : "<a href=\"/?lang=" + o.id() + "\" hreflang=\"" + o.id() + "\" lang=\"" + o.id() + "\">"
                            + esc(o.get("page.language_name")) + "</a> ");
        }
        w.write("</nav></header>\n<p class=\"muted\">" + esc(t.get("page.intro")) + "</p>\n");
        w.write("<form method=\"post\" action=\"/\" id=\"clients\" enctype=\"multipart/form-data\">"
                + "<input type=\"hidden\" name=\"lang\" value=\"" + lang + "\">\n"
                + "<label class=\"file\">" + esc(t.get("form.file")) + " <input type=\"file\" name=\"file\" id=\"file\" "
                + "accept=\".csv,text/csv,text/plain\"></label>\n"
                + "<details id=\"paste\"" + (csv != null && !csv.isEmpty() && !table ? " open" : "") + "><summary>"
                + esc(t.get("form.paste")) + "</summary>"
                + "<textarea name=\"csv\" id=\"csv\" rows=\"10\" spellcheck=\"false\">" + esc(csv) + "</textarea>"
                + "</details>\n<p class=\"buttons\"><button type=\"submit\" id=\"show\">" + esc(t.get("form.show"))
                + "</button> <button type=\"submit\" id=\"download\" formaction=\"/report.csv\">"
                + esc(t.get("form.download")) + "</button></p>\n</form>\n");
        if (message != null) {
            w.write("<p class=\"error\" id=\"message\" role=\"alert\">" + esc(message) + "</p>\n");
        }
        if (!table) {
            return;
        }
        w.write("<div id=\"filters\">"
                + select("f-tier", t.get("filter.tier"), t.get("filter.all"))
                + select("f-eligible", t.get("filter.eligible"), t.get("filter.all"))
                + select("f-deadline", t.get("filter.deadline"), t.get("filter.all"))
                + "<span id=\"shown\" data-template=\"" + esc(t.get("filter.shown")) + "\"></span></div>\n");
        w.write("<table id=\"report\"><colgroup><col class=\"c-client\"><col class=\"c-eligible\">"
                + "<col class=\"c-amount\"><col class=\"c-tier\"><col class=\"c-next\"><col class=\"c-split\">"
                + "<col class=\"c-dates\"><col class=\"c-actions\"></colgroup>\n<thead><tr>");
        for (String[] c : COLUMNS) {
            if (c[1] == null) {
                w.write("<th scope=\"col\">" + esc(t.get(c[0])) + "</th>");
            } else {
                w.write("<th scope=\"col\" data-sort=\"" + c[1] + "\" data-type=\"" + c[2] + "\"><button type=\"button\">"
                        + esc(t.get(c[0])) + "</button></th>");
            }
        }
        w.write("</tr></thead>\n<tbody>\n");
    }

    private static String select(String id, String label, String all) {
        return "<label>" + esc(label) + " <select id=\"" + id + "\"><option value=\"\">" + esc(all)
                + "</option></select></label> ";
    }

    /** The tier's id, readable (its full label is in the detail's checks). */
    private static String label(Evaluation e) {
        return e.tier().replace('_', ' ');
    }

    /** The shown value of the eligible column. */
    private static String eligible(Report.Row r, Text t) {
        return t.get("eligible." + r.eligible());
    }

    /** The date a broker acts on first: the contract deadline, else the extra-information one. */
    static String deadline(Report.Row r) {
        String d = r.milestones.get("contract_deadline");
        return d != null ? d : r.milestones.getOrDefault("extra_info_deadline", "");
    }

    /** Clients shown with a detail row; a larger file's other rows have none (the page stays light). */
    static final int DETAIL_ROWS = 1000;

    /** One client's row and, for the first {@link #DETAIL_ROWS}, its hidden detail row. */
    static void row(Writer w, Report.Row r, Text t, int index) throws IOException {
        Evaluation e = r.evaluation;
        NextTier next = e == null ? null : e.nextTier();
        Allocation a = r.allocation;
        String cls = r.error != null ? "error" : e.eligible() ? "eligible" : "not-eligible";
        StringBuilder b = new StringBuilder(2048);
        b.append("<tr class=\"client ").append(cls).append("\" id=\"r-").append(index)
                .append("\" data-client=\"").append(esc(r.client))
                .append("\" data-eligible=\"").append(r.eligible())
                .append("\" data-tier=\"").append(e == null || e.tier() == null ? "" : esc(e.tier()))
                .append("\" data-amount=\"").append(e == null ? 0 : e.amountCents())
                .append("\" data-next=\"").append(next == null ? 0 : next.amountCents())
                .append("\" data-pension=\"").append(a == null ? 0 : a.pensionCents())
                .append("\" data-solidarity=\"").append(a == null ? 0 : a.solidarityCents())
                .append("\" data-deadline=\"").append(esc(deadline(r)))
                .append("\" data-disputed=\"").append(e == null ? "" : e.disputed() ? "yes" : "no").append("\">");
        b.append("<td class=\"client\"><span class=\"name\">").append(esc(r.client)).append("</span><br><span class=\"muted\">")
                .append(esc(r.profession)).append(" · ").append(esc(r.year)).append(" · ")
                .append(esc(t.get("row.line", r.line))).append("</span>");
        if (index <= DETAIL_ROWS) {
            b.append("<button type=\"button\" class=\"toggle\" aria-expanded=\"false\" aria-controls=\"d-")
                    .append(index).append("\">").append(esc(t.get("detail.open"))).append("</button>");
        }
        b.append("</td>");
        b.append("<td class=\"eligible\">").append(esc(eligible(r, t))).append("</td>");
        b.append("<td class=\"num amount\">").append(e == null ? "" : euros(e.amountCents())).append("</td>");
        b.append("<td class=\"tier\">").append(e == null || e.tier() == null ? "" : esc(label(e))).append("</td>");
        b.append("<td class=\"next\">");
        if (next != null) {
            b.append(esc(next.tier().replace('_', ' '))).append("<br><span class=\"num\">").append(euros(next.amountCents()))
                    .append("</span>");
        }
        b.append("</td><td class=\"split\">");
        if (a != null) {
            b.append(esc(t.get("split.pension"))).append(" ").append(euros(a.pensionCents())).append("<br>")
                    .append(esc(t.get("split.solidarity"))).append(" ").append(euros(a.solidarityCents()));
        }
        b.append("</td><td class=\"dates\">");
        for (String col : new String[] {"contract_deadline", "payment_deadline"}) {
            String d = r.milestones.get(col);
            if (d != null) {
                b.append("<span class=\"date\"><abbr title=\"").append(esc(t.get("date." + col))).append("\">")
                        .append(esc(t.get("date.short." + col))).append("</abbr> ").append(esc(d)).append("</span>");
            }
        }
        b.append("</td><td class=\"actions\"><ul>");
        for (String s : r.actions) {
            b.append("<li>").append(esc(s)).append("</li>");
        }
        b.append("</ul></td></tr>\n");
        if (index <= DETAIL_ROWS) {
            detail(b, r, t, index);
        }
        w.write(b.toString());
    }

    /** The detail row: the checks with their rules and sources, the next tier, the procedure, the split. */
    private static void detail(StringBuilder b, Report.Row r, Text t, int index) {
        Evaluation e = r.evaluation;
        b.append("<tr class=\"detail\" id=\"d-").append(index).append("\" hidden><td colspan=\"8\"><div class=\"detail\">");
        b.append("<h2>").append(esc(t.get("detail.heading", r.client))).append("</h2>");
        if (r.error != null) {
            b.append("<p class=\"error\">").append(esc(r.actions.get(0))).append("</p></div></td></tr>\n");
            return;
        }
        readings(b, r, t);
        b.append("<section class=\"checks\"><h3>").append(esc(t.get("detail.checks"))).append("</h3><table><thead><tr><th>")
                .append(esc(t.get("detail.check"))).append("</th><th>").append(esc(t.get("detail.state"))).append("</th><th>")
                .append(esc(t.get("detail.explanation"))).append("</th><th>").append(esc(t.get("detail.rule")))
                .append("</th><th>").append(esc(t.get("detail.source"))).append("</th></tr></thead><tbody>");
        for (Check k : e.checks()) {
            b.append("<tr class=\"check ").append(k.state().id()).append("\" data-check=\"").append(esc(k.id())).append("\"><td>")
                    .append(esc(k.label())).append("</td><td>").append(esc(t.get("state." + k.state().id())))
                    .append("</td><td>").append(esc(k.detail())).append("</td><td>")
                    .append(k.ruleYear() == 0 ? "" : Integer.toString(k.ruleYear())).append("</td><td>");
            source(b, k.source());
            b.append("</td></tr>");
        }
        b.append("</tbody></table></section>");
        b.append("<section class=\"facts\"><h3>").append(esc(t.get("detail.next_tier"))).append("</h3>");
        NextTier next = e.nextTier();
        if (next == null) {
            b.append("<p>").append(esc(t.get("detail.no_next_tier"))).append("</p>");
        } else {
            b.append("<p class=\"next-tier\">").append(esc(t.get("detail.next_tier_is",
                    r.nextTierLabel != null ? r.nextTierLabel : next.tier(), Messages.formatAmount(next.amountCents(), t.lang))))
                    .append("</p><ul>");
            for (Missing m : next.missing()) {
                b.append("<li>").append(esc(t.get("detail.missing", m.measure().id(),
                        m.measure().toDecimal(m.missing()).stripTrailingZeros().toPlainString(),
                        m.measure().toDecimal(m.threshold()).stripTrailingZeros().toPlainString()))).append("</li>");
            }
            b.append("</ul>");
        }
        b.append("<h3>").append(esc(t.get("detail.procedure"))).append("</h3><dl>");
        for (Map.Entry<String, String> m : r.milestones.entrySet()) {
            b.append("<dt>").append(esc(t.get("date." + m.getKey()))).append("</dt><dd>").append(esc(m.getValue())).append("</dd>");
        }
        b.append("</dl>");
        if (r.allocation != null) {
            Allocation a = r.allocation;
            b.append("<h3>").append(esc(t.get("detail.split"))).append("</h3><p>")
                    .append(esc(t.get("split.pension"))).append(" ").append(euros(a.pensionCents())).append(" · ")
                    .append(esc(t.get("split.solidarity"))).append(" ").append(euros(a.solidarityCents())).append(" · ")
                    .append(esc(t.get("split.fees"))).append(" ").append(euros(a.feesCents()));
            if (r.projection != null) {
                b.append("<br>").append(esc(t.get("split.projected", euros(r.projection.capitalCents()),
                        euros(r.projection.netCapitalCents()))));
            }
            b.append("</p>");
        }
        b.append("<h3>").append(esc(t.get("detail.sources"))).append("</h3><p class=\"source\">");
        source(b, e.source());
        b.append("</p></section></div></td></tr>\n");
    }

    /** The verdict under each reading of a disputed rule, with its note (the sources' words), and carried thresholds. */
    private static void readings(StringBuilder b, Report.Row r, Text t) {
        Evaluation e = r.evaluation;
        List<Reading> rs = e.readings();
        if (rs.isEmpty() && e.carriedFrom() == 0) {
            return;
        }
        b.append("<section class=\"readings\">");
        if (e.carriedFrom() != 0) {
            b.append("<p class=\"carried\">").append(esc(t.get("action.carried", Integer.toString(e.carriedFrom()),
                    Integer.toString(e.premiumYear())))).append("</p>");
        }
        if (rs.isEmpty()) {
            b.append("</section>");
            return;
        }
        b.append("<h3>").append(esc(t.get("detail.readings"))).append("</h3><p class=\"readings-verdict\">")
                .append(esc(t.get(e.disputed() ? "detail.readings_differ" : "detail.readings_same")))
                .append("</p><table class=\"readings\"><thead><tr><th>").append(esc(t.get("detail.dispute")))
                .append("</th><th>").append(esc(t.get("detail.reading"))).append("</th><th>")
                .append(esc(t.get("detail.verdict"))).append("</th><th>").append(esc(t.get("detail.note")))
                .append("</th></tr></thead><tbody>");
        for (int i = 0; i < rs.size(); i++) {
            Reading g = rs.get(i);
            String id = g.isDefault() ? t.get("detail.reading_default", g.id()) : g.id();
            b.append("<tr class=\"reading").append(g.applied() ? " applied" : "").append("\" data-reading=\"")
                    .append(esc(g.id())).append("\"><td>").append(esc(Readings.disputeName(g.dispute(), t.lang)))
                    .append("</td><td>").append(esc(id));
            if (g.applied()) {
                b.append(" <strong>").append(esc(t.get("detail.reading_applied"))).append("</strong>");
            }
            b.append("</td><td>").append(esc(i < r.readingVerdicts.size() ? r.readingVerdicts.get(i) : ""))
                    .append("</td><td class=\"note\">").append(esc(Readings.note(g, t.lang))).append("</td></tr>");
        }
        b.append("</tbody></table></section>");
    }

    /** A source: a link when it is a web address (opened by the broker, never fetched by the page). */
    private static void source(StringBuilder b, String s) {
        if (s == null || s.isEmpty()) {
            return;
        }
        for (String part : s.split("\\s+")) {
            if (part.startsWith("https://") || part.startsWith("http://")) {
                int from = part.indexOf("//") + 2;
                int to = part.indexOf('/', from);
                String site = part.substring(from, to < 0 ? part.length() : to);
                b.append("<a href=\"").append(esc(part)).append("\" title=\"").append(esc(part))
                        .append("\" rel=\"noreferrer noopener\" target=\"_blank\">").append(esc(site)).append("</a> ");
            } else if (!part.equals(";")) {
                b.append(esc(part)).append(' ');
            }
        }
    }

    /** The totals row and the end of the page. */
    static void foot(Writer w, Text t, Report.Totals s) throws IOException {
        if (s.clients > DETAIL_ROWS) {
            w.write("<tr class=\"note\"><td colspan=\"8\">" + esc(t.get("detail.limit", DETAIL_ROWS)) + "</td></tr>\n");
        }
        w.write("</tbody>\n<tfoot><tr id=\"totals\" data-clients=\"" + s.clients + "\" data-eligible=\"" + s.eligible
                + "\" data-premium=\"" + s.premiumCents + "\" data-pension=\"" + s.pensionCents
                + "\" data-solidarity=\"" + s.solidarityCents + "\"><th scope=\"row\" data-total=\"clients\" data-template=\""
                + esc(t.get("totals.clients")) + "\">" + esc(t.get("totals.clients", s.clients)) + "</th>"
                + "<td data-total=\"eligible\" data-template=\"" + esc(t.get("totals.eligible")) + "\">"
                + esc(t.get("totals.eligible", s.eligible)) + "</td>"
                + "<td class=\"num\" data-total=\"premium\">" + euros(s.premiumCents) + "</td><td></td><td></td>"
                + "<td data-total=\"split\" data-template=\"" + esc(t.get("totals.split")) + "\">"
                + esc(t.get("totals.split", euros(s.pensionCents), euros(s.solidarityCents))) + "</td>"
                + "<td></td><td>" + esc(t.get("totals.premium_note")) + "</td></tr></tfoot></table>\n");
        end(w);
    }

    /** The end of the page. */
    static void end(Writer w) throws IOException {
        w.write("</body></html>\n");
    }

    /** A whole page for an error (the details are in the server's log). */
    static String error(Text t, int status, String message) {
        return "<!DOCTYPE html>\n<html lang=\"" + t.id() + "\"><head><meta charset=\"utf-8\"><title>" + status + " "
                + esc(t.get("page.title")) + "</title><link rel=\"stylesheet\" href=\"/page.css\"></head><body>"
                + "<h1>" + status + "</h1><p class=\"error\" id=\"message\">" + esc(message) + "</p><p><a href=\"/?lang="
                + t.id() + "\">" + esc(t.get("page.back")) + "</a></p></body></html>\n";
    }
}
