package dev.criconf.bench;

import dev.criconf.io.ParseLimits;
import dev.criconf.io.yaml.YamlStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.events.Event;

/**
 * YAML parsing from the file's bytes: our lossless {@code YamlStream.parse} (span tree, values,
 * YAML 1.1/1.2 ambiguity scan) against snakeyaml-engine's {@code Parse} events alone, with the
 * settings our parser gives it (marks on, comments off).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class YamlParseBenchmark {

    /** See {@link Inputs}. */
    @Param({"synthetic-60k", "corpus-kubelet-1"})
    public String input;

    private byte[] bytes;
    private LoadSettings settings;

    @Setup
    public void setup() {
        bytes = Inputs.yaml(input).bytes();
        settings = LoadSettings.builder()
                .setLabel("kubeadm.yaml")
                .setParseComments(false)
                .setUseMarks(true)
                .setAllowDuplicateKeys(true)
                .setCodePointLimit(Integer.MAX_VALUE)
                .build();
        YamlStream ours = YamlStream.parse("kubeadm.yaml", bytes, ParseLimits.DEFAULTS);
        if (!ours.problems().isEmpty() || ours.documents().isEmpty()) {
            throw new IllegalStateException(input + ": " + ours.problems());
        }
    }

    /** Our lossless parse. */
    @Benchmark
    public YamlStream criconfParse() {
        return YamlStream.parse("kubeadm.yaml", bytes, ParseLimits.DEFAULTS);
    }

    /** snakeyaml-engine's event stream, every event pulled, nothing built. */
    @Benchmark
    public void snakeyamlEvents(Blackhole bh) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        for (Event e : new Parse(settings).parseString(text)) {
            bh.consume(e);
        }
    }
}
