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
 * YAML parsing from the file's bytes: our lossless {@code YamlStream.parse} (span tree, values
 * under both schemas, YAML 1.1/1.2 ambiguity scan, duplicate keys) against snakeyaml-engine's
 * {@code Parse} events alone, with the settings our parser gives it (marks on, comments off).
 * As in {@link TomlParseBenchmark} the parser is a parameter, so both run back to back per input.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class YamlParseBenchmark {

    /** See {@link Inputs}. */
    @Param({"synthetic-60k", "corpus-kubelet-1"})
    public String input;

    /** {@code criconf} or {@code snakeyaml-events}. */
    @Param({"criconf", "snakeyaml-events"})
    public String parser;

    private byte[] bytes;
    private LoadSettings settings;
    private boolean ours;

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
        if (!parser.equals("criconf") && !parser.equals("snakeyaml-events")) {
            throw new IllegalArgumentException("unknown parser " + parser);
        }
        ours = parser.equals("criconf");
        YamlStream stream = YamlStream.parse("kubeadm.yaml", bytes, ParseLimits.DEFAULTS);
        if (!stream.problems().isEmpty() || stream.documents().isEmpty()) {
            throw new IllegalStateException(input + ": " + stream.problems());
        }
    }

    /** One file parsed by the parser of this run; snakeyaml's events are all pulled, nothing is built. */
    @Benchmark
    public Object parse(Blackhole bh) {
        if (ours) {
            return YamlStream.parse("kubeadm.yaml", bytes, ParseLimits.DEFAULTS);
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        for (Event e : new Parse(settings).parseString(text)) {
            bh.consume(e);
        }
        return text;
    }
}
