package dev.criconf.model.containerd;

import static dev.criconf.testing.TestTrees.tree;
import static dev.criconf.testing.TestTrees.valueAt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.criconf.model.CgroupDriver;
import dev.criconf.model.Setting;
import dev.criconf.model.Source;
import dev.criconf.model.catalog.ContainerdPlugins.Schema;
import dev.criconf.model.value.ConfigTable;
import dev.criconf.model.value.KeyPath;
import dev.criconf.model.value.UnknownKey;
import dev.criconf.model.value.ValueType;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Key paths per schema: research sheet containerd.md §3 (containerd pkg/cri/config and internal/cri/config struct tags). */
class ContainerdConfigTest {

    private static final String F = "etc/containerd/config.toml";

    @Test
    void versionTwoFile() {
        ConfigTable t = tree(F,
                "version", 2,
                "root", "/var/lib/containerd",
                "grpc.address", "/run/containerd/containerd.sock",
                "disabled_plugins", List.of("io.containerd.internal.v1.tracing"),
                "plugins.\"io.containerd.grpc.v1.cri\".sandbox_image", "registry.k8s.io/pause:3.9",
                "plugins.\"io.containerd.grpc.v1.cri\".containerd.default_runtime_name", "runc",
                "plugins.\"io.containerd.grpc.v1.cri\".containerd.runtimes.runc.runtime_type", "io.containerd.runc.v2",
                "plugins.\"io.containerd.grpc.v1.cri\".containerd.runtimes.runc.options.SystemdCgroup", true,
                "plugins.\"io.containerd.grpc.v1.cri\".cni.bin_dir", "/opt/cni/bin",
                "plugins.\"io.containerd.grpc.v1.cri\".registry.config_path", "/etc/containerd/certs.d");
        ContainerdConfig c = ContainerdConfig.single(F, t);
        assertEquals(Optional.of(Schema.V2), c.schema());
        assertEquals(Setting.inFile(Schema.V2, valueAt(F, 1)), c.schemaSetting().orElseThrow());
        assertEquals("/run/containerd/containerd.sock", c.grpcAddress().orElseThrow().value());
        assertEquals("/var/lib/containerd", c.root().orElseThrow().value());
        assertEquals(List.of("io.containerd.internal.v1.tracing"), c.disabledPlugins().stream().map(Setting::value).collect(Collectors.toList()));
        ContainerdCri cri = c.cri();
        assertTrue(cri.isConfigured());
        assertEquals(Setting.inFile("registry.k8s.io/pause:3.9", valueAt(F, 5)), cri.sandboxImage().orElseThrow());
        ContainerdRuntime runc = cri.defaultRuntime().orElseThrow();
        assertTrue(runc.isRunc());
        assertEquals(Optional.of(Setting.inFile(CgroupDriver.SYSTEMD, valueAt(F, 8))), runc.cgroupDriver(TomlKeyMatching.EXACT));
        assertEquals("/opt/cni/bin", cri.cniBinDir().orElseThrow().value());
        assertEquals("/etc/containerd/certs.d", cri.registry().configPath().orElseThrow().value());
        assertEquals(List.of(), c.unknownKeys());
        assertEquals(List.of(), c.typeMismatches());
    }

    @Test
    void fileWithoutVersionIsSchemaOneAndIgnoresV2Tables() {
        // kind's 2019 config: v2 plugin ids without a version line are silently ignored by 1.x (trap 1)
        ConfigTable t = tree(F, "plugins.\"io.containerd.grpc.v1.cri\".sandbox_image", "k8s.gcr.io/pause:3.1");
        ContainerdConfig c = ContainerdConfig.single(F, t);
        assertEquals(Optional.of(Schema.V1), c.schema());
        assertEquals(Source.Default.class, c.schemaSetting().orElseThrow().source().getClass());
        assertFalse(c.cri().isConfigured());
        assertEquals(Optional.empty(), c.cri().sandboxImage());
        assertEquals(List.of("io.containerd.grpc.v1.cri"), c.pluginTables().stream().map(ContainerdConfig.PluginTable::id).collect(Collectors.toList()));
        ConfigTable v1 = tree(F, "plugins.cri.sandbox_image", "k8s.gcr.io/pause:3.1", "plugins.cri.systemd_cgroup", true);
        ContainerdCri cri = ContainerdConfig.single(F, v1).cri();
        assertEquals("k8s.gcr.io/pause:3.1", cri.sandboxImage().orElseThrow().value());
        assertEquals(Optional.of(true), cri.legacySystemdCgroup().map(Setting::value));
    }

    @Test
    void versionThreeSplitsTheCriPlugin() {
        ConfigTable t = tree(F,
                "version", 3,
                "plugins.'io.containerd.cri.v1.images'.pinned_images.sandbox", "registry.k8s.io/pause:3.10",
                "plugins.'io.containerd.cri.v1.images'.snapshotter", "overlayfs",
                "plugins.'io.containerd.cri.v1.runtime'.containerd.runtimes.runc.runtime_type", "io.containerd.runc.v2",
                "plugins.'io.containerd.cri.v1.runtime'.containerd.runtimes.runc.options.SystemdCGroup", true,
                "plugins.'io.containerd.cri.v1.runtime'.cni.bin_dirs", List.of("/opt/cni/bin"));
        ContainerdConfig c = ContainerdConfig.single(F, t);
        ContainerdCri cri = c.cri();
        assertEquals(Schema.V3, cri.schema());
        assertEquals("registry.k8s.io/pause:3.10", cri.sandboxImage().orElseThrow().value());
        assertEquals(List.of("plugins", "io.containerd.cri.v1.images", "pinned_images", "sandbox"), cri.sandboxImagePath());
        assertEquals("overlayfs", cri.snapshotter().orElseThrow().value());
        assertEquals(1, cri.cniBinDirs().size());
        ContainerdRuntime runc = cri.runtimes().get("runc");
        // go-toml v2 (2.x) matches SystemdCGroup, go-toml v1 (1.x) does not
        assertEquals(Optional.empty(), runc.systemdCgroup(TomlKeyMatching.EXACT));
        assertEquals(Optional.empty(), runc.systemdCgroup(TomlKeyMatching.GO_TOML_V1));
        assertEquals(Optional.of(true), runc.systemdCgroup(TomlKeyMatching.GO_TOML_V2).map(Setting::value));
        List<UnknownKey> unknown = c.unknownKeys();
        assertEquals(1, unknown.size());
        assertEquals("plugins.\"io.containerd.cri.v1.runtime\".containerd.runtimes.runc.options.SystemdCGroup", unknown.get(0).path().toString());
        assertEquals(Optional.of("SystemdCgroup"), unknown.get(0).suggestion());
    }

    @Test
    void goTomlV1TriesFourSpellings() {
        ConfigTable t = tree(F, "version", 2,
                "plugins.\"io.containerd.grpc.v1.cri\".containerd.runtimes.runc.runtime_type", "io.containerd.runc.v2",
                "plugins.\"io.containerd.grpc.v1.cri\".containerd.runtimes.runc.options.systemdcgroup", true);
        ContainerdRuntime runc = ContainerdConfig.single(F, t).cri().runtimes().get("runc");
        assertEquals(Optional.of(true), runc.systemdCgroup(TomlKeyMatching.GO_TOML_V1).map(Setting::value));
    }

    @Test
    void versionFourMovesTheGrpcAddress() {
        ConfigTable t = tree(F, "version", 4, "plugins.'io.containerd.server.v1.grpc'.address", "/run/containerd/containerd.sock");
        assertEquals("/run/containerd/containerd.sock", ContainerdConfig.single(F, t).grpcAddress().orElseThrow().value());
        ConfigTable migrated = tree(F, "version", 4, "grpc.address", "/run/x.sock");
        assertEquals("/run/x.sock", ContainerdConfig.single(F, migrated).grpcAddress().orElseThrow().value());
    }

    @Test
    void unusableVersions() {
        assertEquals(Optional.empty(), ContainerdConfig.single(F, tree(F, "version", "2")).schema());
        assertEquals(Optional.empty(), ContainerdConfig.single(F, tree(F, "version", 7)).schema());
        assertEquals(Optional.empty(), ContainerdConfig.single(F, tree(F, "version", "2")).schemaSetting());
        assertEquals(ValueType.INTEGER, ContainerdConfig.single(F, tree(F, "version", "2")).typeMismatches().get(0).expected().iterator().next());
    }

    @Test
    void findsMisplacedAndMisspeltOptions() {
        // research containerd.md trap 5: SystemdCgroup outside options, typos inside options are ignored everywhere
        ConfigTable t = tree(F, "version", 2,
                "plugins.\"io.containerd.grpc.v1.cri\".containerd.runtimes.runc.runtime_type", "io.containerd.runc.v2",
                "plugins.\"io.containerd.grpc.v1.cri\".containerd.runtimes.runc.SystemdCgroup", true,
                "plugins.\"io.containerd.grpc.v1.cri\".containerd.runtimes.runc.options.SystemdCgroups", true,
                "plugins.\"io.containerd.grpc.v1.cri\".containerd.runtimes.runc.options.BinaryName", 7,
                "bogus_top", 1);
        ContainerdConfig c = ContainerdConfig.single(F, t);
        ContainerdRuntime runc = c.cri().runtimes().get("runc");
        assertEquals("SystemdCgroup", runc.misplacedSystemdCgroup().orElseThrow().key());
        List<String> unknown = c.unknownKeys().stream().map(u -> u.path().toString()).collect(Collectors.toList());
        assertEquals(List.of(
                "plugins.\"io.containerd.grpc.v1.cri\".containerd.runtimes.runc.SystemdCgroup",
                "plugins.\"io.containerd.grpc.v1.cri\".containerd.runtimes.runc.options.SystemdCgroups",
                "bogus_top"), unknown);
        assertEquals(1, c.typeMismatches().size());
        assertEquals("plugins.\"io.containerd.grpc.v1.cri\".containerd.runtimes.runc.options.BinaryName", c.typeMismatches().get(0).path().toString());
    }

    @Test
    void registryCredentialsAreSecrets() {
        ConfigTable t = tree(F, "version", 2,
                "plugins.\"io.containerd.grpc.v1.cri\".registry.mirrors.\"docker.io\".endpoint", List.of("https://mirror.example"),
                "plugins.\"io.containerd.grpc.v1.cri\".registry.configs.\"r.example\".auth.password", "hunter2",
                "plugins.\"io.containerd.grpc.v1.cri\".registry.auths.\"https://r.example\".auth", "dXNlcjpwYXNz",
                "plugins.\"io.containerd.grpc.v1.cri\".registry.config_path", "/etc/containerd/certs.d");
        ContainerdRegistry r = ContainerdConfig.single(F, t).cri().registry();
        assertEquals(List.of("https://mirror.example"), r.mirrors().get("docker.io").endpoints().stream().map(Setting::value).collect(Collectors.toList()));
        ContainerdRegistry.Auth auth = r.configs().get("r.example").auth().orElseThrow();
        assertEquals("hunter2", auth.password().orElseThrow().reveal());
        assertFalse(auth.toString().contains("hunter2"));
        assertFalse(r.auths().toString().contains("dXNlcjpwYXNz"));
        assertTrue(r.mirrorsEntry().isPresent() && r.configPath().isPresent());
        assertEquals(List.of("docker.io", "r.example"), r.configuredHosts());
        assertTrue(ContainerdConfig.isSecretPath(KeyPath.parse("plugins.\"io.containerd.grpc.v1.cri\".registry.configs.\"r.example\".auth.password").orElseThrow()));
        assertTrue(ContainerdConfig.isSecretPath(KeyPath.parse("plugins.\"io.containerd.grpc.v1.cri\".registry.auths.\"https://r.example\".auth").orElseThrow()));
        assertFalse(ContainerdConfig.isSecretPath(KeyPath.parse("plugins.\"io.containerd.grpc.v1.cri\".registry.mirrors.\"docker.io\".endpoint").orElseThrow()));
    }

    @Test
    void filesKeepTheirOwnTreesAndImports() {
        ConfigTable main = tree(F, "version", 2, "imports", List.of("/etc/containerd/conf.d/*.toml"),
                "plugins.\"io.containerd.grpc.v1.cri\".sandbox_image", "registry.k8s.io/pause:3.9");
        ConfigTable dropIn = tree("etc/containerd/conf.d/10.toml", "plugins.\"io.containerd.grpc.v1.cri\".registry.config_path", "/x");
        ContainerdImport imp = new ContainerdImport(F, new ContainerdFile(F, main).imports().get(0), List.of("etc/containerd/conf.d/10.toml"));
        ContainerdConfig c = new ContainerdConfig(List.of(new ContainerdFile(F, main), new ContainerdFile("etc/containerd/conf.d/10.toml", dropIn)), main, List.of(imp));
        assertTrue(imp.isGlob());
        assertEquals(Optional.of(2L), c.mainFile().declaredVersion().map(Setting::value));
        assertEquals(Optional.empty(), c.files().get(1).declaredVersion());
        assertEquals("io.containerd.grpc.v1.cri", c.files().get(1).pluginTables().get(0).id());
        assertThrows(IllegalArgumentException.class, () -> new ContainerdConfig(List.of(), main, List.of()));
    }
}
