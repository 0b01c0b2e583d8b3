package dev.criconf.io.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.criconf.model.CgroupDriver;
import dev.criconf.model.CommandLineFlag;
import dev.criconf.model.ContainerRuntime;
import dev.criconf.model.CriEndpoint;
import dev.criconf.model.NodeConfig;
import dev.criconf.model.Origin;
import dev.criconf.model.ParsedFile;
import dev.criconf.model.Problem;
import dev.criconf.model.Setting;
import dev.criconf.model.catalog.ContainerdPlugins.Schema;
import dev.criconf.model.containerd.ContainerdConfig;
import dev.criconf.model.crio.CrioConfig;
import dev.criconf.model.crio.CrioRuntimeHandler;
import dev.criconf.model.docker.CriDockerdConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Loading the example node trees of {@code examples/} gives what their README describes. */
class NodeLoaderExamplesTest {

    static final Path EXAMPLES = Path.of("../examples").toAbsolutePath().normalize();

    static NodeConfig load(String name) {
        return NodeLoader.create().load(EXAMPLES.resolve(name));
    }

    static String line(Setting<?> s) {
        Origin o = s.origin().orElseThrow();
        return o.file() + ":" + o.line();
    }

    @TestFactory
    Stream<DynamicTest> everyExampleLoadsWithoutProblems() throws IOException {
        List<Path> roots;
        try (Stream<Path> s = Files.list(EXAMPLES)) {
            // node trees carry a profile; examples/embedding is a Maven module, not a node
            roots = s.filter(Files::isDirectory).filter(d -> Files.isRegularFile(d.resolve("criconf.yaml"))).sorted().toList();
        }
        assertTrue(roots.size() >= 15, "examples found: " + roots);
        return roots.stream().map(root -> DynamicTest.dynamicTest(root.getFileName().toString(), () -> {
            NodeConfig node = NodeLoader.create().load(root);
            assertEquals(List.of(), node.problems(), "problems");
            assertEquals(root.toString(), node.root());
            for (String f : node.files()) {
                assertFalse(f.startsWith("/"), f);
                assertTrue(Files.isRegularFile(root.resolve(f)), f + " exists below the root");
            }
            for (ParsedFile p : node.parsedFiles()) {
                assertTrue(node.files().contains(p.path()), p.path() + " is listed in files()");
                for (var doc : p.documents()) {
                    for (var n : dev.criconf.model.value.ConfigValues.walk(doc)) {
                        assertEquals(p.path(), n.value().origin().file(), "origin of " + n.path());
                        n.entry().ifPresent(e -> assertEquals(p.path(), e.keyOrigin().file()));
                    }
                }
            }
            assertEquals(node.files().stream().sorted().toList(), node.files());
            assertFalse(node.configuredRuntimes().isEmpty() && node.dockerDaemon().isEmpty() && node.sysctl().isEmpty(),
                    "something was read");
        }));
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0} -> {1}")
    @org.junit.jupiter.params.provider.CsvSource({
            "healthy-containerd, CONTAINERD",
            "healthy-containerd-1.7, CONTAINERD",
            "healthy-crio, CRIO",
            "healthy-cri-dockerd, CRI_DOCKERD",
            "broken-cgroup-driver, CONTAINERD",
            "broken-containerd-no-version, CONTAINERD",
            "broken-containerd-registry, CONTAINERD",
            "broken-crio-conmon, CRIO",
            "broken-crio-dropins, CRIO",
            "broken-flag-split, CONTAINERD",
            "broken-kernel-prereq, CONTAINERD",
            "broken-kubelet-config, CONTAINERD",
            "broken-endpoint, ''",
            "broken-cri-dockerd-socket, ''",
            "broken-dockershim, ''",
    })
    void kubeletRuntimeIsTheRuntimeListeningOnTheKubeletsEndpoint(String example, String runtime) {
        NodeConfig node = load(example);
        assertEquals(runtime.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(ContainerRuntime.valueOf(runtime)),
                node.kubeletRuntime(), () -> "endpoint " + node.effectiveKubelet().flatMap(e -> e.containerRuntimeEndpoint()));
    }

    @Test
    void containerdMergeReleaseComesFromTheProfile() {
        NodeConfig node = load("healthy-containerd-1.7");
        Setting<dev.criconf.model.ComponentVersion> release = NodeLoader.containerdMergeRelease(node).orElseThrow();
        assertEquals("1.7", release.value().releaseLine().toString());
        assertEquals("criconf.yaml", release.origin().orElseThrow().file());
        assertEquals("2.2", NodeLoader.containerdMergeRelease(load("healthy-containerd")).orElseThrow().value().releaseLine().toString());
    }

    @Test
    void healthyContainerdIsVersion3WithSystemdRunc() {
        NodeConfig node = load("healthy-containerd");
        ContainerdConfig c = node.containerd().orElseThrow();
        assertEquals(Schema.V3, c.schema().orElseThrow());
        assertEquals("registry.k8s.io/pause:3.10.1", c.cri().sandboxImage().orElseThrow().value());
        assertEquals("etc/containerd/config.toml:18", line(c.cri().sandboxImage().orElseThrow()));
        assertEquals("/run/containerd/containerd.sock", c.grpcAddress().orElseThrow().value());
        assertEquals("etc/containerd/config.toml:10", line(c.grpcAddress().orElseThrow()));
        assertEquals("runc", c.cri().defaultRuntimeName().orElseThrow().value());
        assertEquals(List.of("etc/containerd/config.toml"), c.files().stream().map(f -> f.path()).toList());
        assertTrue(node.files().containsAll(List.of("etc/containerd/config.toml", "etc/sysctl.d/99-kubernetes.conf",
                "etc/modules-load.d/k8s.conf")));
        assertTrue(node.modulesLoad().orElseThrow().contains("br_netfilter"));
        assertEquals(2, NodeLoader.containerdMergeRelease(node).orElseThrow().value().major(),
                "version = 3 (or the profile's 2.2.0): containerd 2.x merge semantics");
    }

    @Test
    void containerdWithoutVersionIsReadAsVersion1AndItsCriTablesAreIgnored() {
        NodeConfig node = load("broken-containerd-no-version");
        ContainerdConfig c = node.containerd().orElseThrow();
        assertEquals(Schema.V1, c.schema().orElseThrow(), "no version line: containerd 1.x reads version 1");
        assertTrue(c.declaredVersion().isEmpty());
        // the v2-style tables are in the file but containerd 1.x looks CRI settings up under plugins.cri
        assertTrue(c.merged().find("plugins", "io.containerd.grpc.v1.cri", "sandbox_image").isPresent());
        assertTrue(c.cri().sandboxImage().isEmpty(), "sandbox_image under io.containerd.grpc.v1.cri is ignored by 1.x");
        assertTrue(c.cri().runtimes().isEmpty(), "runtimes under io.containerd.grpc.v1.cri are ignored by 1.x");
        assertEquals("cri", c.disabledPlugins().get(0).value());
        assertEquals("etc/containerd/config.toml:3", line(c.disabledPlugins().get(0)));
        assertEquals("1.7", NodeLoader.containerdMergeRelease(node).orElseThrow().value().releaseLine().toString());
    }

    @Test
    void containerdRegistryMirrorsAndConfigPath() {
        ContainerdConfig c = load("broken-containerd-registry").containerd().orElseThrow();
        assertEquals(Schema.V2, c.schema().orElseThrow());
        var registry = c.cri().registry();
        assertEquals("etc/containerd/config.toml:18", line(registry.configPath().orElseThrow()));
        assertEquals(21, registry.mirrorsEntry().orElseThrow().keyOrigin().line());
        assertEquals("https://mirror.registry.example.internal", registry.mirrors().get("docker.io").endpoints().get(0).value());
    }

    @Test
    void healthyContainerd17() {
        ContainerdConfig c = load("healthy-containerd-1.7").containerd().orElseThrow();
        assertEquals(Schema.V2, c.schema().orElseThrow());
        assertEquals("registry.k8s.io/pause:3.10.1", c.cri().sandboxImage().orElseThrow().value());
        assertEquals("io.containerd.runc.v2", c.cri().defaultRuntime().orElseThrow().runtimeType().orElseThrow().value());
    }

    @Test
    void healthyCrioPackageLayout() {
        NodeConfig node = load("healthy-crio");
        CrioConfig c = node.crio().orElseThrow();
        assertEquals(List.of("etc/crio/crio.conf.d/10-crio.conf", "etc/crio/crio.conf.d/20-kubernetes.conf"),
                c.files().stream().map(f -> f.path()).toList());
        assertEquals(CgroupDriver.SYSTEMD, c.cgroupDriver().orElseThrow().value());
        assertEquals("crun", c.defaultRuntime().orElseThrow().value());
        assertEquals("registry.k8s.io/pause:3.10.1", c.pauseImage().orElseThrow().value());
        assertTrue(node.containerd().isEmpty());
    }

    @Test
    void crioDropInsBackupWinsAndPartialHandlerReplacesTheEarlierOne() {
        CrioConfig c = load("broken-crio-dropins").crio().orElseThrow();
        assertEquals(List.of("etc/crio/crio.conf.d/10-crio.conf", "etc/crio/crio.conf.d/20-kubernetes.conf",
                "etc/crio/crio.conf.d/20-kubernetes.conf.bak", "etc/crio/crio.conf.d/30-crun-devices.conf"),
                c.files().stream().map(f -> f.path()).toList());
        assertEquals("registry.k8s.io/pause:3.9", c.pauseImage().orElseThrow().value());
        assertEquals("etc/crio/crio.conf.d/20-kubernetes.conf.bak:6", line(c.pauseImage().orElseThrow()));
        CrioRuntimeHandler crun = c.runtimes().get("crun");
        assertEquals("etc/crio/crio.conf.d/30-crun-devices.conf", crun.keyOrigin().file());
        assertEquals(2, crun.keyOrigin().line());
        assertTrue(crun.runtimePath().isEmpty(), "the re-declared handler has no runtime_path");
        assertTrue(crun.runtimeRoot().isEmpty());
        assertTrue(crun.monitorPath().isEmpty());
        assertEquals(List.of("io.containers.trace-syscall", "io.kubernetes.cri-o.Devices"),
                crun.allowedAnnotations().stream().map(Setting::value).toList());
        assertEquals("/usr/libexec/crio/runc", c.runtimes().get("runc").runtimePath().orElseThrow().value(),
                "handlers the drop-in does not name are kept");
        assertEquals("crun", c.defaultRuntime().orElseThrow().value());
    }

    @Test
    void crioConmonCgroupExample() {
        CrioConfig c = load("broken-crio-conmon").crio().orElseThrow();
        assertEquals("etc/crio/crio.conf:13", line(c.cgroupManager().orElseThrow()));
        assertEquals(CgroupDriver.CGROUPFS, c.cgroupDriver().orElseThrow().value());
        assertEquals("system.slice", c.conmonCgroup().orElseThrow().value());
        assertEquals("etc/crio/crio.conf:15", line(c.conmonCgroup().orElseThrow()));
        assertEquals(dev.criconf.model.crio.CrioFile.Role.MAIN, c.files().get(0).role());
    }

    @Test
    void criDockerdWithSocketActivation() {
        NodeConfig node = load("healthy-cri-dockerd");
        CriDockerdConfig c = node.criDockerd().orElseThrow();
        assertEquals("fd://", c.containerRuntimeEndpoint().orElseThrow().value());
        assertEquals("registry.k8s.io/pause:3.10.1", c.podInfraContainerImage().orElseThrow().value());
        assertEquals("%t/cri-dockerd.sock", c.listenStream().orElseThrow().value());
        assertEquals("usr/lib/systemd/system/cri-docker.socket:7", line(c.listenStream().orElseThrow()));
        assertEquals("/run/cri-dockerd.sock", CriEndpoint.fromListenStream(c.listenEndpoint().value()).orElseThrow().address());
        assertEquals(List.of("etc/systemd/system/cri-docker.service", "usr/lib/systemd/system/cri-docker.socket"), c.unitFiles());
        assertEquals("etc/systemd/system/cri-docker.service", c.execStart().orElseThrow().file());
        assertEquals(12, c.execStart().orElseThrow().line());
        assertTrue(c.unknownFlags().isEmpty());
        assertEquals(CgroupDriver.SYSTEMD, node.dockerDaemon().orElseThrow().cgroupDriver().orElseThrow().value());
        assertTrue(node.configuredRuntimes().contains(ContainerRuntime.CRI_DOCKERD));
    }

    @Test
    void criDockerdListeningOnDockersSocket() {
        NodeConfig node = load("broken-cri-dockerd-socket");
        CriDockerdConfig c = node.criDockerd().orElseThrow();
        CommandLineFlag endpoint = c.flags().stream().filter(f -> f.name().equals("container-runtime-endpoint")).findFirst().orElseThrow();
        assertEquals("unix:///var/run/docker.sock", endpoint.value().orElseThrow());
        assertEquals(CommandLineFlag.Form.SEPARATE, endpoint.form());
        assertEquals("etc/systemd/system/cri-docker.service:11", endpoint.origin().file() + ":" + endpoint.origin().line());
        assertTrue(c.listenStream().isEmpty(), "no socket unit");
        assertEquals("unix:///var/run/docker.sock", c.listenEndpoint().value());
    }

    @Test
    void sysctlLastFileWins() {
        NodeConfig node = load("broken-kernel-prereq");
        Setting<String> forward = node.sysctl().orElseThrow().get("net.ipv4.ip_forward").orElseThrow();
        assertEquals("0", forward.value());
        assertEquals("etc/sysctl.d/99-zz-cis-hardening.conf:2", line(forward));
    }

    @Test
    void containerdListenerOfTheEndpointExample() {
        NodeConfig node = load("broken-endpoint");
        assertEquals("etc/containerd/config.toml:10", line(node.containerd().orElseThrow().grpcAddress().orElseThrow()));
        assertTrue(node.problems().stream().noneMatch(p -> p.kind() == Problem.Kind.SYNTAX));
    }
}
