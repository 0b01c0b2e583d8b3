package dev.criconf.validate.report;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.criconf.model.Origin;
import dev.criconf.validate.Finding;
import dev.criconf.validate.Fix;
import dev.criconf.validate.Redactor;
import dev.criconf.validate.RelatedLocation;
import dev.criconf.validate.Report;
import dev.criconf.validate.RuleDescriptor;
import dev.criconf.validate.RuleExample;
import dev.criconf.validate.Secrets;
import dev.criconf.validate.Validator;
import java.io.IOException;
import java.io.Writer;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * SARIF 2.1.0 ({@code --format sarif}), valid against the OASIS schema. One run holds every node:
 * <ul>
 *   <li>{@code tool.driver.rules} has one entry per rule that ran on any node: id, a PascalCase
 *       name, the title as short description, the rationale as full description and help (with
 *       the example in the help's Markdown), the first reference as {@code helpUri}, and the
 *       default severity as {@code defaultConfiguration.level} (info is SARIF's {@code note});</li>
 *   <li>each node root is a {@code uriBaseId} ({@code NODE1}, {@code NODE2}, ... in report order)
 *       described in {@code originalUriBaseIds}; result locations are relative to it. A relative
 *       root is itself relative to {@code %SRCROOT%}, which the consumer supplies;</li>
 *   <li>results carry ruleId, level, message, location (line and column; columns count UTF-16
 *       code units) and related locations.</li>
 * </ul>
 * Fixes are not SARIF {@code fixes}: SARIF requires every fix to hold text replacements
 * ({@code artifactChanges} with at least one {@code replacement}), and criconf's fixes are model
 * edits that config-io turns into text only when applied. They go in the result's property bag
 * as {@code properties.fixes}, in the JSON report's shape.
 */
public final class SarifRenderer implements ReportRenderer {

    /** The {@code $schema} written into every log: the OASIS 2.1.0 (errata 01) schema. */
    public static final String SCHEMA_URI =
            "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
    /** The base id relative node roots and loose files are resolved against; the consumer defines it. */
    public static final String SOURCE_ROOT_BASE_ID = "%SRCROOT%";

    private final ToolInfo tool;

    /** A renderer that names {@code tool} as the SARIF driver. */
    public SarifRenderer(ToolInfo tool) {
        this.tool = Objects.requireNonNull(tool, "tool");
    }

    @Override
    public void render(List<Report> reports, Writer out) throws IOException {
        Secrets secrets = Secrets.none();
        Map<String, RuleDescriptor> rules = new TreeMap<>();
        boolean internalError = false;
        for (Report r : reports) {
            secrets = secrets.union(r.secrets());
            for (RuleDescriptor d : r.rules()) {
                rules.putIfAbsent(d.id(), d);
            }
            for (Finding f : r.findings()) {
                internalError |= f.ruleId().equals(Validator.INTERNAL_ERROR_ID);
            }
        }
        List<String> ruleIds = new ArrayList<>(rules.keySet());
        for (Report r : reports) {
            for (Finding f : r.findings()) {
                if (!rules.containsKey(f.ruleId()) && !ruleIds.contains(f.ruleId())) {
                    ruleIds.add(f.ruleId()); // a hand-built report without descriptors: id only
                }
            }
        }
        Map<String, Integer> ruleIndex = new HashMap<>();
        for (int i = 0; i < ruleIds.size(); i++) {
            ruleIndex.put(ruleIds.get(i), i);
        }
        Redactor redactor = Redactor.of(secrets);

        try (JsonGenerator g = Json.generator(out)) {
            g.writeStartObject();
            g.writeStringField("$schema", SCHEMA_URI);
            g.writeStringField("version", "2.1.0");
            g.writeArrayFieldStart("runs");
            g.writeStartObject();

            g.writeObjectFieldStart("tool");
            g.writeObjectFieldStart("driver");
            g.writeStringField("name", tool.name());
            g.writeStringField("version", tool.version());
            if (tool.informationUri().isPresent()) {
                g.writeStringField("informationUri", tool.informationUri().get().toString());
            }
            g.writeArrayFieldStart("rules");
            for (String id : ruleIds) {
                RuleDescriptor d = rules.get(id);
                if (d == null) {
                    g.writeStartObject();
                    g.writeStringField("id", id);
                    g.writeEndObject();
                } else {
                    writeRule(g, d);
                }
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeEndObject();

            g.writeArrayFieldStart("invocations");
            g.writeStartObject();
            g.writeBooleanField("executionSuccessful", !internalError);
            g.writeEndObject();
            g.writeEndArray();

            writeBaseIds(g, reports);

            g.writeArrayFieldStart("results");
            for (int n = 0; n < reports.size(); n++) {
                Report r = reports.get(n);
                for (Finding f : r.findings()) {
                    writeResult(g, f, baseId(r, n), ruleIndex.get(f.ruleId()), redactor);
                }
            }
            g.writeEndArray();
            g.writeStringField("columnKind", "utf16CodeUnits");

            g.writeEndObject();
            g.writeEndArray();
            g.writeEndObject();
        }
        out.write('\n');
        out.flush();
    }

    private static void writeRule(JsonGenerator g, RuleDescriptor d) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", d.id());
        g.writeStringField("name", pascalCase(d.id()));
        g.writeObjectFieldStart("shortDescription");
        g.writeStringField("text", d.title());
        g.writeEndObject();
        g.writeObjectFieldStart("fullDescription");
        g.writeStringField("text", d.rationale());
        g.writeEndObject();
        g.writeObjectFieldStart("help");
        g.writeStringField("text", helpText(d));
        g.writeStringField("markdown", helpMarkdown(d));
        g.writeEndObject();
        if (!d.references().isEmpty()) {
            g.writeStringField("helpUri", d.references().get(0).toString());
        }
        g.writeObjectFieldStart("defaultConfiguration");
        g.writeStringField("level", d.defaultSeverity().sarifLevel());
        g.writeEndObject();
        g.writeObjectFieldStart("properties");
        g.writeBooleanField("fixable", d.fixable());
        g.writeEndObject();
        g.writeEndObject();
    }

    private static String helpText(RuleDescriptor d) {
        StringBuilder b = new StringBuilder(d.rationale());
        if (!d.references().isEmpty()) {
            b.append("\n\nReferences:");
            for (URI u : d.references()) {
                b.append("\n- ").append(u);
            }
        }
        return b.toString();
    }

    private static String helpMarkdown(RuleDescriptor d) {
        RuleExample e = d.example();
        StringBuilder b = new StringBuilder(d.rationale())
                .append("\n\nExample, `").append(e.file()).append("` before:\n\n")
                .append(fence(e.before()))
                .append("\nafter:\n\n")
                .append(fence(e.after()));
        if (!d.references().isEmpty()) {
            b.append("\nReferences:\n\n");
            for (URI u : d.references()) {
                b.append("- <").append(u).append(">\n");
            }
        }
        return b.toString();
    }

    private static String fence(String code) {
        String fence = "```";
        while (code.contains(fence)) {
            fence += "`";
        }
        return fence + "\n" + code + (code.endsWith("\n") ? "" : "\n") + fence + "\n";
    }

    private static void writeBaseIds(JsonGenerator g, List<Report> reports) throws IOException {
        boolean any = false;
        for (int n = 0; n < reports.size(); n++) {
            Report r = reports.get(n);
            if (r.root().isEmpty()) {
                continue;
            }
            if (!any) {
                g.writeObjectFieldStart("originalUriBaseIds");
                any = true;
            }
            g.writeObjectFieldStart(baseId(r, n));
            g.writeStringField("uri", Paths.directoryUri(r.root()));
            if (!Paths.isAbsolute(r.root())) {
                g.writeStringField("uriBaseId", SOURCE_ROOT_BASE_ID);
            }
            g.writeObjectFieldStart("description");
            g.writeStringField("text", "node root " + r.root());
            g.writeEndObject();
            g.writeEndObject();
        }
        if (any) {
            g.writeEndObject();
        }
    }

    /** The base id of a report's files: its node root's, or the consumer's source root for loose files. */
    private static String baseId(Report r, int index) {
        return r.root().isEmpty() ? SOURCE_ROOT_BASE_ID : "NODE" + (index + 1);
    }

    private static void writeResult(JsonGenerator g, Finding f, String baseId, int ruleIndex, Redactor redactor)
            throws IOException {
        g.writeStartObject();
        g.writeStringField("ruleId", f.ruleId());
        g.writeNumberField("ruleIndex", ruleIndex);
        g.writeStringField("level", f.severity().sarifLevel());
        writeMessage(g, redactor.redact(f.message()));
        g.writeArrayFieldStart("locations");
        g.writeStartObject();
        writePhysicalLocation(g, f.location(), baseId);
        g.writeEndObject();
        g.writeEndArray();
        if (!f.related().isEmpty()) {
            g.writeArrayFieldStart("relatedLocations");
            int id = 0;
            for (RelatedLocation r : f.related()) {
                g.writeStartObject();
                // ids also keep two identical related locations distinct (the schema wants unique items)
                g.writeNumberField("id", id++);
                writePhysicalLocation(g, r.location(), baseId);
                writeMessage(g, redactor.redact(r.message()));
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        if (!f.fixes().isEmpty()) {
            g.writeObjectFieldStart("properties");
            g.writeArrayFieldStart("fixes");
            for (Fix fix : f.fixes()) {
                Edits.writeFix(g, fix, redactor);
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    private static void writeMessage(JsonGenerator g, String text) throws IOException {
        g.writeObjectFieldStart("message");
        g.writeStringField("text", text);
        g.writeEndObject();
    }

    private static void writePhysicalLocation(JsonGenerator g, Origin o, String baseId) throws IOException {
        g.writeObjectFieldStart("physicalLocation");
        g.writeObjectFieldStart("artifactLocation");
        boolean nodeLevel = o.file().equals(Validator.NODE_FILE);
        if (nodeLevel) {
            g.writeStringField("uri", "./");
            g.writeStringField("uriBaseId", baseId);
        } else if (Paths.isAbsolute(o.file())) {
            g.writeStringField("uri", Paths.uri(o.file()));
        } else {
            g.writeStringField("uri", Paths.uri(o.file()));
            g.writeStringField("uriBaseId", baseId);
        }
        g.writeEndObject();
        if (!nodeLevel) {
            g.writeObjectFieldStart("region");
            g.writeNumberField("startLine", o.line());
            g.writeNumberField("startColumn", o.column());
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    /** {@code cgroup-driver-mismatch} to {@code CgroupDriverMismatch}. */
    static String pascalCase(String id) {
        StringBuilder b = new StringBuilder(id.length());
        boolean upper = true;
        for (char c : id.toCharArray()) {
            if (c == '-') {
                upper = true;
            } else {
                b.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return b.toString();
    }
}
