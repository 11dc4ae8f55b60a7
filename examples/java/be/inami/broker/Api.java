package be.inami.broker;

import be.inami.Check;
import be.inami.Evaluation;
import be.inami.Reading;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The JSON API: POST /api/evaluate (one provider, the client file's columns as
 * members) and POST /api/report (a client file, as text/csv or as the "csv"
 * member of a JSON object). The rows are those of the CSV report, by the same
 * code, with the verdict under each reading where the sources dispute a rule;
 * described by /api/openapi.json.
 */
final class Api {
    private final Report.Options options;
    private final Server server;

    Api(Report.Options options, Server server) {
        this.options = options;
        this.server = server;
    }

    void handle(Http.Request req, Http.Response res, Text t) throws IOException {
        String type = req.header("content-type");
        String base = type == null ? "" : type.split(";")[0].trim().toLowerCase(Locale.ROOT);
        boolean report = req.path.equals("/api/report");
        if (!base.equals("application/json") && !(report && base.equals("text/csv"))) {
            server.fail(req, res, 415, t, t.get(report ? "api.type_report" : "api.type_evaluate"));
            return;
        }
        String body;
        try {
            body = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(req.body)).toString();
        } catch (CharacterCodingException e) {
            server.fail(req, res, 400, t, t.get("api.not_utf8"));
            return;
        }
        String csv = null;
        Map<String, Object> object = null;
        if (base.equals("text/csv")) {
            csv = body;
        } else {
            Object v;
            try {
                v = Json.parse(body);
            } catch (Json.Bad e) {
                server.fail(req, res, 400, t, t.get("api.bad_json", e.offset, e.getMessage()));
                return;
            }
            if (!(v instanceof Map)) {
                server.fail(req, res, 400, t, t.get("api.not_object"));
                return;
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> o = (Map<String, Object>) v;
            object = o;
            Object lang = object.remove("lang");
            if (lang != null) {
                if (!(lang instanceof String) || Text.parse((String) lang) == null) {
                    server.fail(req, res, 400, t, t.get("api.bad_lang"));
                    return;
                }
                t = Text.of(Text.parse((String) lang));
            }
            if (report) {
                for (String k : object.keySet()) {
                    if (!k.equals("csv")) {
                        server.fail(req, res, 400, t, t.get("api.unknown_member", k, "csv, lang"));
                        return;
                    }
                }
                if (!(object.get("csv") instanceof String)) {
                    server.fail(req, res, 400, t, t.get("api.csv_member"));
                    return;
                }
                csv = (String) object.get("csv");
            }
        }
        if (!server.enter()) {
            server.fail(req, res, 503, t, t.get("http.503"));
            return;
        }
        try {
            if (report) {
                report(req, res, t, csv);
            } else {
                evaluate(req, res, t, object);
            }
        } finally {
            server.leave();
        }
    }

    private void evaluate(Http.Request req, Http.Response res, Text t, Map<String, Object> object) throws IOException {
        List<String> fields = new ArrayList<>();
        Map<String, Integer> cols = new HashMap<>();
        for (Map.Entry<String, Object> e : object.entrySet()) {
            if (!Client.KNOWN.contains(e.getKey())) {
                server.fail(req, res, 400, t, t.get("api.unknown_member", e.getKey(),
                        String.join(", ", Client.KNOWN) + ", lang"));
                return;
            }
            Object v = e.getValue();
            String cell;
            if (v == null) {
                cell = "";
            } else if (v instanceof String) {
                cell = (String) v;
            } else if (v instanceof BigDecimal) {
                cell = ((BigDecimal) v).toPlainString();
            } else if (v instanceof Boolean) {
                cell = (Boolean) v ? "yes" : "no";
            } else {
                server.fail(req, res, 400, t, t.get("api.bad_member", e.getKey()));
                return;
            }
            cols.put(e.getKey(), fields.size());
            fields.add(cell);
        }
        for (String r : Client.REQUIRED) {
            if (!cols.containsKey(r)) {
                server.fail(req, res, 400, t, t.get("api.missing_member", r));
                return;
            }
        }
        Report.Row row = Report.row(new Csv.Record(1, fields), cols, options, t);
        if (row.error != null) {
            res.send(422, "application/json", "{\"error\":" + Json.quote(row.error) + ",\"column\":"
                    + Json.quote(row.errorColumn) + ",\"status\":422}\n");
            return;
        }
        res.send(200, "application/json", row(row) + "\n");
    }

    private void report(Http.Request req, Http.Response res, Text t, String csv) throws IOException {
        try {
            Report.check(Server.reader(csv), t, options.maxRows);
        } catch (Report.FileError e) {
            String message = e.line > 0 ? t.get("err.at_line", e.line, e.getMessage()) : e.getMessage();
            res.send(422, "application/json", "{\"error\":" + Json.quote(message) + ",\"line\":" + e.line
                    + ",\"status\":422}\n");
            return;
        }
        Report.Totals totals = new Report.Totals();
        BufferedReader in = Server.reader(csv);
        try (Writer w = Server.writer(res.start(200, "application/json"))) {
            w.write("{\"rows\":[");
            boolean[] first = {true};
            Report.run(in, options, t, r -> {
                totals.add(r);
                w.write(first[0] ? "\n" : ",\n");
                first[0] = false;
                w.write(row(r));
            });
            w.write("\n],\"totals\":{\"clients\":" + totals.clients + ",\"eligible\":" + totals.eligible
                    + ",\"errors\":" + totals.errors + ",\"premium_cents\":" + totals.premiumCents
                    + ",\"pension_cents\":" + totals.pensionCents + ",\"solidarity_cents\":" + totals.solidarityCents
                    + ",\"fees_cents\":" + totals.feesCents + "}}\n");
        } catch (Report.FileError e) {
            throw new IllegalStateException("the file changed between its check and its report", e);
        }
    }

    /** A report row as a JSON object: the CSV report's columns (numbers as numbers), the checks, the error. */
    static String row(Report.Row r) {
        StringBuilder b = new StringBuilder(1024).append('{');
        List<String> f = r.fields();
        for (int i = 0; i < Report.COLUMNS.size(); i++) {
            String k = Report.COLUMNS.get(i);
            String v = f.get(i);
            if (i > 0) {
                b.append(',');
            }
            b.append(Json.quote(k)).append(':');
            if (k.equals("actions")) {
                b.append('[');
                for (int j = 0; j < r.actions.size(); j++) {
                    b.append(j > 0 ? "," : "").append(Json.quote(r.actions.get(j)));
                }
                b.append(']');
            } else if (v.isEmpty()) {
                b.append("null");
            } else if (k.endsWith("_cents") || k.equals("line") || k.equals("carried_from")) {
                b.append(v);
            } else {
                b.append(Json.quote(v));
            }
        }
        b.append(",\"error\":").append(Json.quote(r.error)).append(",\"error_column\":").append(Json.quote(r.errorColumn));
        b.append(",\"checks\":[");
        Evaluation e = r.evaluation;
        if (e != null) {
            boolean first = true;
            for (Check k : e.checks()) {
                b.append(first ? "" : ",").append("{\"id\":").append(Json.quote(k.id()))
                        .append(",\"state\":").append(Json.quote(k.state().id()))
                        .append(",\"blocking\":").append(k.blocking())
                        .append(",\"label\":").append(Json.quote(k.label()))
                        .append(",\"detail\":").append(Json.quote(k.detail()))
                        .append(",\"rule_year\":").append(k.ruleYear() == 0 ? "null" : Integer.toString(k.ruleYear()))
                        .append(",\"source\":").append(Json.quote(k.source())).append('}');
                first = false;
            }
        }
        b.append("],\"readings\":[");
        if (e != null) {
            List<Reading> rs = e.readings();
            for (int i = 0; i < rs.size(); i++) {
                Reading g = rs.get(i);
                b.append(i > 0 ? "," : "").append("{\"dispute\":").append(Json.quote(g.dispute()))
                        .append(",\"id\":").append(Json.quote(g.id()))
                        .append(",\"default\":").append(g.isDefault())
                        .append(",\"applied\":").append(g.applied())
                        .append(",\"status\":").append(g.status())
                        .append(",\"eligible\":").append(g.eligible())
                        .append(",\"tier\":").append(Json.quote(g.tier()))
                        .append(",\"amount_cents\":").append(g.amountCents())
                        .append(",\"verdict\":").append(Json.quote(i < r.readingVerdicts.size() ? r.readingVerdicts.get(i) : null))
                        .append(",\"provenance\":").append(Json.quote(g.provenance().id()))
                        .append(",\"source\":").append(Json.quote(g.source()))
                        .append(",\"note\":").append(Json.quote(g.note())).append('}');
            }
        }
        b.append("],\"source\":").append(Json.quote(e == null ? null : e.source()));
        return b.append('}').toString();
    }
}
