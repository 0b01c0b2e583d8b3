package dev.criconf.bench;

import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import dev.criconf.io.toml.TomlDocument;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.tomlj.Toml;

/**
 * TOML parsing, one whole file per operation, from the file's bytes.
 *
 * <ul>
 *   <li>{@code criconf-print}: our lossless parse plus the unedited print ({@code toBytes()}), the
 *       figure the targets are about;</li>
 *   <li>{@code criconf-view}: our parse plus the typed read-only view (what a reader of values pays);</li>
 *   <li>{@code tomlj}: tomlj 2.x {@code Toml.parse} of the bytes decoded as UTF-8 (our parse decodes
 *       too), the peer of the target;</li>
 *   <li>{@code jackson}: jackson-dataformat-toml {@code readTree}, a read-only reference (it keeps
 *       no comments or layout).</li>
 * </ul>
 *
 * The parser is a parameter rather than a method so that JMH runs the parsers of one input one
 * after the other: on a shared machine whose load drifts, the ratios then compare neighbours.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class TomlParseBenchmark {

    /** See {@link Inputs}. */
    @Param({"synthetic-60k", "corpus-crio-1", "corpus-containerd-1"})
    public String input;

    /** Which parser; see the class comment. */
    @Param({"criconf-print", "criconf-view", "tomlj", "jackson"})
    public String parser;

    private byte[] bytes;
    private TomlMapper jackson;
    private int which;

    @Setup
    public void setup() throws IOException {
        bytes = Inputs.toml(input).bytes();
        jackson = new TomlMapper();
        which = Arrays.asList("criconf-print", "criconf-view", "tomlj", "jackson").indexOf(parser);
        if (which < 0) {
            throw new IllegalArgumentException("unknown parser " + parser);
        }
        TomlDocument ours = TomlDocument.parse("config.toml", bytes);
        if (!ours.problems().isEmpty() || !Arrays.equals(ours.toBytes(), bytes)) {
            throw new IllegalStateException(input + ": not a clean round trip: " + ours.problems());
        }
        if (Toml.parse(new String(bytes, StandardCharsets.UTF_8)).hasErrors()) {
            throw new IllegalStateException(input + ": tomlj reports errors");
        }
        jackson.readTree(bytes);
    }

    /** One file parsed by the parser of this run. */
    @Benchmark
    public Object parse() throws IOException {
        switch (which) {
            case 0:
                return TomlDocument.parse("config.toml", bytes).toBytes();
            case 1:
                return TomlDocument.parse("config.toml", bytes).root();
            case 2:
                return Toml.parse(new String(bytes, StandardCharsets.UTF_8));
            default:
                return jackson.readTree(bytes);
        }
    }
}
