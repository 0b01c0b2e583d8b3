package dev.criconf.bench;

import dev.criconf.io.toml.TomlDocument;
import dev.criconf.io.toml.TomlPath;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One single-value edit of the 60 KB synthetic containerd config, including the re-parse and
 * comparison every edit does before it returns, against one parse of the same file (run back to
 * back, as an operation parameter).
 *
 * <ul>
 *   <li>{@code parse}: the yardstick, one lossless parse of the file;</li>
 *   <li>{@code edit}: {@code set()} on a document already read (its view built once, as after
 *       reading a value): splice, re-parse, compare with the intended value;</li>
 *   <li>{@code parse-then-edit}: parse from bytes, then edit (what a one-shot
 *       {@code criconf set} does in-process).</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class TomlEditBenchmark {

    static final TomlPath SANDBOX_IMAGE = TomlPath.of("plugins", "io.containerd.grpc.v1.cri", "sandbox_image");
    static final String NEW_IMAGE = "registry.k8s.io/pause:3.10";

    /** See the class comment. */
    @Param({"parse", "edit", "parse-then-edit"})
    public String operation;

    private byte[] bytes;
    private TomlDocument document;
    private int which;

    @Setup
    public void setup() {
        bytes = Inputs.toml("synthetic-60k").bytes();
        which = java.util.List.of("parse", "edit", "parse-then-edit").indexOf(operation);
        if (which < 0) {
            throw new IllegalArgumentException("unknown operation " + operation);
        }
        document = TomlDocument.parse("config.toml", bytes);
        document.root();
        TomlDocument edited = document.set(SANDBOX_IMAGE, NEW_IMAGE);
        if (edited.text().length() != document.text().length() - 2) {
            throw new IllegalStateException("the edit did not change only the image tag");
        }
    }

    /** The operation of this run. */
    @Benchmark
    public TomlDocument run() {
        switch (which) {
            case 0:
                return TomlDocument.parse("config.toml", bytes);
            case 1:
                return document.set(SANDBOX_IMAGE, NEW_IMAGE);
            default:
                return TomlDocument.parse("config.toml", bytes).set(SANDBOX_IMAGE, NEW_IMAGE);
        }
    }
}
