package dev.criconf.model.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.criconf.model.ComponentVersion;
import dev.criconf.model.catalog.ContainerdPlugins.Schema;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Facts from containerd services/server/config/config.go (1.x), cmd/containerd/server/config/config.go (2.x), RELEASES.md. */
class ContainerdPluginsTest {

    @Test
    void schemaNumbers() {
        assertEquals(Optional.of(Schema.V1), Schema.of(0));
        assertEquals(Optional.of(Schema.V1), Schema.of(1));
        assertEquals(Optional.of(Schema.V4), Schema.of(4));
        assertEquals(Optional.empty(), Schema.of(5));
        assertEquals("2.0", Schema.V3.minimumRelease());
        assertEquals("2.3", Schema.V4.minimumRelease());
        assertFalse(Schema.V1.usesPluginUris());
    }

    @Test
    void criTablesPerSchema() {
        assertEquals("cri", ContainerdPlugins.runtimePlugin(Schema.V1));
        assertEquals("io.containerd.grpc.v1.cri", ContainerdPlugins.imagesPlugin(Schema.V2));
        assertEquals("io.containerd.cri.v1.runtime", ContainerdPlugins.runtimePlugin(Schema.V3));
        assertEquals("io.containerd.cri.v1.images", ContainerdPlugins.imagesPlugin(Schema.V4));
        assertEquals(List.of("sandbox_image"), ContainerdPlugins.sandboxImageKeys(Schema.V2));
        assertEquals(List.of("pinned_images", "sandbox"), ContainerdPlugins.sandboxImageKeys(Schema.V3));
        assertEquals(Optional.of(Schema.V3), ContainerdPlugins.introducedIn("io.containerd.cri.v1.images"));
    }

    @Test
    void disablingCriPerSchema() {
        assertTrue(ContainerdPlugins.disablesCri("cri", Schema.V1));
        assertFalse(ContainerdPlugins.disablesCri("cri", Schema.V2));
        assertTrue(ContainerdPlugins.disablesCri("io.containerd.grpc.v1.cri", Schema.V2));
        assertTrue(ContainerdPlugins.disablesCri("io.containerd.cri.v1.runtime", Schema.V3));
        assertTrue(ContainerdPlugins.idFitsSchema("cri", Schema.V1));
        assertFalse(ContainerdPlugins.idFitsSchema("cri", Schema.V3));
        assertTrue(ContainerdPlugins.idFitsSchema("io.containerd.grpc.v1.cri", Schema.V2));
    }

    @Test
    void v1MigrationRenames() {
        // cmd/containerd/server/config/config.go v1Migrate
        assertEquals("io.containerd.grpc.v1.cri", ContainerdPlugins.migrateV1Id("cri"));
        assertEquals("io.containerd.snapshotter.v1.overlayfs", ContainerdPlugins.migrateV1Id("overlayfs"));
        assertEquals("io.containerd.service.v1.tasks-service", ContainerdPlugins.migrateV1Id("tasks-service"));
        assertEquals("io.containerd.grpc.v1.foo", ContainerdPlugins.migrateV1Id("foo"));
        assertEquals("io.containerd.x.v1.y", ContainerdPlugins.migrateV1Id("io.containerd.x.v1.y"));
    }

    @Test
    void schemaSupportPerRelease() {
        assertEquals(Schema.V2, ContainerdPlugins.highestSchema(ComponentVersion.of(1, 7, 22)));
        assertEquals(Schema.V3, ContainerdPlugins.highestSchema(ComponentVersion.of(2, 2)));
        assertEquals(Schema.V4, ContainerdPlugins.highestSchema(ComponentVersion.of(2, 3, 0)));
        // 1.6.32 and 1.7.17 started rejecting version > 2
        assertTrue(ContainerdPlugins.silentlyDowngrades(ComponentVersion.of(1, 6, 20)));
        assertFalse(ContainerdPlugins.silentlyDowngrades(ComponentVersion.of(1, 6, 32)));
        assertTrue(ContainerdPlugins.silentlyDowngrades(ComponentVersion.of(1, 7, 16)));
        assertFalse(ContainerdPlugins.silentlyDowngrades(ComponentVersion.of(1, 7, 17)));
        assertFalse(ContainerdPlugins.silentlyDowngrades(ComponentVersion.of(2, 0, 0)));
    }
}
