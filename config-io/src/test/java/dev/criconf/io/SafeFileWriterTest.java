package dev.criconf.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.criconf.io.json.JsonData;
import dev.criconf.io.json.JsonDocument;
import dev.criconf.io.sysctl.SysctlFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SafeFileWriterTest {

    private static final String ORIGINAL = "{\n  \"exec-opts\": [\"native.cgroupdriver=cgroupfs\"]\n}\n";
    private static final String EDITED = ORIGINAL.replace("cgroupfs", "systemd");

    @TempDir
    Path dir;

    private Path target;

    @BeforeEach
    void posixOnly() throws IOException {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "needs POSIX permissions");
        target = dir.resolve("daemon.json");
        Files.writeString(target, ORIGINAL);
    }

    private JsonDocument readAndEdit(Path p) throws IOException {
        return JsonDocument.parse(p.toString(), Files.readAllBytes(p))
                .set("exec-opts", JsonData.strings("native.cgroupdriver=systemd"));
    }

    private List<String> dirEntries() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static String perms(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS));
    }

    @Test
    void replacesTheContentAndKeepsTheMode() throws IOException {
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-r-----"));
        byte[] before = Files.readAllBytes(target);
        WriteResult r = SafeFileWriter.create().write(target, readAndEdit(target), ExpectedOriginal.content(before));
        assertEquals(EDITED, Files.readString(target));
        assertEquals("rw-r-----", perms(target));
        assertTrue(r.atomic());
        assertFalse(r.created());
        assertTrue(r.directorySynced());
        assertEquals(target.toRealPath(), r.written());
        assertEquals(List.of("daemon.json"), dirEntries(), "no temporary file is left");
    }

    @Test
    void newFilesGetDefaultOrChosenPermissions() throws IOException {
        Path created = dir.resolve("99-k8s.conf");
        SysctlFile f = SysctlFile.parse(created.toString(), "").set("net.ipv4.ip_forward", "1");
        WriteResult r = SafeFileWriter.create().write(created, f, ExpectedOriginal.absent());
        assertTrue(r.created());
        assertEquals("net.ipv4.ip_forward = 1\n", Files.readString(created));
        assertEquals("rw-r--r--", perms(created));
        Path secret = dir.resolve("secret.json");
        SafeFileWriter.create().withNewFilePermissions(PosixFilePermissions.fromString("rw-------"))
                .write(secret, "{}\n".getBytes(StandardCharsets.UTF_8), ExpectedOriginal.absent());
        assertEquals("rw-------", perms(secret));
    }

    @Test
    void writesThroughASymbolicLinkAndKeepsTheLink() throws IOException {
        Path real = Files.createDirectories(dir.resolve("real")).resolve("sysctl.conf");
        Files.writeString(real, "net.ipv4.ip_forward = 0\n");
        Path linkDir = Files.createDirectories(dir.resolve("sysctl.d"));
        Path link = Files.createSymbolicLink(linkDir.resolve("99-sysctl.conf"), Path.of("../real/sysctl.conf"));
        SysctlFile f = SysctlFile.parse(link.toString(), Files.readAllBytes(link));
        WriteResult r = SafeFileWriter.create().write(link, f.set("net.ipv4.ip_forward", "1"), ExpectedOriginal.document(f));
        assertTrue(Files.isSymbolicLink(link));
        assertEquals(Path.of("../real/sysctl.conf"), Files.readSymbolicLink(link));
        assertEquals("net.ipv4.ip_forward = 1\n", Files.readString(real));
        assertEquals(real.toRealPath(), r.written());
        assertEquals(link, r.requested());
        try (Stream<Path> s = Files.list(real.getParent())) {
            assertEquals(1, s.count(), "the temporary file was made beside the real file and is gone");
        }
    }

    @Test
    void aLinkToAFileNotYetCreatedCreatesTheTarget() throws IOException {
        Path link = Files.createSymbolicLink(dir.resolve("modules.conf"), Path.of("modules"));
        SafeFileWriter.create().write(link, "overlay\n".getBytes(StandardCharsets.UTF_8), ExpectedOriginal.absent());
        assertTrue(Files.isSymbolicLink(link));
        assertEquals("overlay\n", Files.readString(dir.resolve("modules")));
    }

    @ParameterizedTest
    @EnumSource(SafeFileWriter.Step.class)
    void aFailureAtAnyStepLeavesTheOriginalAndNoTemporaryFile(SafeFileWriter.Step failAt) throws IOException {
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-r-----"));
        byte[] before = Files.readAllBytes(target);
        SafeFileWriter writer = SafeFileWriter.create().withHook((step, temp) -> {
            assertTrue(Files.exists(temp));
            if (step == failAt) {
                throw new IOException("injected failure at " + step);
            }
        });
        WriteException e = assertThrows(WriteException.class,
                () -> writer.write(target, readAndEdit(target), ExpectedOriginal.content(before)));
        assertEquals(WriteException.Reason.IO_FAILURE, e.reason());
        assertTrue(e.getMessage().contains("injected failure at " + failAt), e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(target));
        assertEquals("rw-r-----", perms(target));
        assertEquals(List.of("daemon.json"), dirEntries());
    }

    @Test
    void aRuntimeFailureIsWrappedToo() throws IOException {
        byte[] before = Files.readAllBytes(target);
        SafeFileWriter writer = SafeFileWriter.create().withHook((step, temp) -> {
            if (step == SafeFileWriter.Step.WRITTEN) {
                throw new IllegalStateException("boom");
            }
        });
        WriteException e = assertThrows(WriteException.class, () -> writer.write(target, readAndEdit(target)));
        assertEquals(WriteException.Reason.IO_FAILURE, e.reason());
        assertArrayEquals(before, Files.readAllBytes(target));
        assertEquals(List.of("daemon.json"), dirEntries());
    }

    @Test
    void refusesADocumentWithErrors() throws IOException {
        JsonDocument broken = JsonDocument.parse("daemon.json", "{\"exec-opts\": [\"native.cgroupdriver=systemd\",]}");
        WriteException e = assertThrows(WriteException.class, () -> SafeFileWriter.create().write(target, broken));
        assertEquals(WriteException.Reason.DOCUMENT_HAS_ERRORS, e.reason());
        assertTrue(e.getMessage().contains("daemon.json:1:"), e.getMessage());
        assertEquals(ORIGINAL, Files.readString(target));
        assertEquals(List.of("daemon.json"), dirEntries());
    }

    @Test
    void refusesToClobberAFileChangedSinceItWasRead() throws IOException {
        byte[] read = Files.readAllBytes(target);
        JsonDocument edited = readAndEdit(target);
        String theirs = "{\n  \"debug\": true\n}\n";
        Files.writeString(target, theirs);
        WriteException e = assertThrows(WriteException.class,
                () -> SafeFileWriter.create().write(target, edited, ExpectedOriginal.content(read)));
        assertEquals(WriteException.Reason.CHANGED_ON_DISK, e.reason());
        assertEquals(theirs, Files.readString(target));
        assertEquals(List.of("daemon.json"), dirEntries());

        WriteException gone = assertThrows(WriteException.class,
                () -> SafeFileWriter.create().write(dir.resolve("new.json"), edited, ExpectedOriginal.content(read)));
        assertEquals(WriteException.Reason.CHANGED_ON_DISK, gone.reason());
        WriteException exists = assertThrows(WriteException.class,
                () -> SafeFileWriter.create().write(target, edited, ExpectedOriginal.absent()));
        assertEquals(WriteException.Reason.CHANGED_ON_DISK, exists.reason());
    }

    @Test
    void aChangeWhileWritingIsCaughtBeforeTheRename() throws IOException {
        byte[] read = Files.readAllBytes(target);
        String theirs = "{\"debug\": true}\n";
        SafeFileWriter writer = SafeFileWriter.create().withHook((step, temp) -> {
            if (step == SafeFileWriter.Step.SYNCED) {
                Files.writeString(target, theirs);
            }
        });
        WriteException e = assertThrows(WriteException.class,
                () -> writer.write(target, readAndEdit(target), ExpectedOriginal.content(read)));
        assertEquals(WriteException.Reason.CHANGED_ON_DISK, e.reason());
        assertEquals(theirs, Files.readString(target));
        assertEquals(List.of("daemon.json"), dirEntries());
    }

    @Test
    void digestsCanBeRecordedAndCheckedLater() throws IOException {
        String digest = ExpectedOriginal.digestHex(Files.readAllBytes(target));
        SafeFileWriter.create().write(target, readAndEdit(target), ExpectedOriginal.sha256Hex(digest));
        assertEquals(EDITED, Files.readString(target));
        assertThrows(WriteException.class,
                () -> SafeFileWriter.create().write(target, readAndEdit(target), ExpectedOriginal.sha256Hex(digest)));
        assertThrows(IllegalArgumentException.class, () -> ExpectedOriginal.sha256Hex("abcd"));
    }

    @Test
    void refusesDirectoriesAndMissingParents() {
        WriteException d = assertThrows(WriteException.class,
                () -> SafeFileWriter.create().write(dir, new byte[0], ExpectedOriginal.any()));
        assertEquals(WriteException.Reason.NOT_A_REGULAR_FILE, d.reason());
        WriteException m = assertThrows(WriteException.class,
                () -> SafeFileWriter.create().write(dir.resolve("no/such/dir/f.conf"), new byte[0], ExpectedOriginal.any()));
        assertEquals(WriteException.Reason.IO_FAILURE, m.reason());
    }

    @Test
    void otherHardLinksAreMentioned() throws IOException {
        Files.createLink(dir.resolve("other-name.json"), target);
        WriteResult r = SafeFileWriter.create().write(target, readAndEdit(target));
        assertTrue(r.notes().stream().anyMatch(n -> n.contains("2 hard links")), r.notes().toString());
        assertEquals(ORIGINAL, Files.readString(dir.resolve("other-name.json")));
    }

    @Test
    void ownerAndGroupAreKeptWhereThePlatformAllows() throws IOException {
        UserPrincipal nobody;
        try {
            nobody = dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody");
            Files.setOwner(target, nobody);
        } catch (IOException | UnsupportedOperationException e) {
            assumeTrue(false, "cannot give a file to 'nobody' here (needs root): " + e.getMessage());
            return;
        }
        var group = Files.readAttributes(target, java.nio.file.attribute.PosixFileAttributes.class).group();
        WriteResult r = SafeFileWriter.create().write(target, readAndEdit(target));
        PosixFileAttributeView view = Files.getFileAttributeView(target, PosixFileAttributeView.class);
        assertEquals(nobody, view.getOwner());
        assertEquals(group, view.readAttributes().group());
        assertEquals(List.of(), r.notes());
    }
}
