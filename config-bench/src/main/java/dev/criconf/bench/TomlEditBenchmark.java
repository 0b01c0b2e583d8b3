package dev.criconf.bench;

import dev.criconf.io.toml.TomlDocument;
import dev.criconf.io.toml.TomlPath;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One single-value edit of the 60 KB synthetic containerd config, including the re-parse and
 * comparison every edit does before it returns, against one parse of the same file.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class TomlEditBenchmark {

    static final TomlPath SANDBOX_IMAGE = TomlPath.of("plugins", "io.containerd.grpc.v1.cri", "sandbox_image");
    static final String NEW_IMAGE = "registry.k8s.io/pause:3.10";

    private byte[] bytes;
    private TomlDocument document;

    @Setup
    public void setup() {
        bytes = Inputs.toml("synthetic-60k").bytes();
        document = TomlDocument.parse("config.toml", bytes);
        // a caller that edits has usually read values first; the view is built once per document
        document.root();
        TomlDocument edited = document.set(SANDBOX_IMAGE, NEW_IMAGE);
        if (edited.text().length() != document.text().length() - 2) {
            throw new IllegalStateException("the edit did not change only the image tag");
        }
    }

    /** The yardstick: one lossless parse of the file. */
    @Benchmark
    public TomlDocument parse() {
        return TomlDocument.parse("config.toml", bytes);
    }

    /** set() on a document already read: splice, re-parse, compare with the intended value. */
    @Benchmark
    public TomlDocument edit() {
        return document.set(SANDBOX_IMAGE, NEW_IMAGE);
    }

    /** Parse from bytes, then edit: what a one-shot {@code criconf set} does in-process. */
    @Benchmark
    public TomlDocument parseThenEdit() {
        return TomlDocument.parse("config.toml", bytes).set(SANDBOX_IMAGE, NEW_IMAGE);
    }
}
