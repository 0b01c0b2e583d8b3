package dev.criconf.validate.report;

import static dev.criconf.validate.report.JsonTree.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.criconf.model.Origin;
import dev.criconf.model.edit.NodeEdit;
import dev.criconf.validate.Finding;
import dev.criconf.validate.Fix;
import dev.criconf.validate.RelatedLocation;
import dev.criconf.validate.Report;
import dev.criconf.validate.RuleDescriptor;
import dev.criconf.validate.Secrets;
import dev.criconf.validate.Severity;
import dev.criconf.validate.Validator;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class SarifRendererTest {

    private final SarifRenderer renderer = new SarifRenderer(
            new ToolInfo("criconf", "0.1.0", Optional.of(URI.create("https://example.invalid/criconf"))));

    private static void assertValid(String sarif) {
        List<String> violations = SarifSchema.violations(sarif);
        assertEquals(List.of(), violations, sarif);
    }

    @Test
    void aFleetValidatesAgainstTheSarifSchema() {
        assertValid(renderer.render(Fixtures.fleet()));
    }

    @Test
    void emptyAndCleanRunsValidate() {
        assertValid(renderer.render(List.of()));
        assertValid(renderer.render(new Report("nodes/a", List.of("etc/crio/crio.conf"), List.of(),
                Validator.defaults().enabledRules(), Secrets.none())));
    }

    @Test
    void theSchemaCatchesWhatItShould() throws Exception {
        // the test is only worth something if the validator rejects invalid logs
        ObjectMapper mapper = new ObjectMapper();
        String valid = renderer.render(Fixtures.fleet());

        ObjectNode badVersion = (ObjectNode) mapper.readTree(valid);
        badVersion.put("version", "2.0.0");
        assertFalse(SarifSchema.violations(badVersion.toString()).isEmpty());

        ObjectNode badLevel = (ObjectNode) mapper.readTree(valid);
        ((ObjectNode) badLevel.at("/runs/0/results/0")).put("level", "loud");
        assertFalse(SarifSchema.violations(badLevel.toString()).isEmpty());

        ObjectNode badLine = (ObjectNode) mapper.readTree(valid);
        ((ObjectNode) badLine.at("/runs/0/results/0/locations/0/physicalLocation/region")).put("startLine", 0);
        assertFalse(SarifSchema.violations(badLine.toString()).isEmpty());

        ObjectNode badUri = (ObjectNode) mapper.readTree(valid);
        ((ObjectNode) badUri.at("/runs/0/results/0/locations/0/physicalLocation/artifactLocation"))
                .put("uri", "etc/containerd/config file[1].toml");
        assertFalse(SarifSchema.violations(badUri.toString()).isEmpty(), "format uri-reference is asserted");

        // a SARIF fix that only describes itself, without text changes, is invalid: this is why
        // criconf's fixes go in the result's properties
        ObjectNode sarifFix = (ObjectNode) mapper.readTree(valid);
        ObjectNode result = (ObjectNode) sarifFix.at("/runs/0/results/2");
        ObjectNode fix = mapper.createObjectNode();
        fix.putObject("description").put("text", "set the kubelet's cgroupDriver to systemd");
        result.putArray("fixes").add(fix);
        assertFalse(SarifSchema.violations(sarifFix.toString()).isEmpty());
        fix.putArray("artifactChanges");
        assertFalse(SarifSchema.violations(sarifFix.toString()).isEmpty(), "artifactChanges needs an item");
    }

    @Test
    void describesEveryRuleThatRan() {
        Object doc = JsonTree.parse(renderer.render(Fixtures.fleet()));
        assertEquals(SarifRenderer.SCHEMA_URI, at(doc, "$schema"));
        assertEquals("2.1.0", at(doc, "version"));
        Map<String, Object> driver = at(doc, "runs", 0, "tool", "driver");
        assertEquals("criconf", driver.get("name"));
        assertEquals("0.1.0", driver.get("version"));
        assertEquals("https://example.invalid/criconf", driver.get("informationUri"));
        List<Map<String, Object>> rules = at(driver, "rules");
        assertEquals(List.of("cgroup-driver-mismatch", "deprecated-registry", "duplicate-key", "internal-error",
                        "syntax-error", "unlisted-rule"),
                rules.stream().map(r -> r.get("id")).toList());
        Map<String, Object> cgroup = rules.get(0);
        assertEquals("CgroupDriverMismatch", cgroup.get("name"));
        assertEquals(Fixtures.CGROUP.title(), at(cgroup, "shortDescription", "text"));
        assertEquals(Fixtures.CGROUP.rationale(), at(cgroup, "fullDescription", "text"));
        assertTrue(((String) at(cgroup, "help", "text")).startsWith(Fixtures.CGROUP.rationale()));
        assertTrue(((String) at(cgroup, "help", "markdown")).contains("```\ncgroupDriver: cgroupfs\n```"));
        assertEquals(Fixtures.CGROUP.references().get(0).toString(), cgroup.get("helpUri"));
        assertEquals("error", at(cgroup, "defaultConfiguration", "level"));
        assertEquals(Boolean.TRUE, at(cgroup, "properties", "fixable"));
        assertFalse(rules.get(1).containsKey("helpUri"), "no reference, no helpUri");
        assertEquals("warning", at(rules.get(1), "defaultConfiguration", "level"));
        assertEquals(Map.of("id", "unlisted-rule"), rules.get(5), "a rule without descriptor gets its id only");
        assertEquals(Boolean.FALSE, at(doc, "runs", 0, "invocations", 0, "executionSuccessful"),
                "an internal error means the run was not fully successful");
    }

    @Test
    void resultsPointIntoTheirNodeRoot() {
        Object doc = JsonTree.parse(renderer.render(Fixtures.fleet()));
        Map<String, Object> run = at(doc, "runs", 0);
        assertEquals("utf16CodeUnits", run.get("columnKind"));
        assertEquals(Map.of(
                "NODE1", Map.of("uri", "nodes/worker-1/", "uriBaseId", "%SRCROOT%",
                        "description", Map.of("text", "node root nodes/worker-1")),
                "NODE2", Map.of("uri", "nodes/worker%202/", "uriBaseId", "%SRCROOT%",
                        "description", Map.of("text", "node root nodes/worker 2"))), run.get("originalUriBaseIds"));

        List<Map<String, Object>> results = at(run, "results");
        assertEquals(7, results.size());
        List<Map<String, Object>> rules = at(run, "tool", "driver", "rules");
        for (Map<String, Object> r : results) {
            int index = ((Long) r.get("ruleIndex")).intValue();
            assertEquals(r.get("ruleId"), rules.get(index).get("id"), "ruleIndex points at the rule");
        }

        Map<String, Object> cgroup = results.get(2);
        assertEquals("cgroup-driver-mismatch", cgroup.get("ruleId"));
        assertEquals("error", cgroup.get("level"));
        assertEquals("kubelet uses cgroupfs but containerd's runc handler uses systemd", at(cgroup, "message", "text"));
        assertEquals(Map.of("artifactLocation", Map.of("uri", "var/lib/kubelet/config.yaml", "uriBaseId", "NODE1"),
                "region", Map.of("startLine", 7L, "startColumn", 15L)),
                at(cgroup, "locations", 0, "physicalLocation"));
        assertEquals(Map.of("id", 0L,
                        "physicalLocation", Map.of(
                                "artifactLocation", Map.of("uri", "etc/containerd/config.toml", "uriBaseId", "NODE1"),
                                "region", Map.of("startLine", 12L, "startColumn", 9L)),
                        "message", Map.of("text", "SystemdCgroup = true")),
                at(cgroup, "relatedLocations", 0));
        List<Map<String, Object>> fixes = at(cgroup, "properties", "fixes");
        assertEquals(2, fixes.size());
        assertEquals(List.of(Map.of("op", "set-cgroup-driver", "side", "kubelet", "driver", "systemd")),
                fixes.get(0).get("edits"));
        assertFalse(cgroup.containsKey("fixes"), "no SARIF fixes without text changes");

        assertEquals("note", results.get(1).get("level"), "info is SARIF's note");

        Map<String, Object> internal = results.get(3);
        assertEquals("internal-error", internal.get("ruleId"));
        assertEquals(Map.of("artifactLocation", Map.of("uri", "./", "uriBaseId", "NODE2")),
                at(internal, "locations", 0, "physicalLocation"), "a node-level result has no region");
        assertEquals("etc/crio/crio.conf.d/10%20custom%231.conf",
                at(results.get(4), "locations", 0, "physicalLocation", "artifactLocation", "uri"));
        List<Map<String, Object>> twins = at(results.get(4), "relatedLocations");
        assertEquals(List.of(0L, 1L), twins.stream().map(m -> m.get("id")).toList(),
                "identical related locations stay distinct");

        assertEquals(Map.of("uri", "file:///etc/containerd/config.toml"),
                at(results.get(5), "locations", 0, "physicalLocation", "artifactLocation"));
        assertEquals(Map.of("uri", "configs/daemon.json", "uriBaseId", "%SRCROOT%"),
                at(results.get(6), "locations", 0, "physicalLocation", "artifactLocation"));
    }

    @Test
    void absoluteRootsAreFileUris() {
        Finding f = new Finding("x-rule", Severity.WARNING, "m", new Origin("etc/crio/crio.conf", 2, 3, 10, 1),
                List.of(), List.of());
        String sarif = renderer.render(List.of(new Report("/srv/nodes/a b", List.of(), List.of(f), List.of(),
                Secrets.none())));
        assertValid(sarif);
        Object doc = JsonTree.parse(sarif);
        assertEquals(Map.of("uri", "file:///srv/nodes/a%20b/", "description", Map.of("text", "node root /srv/nodes/a b")),
                at(doc, "runs", 0, "originalUriBaseIds", "NODE1"));
    }

    @Test
    void pathsBecomeUriReferences() {
        assertEquals("etc/containerd/config.toml", Paths.uri("etc/containerd/config.toml"));
        assertEquals("a%3Ab/c", Paths.uri("a:b/c"));
        assertEquals("%C3%BC/100%25", Paths.uri("ü/100%"));
        assertEquals("file:///etc/x", Paths.uri("/etc/x"));
        assertEquals("file:///C:/Program%20Files/containerd/config.toml",
                Paths.uri("C:\\Program Files\\containerd\\config.toml"));
        assertEquals("nodes/a/", Paths.directoryUri("nodes/a"));
        assertEquals("nodes/a/", Paths.directoryUri("nodes/a/"));
        assertEquals("SyntaxError", SarifRenderer.pascalCase("syntax-error"));
    }

    @Property(tries = 150)
    void anyFleetValidates(@ForAll("fleets") List<Report> fleet) {
        assertValid(renderer.render(fleet));
    }

    @Provide
    Arbitrary<List<Report>> fleets() {
        Arbitrary<String> pathChars = Arbitraries.strings()
                .withChars("abcXYZ019 ._-:#?%@[]ü\u00a0/\\")
                .withCharRange('\u4e00', '\u4e05')
                .ofMinLength(1).ofMaxLength(12)
                .filter(s -> !s.startsWith("/") && !s.equals("."));
        Arbitrary<String> file = Arbitraries.oneOf(pathChars, pathChars.map(p -> "/" + p),
                Arbitraries.just(Validator.NODE_FILE));
        Arbitrary<String> text = Arbitraries.strings().all().ofMaxLength(30);
        Arbitrary<Origin> origin = Combinators.combine(file, Arbitraries.integers().between(1, 5000),
                Arbitraries.integers().between(1, 300)).as((f, l, c) -> new Origin(f, l, c, 0, 0));
        Arbitrary<String> ruleId = Arbitraries.of("syntax-error", "duplicate-key", "cgroup-driver-mismatch",
                "made-up-rule", Validator.INTERNAL_ERROR_ID);
        Arbitrary<Fix> fix = text.filter(t -> !t.isBlank()).map(d ->
                Fix.of(d, new NodeEdit.SetValue("f.toml", List.of("a", d), d)));
        Arbitrary<Finding> finding = Combinators.combine(ruleId, Arbitraries.of(Severity.values()), text, origin,
                Combinators.combine(origin, text).as(RelatedLocation::new).list().ofMaxSize(3),
                fix.list().ofMaxSize(2)).as(Finding::new);
        Arbitrary<String> root = Arbitraries.oneOf(Arbitraries.just(""), pathChars, pathChars.map(p -> "/" + p));
        Arbitrary<Report> report = Combinators.combine(root, pathChars.list().ofMaxSize(3),
                finding.list().ofMaxSize(6)).as((r, files, findings) -> new Report(r, files, findings,
                        descriptorsFor(findings), Secrets.none()));
        return report.list().ofMaxSize(3);
    }

    private static List<RuleDescriptor> descriptorsFor(List<Finding> findings) {
        List<RuleDescriptor> out = new ArrayList<>();
        for (Finding f : findings) {
            if (f.ruleId().equals(Validator.INTERNAL_ERROR_ID)) {
                out.add(Validator.INTERNAL_ERROR);
            } else if (f.ruleId().equals("cgroup-driver-mismatch")) {
                out.add(Fixtures.CGROUP);
            } else {
                Validator.defaults().ruleSet().find(f.ruleId()).ifPresent(r -> out.add(r.descriptor()));
            }
        }
        return out;
    }
}
