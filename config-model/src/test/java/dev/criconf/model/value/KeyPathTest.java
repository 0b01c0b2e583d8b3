package dev.criconf.model.value;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KeyPathTest {

    @Test
    void writesTomlDottedKeys() {
        KeyPath p = KeyPath.of("plugins", "io.containerd.grpc.v1.cri", "containerd", "runtimes", "runc", "options", "SystemdCgroup");
        assertEquals("plugins.\"io.containerd.grpc.v1.cri\".containerd.runtimes.runc.options.SystemdCgroup", p.toString());
        assertEquals("a.b[2].c", KeyPath.of("a", "b").index(2).child("c").toString());
        assertEquals("", KeyPath.ROOT.toString());
        assertEquals("\"\"", KeyPath.of("").toString());
    }

    @Test
    void readsTheCliKeySyntax() {
        assertEquals(KeyPath.of("plugins", "io.containerd.grpc.v1.cri", "sandbox_image"),
                KeyPath.parse("plugins.\"io.containerd.grpc.v1.cri\".sandbox_image").orElseThrow());
        assertEquals(KeyPath.of("plugins", "io.containerd.cri.v1.images"),
                KeyPath.parse("plugins.'io.containerd.cri.v1.images'").orElseThrow());
        assertEquals(KeyPath.of("imports").index(0), KeyPath.parse("imports[0]").orElseThrow());
        assertEquals(KeyPath.ROOT, KeyPath.parse("").orElseThrow());
        assertEquals(Optional.of(List.of("a", "b")), KeyPath.parse("a.b").orElseThrow().keys());
        assertEquals(Optional.empty(), KeyPath.parse("a[1]").orElseThrow().keys());
    }

    @ParameterizedTest
    @ValueSource(strings = {"a.", ".a", "a..b", "a.[0]", "a[x]", "a[1", "\"a", "a b", "a.\"\\q\""})
    void rejectsMalformedPaths(String text) {
        assertFalse(KeyPath.parse(text).isOk(), text);
    }

    @Property(tries = 1000)
    void printedPathsParseBack(@ForAll("paths") KeyPath path) {
        assertEquals(path, KeyPath.parse(path.toString()).orElseThrow());
    }

    @Provide
    Arbitrary<KeyPath> paths() {
        Arbitrary<String> keys = Arbitraries.oneOf(
                Arbitraries.strings().withChars("abcXYZ019_-").ofMinLength(1).ofMaxLength(8),
                Arbitraries.strings().all().ofMaxLength(8));
        Arbitrary<Object> segment = Arbitraries.oneOf(keys.map(k -> (Object) k), Arbitraries.integers().between(0, 99).map(i -> (Object) i));
        return segment.list().ofMaxSize(6).map(list -> {
            KeyPath p = KeyPath.ROOT;
            for (Object o : list) {
                p = o instanceof Integer i ? p.index(i) : p.child((String) o);
            }
            return p;
        });
    }
}
