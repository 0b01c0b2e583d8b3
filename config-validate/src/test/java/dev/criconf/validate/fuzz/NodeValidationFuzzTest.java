package dev.criconf.validate.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.criconf.io.fuzz.NodeTree;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;

/**
 * Coverage-guided fuzzing of a whole node: load, validate with the built-in rules, render the
 * report in every format, plan every fix ({@link NodeValidationTarget} has the property). The input
 * is a {@link NodeTree} (config-io's fuzz test-jar): files separated by {@code ----} lines, or
 * {@code ---- N} lines naming the slot of the next file. Without {@code JAZZER_FUZZ} (every build)
 * it runs once per committed seed in
 * {@code src/test/resources/dev/criconf/validate/fuzz/NodeValidationFuzzTestInputs/loadAndValidate/}:
 * the repository's example trees and rule fixtures ({@link NodeSeedsTest} writes and checks them)
 * and crash inputs that fuzzing found. With {@code JAZZER_FUZZ=1} Jazzer fuzzes it for
 * {@link #FUZZ_DURATION}; see config-io/FUZZING.md.
 *
 * <p>The {@link Timeout} bounds each input as in config-io's targets: JUnit enforces it per seed (in
 * a separate thread), Jazzer turns it into libFuzzer's per-input {@code -timeout} when fuzzing.
 */
@Timeout(value = NodeValidationFuzzTest.SECONDS_PER_INPUT, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class NodeValidationFuzzTest {

    /** A hang guard, not a budget: a fuzz-sized node loads, validates and plans in well under a second. */
    static final long SECONDS_PER_INPUT = 10;

    /** How long the target fuzzes with {@code JAZZER_FUZZ=1}. */
    static final String FUZZ_DURATION = "15m";

    private static Path dir;
    private static NodeTree tree;

    @BeforeAll
    static void createTree() throws IOException {
        dir = Files.createTempDirectory("criconf-fuzz-node-validation");
        tree = new NodeTree(dir);
    }

    @AfterAll
    static void deleteTree() throws IOException {
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p); // symlinks are deleted themselves, never followed
            }
        }
    }

    @FuzzTest(maxDuration = FUZZ_DURATION)
    void loadAndValidate(byte[] input) {
        NodeValidationTarget.loadAndValidate(tree, input);
    }
}
