package dev.criconf.io.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileProbeTest {

    @TempDir
    Path dir;

    @Test
    void outsideAScopeEveryQuestionIsAskedAfresh() throws IOException {
        FileProbe probe = FileProbe.current();
        Path f = dir.resolve("a.conf");
        assertTrue(probe.lstat(f).absent());
        Files.writeString(f, "x");
        assertTrue(probe.lstat(f).isRegularFile());
        assertEquals(List.of("a.conf"), probe.list(dir));
        Files.writeString(dir.resolve("b.conf"), "y");
        assertEquals(2, probe.list(dir).size());
    }

    @Test
    void insideAScopeEachPathIsAskedOnce() throws IOException {
        Path f = dir.resolve("a.conf");
        try (FileProbe.Scope scope = FileProbe.open()) {
            FileProbe probe = FileProbe.current();
            assertTrue(probe.lstat(f).absent());
            assertEquals(List.of(), probe.list(dir));
            Files.writeString(f, "x");
            // the node is read as it was when first asked
            assertTrue(probe.lstat(f).absent());
            assertEquals(List.of(), probe.list(dir));
        }
        assertTrue(FileProbe.current().lstat(f).isRegularFile(), "closing the scope forgets the answers");
    }

    @Test
    void nestedScopesShareTheOuterOne() {
        try (FileProbe.Scope outer = FileProbe.open()) {
            FileProbe probe = FileProbe.current();
            try (FileProbe.Scope inner = FileProbe.open()) {
                assertSame(probe, FileProbe.current());
            }
            assertSame(probe, FileProbe.current(), "closing the inner scope keeps the outer one");
        }
    }

    @Test
    void attributesAreThoseOfLstat() throws IOException {
        Path d = Files.createDirectory(dir.resolve("d"));
        Path f = Files.writeString(d.resolve("f"), "four");
        Path link = Files.createSymbolicLink(dir.resolve("link"), d);
        try (FileProbe.Scope scope = FileProbe.open()) {
            FileProbe probe = FileProbe.current();
            assertTrue(probe.lstat(d).isDirectory());
            assertTrue(probe.lstat(f).isRegularFile());
            assertEquals(4, probe.lstat(f).size());
            assertTrue(probe.lstat(link).isSymbolicLink());
            assertFalse(probe.lstat(link).isDirectory(), "links are not followed");
            assertEquals(d, probe.readSymbolicLink(link));
            assertTrue(probe.lstat(link.resolve("f")).isRegularFile(), "a link on the way is followed");
            assertTrue(probe.lstat(dir.resolve("none")).absent());
            assertTrue(probe.lstat(dir.resolve("none/deeper")).absent());
            assertTrue(probe.lstat(f.resolve("child")).absent(), "nothing is below a regular file");
            assertThrows(IOException.class, () -> probe.readSymbolicLink(f));
            assertThrows(IOException.class, () -> probe.list(dir.resolve("none")));
        }
    }
}
