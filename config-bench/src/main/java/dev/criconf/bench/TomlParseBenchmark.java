package dev.criconf.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import dev.criconf.io.toml.TomlDocument;
import dev.criconf.io.toml.TomlTable;
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
import org.tomlj.TomlParseResult;

/**
 * TOML parsing, one whole file per operation, from the file's bytes: our lossless parse plus the
 * unedited print ({@code toBytes()}), the same plus building the semantic view, tomlj 2.x
 * {@code Toml.parse} (the peer of the target) and jackson-dataformat-toml {@code readTree}
 * (a read-only reference: it keeps neither comments nor layout).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class TomlParseBenchmark {

    /** See {@link Inputs}. */
    @Param({"synthetic-60k", "corpus-crio-1", "corpus-containerd-1"})
    public String input;

    private byte[] bytes;
    private TomlMapper jackson;

    @Setup
    public void setup() throws IOException {
        bytes = Inputs.toml(input).bytes();
        jackson = new TomlMapper();
        TomlDocument ours = TomlDocument.parse("config.toml", bytes);
        if (!ours.problems().isEmpty() || !Arrays.equals(ours.toBytes(), bytes)) {
            throw new IllegalStateException(input + ": not a clean round trip: " + ours.problems());
        }
        TomlParseResult theirs = Toml.parse(new String(bytes, StandardCharsets.UTF_8));
        if (theirs.hasErrors()) {
            throw new IllegalStateException(input + ": tomlj reports " + theirs.errors());
        }
        jackson.readTree(bytes);
    }

    /** Lossless parse and print of the unedited document: the figure the target is about. */
    @Benchmark
    public byte[] criconfParsePrint() {
        return TomlDocument.parse("config.toml", bytes).toBytes();
    }

    /** Lossless parse plus the typed read-only view (what a reader of values pays). */
    @Benchmark
    public TomlTable criconfParseView() {
        return TomlDocument.parse("config.toml", bytes).root();
    }

    /** tomlj 2.x, from the same bytes decoded as UTF-8 (our parse decodes too). */
    @Benchmark
    public TomlParseResult tomlj() {
        return Toml.parse(new String(bytes, StandardCharsets.UTF_8));
    }

    /** jackson-dataformat-toml into a JsonNode tree (read-only reference). */
    @Benchmark
    public JsonNode jacksonReadTree() throws IOException {
        return jackson.readTree(bytes);
    }
}
