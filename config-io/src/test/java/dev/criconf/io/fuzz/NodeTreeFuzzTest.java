package dev.criconf.io.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzz tests over a node's files together: the input is cut into the files of a small node tree
 * ({@link NodeTree}: unit, drop-ins, environment files, a symlinked drop-in) and the readers that
 * combine them run over the tree. One tree directory serves every input of a run; each input
 * replaces the previous one's files. A target for node loading and validation reads the same
 * tree (see {@link NodeTree} for adding the files it needs).
 */
@Timeout(value = FormatFuzzTest.SECONDS_PER_INPUT, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class NodeTreeFuzzTest {

    private static Path dir;
    private static NodeTree tree;

    @BeforeAll
    static void createTree() throws IOException {
        dir = Files.createTempDirectory("criconf-fuzz-node");
        tree = new NodeTree(dir);
    }

    @AfterAll
    static void deleteTree() throws IOException {
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p); // symlinks are deleted themselves, never followed
            }
        }
    }

    @FuzzTest(maxDuration = FormatFuzzTest.FUZZ_DURATION)
    void unitResolverAndCommandLine(byte[] input) {
        FuzzTargets.unitResolverAndCommandLine(tree, input);
    }
}
