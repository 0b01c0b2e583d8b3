package dev.criconf.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProvenanceTest {

    private final Origin at = new Origin("etc/containerd/config.toml", 12, 9, 301, 4);

    @Test
    void describesEachSource() {
        assertEquals("etc/containerd/config.toml:12:9", Setting.inFile(true, at).source().describe());
        assertEquals("default of containerd 2.0", Setting.ofDefault("runc", Component.CONTAINERD, "2.0").source().describe());
        assertEquals("--cgroup-driver at etc/containerd/config.toml:12:9", Setting.ofFlag("systemd", "--cgroup-driver", at).source().describe());
    }

    @Test
    void onlyWrittenValuesHaveAnOriginAndAreExplicit() {
        Setting<String> d = Setting.ofDefault("x", Component.KUBELET, "all versions");
        assertEquals(Optional.empty(), d.origin());
        assertFalse(d.isExplicit());
        assertEquals(Optional.of(at), Setting.inFile("x", at).origin());
        assertTrue(Setting.ofFlag("x", "--x", at).isExplicit());
    }

    @Test
    void rejectsNullsAndBlankVersions() {
        assertThrows(NullPointerException.class, () -> new Setting<>(null, new Source.InFile(at)));
        assertThrows(NullPointerException.class, () -> new Setting<>("x", null));
        assertThrows(IllegalArgumentException.class, () -> new Source.Default(Component.CRIO, " "));
        assertThrows(NullPointerException.class, () -> new Source.Flag(null, at));
    }

    @Test
    void mapKeepsTheSource() {
        Setting<String> s = Setting.inFile("42", at);
        assertEquals(Setting.inFile(42, at), s.map(Integer::parseInt));
    }

    @Test
    void parsedResultsCarryTheReason() {
        Parsed<Integer> bad = Parsed.invalid("x", "not a number");
        assertEquals(Optional.of("not a number"), bad.error());
        assertEquals(Optional.empty(), bad.toOptional());
        CriconfException e = assertThrows(CriconfException.class, bad::orElseThrow);
        assertEquals("'x': not a number", e.getMessage());
        assertEquals(Parsed.ok(2), Parsed.ok(1).map(i -> i + 1));
        assertFalse(bad.map(i -> i + 1).isOk());
    }
}
