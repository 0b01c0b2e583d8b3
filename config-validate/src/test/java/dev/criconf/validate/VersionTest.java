package dev.criconf.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class VersionTest {

    @Test
    void parsesReleaseLinesAndDropsSuffixes() {
        assertEquals(new Version(1, 30, 0), Version.parse("1.30"));
        assertEquals(new Version(1, 30, 2), Version.parse("v1.30.2"));
        assertEquals(new Version(2, 0, 0), Version.parse("2.0.0-rc.1"));
        assertEquals(new Version(1, 29, 3), Version.parse("1.29.3+k3s1"));
        assertEquals("1.7", Version.parse("1.7.0").toString());
        assertEquals("1.7.2", Version.parse("1.7.2").toString());
        for (String bad : new String[] {"", "1", "latest", "1.x", "1.2.3.4", "-1.2"}) {
            assertThrows(IllegalArgumentException.class, () -> Version.parse(bad), bad);
        }
    }

    @Test
    void comparesNumerically() {
        assertTrue(Version.parse("1.10").compareTo(Version.parse("1.9")) > 0);
        assertTrue(Version.parse("1.24").isAtLeast(1, 24));
        assertTrue(Version.parse("1.23.17").isBefore(1, 24));
        assertFalse(Version.parse("2.0").isBefore(1, 99));
    }

    @Property(tries = 200)
    void parseReadsWhatToStringWrites(@ForAll @IntRange(max = 99) int major, @ForAll @IntRange(max = 99) int minor,
                                      @ForAll @IntRange(max = 99) int patch) {
        Version v = new Version(major, minor, patch);
        assertEquals(v, Version.parse(v.toString()));
    }

    @Test
    void assumedVersionsSaySo() {
        TargetVersions none = TargetVersions.none();
        TargetVersion assumed = none.orAssume(Component.CONTAINERD, Version.of(1, 7));
        assertTrue(assumed.isAssumed());
        assertEquals("assuming containerd 1.7", assumed.describe());

        TargetVersions given = TargetVersions.of(
                TargetVersion.option(Component.CONTAINERD, "2.1", "--containerd-version"));
        TargetVersion known = given.orAssume(Component.CONTAINERD, Version.of(1, 7));
        assertFalse(known.isAssumed());
        assertEquals("containerd 2.1", known.describe());
        assertEquals("containerd 2.1 (from --containerd-version)", known.toString());
        assertTrue(given.kubernetes().isEmpty());
    }

    @Test
    void mergeKeepsTheSourceWithPrecedence() {
        TargetVersions options = TargetVersions.of(
                TargetVersion.option(Component.KUBERNETES, "1.31", "--kubernetes-version"));
        TargetVersions node = TargetVersions.of(
                new TargetVersion(Component.KUBERNETES, Version.of(1, 28), VersionSource.PROFILE, "criconf.yaml"),
                new TargetVersion(Component.CONTAINERD, Version.of(2, 0), VersionSource.FILES,
                        "etc/containerd/config.toml:1:1 (version = 3)"),
                new TargetVersion(Component.CRIO, Version.of(1, 30), VersionSource.ASSUMPTION, ""));
        TargetVersions merged = options.merge(node);
        assertEquals(Version.of(1, 31), merged.kubernetes().orElseThrow().version());
        assertEquals(VersionSource.OPTION, merged.kubernetes().orElseThrow().source());
        assertEquals(VersionSource.FILES, merged.containerd().orElseThrow().source());
        assertEquals(VersionSource.ASSUMPTION, merged.crio().orElseThrow().source());

        // precedence does not depend on which side of merge a version is on
        TargetVersions reversed = node.merge(options);
        assertEquals(merged, reversed);

        // a profile beats what the files prove
        TargetVersions files = TargetVersions.of(new TargetVersion(Component.CONTAINERD, Version.of(2, 0),
                VersionSource.FILES, "x"));
        TargetVersions profile = TargetVersions.of(new TargetVersion(Component.CONTAINERD, Version.of(2, 1),
                VersionSource.PROFILE, "criconf.yaml"));
        assertEquals(Version.of(2, 1), files.merge(profile).containerd().orElseThrow().version());
    }

    @Test
    void rejectsVersionsFiledUnderAnotherComponent() {
        TargetVersion crio = TargetVersion.assumed(Component.CRIO, Version.of(1, 30));
        assertThrows(IllegalArgumentException.class,
                () -> new TargetVersions(Map.of(Component.CONTAINERD, crio)));
        assertEquals(Version.of(1, 31),
                TargetVersions.none().with(TargetVersion.assumed(Component.KUBERNETES, Version.of(1, 31)))
                        .kubernetes().orElseThrow().version());
    }
}
