package dev.criconf.validate.fuzz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.criconf.io.fuzz.NodeTree;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seed writer of {@link NodeValidationFuzzTest}: every example tree of the repository
 * ({@code examples/<name>/}) and every rule fixture tree ({@code src/test/resources/fixtures/<rule>/<case>/})
 * becomes one seed, {@code example-<name>} or {@code fixture-<rule>-<case>}, in {@link NodeTree}'s
 * input format ({@link NodeTree#encode}). The test checks that the committed seeds are exactly the
 * encodings of today's trees (so a new fixture without its seed, or a changed one, fails the build);
 * run it with {@code -Dcriconf.fuzz.writeSeeds=true} to (re)write them. Crash inputs found by
 * fuzzing ({@code crash-*}) live in the same directory and are left alone.
 */
class NodeSeedsTest {

    static final Path SEEDS = Path.of("src/test/resources/dev/criconf/validate/fuzz/NodeValidationFuzzTestInputs/loadAndValidate");
    static final Path EXAMPLES = Path.of("../examples");
    static final Path FIXTURES = Path.of("src/test/resources/fixtures");

    /** Files of a tree that are the test's, not the node's. */
    private static final Set<String> NOT_NODE_FILES = Set.of("expected.txt", "README.md");

    /** Seed name to tree root. */
    static Map<String, Path> trees() throws IOException {
        Map<String, Path> out = new TreeMap<>();
        for (Path p : roots(EXAMPLES)) {
            out.put("example-" + EXAMPLES.relativize(p).toString().replace('/', '-'), p);
        }
        for (Path p : roots(FIXTURES)) {
            out.put("fixture-" + FIXTURES.relativize(p).toString().replace('/', '-'), p);
        }
        return out;
    }

    /** Directories below {@code base} that are node roots: they hold criconf.yaml, etc/, usr/ or var/. */
    private static List<Path> roots(Path base) throws IOException {
        List<Path> out = new ArrayList<>();
        try (Stream<Path> dirs = Files.walk(base)) {
            for (Path d : dirs.filter(Files::isDirectory).sorted().toList()) {
                boolean root = Stream.of("criconf.yaml", "etc", "usr", "var").anyMatch(n -> Files.exists(d.resolve(n)));
                if (root && out.stream().noneMatch(d::startsWith)) {
                    out.add(d);
                }
            }
        }
        return out;
    }

    /** A tree's node files by node path ({@code etc/...}). */
    static Map<String, byte[]> files(Path root) throws IOException {
        Map<String, byte[]> out = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path f : walk.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).sorted().toList()) {
                String rel = root.relativize(f).toString().replace('\\', '/');
                if (!NOT_NODE_FILES.contains(rel)) {
                    out.put(rel, Files.readAllBytes(f));
                }
            }
        }
        return out;
    }

    static byte[] seed(Path root) throws IOException {
        return NodeTree.encode(files(root));
    }

    @Test
    void committedSeedsAreTheEncodingsOfTheExampleAndFixtureTrees() throws IOException {
        Map<String, Path> trees = trees();
        assertTrue(trees.size() > 50, "example and fixture trees found: " + trees.keySet());
        boolean write = Boolean.getBoolean("criconf.fuzz.writeSeeds");
        if (write) {
            Files.createDirectories(SEEDS);
        }
        Set<String> committed = new TreeSet<>();
        try (Stream<Path> list = Files.list(SEEDS)) {
            list.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("example-") || n.startsWith("fixture-"))
                    .forEach(committed::add);
        }
        for (Map.Entry<String, Path> t : trees.entrySet()) {
            byte[] expected = seed(t.getValue());
            Path file = SEEDS.resolve(t.getKey());
            if (write) {
                Files.write(file, expected);
            } else {
                assertTrue(Files.exists(file), "no seed for " + t.getValue() + ": run NodeSeedsTest with -Dcriconf.fuzz.writeSeeds=true");
                assertArrayEquals(expected, Files.readAllBytes(file), t.getKey() + " differs from " + t.getValue());
            }
            committed.remove(t.getKey());
        }
        assertEquals(Set.of(), committed, "seeds whose tree is gone");
    }

    /** A seed writes its tree's files back (a regular file at the link slot's path through the link). */
    @Test
    void aSeedWritesItsTreeBack(@TempDir Path dir) throws IOException {
        int checked = 0;
        for (Map.Entry<String, Path> t : trees().entrySet()) {
            Map<String, byte[]> files = files(t.getValue());
            Path root = dir.resolve(t.getKey());
            new NodeTree(root).write(seed(t.getValue()));
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                byte[] content = f.getValue();
                byte[] written = Files.readAllBytes(root.resolve(f.getKey())); // follows the link slot's link
                if (content.length > 0 && content[content.length - 1] != '\n') {
                    assertEquals(content.length + 1, written.length, f.getKey());
                } else {
                    assertArrayEquals(content, written, t.getKey() + ": " + f.getKey());
                }
                checked++;
            }
            try (Stream<Path> walk = Files.walk(root)) {
                long regular = walk.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).count();
                assertEquals(files.size(), regular, t.getKey() + ": no other files");
            }
        }
        assertFalse(checked == 0);
    }
}
