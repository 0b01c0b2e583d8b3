package dev.criconf.io.toml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.criconf.testing.SharedData;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every TOML file of the shared corpus parses cleanly and prints back byte for byte: all
 * {@code *.toml} files of every component, and every CRI-O configuration ({@code crio.conf},
 * drop-ins, the {@code .default} copy), which are TOML whatever their extension. The kubelet
 * component's {@code .conf} files are systemd drop-ins, not TOML. No corpus SOURCES.md marks a
 * TOML file as deliberately broken (the CRI-O {@code rc=1} files fail CRI-O's type checks, not TOML).
 */
class TomlCorpusTest {

    static List<Path> tomlFiles() {
        Path corpus = SharedData.corpus();
        List<Path> files = new ArrayList<>(SharedData.files(corpus, ".toml"));
        for (Path p : SharedData.files(corpus.resolve("crio"))) {
            if (!p.getFileName().toString().equals("SOURCES.md") && !files.contains(p)) {
                files.add(p);
            }
        }
        return files;
    }

    @TestFactory
    Stream<DynamicTest> corpusRoundTrips() {
        List<Path> files = tomlFiles();
        assertTrue(files.size() >= 60, "expected the containerd and CRI-O corpus, found " + files.size() + " files");
        Path corpus = SharedData.corpus();
        return files.stream().map(file -> dynamicTest(corpus.relativize(file).toString(), () -> {
            byte[] bytes = Files.readAllBytes(file);
            TomlDocument doc = TomlDocument.parse(file.getFileName().toString(), bytes);
            assertEquals(List.of(), doc.problems());
            assertArrayEquals(bytes, doc.toBytes());
        }));
    }

    @TestFactory
    Stream<DynamicTest> corpusReadsAsTomljReadsIt() {
        Path corpus = SharedData.corpus();
        return tomlFiles().stream().map(file -> dynamicTest(corpus.relativize(file).toString(), () -> {
            byte[] bytes = Files.readAllBytes(file);
            TomlDocument doc = TomlDocument.parse(file.getFileName().toString(), bytes);
            assertEquals(Tomlj.read(new String(bytes, StandardCharsets.UTF_8)), doc.toJava());
        }));
    }
}
