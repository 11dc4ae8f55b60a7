package be.inami.broker;

import be.inami.Allocation;
import be.inami.Check;
import be.inami.Evaluation;
import be.inami.NextTier;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** The HTML page: the client list (upload or edit) and the report as a table. */
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

    private static String euros(long cents) {
        return BigDecimal.valueOf(cents, 2).toPlainString();
    }

    private static final String STYLE = String.join("\n",
            "body{font-family:sans-serif;margin:1.5em;color:#222}",
            "textarea{width:100%;font-family:monospace}",
            "table{border-collapse:collapse;margin-top:1em;width:100%}",
            "th,td{border:1px solid #bbb;padding:.3em .5em;vertical-align:top;text-align:left}",
            "th{background:#eee}",
            "tr.eligible td.eligible{background:#dfd}",
            "tr.not-eligible td.eligible{background:#fdd}",
            "tr.error td{background:#fee}",
            "td.num{text-align:right;font-variant-numeric:tabular-nums}",
            "li.failed{color:#a00}li.action{color:#a60}li.assumed{color:#555}",
            ".muted{color:#666;font-size:.9em}");

    /** The whole page for a client file and its report. */
    static String render(String csv, List<Report.Row> rows, String message) {
        StringBuilder b = new StringBuilder(8192);
        b.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<title>inami-broker: statut social report</title><style>").append(STYLE)
                .append("</style></head>\n<body>\n<h1>INAMI/RIZIV statut social: client report</h1>\n");
        b.append("<p class=\"muted\">Computed by libinami from sourced figures; every check names its rule. ")
                .append("An empty cell means \"not given\".</p>\n");
        b.append("<form method=\"post\" action=\"/\" id=\"clients\">\n")
                .append("<p><label>Upload a client file (CSV): <input type=\"file\" id=\"file\" ")
                .append("accept=\".csv,text/csv,text/plain\"></label></p>\n")
                .append("<p><label for=\"csv\">or edit the client list:</label></p>\n")
                .append("<textarea name=\"csv\" id=\"csv\" rows=\"12\" spellcheck=\"false\">").append(esc(csv))
                .append("</textarea>\n<p><button type=\"submit\" id=\"show\">Show report</button> ")
                .append("<button type=\"submit\" formaction=\"/report.csv\">Download report (CSV)</button></p>\n")
                .append("</form>\n");
        b.append("<script>document.getElementById('file').addEventListener('change',function(e){")
                .append("var f=e.target.files[0];if(!f)return;f.text().then(function(t){")
                .append("document.getElementById('csv').value=t;document.getElementById('clients').submit();});});")
                .append("</script>\n");
        if (message != null) {
            b.append("<p class=\"error\" id=\"message\">").append(esc(message)).append("</p>\n");
        }
        b.append("<table id=\"report\"><thead><tr><th>client</th><th>line</th><th>profession</th><th>year</th>")
                .append("<th>eligible</th><th>amount (EUR)</th><th>tier</th><th>payee</th><th>next tier</th>")
                .append("<th>split (EUR)</th><th>procedure</th><th>actions and checks</th></tr></thead>\n<tbody>\n");
        for (Report.Row r : rows) {
            row(b, r);
        }
        b.append("</tbody></table>\n</body></html>\n");
        return b.toString();
    }

    private static void row(StringBuilder b, Report.Row r) {
        Evaluation e = r.evaluation;
        String cls = r.error != null ? "error" : e.eligible() ? "eligible" : "not-eligible";
        b.append("<tr class=\"").append(cls).append("\" data-client=\"").append(esc(r.client)).append("\">");
        td(b, "client", esc(r.client));
        td(b, "num", Integer.toString(r.line));
        td(b, null, esc(r.profession));
        td(b, "num", esc(r.year));
        td(b, "eligible", r.eligible());
        td(b, "num amount", e == null ? "" : euros(e.amountCents()));
        td(b, "tier", e == null || e.tier() == null ? "" : esc(e.tier()));
        td(b, "payee", e == null ? "" : esc(e.payee().id()));
        NextTier next = e == null ? null : e.nextTier();
        td(b, "next", next == null ? "" : esc(next.tier()) + " (" + euros(next.amountCents()) + ")");
        Allocation a = r.allocation;
        td(b, "split", a == null ? "" : "pension " + euros(a.pensionCents()) + "<br>solidarity "
                + euros(a.solidarityCents()) + "<br>fees " + euros(a.feesCents())
                + (r.projection == null ? "" : "<br>projected capital " + euros(r.projection.capitalCents())
                        + "<br>projected net " + euros(r.projection.netCapitalCents())));
        StringBuilder dates = new StringBuilder();
        for (Map.Entry<String, String> m : r.milestones.entrySet()) {
            dates.append(esc(m.getKey().replace('_', ' '))).append(": ").append(esc(m.getValue())).append("<br>");
        }
        td(b, "dates", dates.toString());
        StringBuilder act = new StringBuilder("<ul class=\"actions\">");
        for (String s : r.actions) {
            act.append("<li>").append(esc(s)).append("</li>");
        }
        act.append("</ul>");
        if (e != null) {
            act.append("<details><summary>checks</summary><ul class=\"checks\">");
            for (Check k : e.checks()) {
                act.append("<li class=\"").append(k.state().id()).append("\">[").append(k.state().id()).append("] ")
                        .append(esc(k.label())).append(": ").append(esc(k.detail()));
                if (k.ruleYear() != 0) {
                    act.append(" <span class=\"muted\">(rule ").append(k.ruleYear()).append(")</span>");
                }
                act.append("</li>");
            }
            act.append("</ul></details>");
        }
        td(b, "actions", act.toString());
        b.append("</tr>\n");
    }

    private static void td(StringBuilder b, String cls, String html) {
        b.append(cls == null ? "<td>" : "<td class=\"" + cls + "\">").append(html).append("</td>");
    }
}
