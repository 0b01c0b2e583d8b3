package dev.criconf.cli;

import static dev.criconf.cli.MainTest.assertUsageError;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.criconf.io.json.JsonDocument;
import dev.criconf.io.json.JsonPath;
import dev.criconf.model.NodeConfig;
import dev.criconf.model.edit.NodeEdit;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lint}, {@code fix} and {@code effective} over the {@link NodeSource} seam, with a small
 * real source ({@link SyntaxOnlyNodeSource}) standing in for the node loader.
 */
class NodeCommandsTest {

    static final String BROKEN_TOML = "version = 2\n[plugins.\"io.containerd.grpc.v1.cri\"\n  sandbox_image = \"x\"\n";
    static final String CONTAINERD = "version = 2\n";

    @TempDir
    Path dir;

    // ---------------------------------------------------------------- lint

    @Test
    void lintReportsSyntaxErrorsAsFindingsWithExitOne() throws IOException {
        Path root = node("worker-1", "etc/containerd/config.toml", BROKEN_TOML);
        Cli.Result r = lint("--root", root.toString());
        assertEquals(1, r.status(), r::toString);
        assertTrue(r.out().startsWith(root + "/etc/containerd/config.toml:2:37: error: expected `]`"), r.out());
        assertTrue(r.out().contains(": error: "), r.out());
        assertTrue(r.out().contains("[syntax-error]"), r.out());
        assertTrue(r.out().endsWith("1 error, 0 warnings, 0 info (1 node, 1 file)\n"), r.out());
        assertEquals("", r.err());
    }

    @Test
    void lintOfAHealthyNodeExitsZero() throws IOException {
        Path root = node("worker-1", "etc/containerd/config.toml", CONTAINERD);
        Cli.Result r = lint("--root", root.toString());
        assertEquals(0, r.status(), r::toString);
        assertEquals("0 errors, 0 warnings, 0 info (1 node, 1 file)\n", r.out());
    }

    @Test
    void failOnAndRuleOverridesDecideTheExitStatus() throws IOException {
        Path root = node("worker-1", "etc/containerd/config.toml", BROKEN_TOML);
        assertEquals(0, lint("--root", root.toString(), "--fail-on", "never").status());
        Cli.Result off = lint("--root", root.toString(), "--rule", "syntax-error=off");
        assertEquals(0, off.status(), off::toString);
        assertTrue(off.out().startsWith("0 errors"), off.out());
        Cli.Result warning = lint("--root", root.toString(), "--rule", "syntax-error=warning");
        assertEquals(0, warning.status(), warning::toString);
        assertTrue(warning.out().contains(": warning: "), warning.out());
        assertEquals(1, lint("--root", root.toString(), "--rule", "syntax-error=warning", "--fail-on", "warning").status());
    }

    @Test
    void lintJsonNamesThisBuild() throws IOException {
        Path root = node("worker-1", "etc/containerd/config.toml", BROKEN_TOML);
        Cli.Result r = lint("--root", root.toString(), "--format", "json");
        assertEquals(1, r.status(), r::toString);
        JsonDocument json = JsonDocument.parse("out", r.out());
        assertFalse(json.hasErrors(), r.out());
        assertEquals(Optional.of("criconf"), json.getString(JsonPath.of("tool", "name")));
        assertEquals(Optional.of(ToolVersion.current().version()), json.getString(JsonPath.of("tool", "version")));
        assertEquals(Optional.of(root.toString()), json.getString(JsonPath.of("nodes").index(0).key("root")));
        assertEquals(Optional.of("etc/containerd/config.toml"),
                json.getString(JsonPath.of("nodes").index(0).key("files").index(0)));
        assertEquals(Optional.of("syntax-error"),
                json.getString(JsonPath.of("nodes").index(0).key("findings").index(0).key("rule")));
        assertEquals(1, json.getNumber(JsonPath.of("summary", "error")).orElseThrow().intValue());
    }

    @Test
    void lintOfManyRootsReportsThemInArgumentOrder() throws IOException {
        // more roots than the checks run ahead of the writer, given in an order that is not sorted
        List<String> args = new java.util.ArrayList<>(List.of("--format", "json"));
        List<String> expected = new java.util.ArrayList<>();
        int broken = 0;
        for (int i = 0; i < 60; i++) {
            int n = (i * 37) % 60;
            boolean bad = n % 3 == 0;
            broken += bad ? 1 : 0;
            Path root = node("worker-" + n, "etc/containerd/config.toml", bad ? BROKEN_TOML : CONTAINERD);
            args.add(i % 2 == 0 ? "--root" : root.toString());
            if (i % 2 == 0) {
                args.add(root.toString());
            }
            expected.add(root.toString());
        }
        Cli.Result r = lint(args.toArray(String[]::new));
        assertEquals(1, r.status(), r::toString);
        JsonDocument json = JsonDocument.parse("out", r.out());
        assertFalse(json.hasErrors(), r.out());
        // --root options come first, then the directories given as arguments, each in the order given
        List<String> ordered = new java.util.ArrayList<>();
        for (int i = 0; i < expected.size(); i += 2) {
            ordered.add(expected.get(i));
        }
        for (int i = 1; i < expected.size(); i += 2) {
            ordered.add(expected.get(i));
        }
        for (int i = 0; i < ordered.size(); i++) {
            assertEquals(Optional.of(ordered.get(i)), json.getString(JsonPath.of("nodes").index(i).key("root")), "node " + i);
        }
        assertEquals(broken, json.getNumber(JsonPath.of("summary", "error")).orElseThrow().intValue());
        assertEquals(r.out(), lint(args.toArray(String[]::new)).out(), "the same document every run");
    }

    @Test
    void aMissingRootAmongManyEndsTheRunBeforeAnyOutput() throws IOException {
        List<String> args = new java.util.ArrayList<>(List.of("--format", "json"));
        for (int i = 0; i < 20; i++) {
            args.add("--root");
            args.add(node("worker-" + i, "etc/containerd/config.toml", CONTAINERD).toString());
        }
        args.add("--root");
        args.add(dir.resolve("no-such-node").toString());
        Cli.Result r = lint(args.toArray(String[]::new));
        assertEquals(2, r.status(), r::toString);
        assertEquals("", r.out());
        assertTrue(r.err().contains("no-such-node does not exist"), r.err());
    }

    @Test
    void lintSarifIsSarif() throws IOException {
        Path root = node("worker-1", "etc/containerd/config.toml", BROKEN_TOML);
        Cli.Result r = lint("--root", root.toString(), "--format", "sarif");
        JsonDocument sarif = JsonDocument.parse("out", r.out());
        assertFalse(sarif.hasErrors(), r.out());
        assertEquals(Optional.of("2.1.0"), sarif.getString(JsonPath.of("version")));
        assertEquals(Optional.of(ToolVersion.current().version()),
                sarif.getString(JsonPath.of("runs").index(0).key("tool").key("driver").key("version")));
    }

    @Test
    void lintChecksLooseFilesAsGiven() throws IOException {
        Path f = Files.writeString(dir.resolve("config.toml"), BROKEN_TOML);
        Cli.Result r = lint(f.toString());
        assertEquals(1, r.status(), r::toString);
        assertTrue(r.out().startsWith(f + ":2:37: error: "), r.out());
    }

    @Test
    void lintChecksAFleetWithProgressOnATerminal() throws IOException {
        Path a = node("a", "etc/containerd/config.toml", CONTAINERD);
        Path b = node("b", "etc/containerd/config.toml", BROKEN_TOML);
        Cli.Result quiet = lint("--root", a.toString(), "--root", b.toString());
        assertEquals(1, quiet.status(), quiet::toString);
        assertTrue(quiet.out().endsWith("(2 nodes, 2 files)\n"), quiet.out());
        assertEquals("", quiet.err(), "no progress without a terminal");

        Cli.Result watched = Cli.run(new Terminal(true, true), Optional.of(new SyntaxOnlyNodeSource()), Map.of(),
                "lint", "--root", a.toString(), "--root", b.toString());
        assertEquals(quiet.out(), watched.out(), "NO_COLOR: the same text");
        assertTrue(watched.err().startsWith("\r[1/2] "), watched.err());
        assertTrue(watched.err().contains("\r[2/2] "), watched.err());
        assertTrue(watched.err().endsWith("\r"), "the progress line is cleared: " + watched.err());
        assertFalse(watched.err().contains("\n"), watched.err());
    }

    @Test
    void lintColoursOnlyOnATerminalWithoutNoColor() throws IOException {
        Path root = node("worker-1", "etc/containerd/config.toml", BROKEN_TOML);
        Cli.Result coloured = Cli.run(new Terminal(true, false), Optional.of(new SyntaxOnlyNodeSource()), Map.of(),
                "lint", "--root", root.toString());
        assertTrue(coloured.out().contains("\u001b[1;31merror"), coloured.out());
        Map<String, String> env = Map.of("NO_COLOR", "yes");
        Cli.Result plain = Cli.run(Terminal.of(true, env), Optional.of(new SyntaxOnlyNodeSource()), env,
                "lint", "--root", root.toString());
        assertFalse(plain.out().contains("\u001b["), plain.out());
    }

    @Test
    void lintUsageErrors() throws IOException {
        Path root = node("worker-1", "etc/containerd/config.toml", CONTAINERD);
        assertUsageError(lint());
        Cli.Result unknownRule = lint("--root", root.toString(), "--rule", "syntax-eror=off");
        assertUsageError(unknownRule);
        assertTrue(unknownRule.err().contains("did you mean syntax-error?"), unknownRule.err());
        Cli.Result badSetting = lint("--root", root.toString(), "--rule", "syntax-error=loud");
        assertUsageError(badSetting);
        assertTrue(badSetting.err().contains("expected off, error, warning or info"), badSetting.err());
        Cli.Result badVersion = lint("--root", root.toString(), "--kubernetes-version", "latest");
        assertUsageError(badVersion);
        assertTrue(badVersion.err().contains("--kubernetes-version latest"), badVersion.err());
        assertUsageError(lint("--root", root.toString(), "--format", "xml"));
        assertUsageError(lint("--root", root.toString(), "--fail-on", "sometimes"));
        Cli.Result missing = lint("--root", dir.resolve("nope").toString());
        assertUsageError(missing);
        assertTrue(missing.err().contains("does not exist"), missing.err());
    }

    @Test
    void versionOptionsAreAccepted() throws IOException {
        Path root = node("worker-1", "etc/containerd/config.toml", CONTAINERD);
        Cli.Result r = lint("--root", root.toString(), "--kubernetes-version", "1.31", "--containerd-version", "2.0",
                "--crio-version", "v1.30.1");
        assertEquals(0, r.status(), r::toString);
    }

    @Test
    void anUnexpectedFailureIsOneLineUnlessDebugging() throws IOException {
        Path root = node("worker-1", "etc/containerd/config.toml", CONTAINERD);
        NodeSource failing = new SyntaxOnlyNodeSource() {
            @Override
            public LoadedNode load(Path r, String displayRoot) {
                throw new IllegalStateException("loader bug");
            }
        };
        Cli.Result r = Cli.run(Terminal.NONE, Optional.of(failing), Map.of(), "lint", "--root", root.toString());
        assertUsageError(r);
        assertEquals("criconf: internal error: java.lang.IllegalStateException: loader bug; run with CRICONF_DEBUG=1 "
                + "for the stack trace\n", r.err());

        Map<String, String> debug = Map.of("CRICONF_DEBUG", "1");
        Cli.Result traced = Cli.run(Terminal.NONE, Optional.of(failing), debug, "lint", "--root", root.toString());
        assertEquals(2, traced.status());
        assertTrue(traced.err().startsWith("criconf: internal error: java.lang.IllegalStateException: loader bug\n"),
                traced.err());
        assertTrue(traced.err().contains("\tat "), traced.err());
    }

    @Test
    void aLibraryErrorFromTheLoaderIsAnUnreadableInput() throws IOException {
        Path root = node("worker-1", "etc/containerd/config.toml", CONTAINERD);
        NodeSource refusing = new SyntaxOnlyNodeSource() {
            @Override
            public LoadedNode load(Path r, String displayRoot) {
                throw new dev.criconf.model.CriconfException(displayRoot + "/etc/containerd: permission denied");
            }
        };
        Cli.Result r = Cli.run(Terminal.NONE, Optional.of(refusing), Map.of(), "lint", "--root", root.toString());
        assertUsageError(r);
        assertEquals("criconf: " + root + "/etc/containerd: permission denied\n", r.err());
    }

    @Test
    void secretsOfANodeNeverReachTheOutput() throws IOException {
        Path root = node("worker-1", "etc/containerd/config.toml", "version = 2\npassword = hunter22\n");
        assertTrue(lint("--root", root.toString()).out().contains("hunter22"), "the message quotes the value");
        NodeSource withSecret = new SyntaxOnlyNodeSource() {
            @Override
            public LoadedNode load(Path r, String displayRoot) {
                LoadedNode n = super.load(r, displayRoot);
                return new Delegating(n) {
                    @Override
                    public dev.criconf.validate.Secrets secrets() {
                        return dev.criconf.validate.Secrets.of("hunter22");
                    }
                };
            }
        };
        for (String format : List.of("text", "json", "sarif")) {
            Cli.Result r = Cli.run(Terminal.NONE, Optional.of(withSecret), Map.of(), "lint", "--root", root.toString(),
                    "--format", format);
            assertEquals(1, r.status(), r::toString);
            assertFalse(r.out().contains("hunter22"), r.out());
        }
    }

    // ---------------------------------------------------------------- fix

    @Test
    void fixAppliesTheOnlyMachineApplicableFix() throws IOException {
        Path root = node("worker-1", SyntaxOnlyNodeSource.KUBELET_CONFIG, "kind: KubeletConfiguration\ncgroupDriver: cgroupfs\n");
        Cli.Result r = fix("--root", root.toString());
        assertEquals(0, r.status(), r::toString);
        assertEquals("kind: KubeletConfiguration\ncgroupDriver: systemd\n", read(root.resolve(SyntaxOnlyNodeSource.KUBELET_CONFIG)));
        assertTrue(r.out().contains(root + "/" + SyntaxOnlyNodeSource.KUBELET_CONFIG + ":1:1: fixed: "
                + "set the kubelet's cgroupDriver to systemd [" + TestCgroupRule.ID + "]"), r.out());
        assertTrue(r.out().endsWith("1 fix applied to 1 file\n"), r.out());
    }

    @Test
    void fixDryRunPrintsADiffAndWritesNothing() throws IOException {
        Path root = node("worker-1", SyntaxOnlyNodeSource.KUBELET_CONFIG, "kind: KubeletConfiguration\ncgroupDriver: cgroupfs\n");
        Path file = root.resolve(SyntaxOnlyNodeSource.KUBELET_CONFIG);
        byte[] before = Files.readAllBytes(file);
        Cli.Result r = fix("--root", root.toString(), "--dry-run");
        assertEquals(0, r.status(), r::toString);
        String name = root + "/" + SyntaxOnlyNodeSource.KUBELET_CONFIG;
        assertEquals("--- " + name + "\n+++ " + name + "\n@@ -1,2 +1,2 @@\n kind: KubeletConfiguration\n"
                + "-cgroupDriver: cgroupfs\n+cgroupDriver: systemd\n", r.out());
        assertArrayEquals(before, Files.readAllBytes(file));
    }

    @Test
    void fixNeedsPreferWhenEitherSideWouldDo() throws IOException {
        Path root = node("worker-1", SyntaxOnlyNodeSource.KUBELET_CONFIG, "kind: KubeletConfiguration\ncgroupDriver: cgroupfs\n");
        Files.createDirectories(root.resolve("etc/containerd"));
        String containerd = "version = 2\n[plugins.\"io.containerd.grpc.v1.cri\".containerd.runtimes.runc.options]\n"
                + "SystemdCgroup = true\n";
        Files.writeString(root.resolve(SyntaxOnlyNodeSource.CONTAINERD_CONFIG), containerd);

        Cli.Result undecided = fix("--root", root.toString());
        assertEquals(0, undecided.status(), undecided::toString);
        assertTrue(undecided.err().contains("not fixed: 2 possible fixes; choose one with --prefer kubelet|runtime"),
                undecided.err());
        assertTrue(undecided.out().endsWith("0 fixes applied to 0 files; 1 finding has no automatic fix\n"), undecided.out());

        Cli.Result runtime = fix("--root", root.toString(), "--prefer", "runtime");
        assertEquals(0, runtime.status(), runtime::toString);
        assertEquals(containerd.replace("true", "false"), read(root.resolve(SyntaxOnlyNodeSource.CONTAINERD_CONFIG)));
        assertEquals("kind: KubeletConfiguration\ncgroupDriver: cgroupfs\n", read(root.resolve(SyntaxOnlyNodeSource.KUBELET_CONFIG)));
    }

    @Test
    void fixRuleLimitsTheFindings() throws IOException {
        Path root = node("worker-1", SyntaxOnlyNodeSource.KUBELET_CONFIG, "kind: KubeletConfiguration\ncgroupDriver: cgroupfs\n");
        Cli.Result other = fix("--root", root.toString(), "--rule", "duplicate-key");
        assertEquals(0, other.status(), other::toString);
        assertEquals("0 fixes applied to 0 files\n", other.out());
        assertEquals("kind: KubeletConfiguration\ncgroupDriver: cgroupfs\n", read(root.resolve(SyntaxOnlyNodeSource.KUBELET_CONFIG)));
        Cli.Result unknown = fix("--root", root.toString(), "--rule", "dupliate-key");
        assertUsageError(unknown);
        assertTrue(unknown.err().contains("did you mean duplicate-key?"), unknown.err());
        assertUsageError(fix("--root", root.toString(), "--prefer", "both"));
        assertUsageError(fix());
    }

    @Test
    void aFixThatCannotBeAppliedIsExitOne() throws IOException {
        Path root = node("worker-1", SyntaxOnlyNodeSource.KUBELET_CONFIG, "kind: KubeletConfiguration\ncgroupDriver: [a, b]\n");
        Cli.Result r = fix("--root", root.toString());
        assertEquals(1, r.status(), r::toString);
        assertEquals(1, r.errLines().size(), r::toString);
        assertEquals("kind: KubeletConfiguration\ncgroupDriver: [a, b]\n", read(root.resolve(SyntaxOnlyNodeSource.KUBELET_CONFIG)));
    }

    // ---------------------------------------------------------------- effective

    @Test
    void effectivePrintsEachSettingWithItsChain() throws IOException {
        Path root = node("worker-1", SyntaxOnlyNodeSource.KUBELET_CONFIG, "kind: KubeletConfiguration\ncgroupDriver: systemd\n");
        Cli.Result r = effective("--root", root.toString());
        assertEquals(0, r.status(), r::toString);
        assertEquals("cgroupDriver: systemd\n"
                + "  1. cgroupfs  (default of KubeletConfiguration v1beta1)\n"
                + "  2. systemd  (config file, " + root + "/" + SyntaxOnlyNodeSource.KUBELET_CONFIG + ":2:1)\n", r.out());
    }

    @Test
    void effectiveJson() throws IOException {
        Path a = node("a", SyntaxOnlyNodeSource.KUBELET_CONFIG, "kind: KubeletConfiguration\ncgroupDriver: systemd\n");
        Path b = node("b", "etc/containerd/config.toml", CONTAINERD);
        Cli.Result r = effective("--root", a.toString(), "--root", b.toString(), "--format", "json");
        assertEquals(0, r.status(), r::toString);
        JsonDocument json = JsonDocument.parse("out", r.out());
        assertFalse(json.hasErrors(), r.out());
        assertEquals(Optional.of(ToolVersion.current().version()), json.getString(JsonPath.of("tool", "version")));
        JsonPath setting = JsonPath.of("nodes").index(0).key("settings").index(0);
        assertEquals(Optional.of("cgroupDriver"), json.getString(setting.key("name")));
        assertEquals(Optional.of("systemd"), json.getString(setting.key("value")));
        assertEquals(2, json.getNumber(setting.key("chain").index(1).key("location").key("line")).orElseThrow().intValue());
        assertEquals(Optional.of("cgroupfs"),
                json.getString(JsonPath.of("nodes").index(1).key("settings").index(0).key("value")));
        assertUsageError(effective("--root", a.toString(), "--format", "sarif"));
    }

    // ---------------------------------------------------------------- helpers

    private Cli.Result lint(String... args) {
        return node("lint", args);
    }

    private Cli.Result fix(String... args) {
        return node("fix", args);
    }

    private Cli.Result effective(String... args) {
        return node("effective", args);
    }

    private static Cli.Result node(String command, String... args) {
        String[] all = new String[args.length + 1];
        all[0] = command;
        System.arraycopy(args, 0, all, 1, args.length);
        return Cli.run(Terminal.NONE, Optional.of(new SyntaxOnlyNodeSource()), new HashMap<>(), all);
    }

    private Path node(String name, String file, String text) throws IOException {
        Path root = dir.resolve(name);
        Path f = root.resolve(file);
        Files.createDirectories(f.getParent());
        Files.writeString(f, text);
        return root;
    }

    private static String read(Path f) throws IOException {
        return new String(Files.readAllBytes(f), StandardCharsets.UTF_8);
    }

    /** A loaded node that forwards everything; tests override one part. */
    private static class Delegating implements NodeSource.LoadedNode {
        private final NodeSource.LoadedNode inner;

        Delegating(NodeSource.LoadedNode inner) {
            this.inner = inner;
        }

        @Override
        public NodeConfig config() {
            return inner.config();
        }

        @Override
        public List<NodeSource.FileChange> plan(List<NodeEdit> edits) {
            return inner.plan(edits);
        }

        @Override
        public List<NodeSource.EffectiveSetting> effectiveKubelet() {
            return inner.effectiveKubelet();
        }
    }
}
