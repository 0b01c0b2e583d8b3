package dev.criconf.io.node;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.criconf.model.NodeConfig;
import dev.criconf.model.Problem;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile nodes hit a {@code ParseLimits} limit and get a located problem, through the same
 * {@link NodeLoader} the command line uses: a 100 MB file, 100,000 nested arrays and a drop-in
 * directory with 10,000 files.
 */
class HostileNodeTest {

    @TempDir
    Path root;

    private static boolean hasLimitProblem(NodeConfig node, String file) {
        return node.problems().stream()
                .anyMatch(p -> p.kind() == Problem.Kind.LIMIT_EXCEEDED && p.origin().file().equals(file));
    }

    @Test
    void aHundredMegabyteFileIsNotRead() throws IOException {
        Path file = root.resolve("etc/containerd/config.toml");
        Files.createDirectories(file.getParent());
        byte[] line = "# padding padding padding padding padding padding padding padding padding pad\n"
                .getBytes(StandardCharsets.US_ASCII);
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write("version = 2\n".getBytes(StandardCharsets.US_ASCII));
            for (long written = 0; written < 100L * 1024 * 1024; written += line.length) {
                out.write(line);
            }
        }
        NodeConfig node = NodeLoader.create().load(root);
        assertTrue(hasLimitProblem(node, "etc/containerd/config.toml"), node.problems().toString());
    }

    @Test
    void aHundredThousandNestedArraysGiveALocatedProblem() throws IOException {
        Path file = root.resolve("etc/containerd/config.toml");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "version = 2\nx = " + "[".repeat(100_000) + "]".repeat(100_000) + "\n");
        NodeConfig node = NodeLoader.create().load(root);
        assertTrue(hasLimitProblem(node, "etc/containerd/config.toml"), node.problems().toString());
    }

    @Test
    void aDropInDirectoryWithTenThousandFilesIsCut() throws IOException {
        Path dir = root.resolve("etc/crio/crio.conf.d");
        Files.createDirectories(dir);
        for (int i = 0; i < 10_000; i++) {
            Files.writeString(dir.resolve(String.format("%05d.conf", i)), "[crio.runtime]\nlog_level = \"info\"\n");
        }
        NodeConfig node = NodeLoader.create().load(root);
        assertTrue(node.problems().stream().anyMatch(p -> p.kind() == Problem.Kind.LIMIT_EXCEEDED),
                "expected a limit problem, got " + node.problems().size() + " problems");
        assertTrue(node.files().size() <= 1_001, "files read: " + node.files().size());
    }
}
