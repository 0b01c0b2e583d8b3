package dev.criconf.bench;

import dev.criconf.io.node.NodeLoader;
import dev.criconf.model.NodeConfig;
import dev.criconf.validate.Report;
import dev.criconf.validate.Validator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Node lint in-process, one thread: one operation loads one node root with
 * {@code NodeLoader.create().load(root)} and validates it with the built-in rules
 * ({@code validator.validate(node)}, the node's own versions), as {@code criconf lint --root}
 * does per node. Throughput is nodes per second.
 *
 * <p>The roots are generated in {@link #setup()} with {@link FleetGenerator#write} (healthy and
 * broken nodes mixed, 5-8 files each) into a temporary directory, and the operations cycle over
 * {@value #ROOTS} of them so that no single file stays hot in a cache the real fleet would not
 * have. {@link #runtime} picks the nodes of one runtime kind, or {@code all} for the fleet's mix.
 * The validator is built once, as the command line builds one per run.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class NodeLintBenchmark {

    /** Node roots the operations cycle over. */
    static final int ROOTS = 200;

    /** {@code all} (the fleet's mix), or one runtime kind of {@link FleetGenerator}'s manifest. */
    @Param({"all", "containerd", "containerd-1.7", "crio", "cri-dockerd"})
    public String runtime;

    private Path dir;
    private Path[] roots;
    private int next;
    private Validator validator;

    @Setup(Level.Trial)
    public void setup() throws IOException {
        dir = Files.createTempDirectory("criconf-node-lint-");
        roots = roots(dir, runtime, ROOTS);
        validator = Validator.defaults();
        for (Path root : roots) { // every root must load; a broken generator would measure nothing
            lint(root);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** Loads and validates the next node root. */
    @Benchmark
    public Report lint() {
        Path root = roots[next];
        next = next + 1 == roots.length ? 0 : next + 1;
        return lint(root);
    }

    private Report lint(Path root) {
        NodeConfig node = NodeLoader.create().load(root);
        return validator.validate(node);
    }

    /**
     * Writes enough of the default fleet (seed {@link FleetGenerator#DEFAULT_SEED}) under {@code dir}
     * to hold {@code count} nodes of {@code runtime} ({@code all}: any), and returns those roots.
     */
    static Path[] roots(Path dir, String runtime, int count) throws IOException {
        // cri-dockerd is 10 % of the fleet: 8x the count is enough for every kind
        int nodes = runtime.equals("all") ? count : count * 8;
        FleetGenerator.write(dir, nodes, FleetGenerator.DEFAULT_SEED, FleetGenerator.DEFAULT_BROKEN_PERCENT);
        List<Path> picked = new ArrayList<>();
        List<String> manifest = Files.readAllLines(dir.resolve("MANIFEST.tsv"), StandardCharsets.UTF_8);
        for (String line : manifest.subList(1, manifest.size())) {
            String[] cols = line.split("\t");
            if ((runtime.equals("all") || cols[1].equals(runtime)) && picked.size() < count) {
                picked.add(dir.resolve(cols[0]));
            }
        }
        if (picked.isEmpty()) {
            throw new UncheckedIOException(new IOException("no node of runtime '" + runtime + "' in the fleet"));
        }
        return picked.toArray(Path[]::new);
    }
}
