package dev.criconf.bench;

import dev.criconf.io.ParseLimits;
import dev.criconf.io.toml.TomlDocument;
import dev.criconf.io.yaml.YamlStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The shared corpus of real configuration files, read where it lies (never copied into the
 * project): {@code -Dcriconf.shared=DIR}, else {@code ../shared} or {@code ../../shared} from the
 * working directory (a checkout's parent holds {@code shared/}).
 */
public final class Corpus {

    /** The system property naming the shared directory. */
    public static final String PROPERTY = "criconf.shared";

    private Corpus() {}

    /** The corpus directory, if it can be found. */
    public static Optional<Path> root() {
        String configured = System.getProperty(PROPERTY, "").trim();
        List<Path> candidates = configured.isEmpty()
                ? List.of(Path.of("../shared"), Path.of("../../shared"))
                : List.of(Path.of(configured));
        for (Path c : candidates) {
            Path corpus = c.resolve("corpus").toAbsolutePath().normalize();
            if (Files.isDirectory(corpus)) {
                return Optional.of(corpus);
            }
        }
        return Optional.empty();
    }

    /**
     * The {@code rank}-th largest file (1-based) of a component's corpus directory among those
     * whose names end with one of the suffixes and that our parser reads without a problem.
     *
     * @throws IllegalStateException when the corpus is absent or has fewer such files
     */
    public static Path largest(String component, int rank, String... suffixes) {
        Path dir = root().orElseThrow(() -> new IllegalStateException(
                "the shared corpus was not found; pass -D" + PROPERTY + "=DIR (the directory holding corpus/)"))
                .resolve(component);
        List<Path> clean;
        try (Stream<Path> files = Files.list(dir)) {
            clean = files.filter(Files::isRegularFile)
                    .filter(p -> Stream.of(suffixes).anyMatch(s -> p.getFileName().toString().endsWith(s)))
                    .filter(Corpus::readsCleanly)
                    .sorted(Comparator.comparingLong(Corpus::size).reversed().thenComparing(Path::toString))
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (clean.size() < rank) {
            throw new IllegalStateException(dir + " has " + clean.size() + " cleanly parsed files, rank " + rank + " asked");
        }
        return clean.get(rank - 1);
    }

    static byte[] read(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean readsCleanly(Path p) {
        String name = p.getFileName().toString();
        byte[] bytes = read(p);
        if (name.endsWith(".yaml") || name.endsWith(".yml")) {
            return YamlStream.parse(name, bytes, ParseLimits.DEFAULTS).problems().isEmpty();
        }
        return TomlDocument.parse(name, bytes).problems().isEmpty();
    }
}
