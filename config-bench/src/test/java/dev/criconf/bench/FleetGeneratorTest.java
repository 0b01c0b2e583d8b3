package dev.criconf.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.criconf.io.ParseLimits;
import dev.criconf.io.toml.TomlDocument;
import dev.criconf.io.yaml.YamlStream;
import dev.criconf.model.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FleetGeneratorTest {

    @TempDir
    Path dir;

    private static Map<String, String> tree(Path root) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.filter(Files::isRegularFile).collect(Collectors.toList())) {
                out.put(root.relativize(p).toString(), Files.readString(p));
            }
        }
        return out;
    }

    @Test
    void everyNodeHasFiveToEightFilesAndAProfile() throws IOException {
        FleetGenerator.Summary summary = FleetGenerator.write(dir, 150, 7, 35);
        assertEquals(150, summary.nodes());
        List<String> manifest = Files.readAllLines(dir.resolve("MANIFEST.tsv"));
        assertEquals(151, manifest.size());
        int total = 0;
        for (int i = 0; i < 150; i++) {
            Path node = dir.resolve(String.format("node-%05d", i));
            Map<String, String> files = tree(node);
            assertTrue(files.size() >= 5 && files.size() <= 8, node + " has " + files.size() + " files");
            assertTrue(files.containsKey("criconf.yaml"));
            assertTrue(files.containsKey("var/lib/kubelet/config.yaml"));
            assertEquals(Integer.toString(files.size()), manifest.get(i + 1).split("\t")[4]);
            total += files.size();
        }
        assertEquals(summary.files(), total);
        // about a third broken: a wide band, the split is random
        assertTrue(summary.faulty() > 30 && summary.faulty() < 80, "faulty nodes: " + summary.faulty());
    }

    @Test
    void nodeIDependsOnlyOnTheSeedAndI() throws IOException {
        FleetGenerator.write(dir.resolve("small"), 20, 42, 35);
        FleetGenerator.write(dir.resolve("large"), 30, 42, 35);
        FleetGenerator.write(dir.resolve("other"), 20, 43, 35);
        boolean anyDifferent = false;
        for (int i = 0; i < 20; i++) {
            String name = String.format("node-%05d", i);
            assertEquals(tree(dir.resolve("small").resolve(name)), tree(dir.resolve("large").resolve(name)));
            anyDifferent |= !tree(dir.resolve("small").resolve(name)).equals(tree(dir.resolve("other").resolve(name)));
        }
        assertTrue(anyDifferent, "another seed gives another fleet");
    }

    @Test
    void healthyNodesParseCleanlyAndInjectedSyntaxFaultsDoNot() throws IOException {
        FleetGenerator.write(dir, 200, 42, 35);
        List<String> manifest = Files.readAllLines(dir.resolve("MANIFEST.tsv"));
        int syntaxFaults = 0;
        int duplicateFaults = 0;
        for (String line : manifest.subList(1, manifest.size())) {
            String[] cols = line.split("\t");
            List<String> faults = List.of(cols[5].split(","));
            List<Problem> problems = new java.util.ArrayList<>();
            for (Map.Entry<String, String> f : tree(dir.resolve(cols[0])).entrySet()) {
                String name = f.getKey();
                if (name.endsWith(".toml") || name.contains("crio.conf")) {
                    problems.addAll(TomlDocument.parse(name, f.getValue()).problems());
                } else if (name.endsWith(".yaml")) {
                    problems.addAll(YamlStream.parse(name, f.getValue(), ParseLimits.DEFAULTS).problems());
                }
            }
            boolean syntax = problems.stream().anyMatch(p -> p.kind() == Problem.Kind.SYNTAX);
            boolean duplicate = problems.stream().anyMatch(p -> p.kind() == Problem.Kind.DUPLICATE_KEY);
            assertEquals(faults.contains("toml-syntax"), syntax, cols[0] + " " + problems);
            assertEquals(faults.contains("yaml-duplicate"), duplicate, cols[0] + " " + problems);
            syntaxFaults += syntax ? 1 : 0;
            duplicateFaults += duplicate ? 1 : 0;
        }
        assertFalse(syntaxFaults == 0 || duplicateFaults == 0, "the sample holds both kinds of fault");
    }
}
