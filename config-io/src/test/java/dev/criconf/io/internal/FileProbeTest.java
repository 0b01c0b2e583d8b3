package dev.criconf.io.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
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

    @Test
    void aSizedReadGivesWhatReadAllBytesGives() throws IOException {
        Random random = new Random(7);
        for (int size : new int[] {0, 1, 2, 775, 8191, 8192, 8193, 100_000}) {
            byte[] content = new byte[size];
            random.nextBytes(content);
            Path f = Files.write(dir.resolve("f" + size), content);
            assertArrayEquals(Files.readAllBytes(f), FileProbe.readSized(f, size), "size " + size);
            // the size lstat gave is stale: the file shrank or grew since, and is read to its end all the same
            assertArrayEquals(content, FileProbe.readSized(f, size + 10L), "shrank, size " + size);
            assertArrayEquals(content, FileProbe.readSized(f, Math.max(0, size - 1)), "grew by one, size " + size);
            assertArrayEquals(content, FileProbe.readSized(f, size / 3), "grew, size " + size);
        }
        NoSuchFileException e = assertThrows(NoSuchFileException.class, () -> FileProbe.readSized(dir.resolve("none"), 3));
        NoSuchFileException expected = assertThrows(NoSuchFileException.class, () -> Files.readAllBytes(dir.resolve("none")));
        assertEquals(expected.getMessage(), e.getMessage());
    }

    @Test
    void aScopedReadIsSizedFromLstatAndSeesTheWholeFile() throws IOException {
        Path f = Files.writeString(dir.resolve("a.conf"), "key=value\n");
        try (FileProbe.Scope scope = FileProbe.open()) {
            FileProbe probe = FileProbe.current();
            assertEquals(10, probe.lstat(f).size());
            Files.writeString(f, "key=value\nmore=lines\n");
            // the bytes are read to the end of the file, not to the size lstat saw
            assertEquals("key=value\nmore=lines\n", new String(probe.readAllBytes(f), StandardCharsets.UTF_8));
            assertThrows(IOException.class, () -> probe.readAllBytes(dir), "a directory is no file");
        }
    }

    @Test
    void listingsGiveTheNamesAndFailuresOfADirectoryStream() throws IOException {
        Path d = Files.createDirectory(dir.resolve("d"));
        for (String n : List.of("a.conf", ".hidden", "b c", "Q?", "caf\u00e9.conf", "z.conf")) {
            Files.writeString(d.resolve(n), n);
        }
        Files.createDirectory(d.resolve("sub"));
        Files.createSymbolicLink(d.resolve("dangling"), d.resolve("nowhere"));
        Path link = Files.createSymbolicLink(dir.resolve("link"), d);
        for (Path p : List.of(d, link, d.resolve("sub"))) {
            assertEquals(streamed(p), FileProbe.current().list(p), p.toString());
        }
        Path ascii = Files.createDirectory(dir.resolve("ascii"));
        Files.writeString(ascii.resolve("x.conf"), "");
        Files.writeString(ascii.resolve("y.conf"), "");
        assertEquals(streamed(ascii), FileProbe.current().list(ascii));
        NoSuchFileException missing = assertThrows(NoSuchFileException.class, () -> FileProbe.current().list(dir.resolve("none")));
        assertEquals(assertThrows(NoSuchFileException.class, () -> streamed(dir.resolve("none"))).getMessage(), missing.getMessage());
        Path file = ascii.resolve("x.conf");
        assertThrows(NotDirectoryException.class, () -> FileProbe.current().list(file));
        assertThrows(NoSuchFileException.class, () -> FileProbe.current().list(d.resolve("dangling")));
    }

    @Test
    void asciiCheckSendsUndecodableNamesToTheStream() {
        assertTrue(FileProbe.allAscii(new String[] {"a.conf", "99-k8s.conf", ".x", "b c"}));
        assertFalse(FileProbe.allAscii(new String[] {"a.conf", "caf\u00e9"}));
        assertFalse(FileProbe.allAscii(new String[] {"bad?name"}), "java.io writes ? for bytes it cannot decode");
        assertFalse(FileProbe.allAscii(new String[] {"\ufffd"}));
    }

    private static List<String> streamed(Path p) throws IOException {
        List<String> out = new ArrayList<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(p)) {
            for (Path e : s) {
                out.add(e.getFileName().toString());
            }
        }
        return out;
    }
}
