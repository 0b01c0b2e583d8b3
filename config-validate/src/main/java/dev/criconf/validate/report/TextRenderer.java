package dev.criconf.validate.report;

import dev.criconf.model.Origin;
import dev.criconf.validate.Finding;
import dev.criconf.validate.Fix;
import dev.criconf.validate.Redactor;
import dev.criconf.validate.RelatedLocation;
import dev.criconf.validate.Report;
import dev.criconf.validate.Secrets;
import dev.criconf.validate.Severity;
import dev.criconf.validate.Summary;
import dev.criconf.validate.Validator;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * Text for people and editors, one finding per line in the form compilers use:
 * <pre>
 * nodes/a/etc/containerd/config.toml:2:1: error: expected ']' [syntax-error]
 *   nodes/a/etc/containerd/config.toml:5:3: unterminated string
 *   fix: set the kubelet's cgroupDriver to systemd
 * 1 error, 0 warnings, 0 info (1 node, 2 files)
 * </pre>
 * Related locations and fixes are indented below their finding; the summary line comes last.
 * Paths are joined to the node root. Control characters in messages are escaped, so file
 * content quoted in a message cannot move the cursor or recolour a terminal. Colour (ANSI) is
 * off unless asked for; the CLI decides (a terminal, and no {@code NO_COLOR}).
 */
public final class TextRenderer implements ReportRenderer {

    private static final String RESET = "\u001b[0m";
    private static final String BOLD = "\u001b[1m";
    private static final String DIM = "\u001b[2m";

    private final boolean colour;

    /** @param colour whether to add ANSI colour escapes */
    public TextRenderer(boolean colour) {
        this.colour = colour;
    }

    /** A renderer without colour. */
    public static TextRenderer plain() {
        return new TextRenderer(false);
    }

    @Override
    public void render(List<Report> reports, Writer out) throws IOException {
        Secrets secrets = Secrets.none();
        for (Report r : reports) {
            secrets = secrets.union(r.secrets());
        }
        Redactor redactor = Redactor.of(secrets);
        int files = 0;
        for (Report r : reports) {
            files += r.files().size();
            for (Finding f : r.findings()) {
                writeFinding(out, r.root(), f, redactor);
            }
        }
        out.write(summaryLine(Summary.ofReports(reports), reports.size(), files));
        out.write('\n');
        out.flush();
    }

    /** Writes each node's findings as it is given; the summary line on close. */
    @Override
    public ReportStream stream(Writer out) {
        return new ReportStream() {
            private final StreamRedaction redaction = new StreamRedaction();
            private Summary summary = new Summary(0, 0, 0);
            private int nodes;
            private int files;

            @Override
            public void write(Report report) throws IOException {
                Redactor redactor = redaction.next(report);
                nodes++;
                files += report.files().size();
                for (Finding f : report.findings()) {
                    writeFinding(out, report.root(), f, redactor);
                }
                summary = summary.plus(report.summary());
            }

            @Override
            public void close() throws IOException {
                out.write(summaryLine(summary, nodes, files));
                out.write('\n');
                out.flush();
            }
        };
    }

    private void writeFinding(Writer out, String root, Finding f, Redactor redactor) throws IOException {
        out.write(style(BOLD, location(root, f.location())));
        out.write(": ");
        out.write(style(severityStyle(f.severity()), f.severity().word()));
        out.write(": ");
        out.write(clean(redactor.redact(f.message())));
        out.write(' ');
        out.write(style(DIM, "[" + f.ruleId() + "]"));
        out.write('\n');
        for (RelatedLocation r : f.related()) {
            out.write("  ");
            out.write(location(root, r.location()));
            out.write(": ");
            out.write(clean(redactor.redact(r.message())));
            out.write('\n');
        }
        for (Fix fix : f.fixes()) {
            out.write("  ");
            out.write(fix.machineApplicable() ? "fix: " : "suggestion: ");
            out.write(clean(redactor.redact(fix.description())));
            out.write('\n');
        }
    }

    private static String location(String root, Origin o) {
        String path = clean(Paths.display(root, o.file()));
        return o.file().equals(Validator.NODE_FILE) ? path : path + ":" + o.line() + ":" + o.column();
    }

    private String summaryLine(Summary s, int nodes, int files) {
        String errors = count(s.errors(), "error", "errors");
        String warnings = count(s.warnings(), "warning", "warnings");
        String infos = s.infos() + " info";
        return (s.errors() > 0 ? style(severityStyle(Severity.ERROR), errors) : errors) + ", "
                + (s.warnings() > 0 ? style(severityStyle(Severity.WARNING), warnings) : warnings) + ", "
                + (s.infos() > 0 ? style(severityStyle(Severity.INFO), infos) : infos)
                + " (" + count(nodes, "node", "nodes") + ", " + count(files, "file", "files") + ")";
    }

    private static String count(int n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }

    private static String severityStyle(Severity s) {
        switch (s) {
            case ERROR:
                return "\u001b[1;31m";
            case WARNING:
                return "\u001b[1;33m";
            default:
                return "\u001b[1;36m";
        }
    }

    private String style(String code, String text) {
        return colour ? code + text + RESET : text;
    }

    /**
     * Escapes C0 and C1 control characters and the Unicode bidirectional overrides, so a message
     * stays on one line and shows what the file holds.
     */
    static String clean(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String escape = escape(c);
            if (escape == null) {
                if (out != null) {
                    out.append(c);
                }
                continue;
            }
            if (out == null) {
                out = new StringBuilder(text.length() + 8).append(text, 0, i);
            }
            out.append(escape);
        }
        return out == null ? text : out.toString();
    }

    private static String escape(char c) {
        switch (c) {
            case '\n':
                return "\\n";
            case '\r':
                return "\\r";
            case '\t':
                return "\\t";
            default:
                break;
        }
        boolean control = c < 0x20 || (c >= 0x7f && c <= 0x9f);
        boolean bidi = (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069');
        return control || bidi ? String.format("\\u%04x", (int) c) : null;
    }
}
