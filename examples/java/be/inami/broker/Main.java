package be.inami.broker;

import be.inami.InamiException;
import be.inami.Lang;
import be.inami.NativeLibrary;
import be.inami.Products;
import be.inami.Rules;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * inami-broker: the broker's view of libinami.
 *
 * <pre>
 * inami-broker report CLIENTS.csv [options]      CSV report on stdout
 * inami-broker serve [--port N] [--bind ADDR] [--clients CLIENTS.csv] [options]
 * options: --rules FILE (layer, repeatable) --products FILE --allow-derived --lang en|fr|nl
 * </pre>
 */
public final class Main {
    /** Client rows the server takes in one file unless --max-rows says otherwise. */
    static final int DEFAULT_MAX_ROWS = 100_000;

    static final String USAGE = String.join("\n",
            "usage: inami-broker report CLIENTS.csv [--rules FILE]... [--products FILE] [--allow-derived] [--lang en|fr|nl]",
            "       inami-broker serve [--port N] [--bind ADDR] [--host NAME]... [--max-rows N]",
            "                          [--head-timeout S] [--body-timeout S]",
            "                          [--clients CLIENTS.csv] [--rules FILE]... [--products FILE] [--allow-derived]",
            "",
            "report: one CSV line per client on stdout (client,eligible,amount_cents,tier,payee,next_tier,",
            "  actions,...); a bad row is reported with its line number (eligible=error, also on stderr)",
            "  and the other rows are processed. Exit 0 when every row was evaluated, 1 when a row or the",
            "  file was in error, 2 on a bad command line.",
            "serve: a web page on http://ADDR:N/ (default 127.0.0.1:8080) where the client list is",
            "  uploaded or pasted and the report shown as a table with the explained checks, and a",
            "  JSON API (/api/evaluate, /api/report, /api/openapi.json). Requests must name the",
            "  server's address (or a --host NAME) in Host; a file has at most --max-rows client rows",
            "  (default " + DEFAULT_MAX_ROWS + "); a client has --head-timeout seconds (default 10) to send",
            "  its request line and headers and --body-timeout seconds (default 30) for its body.",
            "Client file header: client,profession,year,prestations,m_values,hours_per_week,reimbursed,",
            "  convention,specialty,retired (an empty cell = not given; retired is yes/no); optional",
            "  r_values,v_values,convention_start,convention_end,first_number,trainee,employment,",
            "  sanctioned,contracts,product,solidarity_share,entry_fee,contract_type,projection_years,",
            "  guaranteed_rate,management_fee, and reading (the reading to apply where the sources",
            "  dispute a rule, e.g. reduced_threshold; the report shows the verdict under each and",
            "  the disputed and carried_from columns). See docs/java.md.");

    private Main() {
    }

    /** Parsed common options. */
    static final class Args {
        String command;
        String file;
        int port = 8080;
        String bind = "127.0.0.1";
        List<String> hosts = new ArrayList<>();
        Http.Limits limits = new Http.Limits();
        Report.Options options = new Report.Options();
    }

    static final class UsageError extends Exception {
        private static final long serialVersionUID = 1L;

        UsageError(String m) {
            super(m);
        }
    }

    static Args parse(String[] argv) throws UsageError {
        if (argv.length == 0) {
            throw new UsageError("a command is required (report or serve)");
        }
        Args a = new Args();
        a.options.maxRows = DEFAULT_MAX_ROWS;
        a.command = argv[0];
        if (!a.command.equals("report") && !a.command.equals("serve")) {
            throw new UsageError("unknown command '" + a.command + "' (report or serve)");
        }
        for (int i = 1; i < argv.length; i++) {
            String s = argv[i];
            switch (s) {
                case "--rules": {
                    Rules base = a.options.rules;
                    a.options.rules = base.layer(Path.of(value(argv, ++i, s)));
                    base.close(); // a layer outlives its base (nothing happens to the defaults)
                    break;
                }
                case "--products":
                    if (a.options.products != null) {
                        a.options.products.close();
                    }
                    a.options.products = Products.load(Path.of(value(argv, ++i, s)));
                    break;
                case "--allow-derived":
                    a.options.allowDerived = true;
                    break;
                case "--lang":
                    try {
                        a.options.lang = Lang.fromId(value(argv, ++i, s));
                    } catch (InamiException e) {
                        throw new UsageError("--lang: " + e.getMessage());
                    }
                    break;
                case "--port":
                    try {
                        a.port = Integer.parseInt(value(argv, ++i, s));
                    } catch (NumberFormatException e) {
                        throw new UsageError("--port: '" + argv[i] + "' is not a number");
                    }
                    if (a.port < 0 || a.port > 65535) {
                        throw new UsageError("--port: " + a.port + " is not a TCP port");
                    }
                    break;
                case "--bind":
                    a.bind = value(argv, ++i, s);
                    break;
                case "--host":
                    a.hosts.add(value(argv, ++i, s));
                    break;
                case "--head-timeout":
                    a.limits.headTimeoutMs = seconds(argv, ++i, s);
                    break;
                case "--body-timeout":
                    a.limits.bodyTimeoutMs = seconds(argv, ++i, s);
                    break;
                case "--max-rows":
                    try {
                        a.options.maxRows = Integer.parseInt(value(argv, ++i, s));
                    } catch (NumberFormatException e) {
                        throw new UsageError("--max-rows: '" + argv[i] + "' is not a number");
                    }
                    if (a.options.maxRows < 1) {
                        throw new UsageError("--max-rows: at least 1");
                    }
                    break;
                case "--clients":
                    a.file = value(argv, ++i, s);
                    break;
                default:
                    if (s.startsWith("-") && !s.equals("-")) {
                        throw new UsageError("unknown option " + s);
                    }
                    if (a.file != null) {
                        throw new UsageError("one client file only");
                    }
                    a.file = s;
            }
        }
        if (a.command.equals("report") && a.file == null) {
            throw new UsageError("report needs a client file (CLIENTS.csv, or - for standard input)");
        }
        return a;
    }

    /** A whole number of seconds from 1 to 3600, in milliseconds. */
    private static int seconds(String[] argv, int i, String option) throws UsageError {
        String v = value(argv, i, option);
        try {
            int n = Integer.parseInt(v);
            if (n >= 1 && n <= 3600) {
                return n * 1000;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new UsageError(option + ": '" + v + "' is not 1 to 3600 seconds");
    }

    private static String value(String[] argv, int i, String option) throws UsageError {
        if (i >= argv.length) {
            throw new UsageError(option + " needs a value");
        }
        return argv[i];
    }

    /** The CSV report's header in a language (English: the column ids). */
    static List<String> header(Text t) {
        List<String> h = new ArrayList<>();
        for (String c : Report.COLUMNS) {
            h.add(t.get("col." + c));
        }
        return h;
    }

    /** Write the CSV report, row by row; returns the exit status. */
    static int report(BufferedReader in, String name, Report.Options o, PrintStream out, PrintStream err)
            throws IOException {
        Text t = Text.of(o.lang);
        int[] status = {0};
        out.print(Csv.line(header(t)) + "\n");
        try {
            Report.run(in, o, t, r -> {
                if (r.error != null) {
                    err.println("inami-broker: " + name + ":" + r.line + ": "
                            + (r.errorColumn == null ? "" : r.errorColumn + ": ") + r.error);
                    status[0] = 1;
                }
                out.print(Csv.line(r.fields()) + "\n");
            });
        } catch (Report.FileError e) {
            err.println("inami-broker: " + name + ":" + e.line + ": " + e.getMessage());
            status[0] = 1;
        }
        out.flush();
        return status[0];
    }

    /**
     * Entry point.
     *
     * @param argv command line
     */
    public static void main(String[] argv) {
        if (argv.length > 0 && (argv[0].equals("--help") || argv[0].equals("-h")
                || (argv.length > 1 && argv[1].equals("--help")))) {
            System.out.println(USAGE);
            return;
        }
        int status;
        try {
            NativeLibrary.load();
            Args a = parse(argv);
            if (a.command.equals("report")) {
                PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
                try (Report.Options options = a.options) {
                    if (a.file.equals("-")) {
                        status = report(new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)),
                                "<stdin>", options, out, System.err);
                    } else {
                        try (BufferedReader in = Files.newBufferedReader(Path.of(a.file), StandardCharsets.UTF_8)) {
                            status = report(in, a.file, options, out, System.err);
                        }
                    }
                }
            } else {
                // the server uses the options until the process ends
                String initial = a.file == null ? "" : Files.readString(Path.of(a.file), StandardCharsets.UTF_8);
                Server.start(a.bind, a.port, a.hosts, initial, a.options, a.limits);
                return; // the server thread keeps the JVM alive
            }
        } catch (UsageError e) {
            System.err.println("inami-broker: " + e.getMessage());
            System.err.println(USAGE);
            status = 2;
        } catch (InamiException e) {
            System.err.println("inami-broker: " + e.getMessage());
            status = 1;
        } catch (IOException e) {
            System.err.println("inami-broker: " + e);
            status = 1;
        } catch (UnsatisfiedLinkError e) {
            System.err.println("inami-broker: " + e.getMessage());
            status = 1;
        }
        System.exit(status);
    }
}
