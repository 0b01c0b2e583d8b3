package dev.criconf.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class VersionsTest {

    @Test
    void parsesKubeadmAndKubeletSpellings() {
        assertEquals(KubernetesVersion.of(1, 30, 2), KubernetesVersion.parse("v1.30.2").orElseThrow());
        assertEquals(KubernetesVersion.of(1, 30), KubernetesVersion.parse("1.30").orElseThrow());
        KubernetesVersion rc = KubernetesVersion.parse("v1.31.0-rc.1").orElseThrow();
        assertEquals("rc.1", rc.preRelease());
        assertEquals("1.31.0-rc.1", rc.toString());
        assertEquals(OptionalInt.of(0), rc.patch());
        assertEquals("1.30.2", KubernetesVersion.parse("v1.30.2+k3s1").orElseThrow().toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "v", "1", "stable-1.30", "latest", "1.x", "1.30.2.1", "1..30", "1.30-", "1.30 "})
    void rejectsLabelsAndGarbage(String text) {
        assertFalse(KubernetesVersion.parse(text).isOk(), text);
    }

    @Test
    void ordersReleasesAndCandidates() {
        List<KubernetesVersion> sorted = new ArrayList<>();
        for (String s : List.of("1.9", "1.24.0", "1.31.0-rc.1", "1.31.0", "1.31.0-alpha.2", "1.30", "1.30.0", "1.30.10", "1.30.2", "2.0")) {
            sorted.add(KubernetesVersion.parse(s).orElseThrow());
        }
        Collections.shuffle(sorted, new java.util.Random(7));
        Collections.sort(sorted);
        assertEquals("[1.9, 1.24.0, 1.30, 1.30.0, 1.30.2, 1.30.10, 1.31.0-alpha.2, 1.31.0-rc.1, 1.31.0, 2.0]", sorted.toString());
    }

    @Test
    void comparesReleaseLines() {
        KubernetesVersion v = KubernetesVersion.of(1, 24, 3);
        assertTrue(v.isAtLeast(1, 24));
        assertFalse(v.isAtLeast(1, 25));
        assertTrue(v.isBefore(1, 27));
        assertEquals(KubernetesVersion.of(1, 24), v.releaseLine());
    }

    @Test
    void componentVersionsIgnorePackagingSuffixes() {
        ComponentVersion debian = ComponentVersion.parse("1.6.20~ds1-1+deb12u3").orElseThrow();
        assertEquals(ComponentVersion.of(1, 6, 20), debian);
        assertTrue(debian.isAtLeast(1, 6, 9));
        assertFalse(debian.isAtLeast(1, 6, 32));
        assertTrue(ComponentVersion.parse("v2.0.0").orElseThrow().isAtLeast(2, 0));
        assertTrue(ComponentVersion.of(1, 7).isAtLeast(1, 7, 0));
        assertEquals("27.3.1", ComponentVersion.parse("27.3.1").orElseThrow().toString());
        assertTrue(ComponentVersion.parse("2.0.0-rc.1").orElseThrow().compareTo(ComponentVersion.of(2, 0, 0)) < 0);
        assertFalse(ComponentVersion.parse("two").isOk());
        assertEquals(ComponentVersion.of(19, 3, 15), ComponentVersion.parse("19.03.15").orElseThrow());
    }
}
