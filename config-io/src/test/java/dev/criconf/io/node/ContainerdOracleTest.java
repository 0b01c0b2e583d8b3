package dev.criconf.io.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.criconf.io.EditException;
import dev.criconf.io.toml.TomlDocument;
import dev.criconf.io.toml.TomlPath;
import dev.criconf.io.toml.TomlValue;
import dev.criconf.model.CgroupDriver;
import dev.criconf.model.NodeConfig;
import dev.criconf.model.Setting;
import dev.criconf.model.catalog.ContainerdPlugins;
import dev.criconf.model.containerd.ContainerdConfig;
import dev.criconf.model.containerd.ContainerdCri;
import dev.criconf.model.edit.NodeEdit;
import dev.criconf.testing.SharedData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * containerd itself as the oracle (Debian's 1.6.20; no daemon is started): {@code containerd --config
 * FILE config dump} prints the merged configuration containerd would run with. For every corpus file,
 * and for our edited version of it, containerd must accept the file and read the CRI values the model
 * says it reads. Mandatory in CI ({@code CI=true}): a missing binary fails there instead of skipping.
 */
class ContainerdOracleTest {

    static final Path BINARY = Path.of("/usr/bin/containerd");
    static final String CRI = "io.containerd.grpc.v1.cri";
    /** containerd 1.6's default sandbox image: what a dump shows when no file sets one it reads. */
    static final String DEFAULT_SANDBOX_1_6 = "registry.k8s.io/pause:3.6";
    static final String NEW_SANDBOX = "registry.k8s.io/pause:3.10.1";

    /** Corpus files containerd 1.6.20 refuses, with why (see the corpus SOURCES.md, column "1.6.20 dump"). */
    static final Map<String, String> EXPECTED_REFUSALS = Map.of(
            "siderolabs_talos_hack_cri-containerd.toml",
            "imports the absolute file /etc/cri/conf.d/cri.toml, which does not exist here",
            "Azure_AgentBaker_staging_cse_windows_containerdfunc.tests.suites_config.toml@e99452c-v3.toml",
            "a version 3 file with v1-style [plugins.cri...] tables: 1.6 rejects the short plugin key \"cri\"");

    record Dump(int exitCode, String stdout, String stderr) {
        TomlDocument toml(String name) {
            TomlDocument doc = TomlDocument.parse(name + " (dump)", stdout);
            assertFalse(doc.hasErrors(), () -> "the dump of " + name + " does not parse: " + doc.problems());
            return doc;
        }
    }

    @TestFactory
    Stream<DynamicTest> containerdReadsWhatTheModelSays() {
        if (!Files.isExecutable(BINARY)) {
            if ("true".equals(System.getenv("CI"))) {
                fail(BINARY + " is missing: CI must install containerd (apt-get install -y containerd) for this oracle");
            }
            Assumptions.abort(BINARY + " is not installed; the containerd oracle needs it");
        }
        Path dir = SharedData.corpus().resolve("containerd");
        List<Path> files = SharedData.files(dir, ".toml");
        assertTrue(files.size() >= 30, "containerd corpus files: " + files.size());
        List<DynamicTest> tests = new ArrayList<>();
        for (Path file : files) {
            String name = file.getFileName().toString();
            tests.add(DynamicTest.dynamicTest(name, () -> checkCorpusFile(file)));
            if (!EXPECTED_REFUSALS.containsKey(name)) {
                tests.add(DynamicTest.dynamicTest(name + " edited", () -> checkEditedFile(file)));
            }
        }
        tests.add(DynamicTest.dynamicTest("no version line: 1.6 ignores v2 tables", this::noVersionIgnoresV2Tables));
        return tests.stream();
    }

    static final String NO_VERSION_V2_TABLES = "[plugins.\"io.containerd.grpc.v1.cri\"]\n"
            + "  sandbox_image = \"registry.k8s.io/pause:3.10.1\"\n"
            + "[plugins.\"io.containerd.grpc.v1.cri\".containerd.runtimes.runc]\n"
            + "  runtime_type = \"io.containerd.runc.v2\"\n"
            + "[plugins.\"io.containerd.grpc.v1.cri\".containerd.runtimes.runc.options]\n"
            + "  SystemdCgroup = true\n";

    /** Without {@code version}, v2 plugin ids mean nothing to 1.6: the model must say the CRI values are defaults. */
    private void noVersionIgnoresV2Tables() throws IOException {
        Path root = Files.createTempDirectory("criconf-oracle");
        try {
            nodeWith(root, NO_VERSION_V2_TABLES.getBytes(StandardCharsets.UTF_8));
            ContainerdCri cri = NodeLoader.create().load(root).containerd().orElseThrow().cri();
            assertEquals(ContainerdPlugins.Schema.V1, cri.schema());
            assertEquals(Optional.empty(), cri.sandboxImage());
            assertEquals(Optional.empty(), cri.defaultRuntime().flatMap(r -> r.systemdCgroup()));
            Dump dump = dump(root);
            assertEquals(0, dump.exitCode(), dump.stderr());
            TomlDocument toml = dump.toml("no-version");
            assertEquals(Optional.of(DEFAULT_SANDBOX_1_6), string(toml, CRI, "sandbox_image"));
            assertEquals(Optional.of(false), dumpSystemdCgroup(toml));
        } finally {
            deleteTree(root);
        }
    }

    private void checkCorpusFile(Path file) throws IOException {
        String name = file.getFileName().toString();
        Path root = Files.createTempDirectory("criconf-oracle");
        try {
            nodeWith(root, Files.readAllBytes(file));
            Dump dump = dump(root);
            if (EXPECTED_REFUSALS.containsKey(name)) {
                assertEquals(1, dump.exitCode(), () -> name + " was expected to be refused ("
                        + EXPECTED_REFUSALS.get(name) + ") but: " + dump.stderr());
                return;
            }
            assertEquals(0, dump.exitCode(), () -> name + ": " + dump.stderr());
            compare(name, NodeLoader.create().load(root), dump.toml(name));
        } finally {
            deleteTree(root);
        }
    }

    /**
     * Our edits of the file (runc's {@code SystemdCgroup = true}, the sandbox image, CRI enabled),
     * made with {@link NodeEditor}: containerd must accept the result and read the edited values.
     * Version 3 files are edited too, and 1.6 must go on ignoring them (defaults).
     */
    private void checkEditedFile(Path file) throws IOException {
        String name = file.getFileName().toString();
        Path root = Files.createTempDirectory("criconf-oracle");
        try {
            nodeWith(root, Files.readAllBytes(file));
            NodeConfig node = NodeLoader.create().load(root);
            ContainerdConfig before = node.containerd().orElseThrow();
            List<NodeEdit> edits = new ArrayList<>();
            if (disablesCri(before)) {
                edits.add(new NodeEdit.EnableContainerdCri());
            }
            edits.add(new NodeEdit.SetCgroupDriver(NodeEdit.Side.RUNTIME, CgroupDriver.SYSTEMD));
            edits.add(new NodeEdit.SetSandboxImage(NEW_SANDBOX));
            EditPlan plan;
            try {
                plan = NodeEditor.of(root, node).plan(edits);
            } catch (EditException e) {
                // the one refusal we accept: a default runtime other than runc without its own table
                String runtime = before.cri().defaultRuntimeName().map(Setting::value).orElse("runc");
                assertTrue(!runtime.equals("runc") && !before.cri().runtimes().containsKey(runtime),
                        () -> name + ": unexpected refusal: " + e.getMessage());
                return;
            }
            plan.write();
            Dump dump = dump(root);
            assertEquals(0, dump.exitCode(), () -> name + " edited: " + dump.stderr() + "\n" + plan.unifiedDiff());
            NodeConfig after = NodeLoader.create().load(root);
            TomlDocument toml = dump.toml(name);
            compare(name + " edited", after, toml);
            if (after.containerd().orElseThrow().cri().schema() == ContainerdPlugins.Schema.V3
                    || after.containerd().orElseThrow().cri().schema() == ContainerdPlugins.Schema.V4) {
                return; // compare() asserted that 1.6 ignored the edited v3 tables
            }
            assertEquals(NEW_SANDBOX, string(toml, CRI, "sandbox_image").orElse("<unset>"), name);
            assertEquals(Optional.of(true), dumpSystemdCgroup(toml), name);
        } finally {
            deleteTree(root);
        }
    }

    /** The dump and the model agree on the CRI plugin's sandbox image and the default runtime's cgroup driver. */
    private static void compare(String name, NodeConfig node, TomlDocument dump) {
        ContainerdConfig config = node.containerd().orElseThrow(() -> new AssertionError(name + ": no containerd model"));
        ContainerdCri cri = config.cri();
        boolean dumpHasCri = dump.get(path("plugins", CRI)).isPresent();
        if (!dumpHasCri) {
            assertTrue(disablesCri(config), () -> name + ": containerd has no CRI plugin but the model does not see it disabled: "
                    + config.disabledPlugins());
            return;
        }
        assertFalse(disablesCri(config), () -> name + ": the model sees CRI disabled but containerd loads it");
        Optional<String> dumpSandbox = string(dump, CRI, "sandbox_image");
        Optional<Boolean> dumpSystemd = dumpSystemdCgroup(dump);
        if (cri.schema() == ContainerdPlugins.Schema.V3 || cri.schema() == ContainerdPlugins.Schema.V4) {
            // containerd 1.6 predates version 3: it prints defaults, whatever the file says
            assertEquals(Optional.of(DEFAULT_SANDBOX_1_6), dumpSandbox, name + ": 1.6 reading a v3 file");
            assertEquals(Optional.of(false), dumpSystemd.or(() -> Optional.of(false)), name + ": 1.6 reading a v3 file");
            return;
        }
        // v1/v2: what the model reads, or containerd's default where the model says no file sets it
        // (a file without version whose v2 tables 1.6 ignores must come out as "not set")
        assertEquals(Optional.of(cri.sandboxImage().map(Setting::value).orElse(DEFAULT_SANDBOX_1_6)), dumpSandbox,
                name + ": sandbox_image");
        boolean modelSystemd = cri.defaultRuntime().flatMap(r -> r.systemdCgroup()).map(Setting::value).orElse(false);
        assertEquals(modelSystemd, dumpSystemd.orElse(false), name + ": default runtime's SystemdCgroup");
        assertEquals(dumpDefaultRuntime(dump).orElse("runc"), cri.defaultRuntimeName().map(Setting::value).orElse("runc"),
                name + ": default_runtime_name");
    }

    private static boolean disablesCri(ContainerdConfig config) {
        ContainerdPlugins.Schema schema = config.cri().schema();
        return config.disabledPlugins().stream().anyMatch(s -> ContainerdPlugins.disablesCri(s.value(), schema));
    }

    private static Optional<String> dumpDefaultRuntime(TomlDocument dump) {
        return string(dump, CRI, "containerd", "default_runtime_name");
    }

    private static Optional<Boolean> dumpSystemdCgroup(TomlDocument dump) {
        String runtime = dumpDefaultRuntime(dump).orElse("runc");
        return dump.get(path("plugins", CRI, "containerd", "runtimes", runtime, "options", "SystemdCgroup"))
                .map(TomlValue::toJava).filter(Boolean.class::isInstance).map(Boolean.class::cast);
    }

    private static Optional<String> string(TomlDocument doc, String... keys) {
        String[] full = new String[keys.length + 1];
        full[0] = "plugins";
        System.arraycopy(keys, 0, full, 1, keys.length);
        return doc.get(path(full)).map(TomlValue::toJava).filter(String.class::isInstance).map(String.class::cast);
    }

    private static TomlPath path(String... keys) {
        StringBuilder text = new StringBuilder();
        for (String k : keys) {
            if (!text.isEmpty()) {
                text.append('.');
            }
            text.append('"').append(k).append('"');
        }
        return TomlPath.parse(text.toString());
    }

    /** A node root holding only the containerd file, read with containerd 1.6 merge semantics. */
    private static void nodeWith(Path root, byte[] toml) {
        new NodeRoots(root).write("etc/containerd/config.toml", toml)
                .write("criconf.yaml", "containerdVersion: \"1.6.20\"\n");
    }

    /** {@code containerd --config FILE config dump}, run in the node root, killed after 30 s. */
    private static Dump dump(Path root) throws IOException {
        Path config = root.resolve("etc/containerd/config.toml").toAbsolutePath();
        Path out = root.resolve("dump.out");
        Path err = root.resolve("dump.err");
        Process p = new ProcessBuilder(BINARY.toString(), "--config", config.toString(), "config", "dump")
                .directory(root.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        try {
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                fail("containerd config dump did not finish in 30 s for " + config);
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        Dump d = new Dump(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        Files.delete(out);
        Files.delete(err);
        return d;
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
