package dev.criconf.bench;

import dev.criconf.io.ParseLimits;
import dev.criconf.io.toml.TomlDocument;
import dev.criconf.io.yaml.YamlStream;
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
 * How parse time grows with file size: synthetic files of 1 KB to 4 MB (8x steps) made of the same
 * kind of sections, so time per byte should stay flat.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SizeSweepBenchmark {

    /** Target size in bytes (the file is a little larger: whole sections). */
    @Param({"1024", "8192", "65536", "524288", "4194304"})
    public int size;

    private byte[] toml;
    private byte[] yaml;

    @Setup
    public void setup() {
        toml = Inputs.toml("size-" + size).bytes();
        yaml = Inputs.yaml("size-" + size).bytes();
        if (!TomlDocument.parse("config.toml", toml).problems().isEmpty()
                || !YamlStream.parse("kubeadm.yaml", yaml, ParseLimits.DEFAULTS).problems().isEmpty()) {
            throw new IllegalStateException("synthetic input of " + size + " bytes does not parse cleanly");
        }
    }

    /** TOML lossless parse plus unedited print. */
    @Benchmark
    public byte[] toml() {
        return TomlDocument.parse("config.toml", toml).toBytes();
    }

    /** YAML lossless parse. */
    @Benchmark
    public YamlStream yaml() {
        return YamlStream.parse("kubeadm.yaml", yaml, ParseLimits.DEFAULTS);
    }
}
