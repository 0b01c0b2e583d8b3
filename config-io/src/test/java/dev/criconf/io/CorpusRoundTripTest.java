package dev.criconf.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.criconf.io.json.JsonData;
import dev.criconf.io.json.JsonDocument;
import dev.criconf.io.json.JsonPath;
import dev.criconf.io.modules.ModulesLoadFile;
import dev.criconf.io.sysctl.SysctlFile;
import dev.criconf.testing.SharedData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every file of the shared corpus in a format of this module, and the module's own fixtures,
 * parses without problems and prints back byte for byte. The corpus (shared/corpus, see each
 * SOURCES.md) holds daemon.json files under docker/ and, so far, no sysctl.d or modules-load.d
 * file: those formats are covered by the fixtures in src/test/resources/fixtures (written for
 * these tests) and by any corpus file whose path names the format, should one be added.
 */
class CorpusRoundTripTest {

    private static byte[] read(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> fixtures(String dir) {
        try {
            Path d = Path.of(CorpusRoundTripTest.class.getResource("/fixtures/" + dir).toURI());
            List<Path> out = new ArrayList<>(SharedData.files(d));
            out.removeIf(p -> p.getFileName().toString().startsWith("."));
            return out;
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Path> corpus(String... pathFragments) {
        List<Path> out = new ArrayList<>();
        for (Path p : SharedData.files(SharedData.corpus())) {
            String s = p.toString().toLowerCase(Locale.ROOT);
            if (!p.getFileName().toString().equals("SOURCES.md") && Stream.of(pathFragments).anyMatch(s::contains)) {
                out.add(p);
            }
        }
        return out;
    }

    @TestFactory
    Stream<DynamicTest> everyCorpusJsonFileRoundTripsAndEditsLocally() {
        List<Path> files = SharedData.files(SharedData.corpus(), ".json");
        assertFalse(files.isEmpty(), "the corpus has daemon.json files under docker/");
        return files.stream().map(p -> DynamicTest.dynamicTest(SharedData.corpus().relativize(p).toString(), () -> {
            byte[] bytes = read(p);
            JsonDocument doc = JsonDocument.parse(p.getFileName().toString(), bytes);
            assertEquals(List.of(), doc.problems());
            assertArrayEquals(bytes, doc.toBytes());
            assertTrue(doc.root().isPresent());
            // the edit a kubeadm setup makes: only the exec-opts member may change
            JsonDocument edited = doc.set("exec-opts", JsonData.strings("native.cgroupdriver=systemd"));
            assertEquals(List.of("native.cgroupdriver=systemd"), edited.getStringList(JsonPath.of("exec-opts")).orElseThrow());
            String before = doc.text();
            String after = edited.text();
            int prefix = 0;
            while (prefix < before.length() && prefix < after.length() && before.charAt(prefix) == after.charAt(prefix)) {
                prefix++;
            }
            int suffix = 0;
            while (suffix < before.length() - prefix && suffix < after.length() - prefix
                    && before.charAt(before.length() - 1 - suffix) == after.charAt(after.length() - 1 - suffix)) {
                suffix++;
            }
            var existing = doc.find("exec-opts");
            if (before.equals(after)) {
                assertEquals(List.of("native.cgroupdriver=systemd"), doc.getStringList(JsonPath.of("exec-opts")).orElseThrow(),
                        "unchanged only because the file already says so");
            } else if (existing.isPresent()) {
                assertTrue(prefix >= existing.get().origin().offset()
                        && before.length() - suffix <= existing.get().origin().endOffset(),
                        "only the exec-opts value changed");
            } else {
                assertEquals(before.length(), prefix + suffix, "the member was inserted; nothing else changed");
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> everySysctlFileRoundTrips() {
        List<Path> files = new ArrayList<>(corpus("sysctl"));
        files.addAll(fixtures("sysctl"));
        return files.stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> {
            byte[] bytes = read(p);
            SysctlFile f = SysctlFile.parse(p.getFileName().toString(), bytes);
            assertEquals(List.of(), f.problems());
            assertArrayEquals(bytes, f.toBytes());
            assertFalse(f.entries().isEmpty());
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyModulesLoadFileRoundTrips() {
        List<Path> files = new ArrayList<>(corpus("modules-load", "etc_modules"));
        files.addAll(fixtures("modules-load"));
        return files.stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> {
            byte[] bytes = read(p);
            ModulesLoadFile f = ModulesLoadFile.parse(p.getFileName().toString(), bytes);
            assertEquals(List.of(), f.problems());
            assertArrayEquals(bytes, f.toBytes());
            assertFalse(f.modules().isEmpty());
        }));
    }
}
