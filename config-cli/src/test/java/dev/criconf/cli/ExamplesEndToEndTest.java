package dev.criconf.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.criconf.io.json.JsonDocument;
import dev.criconf.io.json.JsonPath;
import dev.criconf.io.json.JsonValue;
import dev.criconf.validate.RuleDescriptor;
import dev.criconf.validate.RuleSet;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the command line in-process on every tree under {@code examples/} and checks what it prints
 * against {@code examples/README.md}, so the examples and their documentation cannot drift.
 */
class ExamplesEndToEndTest {

    static final Path EXAMPLES = Path.of("../examples");
    private static final Pattern TABLE_ROW = Pattern.compile("^\\| `([a-z0-9.-]+)` \\|.*\\| ([^|]+) \\|$");
    private static final Pattern EXPECTED = Pattern.compile("`([a-z0-9-]+)` \\((error|warning|info)(?: ×(\\d+))?\\)");
    private static final Pattern FINDING_LINE = Pattern.compile("^(\\S+:\\d+:\\d+): (error|warning|info): .* \\[([a-z0-9-]+)\\]$");

    /**
     * Where each broken example's findings are: {@code path:line:col severity rule}. The rule ids and
     * severities are also checked against the README's table; the lines match its "Expected findings".
     */
    private static final Map<String, List<String>> LOCATIONS = Map.ofEntries(
            Map.entry("broken-cgroup-driver", List.of(
                    "var/lib/kubelet/config.yaml:15:15 error cgroup-driver-mismatch",
                    "var/lib/kubelet/config.yaml:15:15 warning cgroupfs-on-systemd-host")),
            Map.entry("broken-containerd-no-version", List.of(
                    "etc/containerd/config.toml:3:21 error containerd-cri-disabled",
                    "etc/containerd/config.toml:15:10 error containerd-version-mismatch")),
            Map.entry("broken-containerd-registry", List.of(
                    "etc/containerd/config.toml:21:51 warning containerd-deprecated",
                    "etc/containerd/config.toml:21:51 error containerd-mirrors-with-config-path")),
            Map.entry("broken-cri-dockerd-socket", List.of(
                    "etc/systemd/system/cri-docker.service:11:32 error cri-dockerd-unlinks-docker-socket",
                    "var/lib/kubelet/config.yaml:19:27 error runtime-endpoint-mismatch")),
            Map.entry("broken-crio-conmon", List.of(
                    "etc/crio/crio.conf:13:18 warning cgroupfs-on-systemd-host",
                    "etc/crio/crio.conf:15:17 error crio-conmon-cgroup",
                    "var/lib/kubelet/config.yaml:15:15 warning cgroupfs-on-systemd-host",
                    "var/lib/kubelet/kubeadm-flags.env:1:23 warning kubelet-deprecated-flag",
                    "var/lib/kubelet/kubeadm-flags.env:1:107 warning kubelet-deprecated-flag")),
            Map.entry("broken-crio-dropins", List.of(
                    "etc/crio/crio.conf.d/20-kubernetes.conf.bak:1:1 error crio-dropin-not-toml",
                    "etc/crio/crio.conf.d/20-kubernetes.conf.bak:6:15 warning sandbox-image-version",
                    "etc/crio/crio.conf.d/30-crun-devices.conf:2:24 warning crio-dropin-replaces-handler")),
            Map.entry("broken-dockershim", List.of(
                    "etc/default/kubelet:2:49 error dockershim-removed",
                    "var/lib/kubelet/kubeadm-flags.env:1:23 error dockershim-removed",
                    "var/lib/kubelet/kubeadm-flags.env:1:23 error kubelet-unknown-flag",
                    "var/lib/kubelet/kubeadm-flags.env:1:72 warning deprecated-registry")),
            Map.entry("broken-endpoint", List.of(
                    "var/lib/kubelet/config.yaml:22:27 error runtime-endpoint-mismatch",
                    "var/lib/kubelet/config.yaml:22:27 warning runtime-endpoint-scheme")),
            Map.entry("broken-flag-split", List.of(
                    "etc/default/kubelet:2:64 error kubelet-flag-split")),
            Map.entry("broken-kernel-prereq", List.of(
                    "etc/sysctl.d/99-zz-cis-hardening.conf:2:1 warning kernel-prerequisite")),
            Map.entry("broken-kubelet-config", List.of(
                    "etc/systemd/system/kubelet.service.d/10-kubeadm.conf:1:1 warning kubelet-dropin-shadowed",
                    "var/lib/kubelet/config.yaml:23:1 warning kubelet-eviction-partial",
                    "var/lib/kubelet/config.yaml:26:13 warning kubelet-yaml11-ambiguity",
                    "var/lib/kubelet/config.yaml:32:29 error kubelet-invalid-value")));

    @TempDir
    Path tmp;

    /**
     * Runs through the public four-argument entry point, as an embedding tool would. The tests'
     * class path registers {@link TestCgroupRule} as a third-party rule; {@code lint} runs turn it
     * off so the output is what the built-in rules print.
     */
    static Cli.Result run(String... args) {
        if (args.length > 0 && args[0].equals("lint")) {
            List<String> withOverride = new ArrayList<>(List.of(args));
            withOverride.addAll(1, List.of("--rule", TestCgroupRule.ID + "=off"));
            args = withOverride.toArray(new String[0]);
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Main.run(args, new PrintWriter(out), new PrintWriter(err), Map.of());
        return new Cli.Result(status, out.toString().replace(System.lineSeparator(), "\n"),
                err.toString().replace(System.lineSeparator(), "\n"));
    }

    /** The README's table: example name to its expected "severity rule" entries, sorted, with repeats. */
    static Map<String, List<String>> documentedFindings() throws IOException {
        Map<String, List<String>> out = new TreeMap<>();
        for (String line : Files.readAllLines(EXAMPLES.resolve("README.md"))) {
            Matcher row = TABLE_ROW.matcher(line.strip());
            if (!row.matches()) {
                continue;
            }
            List<String> expected = new ArrayList<>();
            Matcher m = EXPECTED.matcher(row.group(2));
            while (m.find()) {
                int times = m.group(3) == null ? 1 : Integer.parseInt(m.group(3));
                for (int i = 0; i < times; i++) {
                    expected.add(m.group(2) + " " + m.group(1));
                }
            }
            assertTrue(!expected.isEmpty() || row.group(2).strip().equals("none"), "unreadable README row: " + line);
            expected.sort(null);
            out.put(row.group(1), expected);
        }
        return out;
    }

    private static List<String> exampleNames() throws IOException {
        try (Stream<Path> s = Files.list(EXAMPLES)) {
            return s.filter(p -> Files.isRegularFile(p.resolve("criconf.yaml"))).map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void everyExampleIsDocumentedAndEveryDocumentedExampleExists() throws IOException {
        assertEquals(exampleNames(), List.copyOf(documentedFindings().keySet()));
        List<String> broken = exampleNames().stream().filter(n -> n.startsWith("broken-")).toList();
        assertEquals(broken, List.copyOf(new TreeMap<>(LOCATIONS).keySet()));
    }

    @TestFactory
    Stream<DynamicTest> lintPrintsExactlyTheDocumentedFindings() throws IOException {
        Map<String, List<String>> documented = documentedFindings();
        return exampleNames().stream().map(name -> DynamicTest.dynamicTest(name, () -> {
            String root = "../examples/" + name;
            Cli.Result r = run("lint", "--root", root);
            List<String> expected = documented.get(name);
            List<String> located = new ArrayList<>();
            List<String> ruleAndSeverity = new ArrayList<>();
            for (String line : r.out().split("\n")) {
                Matcher m = FINDING_LINE.matcher(line);
                if (m.matches()) {
                    assertTrue(m.group(1).startsWith(root + "/"), line);
                    located.add(m.group(1).substring(root.length() + 1) + " " + m.group(2) + " " + m.group(3));
                    ruleAndSeverity.add(m.group(2) + " " + m.group(3));
                }
            }
            ruleAndSeverity.sort(null);
            assertEquals(expected, ruleAndSeverity, () -> "README table vs " + r);
            assertEquals(LOCATIONS.getOrDefault(name, List.of()), located, r::toString);
            boolean errors = expected.stream().anyMatch(e -> e.startsWith("error "));
            assertEquals(errors ? 1 : 0, r.status(), r::toString);
            assertEquals(expected.isEmpty() ? 0 : 1, run("lint", "--root", root, "--fail-on", "warning").status());
            assertTrue(r.out().endsWith(" (1 node, " + r.out().replaceAll("(?s).*\\(1 node, ", "")), r.out());
            assertEquals("", r.err());
        }));
    }

    @Test
    void aWarningsOnlyTreeFailsOnlyWithFailOnWarning() {
        assertEquals(0, run("lint", "--root", "../examples/broken-kernel-prereq").status());
        assertEquals(1, run("lint", "--root", "../examples/broken-kernel-prereq", "--fail-on", "warning").status());
    }

    @Test
    void jsonHasTheShapeCliMdDescribes() {
        Cli.Result r = run("lint", "--root", "../examples/broken-endpoint", "--format", "json");
        assertEquals(1, r.status(), r::toString);
        JsonDocument json = JsonDocument.parse("out", r.out());
        assertFalse(json.hasErrors(), r.out());
        assertEquals("criconf", json.getString(JsonPath.of("tool", "name")).orElseThrow());
        assertEquals(ToolVersion.current().version(), json.getString(JsonPath.of("tool", "version")).orElseThrow());
        JsonPath node = JsonPath.of("nodes").index(0);
        assertEquals("../examples/broken-endpoint", json.getString(node.key("root")).orElseThrow());
        assertTrue(json.getStringList(node.key("files")).orElseThrow().contains("var/lib/kubelet/config.yaml"), r.out());
        JsonPath f = node.key("findings").index(0);
        assertEquals("runtime-endpoint-mismatch", json.getString(f.key("rule")).orElseThrow());
        assertEquals("error", json.getString(f.key("severity")).orElseThrow());
        assertFalse(json.getString(f.key("message")).orElseThrow().isBlank());
        assertEquals("var/lib/kubelet/config.yaml", json.getString(f.key("location").key("file")).orElseThrow());
        assertEquals(22, json.getNumber(f.key("location").key("line")).orElseThrow().intValue());
        assertEquals(27, json.getNumber(f.key("location").key("column")).orElseThrow().intValue());
        assertEquals("etc/containerd/config.toml",
                json.getString(f.key("related").index(0).key("file")).orElseThrow());
        assertEquals(10, json.getNumber(f.key("related").index(0).key("line")).orElseThrow().intValue());
        assertEquals(1, json.getNumber(JsonPath.of("summary", "error")).orElseThrow().intValue());
        assertEquals(1, json.getNumber(JsonPath.of("summary", "warning")).orElseThrow().intValue());
        assertEquals(0, json.getNumber(JsonPath.of("summary", "info")).orElseThrow().intValue());
    }

    @Test
    void sarifHasOneRunWithResults() {
        Cli.Result r = run("lint", "--root", "../examples/broken-cgroup-driver", "--format", "sarif");
        assertEquals(1, r.status(), r::toString);
        JsonDocument sarif = JsonDocument.parse("out", r.out());
        assertFalse(sarif.hasErrors(), r.out());
        assertEquals("2.1.0", sarif.getString(JsonPath.of("version")).orElseThrow());
        assertEquals(1, sarif.getArray(JsonPath.of("runs")).orElseThrow().items().size());
        List<JsonValue> results = sarif.getArray(JsonPath.of("runs").index(0).key("results")).orElseThrow().items();
        assertEquals(2, results.size(), r.out());
        assertEquals("cgroup-driver-mismatch",
                sarif.getString(JsonPath.of("runs").index(0).key("results").index(0).key("ruleId")).orElseThrow());
    }

    @Test
    void aFleetListsNodesInArgumentOrder() {
        Cli.Result r = run("lint", "--root", "../examples/healthy-crio", "--root", "../examples/broken-flag-split",
                "--root", "../examples/broken-cgroup-driver", "--format", "json");
        assertEquals(1, r.status(), r::toString);
        JsonDocument json = JsonDocument.parse("out", r.out());
        List<String> roots = new ArrayList<>();
        for (int i = 0; i < json.getArray(JsonPath.of("nodes")).orElseThrow().items().size(); i++) {
            roots.add(json.getString(JsonPath.of("nodes").index(i).key("root")).orElseThrow());
        }
        assertEquals(List.of("../examples/healthy-crio", "../examples/broken-flag-split",
                "../examples/broken-cgroup-driver"), roots);
        assertEquals(2, json.getNumber(JsonPath.of("summary", "error")).orElseThrow().intValue());
    }

    @Test
    void ruleOffRemovesItsFinding() {
        Cli.Result r = run("lint", "--root", "../examples/broken-cgroup-driver", "--rule", "cgroup-driver-mismatch=off");
        assertEquals(0, r.status(), r::toString);
        assertFalse(r.out().contains("[cgroup-driver-mismatch]"), r.out());
        assertTrue(r.out().contains("[cgroupfs-on-systemd-host]"), r.out());
    }

    @Test
    void fixDryRunPrintsADiffAndChangesNothing() throws IOException {
        Path copy = copyOf("broken-cgroup-driver");
        byte[] before = Files.readAllBytes(copy.resolve("var/lib/kubelet/config.yaml"));
        Cli.Result r = run("fix", "--root", copy.toString(), "--rule", "cgroup-driver-mismatch", "--prefer", "kubelet", "--dry-run");
        assertTrue(r.out().contains("--- "), r::toString);
        assertTrue(r.out().contains("+++ "), r::toString);
        assertTrue(r.out().contains("@@ "), r::toString);
        assertTrue(r.out().contains("-cgroupDriver: cgroupfs"), r::toString);
        assertTrue(r.out().contains("+cgroupDriver: systemd"), r::toString);
        assertEquals(new String(before), Files.readString(copy.resolve("var/lib/kubelet/config.yaml")));
        assertTrue(run("lint", "--root", copy.toString()).out().contains("[cgroup-driver-mismatch]"));
    }

    @Test
    void fixRemovesTheCgroupDriverMismatch() throws IOException {
        Path copy = copyOf("broken-cgroup-driver");
        Cli.Result fixed = run("fix", "--root", copy.toString(), "--rule", "cgroup-driver-mismatch", "--prefer", "kubelet");
        assertEquals(0, fixed.status(), fixed::toString);
        Cli.Result again = run("lint", "--root", copy.toString());
        assertFalse(again.out().contains("[cgroup-driver-mismatch]"), again::toString);
        assertTrue(Files.readString(copy.resolve("var/lib/kubelet/config.yaml")).contains("cgroupDriver: systemd"));
    }

    @Test
    void effectiveShowsTheCgroupDriverWithItsOrigins() {
        Cli.Result r = run("effective", "--root", "../examples/healthy-containerd");
        assertEquals(0, r.status(), r::toString);
        String block = r.out().lines().dropWhile(l -> !l.contains("cgroupDriver")).limit(4)
                .reduce("", (a, b) -> a + b + "\n");
        assertTrue(block.contains("systemd"), r.out());
        assertTrue(block.contains("config.yaml:"), r.out());
    }

    @Test
    void explainPrintsRationaleAndExample() {
        RuleDescriptor d = RuleSet.builtIn().find("cgroup-driver-mismatch").orElseThrow().descriptor();
        Cli.Result r = run("explain", "cgroup-driver-mismatch");
        assertEquals(0, r.status(), r::toString);
        String flat = r.out().replaceAll("\\s+", " ");
        assertTrue(flat.contains(d.title()), r.out());
        assertTrue(flat.contains(d.rationale().replaceAll("\\s+", " ").substring(0, 60)), r.out());
        assertTrue(r.out().contains(d.example().file()), r.out());
    }

    private Path copyOf(String example) throws IOException {
        Path from = EXAMPLES.resolve(example);
        Path to = tmp.resolve(example);
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                }
            }
        }
        return to;
    }
}
