package dev.criconf.io.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.criconf.model.NodeConfig;
import dev.criconf.model.Setting;
import dev.criconf.model.Source;
import dev.criconf.model.containerd.ContainerdConfig;
import dev.criconf.model.crio.CrioConfig;
import dev.criconf.model.crio.CrioRuntimeHandler;
import dev.criconf.model.value.ConfigValue;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One test per merge rule of containerd's imports and CRI-O's drop-ins (research sheets containerd.md §6, crio-dockerd.md §4). */
class NodeLoaderMergeTest {

    @TempDir
    Path root;

    private NodeRoots node() {
        return new NodeRoots(root);
    }

    private NodeConfig load() {
        return NodeLoader.create().load(root);
    }

    private static List<String> strings(ContainerdConfig c, String... path) {
        return c.merged().find(path).flatMap(ConfigValue::asArray).orElseThrow().asStrings().orElseThrow();
    }

    // ---------------------------------------------------------------- containerd

    private static final String MAIN_V2 = """
            version = 2
            imports = ["conf.d/*.toml"]

            [plugins."io.containerd.grpc.v1.cri"]
              sandbox_image = "registry.k8s.io/pause:3.10"
              [plugins."io.containerd.grpc.v1.cri".containerd.runtimes.runc]
                runtime_type = "io.containerd.runc.v2"
                [plugins."io.containerd.grpc.v1.cri".containerd.runtimes.runc.options]
                  SystemdCgroup = true
            """;

    private static final String REGISTRY_DROP_IN = """
            version = 2
            [plugins."io.containerd.grpc.v1.cri".registry]
              config_path = "/etc/containerd/certs.d"
            """;

    @Test
    void containerd1ImportReplacesTheWholePluginTable() {
        // containerd.md trap 3 and §13 experiment 18: the drop-in wipes sandbox_image and SystemdCgroup
        node().write("etc/containerd/config.toml", MAIN_V2).write("etc/containerd/conf.d/registry.toml", REGISTRY_DROP_IN);
        NodeConfig n = load();
        ContainerdConfig c = n.containerd().orElseThrow();
        assertEquals(List.of("etc/containerd/config.toml", "etc/containerd/conf.d/registry.toml"),
                c.files().stream().map(f -> f.path()).toList());
        assertEquals(List.of("etc/containerd/conf.d/registry.toml"), c.imports().get(0).matchedFiles());
        assertTrue(c.cri().sandboxImage().isEmpty(), "1.x: the import's CRI table replaced the main file's");
        assertTrue(c.cri().runtimes().isEmpty());
        assertEquals("etc/containerd/conf.d/registry.toml", c.cri().registry().configPath().orElseThrow().origin().orElseThrow().file());
        Setting<?> release = NodeLoader.containerdMergeRelease(n).orElseThrow();
        assertEquals("1.7", release.value().toString());
        assertTrue(release.source() instanceof Source.Default d && d.version().contains("assumed"), release.source().describe());
        // each file keeps its own tree
        assertTrue(c.mainFile().tree().find("plugins", "io.containerd.grpc.v1.cri", "sandbox_image").isPresent());
    }

    @Test
    void containerd2ImportMergesPluginTablesKeyByKey() {
        node().write("criconf.yaml", "containerdVersion: \"2.1.0\"\n")
                .write("etc/containerd/config.toml", MAIN_V2).write("etc/containerd/conf.d/registry.toml", REGISTRY_DROP_IN);
        ContainerdConfig c = load().containerd().orElseThrow();
        assertEquals("registry.k8s.io/pause:3.10", c.cri().sandboxImage().orElseThrow().value());
        assertEquals("etc/containerd/config.toml:5", c.cri().sandboxImage().orElseThrow().source().describe().replaceAll(":\\d+$", ""));
        assertEquals("/etc/containerd/certs.d", c.cri().registry().configPath().orElseThrow().value());
        assertEquals(true, c.cri().defaultRuntime().orElseThrow().options().orElseThrow().get("SystemdCgroup")
                .flatMap(ConfigValue::asBoolean).orElseThrow());
    }

    @Test
    void version3FilesSelect2xSemanticsWithoutAProfile() {
        node().write("etc/containerd/config.toml", """
                version = 3
                imports = ["/etc/containerd/conf.d/*.toml"]
                oom_score = -999
                disabled_plugins = ["io.containerd.snapshotter.v1.zfs"]
                [plugins.'io.containerd.cri.v1.runtime'.containerd.runtimes.runc.options]
                  SystemdCgroup = true
                  BinaryName = "/usr/bin/crun"
                [plugins.'io.containerd.cri.v1.runtime'.cni]
                  bin_dirs = ["/opt/cni/bin", "/usr/lib/cni"]
                """).write("etc/containerd/conf.d/10-override.toml", """
                version = 3
                oom_score = 0
                disabled_plugins = ["io.containerd.snapshotter.v1.zfs", "io.containerd.snapshotter.v1.btrfs"]
                [plugins.'io.containerd.cri.v1.runtime'.containerd.runtimes.runc.options]
                  SystemdCgroup = false
                  BinaryName = ""
                [plugins.'io.containerd.cri.v1.runtime'.cni]
                  bin_dirs = ["/opt/cni/bin"]
                """);
        NodeConfig n = load();
        ContainerdConfig c = n.containerd().orElseThrow();
        assertEquals(2, NodeLoader.containerdMergeRelease(n).orElseThrow().value().major());
        // containerd.md §14 [HARN]: zero values inside plugin tables override; arrays inside plugins are replaced
        var options = c.cri().defaultRuntime().orElseThrow().options().orElseThrow();
        assertEquals(false, options.get("SystemdCgroup").flatMap(ConfigValue::asBoolean).orElseThrow());
        assertEquals("", options.get("BinaryName").flatMap(ConfigValue::asString).orElseThrow());
        assertEquals(List.of("/opt/cni/bin"), c.cri().cniBinDirs().stream().map(Setting::value).toList());
        // top-level zero does not override; top-level arrays append without duplicates
        assertEquals(-999L, c.merged().get("oom_score").flatMap(ConfigValue::asLong).orElseThrow());
        assertEquals(List.of("io.containerd.snapshotter.v1.zfs", "io.containerd.snapshotter.v1.btrfs"), strings(c, "disabled_plugins"));
    }

    @Test
    void containerd1TopLevelMergeKeepsNonZeroValuesAndAppendsDuplicates() {
        // containerd.md §13 experiment 20
        node().write("etc/containerd/config.toml", """
                version = 2
                imports = ["/etc/containerd/conf.d/z.toml"]
                oom_score = -999
                root = "/var/lib/containerd"
                disabled_plugins = ["io.containerd.snapshotter.v1.zfs"]
                [grpc]
                  address = "/run/containerd/containerd.sock"
                  uid = 0
                """).write("etc/containerd/conf.d/z.toml", """
                oom_score = 0
                root = ""
                disabled_plugins = ["io.containerd.snapshotter.v1.zfs", "io.containerd.snapshotter.v1.btrfs"]
                [grpc]
                  gid = 1000
                """);
        ContainerdConfig c = load().containerd().orElseThrow();
        assertEquals(-999L, c.merged().get("oom_score").flatMap(ConfigValue::asLong).orElseThrow());
        assertEquals("/var/lib/containerd", c.root().orElseThrow().value());
        assertEquals(List.of("io.containerd.snapshotter.v1.zfs", "io.containerd.snapshotter.v1.zfs", "io.containerd.snapshotter.v1.btrfs"),
                strings(c, "disabled_plugins"));
        assertEquals("/run/containerd/containerd.sock", c.grpcAddress().orElseThrow().value(), "struct tables merge field by field");
        assertEquals(1000L, c.merged().find("grpc", "gid").flatMap(ConfigValue::asLong).orElseThrow());
        assertEquals(2L, c.declaredVersion().orElseThrow().value(), "the import's missing version does not reset it");
    }

    @Test
    void aVersion2ImportTurnsAVersionlessMainFileIntoVersion2() {
        // containerd.md §1: version is decided after all imports are merged; the last non-zero wins
        node().write("etc/containerd/config.toml", "imports = [\"/etc/containerd/v2.toml\"]\n")
                .write("etc/containerd/v2.toml", "version = 2\n");
        ContainerdConfig c = load().containerd().orElseThrow();
        assertEquals(2L, c.declaredVersion().orElseThrow().value());
        assertEquals("etc/containerd/v2.toml", c.declaredVersion().orElseThrow().origin().orElseThrow().file());
    }

    @Test
    void importsLoadBreadthFirstOnceEachWithRelativePathsFromTheImportingFile() {
        node().write("etc/containerd/config.toml", "imports = [\"a/a.toml\", \"b.toml\"]\n")
                .write("etc/containerd/a/a.toml", "imports = [\"../c.toml\", \"/etc/containerd/config.toml\"]\n")
                .write("etc/containerd/b.toml", "imports = [\"a/a.toml\"]\n")
                .write("etc/containerd/c.toml", "oom_score = 5\n");
        NodeConfig n = load();
        ContainerdConfig c = n.containerd().orElseThrow();
        assertEquals(List.of("etc/containerd/config.toml", "etc/containerd/a/a.toml", "etc/containerd/b.toml", "etc/containerd/c.toml"),
                c.files().stream().map(f -> f.path()).toList());
        assertEquals(5L, c.merged().get("oom_score").flatMap(ConfigValue::asLong).orElseThrow());
        assertEquals(List.of(), n.problems());
        assertEquals(5, c.imports().size());
    }

    @Test
    void globImportsAreSortedAndAGlobMatchingNothingIsFine() {
        node().write("etc/containerd/config.toml", "version = 2\nimports = [\"/etc/containerd/conf.d/*.toml\", \"/nothing/*.toml\"]\n")
                .write("etc/containerd/conf.d/b.toml", "oom_score = 2\n")
                .write("etc/containerd/conf.d/a.toml", "oom_score = 1\n")
                .write("etc/containerd/conf.d/B.toml", "oom_score = 3\n")
                .write("etc/containerd/conf.d/c.txt", "not toml");
        NodeConfig n = load();
        ContainerdConfig c = n.containerd().orElseThrow();
        assertEquals(List.of("etc/containerd/conf.d/B.toml", "etc/containerd/conf.d/a.toml", "etc/containerd/conf.d/b.toml"),
                c.imports().get(0).matchedFiles());
        assertEquals(List.of(), c.imports().get(1).matchedFiles());
        assertEquals(2L, c.merged().get("oom_score").flatMap(ConfigValue::asLong).orElseThrow());
        assertEquals(List.of(), n.problems());
    }

    // ---------------------------------------------------------------- CRI-O

    @Test
    void crioDropInsMergeKeyByKey() {
        node().write("etc/crio/crio.conf", """
                [crio.runtime]
                log_level = "info"
                cgroup_manager = "cgroupfs"
                default_capabilities = ["CHOWN", "KILL"]
                [crio.image]
                pause_image = "registry.k8s.io/pause:3.9"
                """).write("etc/crio/crio.conf.d/20-site.conf", """
                [crio.runtime]
                log_level = "warn"
                default_capabilities = ["NET_RAW"]
                [crio.image]
                Pause_Image = "registry.k8s.io/pause:3.10.1"
                """);
        CrioConfig c = load().crio().orElseThrow();
        assertEquals(List.of("etc/crio/crio.conf", "etc/crio/crio.conf.d/20-site.conf"), c.files().stream().map(f -> f.path()).toList());
        assertEquals("etc/crio/crio.conf", c.cgroupManager().orElseThrow().origin().orElseThrow().file(), "kept from the main file");
        assertEquals("warn", c.merged().find("crio", "runtime", "log_level").flatMap(ConfigValue::asString).orElseThrow());
        assertEquals(List.of("NET_RAW"), c.merged().find("crio", "runtime", "default_capabilities").flatMap(ConfigValue::asArray)
                .orElseThrow().asStrings().orElseThrow(), "arrays are replaced");
        assertEquals("registry.k8s.io/pause:3.10.1", c.pauseImage().orElseThrow().value(), "keys match ignoring case");
        assertEquals("etc/crio/crio.conf.d/20-site.conf", c.pauseImage().orElseThrow().origin().orElseThrow().file());
    }

    @Test
    void crioReDeclaredHandlerIsReplacedWhole() {
        // crio-dockerd.md trap 2: fields the drop-in omits become empty (runtime_type "" instead of "oci")
        node().write("etc/crio/crio.conf.d/10-crio.conf", """
                [crio.runtime.runtimes.runc]
                runtime_path = "/usr/libexec/crio/runc"
                runtime_type = "oci"
                monitor_env = ["PATH=/usr/bin"]
                [crio.runtime.runtimes.crun]
                runtime_path = "/usr/libexec/crio/crun"
                """).write("etc/crio/crio.conf.d/20-runc-root.conf", """
                [crio.runtime.runtimes.runc]
                runtime_root = "/run/runc-custom"
                """);
        CrioConfig c = load().crio().orElseThrow();
        CrioRuntimeHandler runc = c.runtimes().get("runc");
        assertEquals("/run/runc-custom", runc.runtimeRoot().orElseThrow().value());
        assertTrue(runc.runtimePath().isEmpty());
        assertTrue(runc.runtimeType().isEmpty());
        assertTrue(runc.monitorEnv().isEmpty());
        assertEquals("/usr/libexec/crio/crun", c.runtimes().get("crun").runtimePath().orElseThrow().value());
        assertEquals(List.of("runc", "crun", "runc"), c.handlerDeclarations().stream().map(e -> e.getValue().name()).toList());
    }

    @Test
    void crioReadsEveryFileRecursivelyInByteOrder() {
        // crio-dockerd.md §4.1 [BIN126]: 10-a (debug), 9-b (warn), sub/50-nested: warn wins, nested applied
        node().write("etc/crio/crio.conf.d/10-a.conf", "[crio.runtime]\nlog_level = \"debug\"\n")
                .write("etc/crio/crio.conf.d/9-b.conf", "[crio.runtime]\nlog_level = \"warn\"\n")
                .write("etc/crio/crio.conf.d/sub/50-nested.conf", "[crio.image]\npause_image = \"nested\"\n")
                .write("etc/crio/crio.conf.d/README", "# not even TOML keys here\n");
        NodeConfig n = load();
        CrioConfig c = n.crio().orElseThrow();
        assertEquals(List.of("etc/crio/crio.conf.d/10-a.conf", "etc/crio/crio.conf.d/9-b.conf", "etc/crio/crio.conf.d/README",
                "etc/crio/crio.conf.d/sub/50-nested.conf"), c.files().stream().map(f -> f.path()).toList());
        assertEquals("warn", c.merged().find("crio", "runtime", "log_level").flatMap(ConfigValue::asString).orElseThrow());
        assertEquals("nested", c.pauseImage().orElseThrow().value());
    }

    @Test
    void crioDotFileSortsBeforeDigits() {
        // [BIN126]: .hidden (warn) with 10.conf.bak (debug) gave debug
        node().write("etc/crio/crio.conf.d/.hidden", "[crio.runtime]\nlog_level = \"warn\"\n")
                .write("etc/crio/crio.conf.d/10.conf.bak", "[crio.runtime]\nlog_level = \"debug\"\n");
        CrioConfig c = load().crio().orElseThrow();
        assertEquals("debug", c.merged().find("crio", "runtime", "log_level").flatMap(ConfigValue::asString).orElseThrow());
    }

    @Test
    void crioNonTomlDropInIsAProblemAndTheRestStillLoads() {
        node().write("etc/crio/crio.conf.d/10-a.conf", "[crio.runtime]\ncgroup_manager = \"systemd\"\n")
                .write("etc/crio/crio.conf.d/README", "install notes: see wiki\n");
        NodeConfig n = load();
        assertEquals("etc/crio/crio.conf.d/README", n.problems().get(0).origin().file());
        assertEquals(1, n.problems().get(0).origin().line());
        assertEquals("systemd", n.crio().orElseThrow().cgroupManager().orElseThrow().value());
        assertTrue(n.files().contains("etc/crio/crio.conf.d/README"));
    }

    @Test
    void crioStorageOptionsAppendKeepingTheLastAndEmptyStorageStringsAreIgnored() {
        node().write("etc/crio/crio.conf", "[crio]\nroot = \"/var/lib/containers/storage\"\nstorage_option = [\"a=1\", \"b=2\"]\n")
                .write("etc/crio/crio.conf.d/50.conf", "[crio]\nroot = \"\"\nstorage_option = [\"c=3\", \"a=1\"]\n");
        CrioConfig c = load().crio().orElseThrow();
        assertEquals(List.of("b=2", "c=3", "a=1"), c.merged().find("crio", "storage_option").flatMap(ConfigValue::asArray)
                .orElseThrow().asStrings().orElseThrow());
        assertEquals("/var/lib/containers/storage", c.storageRoot().orElseThrow().value());
    }
}
