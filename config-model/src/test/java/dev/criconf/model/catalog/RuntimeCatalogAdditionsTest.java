package dev.criconf.model.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.criconf.model.ComponentVersion;
import dev.criconf.model.catalog.ContainerdDeprecations.Deprecation;
import dev.criconf.model.catalog.ContainerdPlugins.Schema;
import dev.criconf.model.containerd.TomlKeyMatching;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The catalog facts the containerd rules added: release-aware CRI disabling, runc options, deprecations. */
class RuntimeCatalogAdditionsTest {

    private static final ComponentVersion C16 = ComponentVersion.of(1, 6, 20);
    private static final ComponentVersion C17 = ComponentVersion.of(1, 7, 28);
    private static final ComponentVersion C20 = ComponentVersion.of(2, 0, 0);
    private static final ComponentVersion C22 = ComponentVersion.of(2, 2, 0);

    @Test
    void disablingCriDependsOnSchemaAndRelease() {
        // Debian containerd 1.6.20: e5a, e5b, e5d
        assertTrue(ContainerdPlugins.disablesCri("cri", Schema.V1, C16));
        assertFalse(ContainerdPlugins.disablesCri("io.containerd.grpc.v1.cri", Schema.V1, C16));
        assertTrue(ContainerdPlugins.disablesCri("io.containerd.grpc.v1.cri", Schema.V2, C16));
        // 1.x has no split CRI plugins; a version-3 file it accepts is read as version 2
        assertFalse(ContainerdPlugins.disablesCri("io.containerd.cri.v1.runtime", Schema.V2, C17));
        assertTrue(ContainerdPlugins.disablesCri("io.containerd.grpc.v1.cri", Schema.V3, C17));
        // 2.x migrates version-1 ids, and the split plugins count
        assertTrue(ContainerdPlugins.disablesCri("cri", Schema.V1, C20));
        assertTrue(ContainerdPlugins.disablesCri("io.containerd.grpc.v1.cri", Schema.V1, C20));
        assertTrue(ContainerdPlugins.disablesCri("io.containerd.cri.v1.images", Schema.V3, C22));
        assertFalse(ContainerdPlugins.disablesCri("io.containerd.snapshotter.v1.zfs", Schema.V3, C22));
    }

    @Test
    void shortIdsMakeVersionTwoFilesUnloadable() {
        // e5c: invalid disabled plugin URI "cri" expect io.containerd.x.vx
        assertTrue(ContainerdPlugins.rejectsPluginReference("cri", Schema.V2, C16));
        assertFalse(ContainerdPlugins.rejectsPluginReference("cri", Schema.V1, C16));
        assertFalse(ContainerdPlugins.rejectsPluginReference("io.containerd.grpc.v1.cri", Schema.V2, C16));
        // 1.x wants four parts, 2.x only a dot
        assertTrue(ContainerdPlugins.rejectsPluginReference("a.b", Schema.V2, C17));
        assertFalse(ContainerdPlugins.rejectsPluginReference("a.b", Schema.V3, C20));
        assertTrue(ContainerdPlugins.rejectsPluginReference("cri", Schema.V3, C20));
    }

    @Test
    void registryConfigPathDefault() {
        assertEquals("", KnownVersions.containerdRegistryConfigPath(C17).orElseThrow().value());
        assertEquals("/etc/containerd/certs.d:/etc/docker/certs.d",
                KnownVersions.containerdRegistryConfigPath(C22).orElseThrow().value());
        assertEquals("/etc/containerd/certs.d:/etc/docker/certs.d",
                KnownVersions.containerdRegistryConfigPath(ComponentVersion.of(2, 2, 1)).orElseThrow().value());
        assertEquals("", KnownVersions.containerdRegistryConfigPath(ComponentVersion.of(2, 2, 2)).orElseThrow().value());
        assertEquals("", KnownVersions.containerdRegistryConfigPath(ComponentVersion.of(2, 2)).orElseThrow().value(),
                "a release line is its latest patch release");
    }

    @Test
    void runcOptionsPerRelease() {
        Set<String> one = ContainerdRuntimeOptions.runcOptions(C16);
        Set<String> two = ContainerdRuntimeOptions.runcOptions(C20);
        // 1.6.20 `containerd config default` prints exactly these
        assertEquals(Set.of("BinaryName", "CriuImagePath", "CriuPath", "CriuWorkPath", "IoGid", "IoUid", "NoNewKeyring",
                "NoPivotRoot", "Root", "ShimCgroup", "SystemdCgroup"), one);
        assertTrue(two.contains("TaskApiAddress") && two.contains("TaskApiVersion") && !two.contains("CriuPath"));
    }

    @Test
    void optionNamesBindPerDecoder() {
        Set<String> runc = ContainerdRuntimeOptions.runcOptions(C17);
        assertEquals(Optional.of("SystemdCgroup"), ContainerdRuntimeOptions.bind("SystemdCgroup", runc, C17));
        assertEquals(Optional.of("SystemdCgroup"), ContainerdRuntimeOptions.bind("systemdcgroup", runc, C17));
        assertEquals(Optional.of("SystemdCgroup"), ContainerdRuntimeOptions.bind("SYSTEMDCGROUP", runc, C17));
        assertEquals(Optional.of("SystemdCgroup"), ContainerdRuntimeOptions.bind("systemdCgroup", runc, C17));
        assertEquals(Optional.empty(), ContainerdRuntimeOptions.bind("SystemdCGroup", runc, C17));
        assertEquals(Optional.of("SystemdCgroup"), ContainerdRuntimeOptions.bind("SystemdCGroup", runc, C20));
        assertEquals(Optional.empty(), ContainerdRuntimeOptions.bind("systemd_cgroup", runc, C20));
        assertEquals(TomlKeyMatching.GO_TOML_V1, TomlKeyMatching.forRelease(C17));
        assertEquals(TomlKeyMatching.GO_TOML_V2, TomlKeyMatching.forRelease(C20));
        assertTrue(TomlKeyMatching.EXACT.matches("Root", "Root"));
        assertFalse(TomlKeyMatching.EXACT.matches("root", "Root"));
    }

    @Test
    void suggestionsForMisspeltOptions() {
        Set<String> runc = ContainerdRuntimeOptions.runcOptions(C17);
        assertEquals(Optional.of("SystemdCgroup"), ContainerdRuntimeOptions.suggest("SystemdCgroups", runc));
        assertEquals(Optional.of("SystemdCgroup"), ContainerdRuntimeOptions.suggest("systemd_cgroup", runc));
        assertEquals(Optional.of("BinaryName"), ContainerdRuntimeOptions.suggest("binary_name", runc));
        assertEquals(Optional.of("NoPivotRoot"), ContainerdRuntimeOptions.suggest("NoPivotRot", runc));
        assertEquals(Optional.empty(), ContainerdRuntimeOptions.suggest("Frobnicate", runc));
    }

    @Test
    void deprecationsByRelease() {
        Deprecation mirrors = find("cri-registry-mirrors");
        assertTrue(mirrors.isDeprecatedIn(C17));
        assertTrue(mirrors.isDeprecatedIn(C22), "still only slated for removal (2.4)");
        assertEquals(Optional.of("2.4"), mirrors.plannedRemoval());
        Deprecation systemdCgroup = find("cri-systemd-cgroup-v1");
        assertTrue(systemdCgroup.isDeprecatedIn(C17));
        assertTrue(systemdCgroup.isRemovedIn(C20));
        Deprecation binDir = find("cri-cni-bin-dir");
        assertFalse(binDir.appliesTo(C20));
        assertTrue(binDir.appliesTo(ComponentVersion.of(2, 1, 0)));
        assertTrue(binDir.appliesTo(ComponentVersion.of(2, 1)));
        assertEquals(3, binDir.minSchema());
        for (Deprecation d : ContainerdDeprecations.all()) {
            assertFalse(d.path().isEmpty(), d::toString);
            assertFalse(d.replacement().isBlank(), d::toString);
        }
    }

    private static Deprecation find(String id) {
        return ContainerdDeprecations.all().stream().filter(d -> d.id().equals(id)).findFirst().orElseThrow();
    }
}
