package dev.criconf.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.criconf.model.ComponentVersion;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VersionTest {

    @Test
    void optionsParseVersionsOrSayWhichOptionWasBad() {
        assertEquals(ComponentVersion.of(1, 30, 2),
                TargetVersion.option(TargetComponent.KUBERNETES, "v1.30.2", "--kubernetes-version").version());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TargetVersion.option(TargetComponent.CONTAINERD, "latest", "--containerd-version"));
        assertTrue(e.getMessage().startsWith("--containerd-version: 'latest'"), e.getMessage());
    }

    @Test
    void assumedVersionsSaySo() {
        TargetVersions none = TargetVersions.none();
        TargetVersion assumed = none.orAssume(TargetComponent.CONTAINERD, ComponentVersion.of(1, 7));
        assertTrue(assumed.isAssumed());
        assertEquals("assuming containerd 1.7", assumed.describe());

        TargetVersions given = TargetVersions.of(
                TargetVersion.option(TargetComponent.CONTAINERD, "2.1", "--containerd-version"));
        TargetVersion known = given.orAssume(TargetComponent.CONTAINERD, ComponentVersion.of(1, 7));
        assertFalse(known.isAssumed());
        assertEquals("containerd 2.1", known.describe());
        assertEquals("containerd 2.1 (from --containerd-version)", known.toString());
        assertTrue(given.kubernetes().isEmpty());
    }

    @Test
    void mergeKeepsTheSourceWithPrecedence() {
        TargetVersions options = TargetVersions.of(
                TargetVersion.option(TargetComponent.KUBERNETES, "1.31", "--kubernetes-version"));
        TargetVersions node = TargetVersions.of(
                new TargetVersion(TargetComponent.KUBERNETES, ComponentVersion.of(1, 28), VersionSource.PROFILE, "criconf.yaml"),
                new TargetVersion(TargetComponent.CONTAINERD, ComponentVersion.of(2, 0), VersionSource.FILES,
                        "etc/containerd/config.toml:1:1 (version = 3)"),
                new TargetVersion(TargetComponent.CRIO, ComponentVersion.of(1, 30), VersionSource.ASSUMPTION, ""));
        TargetVersions merged = options.merge(node);
        assertEquals(ComponentVersion.of(1, 31), merged.kubernetes().orElseThrow().version());
        assertEquals(VersionSource.OPTION, merged.kubernetes().orElseThrow().source());
        assertEquals(VersionSource.FILES, merged.containerd().orElseThrow().source());
        assertEquals(VersionSource.ASSUMPTION, merged.crio().orElseThrow().source());

        // precedence does not depend on which side of merge a version is on
        TargetVersions reversed = node.merge(options);
        assertEquals(merged, reversed);

        // a profile beats what the files prove
        TargetVersions files = TargetVersions.of(new TargetVersion(TargetComponent.CONTAINERD, ComponentVersion.of(2, 0),
                VersionSource.FILES, "x"));
        TargetVersions profile = TargetVersions.of(new TargetVersion(TargetComponent.CONTAINERD, ComponentVersion.of(2, 1),
                VersionSource.PROFILE, "criconf.yaml"));
        assertEquals(ComponentVersion.of(2, 1), files.merge(profile).containerd().orElseThrow().version());
    }

    @Test
    void rejectsVersionsFiledUnderAnotherComponent() {
        TargetVersion crio = TargetVersion.assumed(TargetComponent.CRIO, ComponentVersion.of(1, 30));
        assertThrows(IllegalArgumentException.class,
                () -> new TargetVersions(Map.of(TargetComponent.CONTAINERD, crio)));
        assertEquals(ComponentVersion.of(1, 31),
                TargetVersions.none().with(TargetVersion.assumed(TargetComponent.KUBERNETES, ComponentVersion.of(1, 31)))
                        .kubernetes().orElseThrow().version());
    }
}
