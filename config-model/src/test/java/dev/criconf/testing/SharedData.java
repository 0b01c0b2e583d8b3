package dev.criconf.testing;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Locates the project's shared data ({@code ../shared}: corpus, conformance suites) from tests.
 *
 * <p>CI passes {@code -Dcriconf.shared=/abs/path}; then a missing directory is a failure, never a
 * skip. Without the property the tests look for {@code ../shared} beside the checkout and skip
 * with a message when it is absent (a checkout without the data is a normal local situation).
 */
public final class SharedData {

    public static final String PROPERTY = "criconf.shared";

    private SharedData() {}

    /** The shared directory, or a skipped/failed test when it is not there. */
    public static Path root() {
        String configured = System.getProperty(PROPERTY, "").trim();
        if (!configured.isEmpty()) {
            Path p = Path.of(configured).toAbsolutePath().normalize();
            if (!Files.isDirectory(p.resolve("corpus")) || !Files.isDirectory(p.resolve("conformance"))) {
                fail("-D" + PROPERTY + "=" + configured + " is set but " + p
                        + " has no corpus/ and conformance/ directories");
            }
            return p;
        }
        // Maven runs tests inside the module directory; the checkout's parent holds shared/.
        for (Path candidate : List.of(Path.of("../../shared"), Path.of("../shared"))) {
            Path p = candidate.toAbsolutePath().normalize();
            if (Files.isDirectory(p.resolve("corpus"))) {
                return p;
            }
        }
        assumeTrue(false, "shared data not found (../shared beside the checkout); set -D" + PROPERTY
                + "=DIR to run the corpus and conformance tests");
        throw new AssertionError("unreachable");
    }

    /** A directory or file below the shared root that must exist when the root does. */
    public static Path resolve(String relative) {
        Path p = root().resolve(relative);
        if (!Files.exists(p)) {
            fail("shared data is present but " + p + " is missing");
        }
        return p;
    }

    public static Path corpus() {
        return resolve("corpus");
    }

    public static Path conformance() {
        return resolve("conformance");
    }

    /** Every regular file under a directory whose name ends with one of the suffixes, sorted. */
    public static List<Path> files(Path dir, String... suffixes) {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile)
                    .filter(p -> suffixes.length == 0 || Stream.of(suffixes).anyMatch(x -> p.getFileName().toString().endsWith(x)))
                    .sorted()
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
