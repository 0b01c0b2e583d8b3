package dev.criconf.io.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.criconf.model.NodeConfig;
import dev.criconf.model.Problem;
import dev.criconf.model.Setting;
import dev.criconf.model.catalog.ContainerdPlugins.Schema;
import dev.criconf.model.containerd.ContainerdConfig;
import dev.criconf.model.crio.CrioConfig;
import dev.criconf.model.crio.CrioFile;
import dev.criconf.model.docker.CriDockerdConfig;
import dev.criconf.model.value.ConfigValue;
import dev.criconf.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every runtime-side corpus file, put at its well-known path in a node root, loads into the model;
 * selected values are what the research sheets say the real programs read.
 */
class NodeLoaderCorpusTest {

    @TempDir
    Path tmp;

    private static List<Path> corpus(String component) {
        return SharedData.files(SharedData.corpus().resolve(component)).stream()
                .filter(p -> !p.getFileName().toString().equals("SOURCES.md")).toList();
    }

    private static Path corpusFile(String component, String name) {
        return SharedData.corpus().resolve(component).resolve(name);
    }

    private NodeConfig loadAt(Path file, String nodePath) throws IOException {
        Path root = Files.createTempDirectory(tmp, "node");
        new NodeRoots(root).copy(file, nodePath);
        return NodeLoader.create().load(root);
    }

    private static List<Problem> syntaxProblems(NodeConfig node) {
        return node.problems().stream().filter(p -> p.kind() == Problem.Kind.SYNTAX || p.kind() == Problem.Kind.DUPLICATE_KEY).toList();
    }

    @TestFactory
    Stream<DynamicTest> everyContainerdFileLoads() {
        List<Path> files = corpus("containerd");
        assertTrue(files.size() >= 40, "containerd corpus: " + files.size());
        return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> {
            boolean windows = f.getFileName().toString().contains("windows");
            String at = windows ? "Program Files/containerd/config.toml" : "etc/containerd/config.toml";
            NodeConfig node = loadAt(f, at);
            ContainerdConfig c = node.containerd().orElseThrow();
            assertEquals(at, c.mainFile().path());
            assertEquals(List.of(at), node.files());
            assertEquals(List.of(), syntaxProblems(node));
            assertTrue(node.parsedFile(at).isPresent());
            // the accessors rules use do not throw on any real file
            c.schema();
            c.cri().sandboxImage();
            c.cri().runtimes();
            c.cri().registry().configs();
            c.unknownKeys();
            c.typeMismatches();
            for (Problem p : node.problems()) {
                assertEquals(at, p.origin().file());
                assertTrue(p.kind() == Problem.Kind.UNREADABLE && p.message().contains("imports entry"), p.toString());
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyCrioFileLoadsAsMainFileAndAsDropIn() {
        List<Path> files = corpus("crio");
        assertTrue(files.size() >= 20, "crio corpus: " + files.size());
        return files.stream().flatMap(f -> Stream.of(
                DynamicTest.dynamicTest("main " + f.getFileName(), () -> {
                    NodeConfig node = loadAt(f, "etc/crio/crio.conf");
                    CrioConfig c = node.crio().orElseThrow();
                    assertEquals(CrioFile.Role.MAIN, c.files().get(0).role());
                    assertEquals(List.of(), node.problems());
                    c.runtimes();
                    c.cgroupManager();
                }),
                DynamicTest.dynamicTest("drop-in " + f.getFileName(), () -> {
                    NodeConfig node = loadAt(f, "etc/crio/crio.conf.d/" + f.getFileName());
                    CrioConfig c = node.crio().orElseThrow();
                    assertEquals(CrioFile.Role.DROP_IN, c.files().get(0).role());
                    assertEquals(List.of(), node.problems());
                })));
    }

    @TestFactory
    Stream<DynamicTest> everyDockerDaemonJsonLoads() {
        List<Path> files = corpus("docker");
        assertTrue(files.size() >= 10, "docker corpus: " + files.size());
        return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> {
            NodeConfig node = loadAt(f, "etc/docker/daemon.json");
            assertEquals(List.of(), node.problems());
            var d = node.dockerDaemon().orElseThrow();
            assertEquals("etc/docker/daemon.json", d.file());
            assertFalse(d.tree().isEmpty());
            d.cgroupDriver();
            d.unknownKeys();
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyCriDockerdUnitLoads() {
        List<Path> files = corpus("cri-dockerd");
        assertTrue(files.size() >= 7, "cri-dockerd corpus: " + files.size());
        return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> {
            String name = f.getFileName().toString();
            if (name.contains(".socket")) {
                Path root = Files.createTempDirectory(tmp, "node");
                new NodeRoots(root).copy(corpusFile("cri-dockerd", "Mirantis_cri-dockerd_packaging_systemd_cri-docker.service"),
                        "usr/lib/systemd/system/cri-docker.service").copy(f, "usr/lib/systemd/system/cri-docker.socket");
                CriDockerdConfig c = NodeLoader.create().load(root).criDockerd().orElseThrow();
                assertTrue(c.listenStream().orElseThrow().value().endsWith(".sock"));
            } else if (name.contains(".service")) {
                NodeConfig node = loadAt(f, "usr/lib/systemd/system/cri-docker.service");
                CriDockerdConfig c = node.criDockerd().orElseThrow();
                assertTrue(c.execStart().isPresent());
                // the initial commit's unit predates socket activation (crio-dockerd.md §5.3)
                assertEquals(!name.contains("d5b2265"), c.containerRuntimeEndpoint().map(s -> s.value().equals("fd://")).orElse(false));
                assertEquals(List.of(), syntaxProblems(node));
            } else {
                // the upstart job: not a systemd unit, at upstart's path; criconf does not read upstart jobs
                NodeConfig node = loadAt(f, "etc/init/cri-docker.conf");
                assertTrue(node.criDockerd().isEmpty());
                assertEquals(List.of(), node.files());
            }
        }));
    }

    // ---------------------------------------------------------------- values from the fact sheets

    @Test
    void kind2019FileWithoutVersionIsVersion1AndIgnoresItsUriTables() throws IOException {
        NodeConfig node = loadAt(corpusFile("containerd", "kubernetes-sigs_kind_images_base_containerd-config.toml"),
                "etc/containerd/config.toml");
        ContainerdConfig c = node.containerd().orElseThrow();
        // containerd.md trap 1 and §13: a file without version is version 1; io.containerd.grpc.v1.cri tables are ignored
        assertEquals(Schema.V1, c.schema().orElseThrow());
        assertTrue(c.merged().find("plugins", "io.containerd.grpc.v1.cri").isPresent());
        assertEquals(Set.of("test-handler"), c.cri().runtimes().keySet(), "only plugins.cri's runtimes count; runc is gone");
        // imports globs that match nothing are not an error
        assertEquals(2, c.imports().size());
        assertTrue(c.imports().stream().allMatch(i -> i.isGlob() && i.matchedFiles().isEmpty()));
        assertEquals(List.of(), node.problems());
    }

    @Test
    void debianDefaultIsVersion2WithPause36AndCgroupfsRunc() throws IOException {
        ContainerdConfig c = loadAt(corpusFile("containerd", "debian-1.6.20-default.toml"), "etc/containerd/config.toml")
                .containerd().orElseThrow();
        assertEquals(Schema.V2, c.schema().orElseThrow());
        assertEquals("registry.k8s.io/pause:3.6", c.cri().sandboxImage().orElseThrow().value());
        assertEquals(false, c.cri().defaultRuntime().orElseThrow().options().orElseThrow().get("SystemdCgroup")
                .flatMap(ConfigValue::asBoolean).orElseThrow());
        assertEquals("/run/containerd/containerd.sock", c.grpcAddress().orElseThrow().value());
    }

    @Test
    void debianEtcConfigMovesTheCniBinaries() throws IOException {
        ContainerdConfig c = loadAt(corpusFile("containerd", "debian-1.6.20-etc-containerd-config.toml"),
                "etc/containerd/config.toml").containerd().orElseThrow();
        assertEquals("/usr/lib/cni", c.cri().cniBinDir().orElseThrow().value());
    }

    @Test
    void talosMissingAbsoluteImportIsAProblemAsInContainerd() throws IOException {
        NodeConfig node = loadAt(corpusFile("containerd", "siderolabs_talos_hack_cri-containerd.toml"), "etc/containerd/config.toml");
        // containerd.md §13: rc=1 "failed to load TOML: /etc/cri/conf.d/cri.toml: open ...: no such file"
        Problem p = node.problems().get(0);
        assertEquals(Problem.Kind.UNREADABLE, p.kind());
        assertEquals("etc/containerd/config.toml", p.origin().file());
        assertEquals(13, p.origin().line());
        assertTrue(p.message().contains("/etc/cri/conf.d/cri.toml"), p.message());
        assertEquals(1, node.problems().size());
    }

    @Test
    void talosImportFoundWhenPresent() throws IOException {
        Path root = Files.createTempDirectory(tmp, "node");
        new NodeRoots(root).copy(corpusFile("containerd", "siderolabs_talos_hack_cri-containerd.toml"), "etc/containerd/config.toml")
                .copy(corpusFile("containerd", "siderolabs_talos_hack_cri-plugin.part.toml"), "etc/cri/conf.d/cri.toml");
        NodeConfig node = NodeLoader.create().load(root);
        assertEquals(List.of(), node.problems());
        ContainerdConfig c = node.containerd().orElseThrow();
        assertEquals(List.of("etc/containerd/config.toml", "etc/cri/conf.d/cri.toml"), c.files().stream().map(f -> f.path()).toList());
        assertEquals(List.of("etc/cri/conf.d/cri.toml"), c.imports().get(0).matchedFiles());
        assertEquals(List.of("etc/containerd/config.toml", "etc/cri/conf.d/cri.toml"), node.files());
    }

    @Test
    void talosCredentialsAreSecrets() throws IOException {
        NodeConfig node = loadAt(corpusFile("containerd", "siderolabs_talos_internal_pkg_containers_cri_containerd_testdata_cri.toml"),
                "etc/containerd/config.toml");
        Set<String> secrets = NodeSecrets.of(node);
        assertTrue(secrets.containsAll(Set.of("root", "topsecret", "secret", "auth")), secrets.toString());
        assertFalse(secrets.contains(""));
        for (Problem p : node.problems()) {
            assertTrue(secrets.stream().noneMatch(s -> p.message().contains(s)));
        }
    }

    @Test
    void windowsConfigAtProgramFiles() throws IOException {
        NodeConfig node = loadAt(corpusFile("containerd",
                "Azure_AgentBaker_staging_cse_windows_containerdfunc.tests.suites_config.toml@e99452c-v3.toml"),
                "Program Files/containerd/config.toml");
        ContainerdConfig c = node.containerd().orElseThrow();
        assertEquals(Schema.V3, c.schema().orElseThrow());
        assertTrue(c.grpcAddress().orElseThrow().value().contains("pipe"));
    }

    @Test
    void crioPackageDropInDefaultsToCrun() throws IOException {
        CrioConfig c = loadAt(corpusFile("crio", "cri-o_packaging_templates_latest_cri-o_bundle_10-crio.conf"),
                "etc/crio/crio.conf.d/10-crio.conf").crio().orElseThrow();
        assertEquals("crun", c.defaultRuntime().orElseThrow().value());
        assertTrue(c.runtimes().containsKey("crun") && c.runtimes().containsKey("runc"));
    }

    @Test
    void crio114FixtureHasAnArrayPluginDir() throws IOException {
        // crio-dockerd.md §2.3: an array given for plugin_dir is a fatal type error; the model keeps it as written
        CrioConfig c = loadAt(corpusFile("crio", "cri-o_cri-o_server_fixtures_crio.conf"), "etc/crio/crio.conf").crio().orElseThrow();
        assertTrue(c.pluginDir().orElseThrow().value().asArray().isPresent());
        assertEquals("/var/run/crio.sock", c.listen().orElseThrow().value());
    }

    @Test
    void crioGeneratedTemplateHasEveryKeyCommented() throws IOException {
        // crio-dockerd.md §3.5: `crio config` prints defaults commented out; only table headers are live
        CrioConfig c = loadAt(corpusFile("crio", "cri-o-v1.26.4-generated_crio-config.conf"), "etc/crio/crio.conf").crio().orElseThrow();
        assertTrue(c.cgroupManager().isEmpty());
        assertTrue(c.pauseImage().isEmpty());
        assertTrue(c.runtimes().isEmpty());
    }

    @Test
    void criDockerdInitialCommitHasAnUnknownFlag() throws IOException {
        // crio-dockerd.md §5.3: d5b22659 used --networkplugin="" (cri-dockerd exits on an unknown flag)
        CriDockerdConfig c = loadAt(corpusFile("cri-dockerd", "Mirantis_cri-dockerd_packaging_systemd_cri-docker.service@d5b2265.service"),
                "usr/lib/systemd/system/cri-docker.service").criDockerd().orElseThrow();
        assertTrue(c.unknownFlags().stream().anyMatch(f -> f.name().equals("networkplugin")), c.unknownFlags().toString());
    }

    @Test
    void criDockerdPackageUnitAndSocketListenOnRunCriDockerdSock() throws IOException {
        Path root = Files.createTempDirectory(tmp, "node");
        new NodeRoots(root).copy(corpusFile("cri-dockerd", "Mirantis_cri-dockerd_packaging_systemd_cri-docker.service"),
                "usr/lib/systemd/system/cri-docker.service")
                .copy(corpusFile("cri-dockerd", "Mirantis_cri-dockerd_packaging_systemd_cri-docker.socket"),
                        "usr/lib/systemd/system/cri-docker.socket");
        CriDockerdConfig c = NodeLoader.create().load(root).criDockerd().orElseThrow();
        Setting<String> listen = c.listenEndpoint();
        assertEquals("%t/cri-dockerd.sock", listen.value());
        assertEquals("/run/cri-dockerd.sock", dev.criconf.model.CriEndpoint.fromListenStream(listen.value()).orElseThrow().address());
    }

    @Test
    void nvidiaDaemonJsonHasOnlyAMirror() throws IOException {
        var d = loadAt(corpusFile("docker", "NVIDIA_nvidia-container-toolkit_tests_container_shared_etc_docker_daemon.json"),
                "etc/docker/daemon.json").dockerDaemon().orElseThrow();
        assertEquals(List.of("https://mirror.gcr.io"), d.registryMirrors().stream().map(Setting::value).toList());
        assertTrue(d.cgroupDriver().isEmpty(), "no exec-opts: Docker's own default applies");
        assertEquals(2, d.registryMirrors().get(0).origin().orElseThrow().line());
    }
}
