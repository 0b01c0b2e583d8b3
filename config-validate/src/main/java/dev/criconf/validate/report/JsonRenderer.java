package dev.criconf.validate.report;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.criconf.model.Origin;
import dev.criconf.validate.Finding;
import dev.criconf.validate.Fix;
import dev.criconf.validate.Redactor;
import dev.criconf.validate.RelatedLocation;
import dev.criconf.validate.Report;
import dev.criconf.validate.Secrets;
import dev.criconf.validate.Summary;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Objects;

/**
 * The JSON document of {@code criconf lint --format json} (docs: CLI.md):
 * <pre>{@code
 * {"tool": {"name", "version"},
 *  "nodes": [{"root", "files": [...],
 *             "findings": [{"rule", "severity", "message",
 *                           "location": {"file", "line", "column"},
 *                           "related": [{"file", "line", "column", "message"}],
 *                           "fix": {"description", "machineApplicable", "edits": [{"op", ...}]},
 *                           "fixes": [ ...every fix, most preferred first... ]}]}],
 *  "summary": {"error", "warning", "info"}}
 * }</pre>
 * {@code fix} is the preferred fix and is absent when there is none; {@code fixes} lists all of
 * them (the first is {@code fix}) and is always present, like {@code related}. Each edit is an
 * object with {@code op} (the edit's kind in kebab-case, e.g. {@code set-cgroup-driver}) and the
 * edit's own fields; enum values are lower-kebab-case. Files are relative to the node root; a
 * finding about the node as a whole (e.g. {@code internal-error}) has file {@code "."} at 1:1.
 */
public final class JsonRenderer implements ReportRenderer {

    private final ToolInfo tool;

    /** A renderer that names {@code tool} in the document's {@code tool} object. */
    public JsonRenderer(ToolInfo tool) {
        this.tool = Objects.requireNonNull(tool, "tool");
    }

    @Override
    public void render(List<Report> reports, Writer out) throws IOException {
        Secrets secrets = Secrets.none();
        for (Report r : reports) {
            secrets = secrets.union(r.secrets());
        }
        Redactor redactor = Redactor.of(secrets);
        try (JsonGenerator g = Json.generator(out)) {
            writeHead(g);
            for (Report r : reports) {
                writeNode(g, r, redactor);
            }
            Summary s = Summary.ofReports(reports);
            writeTail(g, s.errors(), s.warnings(), s.infos());
        }
        out.write('\n');
        out.flush();
    }

    private void writeHead(JsonGenerator g) throws IOException {
        g.writeStartObject();
        g.writeObjectFieldStart("tool");
        g.writeStringField("name", tool.name());
        g.writeStringField("version", tool.version());
        g.writeEndObject();
        g.writeArrayFieldStart("nodes");
    }

    private static void writeTail(JsonGenerator g, int errors, int warnings, int infos) throws IOException {
        g.writeEndArray();
        g.writeObjectFieldStart("summary");
        g.writeNumberField("error", errors);
        g.writeNumberField("warning", warnings);
        g.writeNumberField("info", infos);
        g.writeEndObject();
        g.writeEndObject();
    }

    /** Writes the {@code tool} object and each node as it is given; the summary on close. */
    @Override
    public ReportStream stream(Writer out) {
        return new ReportStream() {
            private final StreamRedaction redaction = new StreamRedaction();
            private JsonGenerator g;
            private int errors;
            private int warnings;
            private int infos;

            private JsonGenerator started() throws IOException {
                if (g == null) {
                    g = Json.generator(out);
                    writeHead(g);
                }
                return g;
            }

            @Override
            public void write(Report report) throws IOException {
                JsonGenerator gen = started();
                writeNode(gen, report, redaction.next(report));
                gen.flush(); // the node is out: a consumer of the stream sees it now
                Summary s = report.summary();
                errors += s.errors();
                warnings += s.warnings();
                infos += s.infos();
            }

            @Override
            public void close() throws IOException {
                JsonGenerator gen = started();
                writeTail(gen, errors, warnings, infos);
                gen.close();
                out.write('\n');
                out.flush();
            }
        };
    }

    private static void writeNode(JsonGenerator g, Report r, Redactor redactor) throws IOException {
        g.writeStartObject();
        g.writeStringField("root", r.root());
        g.writeArrayFieldStart("files");
        for (String f : r.files()) {
            g.writeString(f);
        }
        g.writeEndArray();
        g.writeArrayFieldStart("findings");
        for (Finding f : r.findings()) {
            writeFinding(g, f, redactor);
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void writeFinding(JsonGenerator g, Finding f, Redactor redactor) throws IOException {
        g.writeStartObject();
        g.writeStringField("rule", f.ruleId());
        g.writeStringField("severity", f.severity().word());
        g.writeStringField("message", redactor.redact(f.message()));
        g.writeFieldName("location");
        writeLocation(g, f.location(), null);
        g.writeArrayFieldStart("related");
        for (RelatedLocation r : f.related()) {
            writeLocation(g, r.location(), redactor.redact(r.message()));
        }
        g.writeEndArray();
        if (!f.fixes().isEmpty()) {
            g.writeFieldName("fix");
            Edits.writeFix(g, f.fixes().get(0), redactor);
        }
        g.writeArrayFieldStart("fixes");
        for (Fix fix : f.fixes()) {
            Edits.writeFix(g, fix, redactor);
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void writeLocation(JsonGenerator g, Origin o, String message) throws IOException {
        g.writeStartObject();
        g.writeStringField("file", o.file());
        g.writeNumberField("line", o.line());
        g.writeNumberField("column", o.column());
        if (message != null) {
            g.writeStringField("message", message);
        }
        g.writeEndObject();
    }
}
