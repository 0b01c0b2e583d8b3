package dev.criconf.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.criconf.validate.Report;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NodeLintBenchmarkTest {

    @TempDir
    Path dir;

    private Map<String, String> runtimes() throws IOException {
        Map<String, String> out = new HashMap<>();
        List<String> lines = Files.readAllLines(dir.resolve("MANIFEST.tsv"), StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            String[] cols = line.split("\t");
            out.put(cols[0], cols[1]);
        }
        return out;
    }

    @Test
    void rootsOfOneRuntimeKindAreThatKind() throws IOException {
        Path[] roots = NodeLintBenchmark.roots(dir, "crio", 20);
        assertEquals(20, roots.length);
        Map<String, String> kinds = runtimes();
        for (Path r : roots) {
            assertEquals("crio", kinds.get(r.getFileName().toString()), r.toString());
        }
    }

    @Test
    void everyOperationLintsTheNextRoot() throws IOException {
        NodeLintBenchmark b = new NodeLintBenchmark();
        b.runtime = "all";
        b.setup();
        try {
            Report first = b.lint();
            for (int i = 1; i < NodeLintBenchmark.ROOTS; i++) {
                b.lint();
            }
            Report again = b.lint();
            assertEquals(first.root(), again.root(), "the roots cycle");
            assertTrue(first.root().endsWith("node-00000"), first.root());
            assertEquals(first.findings(), again.findings());
        } finally {
            b.tearDown();
        }
    }
}
