package dev.criconf.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs the parse and edit benchmarks in one JMH run (so that every ratio compares figures taken
 * under the same machine load), judges them against the targets, profiles with JFR the
 * ones that miss, and writes a Markdown fragment for RESULTS.md.
 *
 * <pre>
 * java -cp CLASSPATH dev.criconf.bench.BenchMain --out DIR [--warmup N] [--iterations N]
 *      [--time SECONDS] [--include REGEX] [--no-profile]
 * </pre>
 *
 * Writes {@code DIR/jmh.json} (JMH's own result file), {@code DIR/jmh.log} (its console output),
 * {@code DIR/jmh.md} (the fragment) and, for missed targets, {@code DIR/profile-*.jfr}.
 */
public final class BenchMain {

    static final String PACKAGE = "dev.criconf.bench.";
    static final String ALL = PACKAGE + "(TomlParse|TomlEdit|YamlParse|SizeSweep)Benchmark\\..*";

    private BenchMain() {}

    /** Entry point; see the class comment for the arguments. */
    public static void main(String[] args) throws IOException, RunnerException {
        Path out = null;
        int warmup = 3;
        int iterations = 5;
        int seconds = 1;
        String include = ALL;
        boolean profile = true;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--out" -> out = Path.of(args[++i]);
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                case "--iterations" -> iterations = Integer.parseInt(args[++i]);
                case "--time" -> seconds = Integer.parseInt(args[++i]);
                case "--include" -> include = args[++i];
                case "--no-profile" -> profile = false;
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        if (out == null) {
            throw new IllegalArgumentException("--out DIR is required");
        }
        Files.createDirectories(out);
        Settings settings = new Settings(warmup, iterations, seconds);

        String loadBefore = Machine.loadAverage();
        long started = System.nanoTime();
        ChainedOptionsBuilder options = settings.apply(new OptionsBuilder())
                .include(include)
                .addProfiler(GCProfiler.class)
                .addProfiler(CpuTimeProfiler.class)
                .resultFormat(ResultFormatType.JSON)
                .result(out.resolve("jmh.json").toString())
                .output(out.resolve("jmh.log").toString());
        Collection<RunResult> results = new Runner(options.build()).run();
        String loadAfter = Machine.loadAverage();
        long runSeconds = (System.nanoTime() - started) / 1_000_000_000L;

        Figures figures = Figures.of(results);
        Report report = new Report(figures);
        String body = report.render();
        List<Report.Miss> missed = report.misses();

        StringBuilder profiles = new StringBuilder();
        if (profile && !missed.isEmpty()) {
            for (Report.Miss m : missed) {
                profiles.append(Profiles.profile(out, settings, m));
            }
        }

        StringBuilder md = new StringBuilder();
        md.append("## JMH: parse and edit\n\n");
        md.append(String.format(Locale.ROOT, "One JMH run of %s; fork 1, warm-up %d x %d s, measurement %d x %d s, "
                        + "average time per operation, `-prof gc` and thread CPU time per operation; fork JVM `%s`. Run time %d s.%n",
                "every benchmark below", warmup, seconds, iterations, seconds,
                String.join(" ", Settings.JVM_ARGS), runSeconds));
        md.append("Load average (1/5/15 min) before: ").append(loadBefore).append("; after: ").append(loadAfter)
                .append(". The machine is shared with other builds, so absolute figures move from run to run; "
                        + "ratios compare benchmarks of this same run.\n\n");
        md.append("Error bars are JMH's 99.9 % confidence half-widths; MB = 10^6 bytes; a ratio's error combines "
                + "both relative errors. Targets are judged on JMH's wall-clock averages. *CPU* figures are the "
                + "benchmark thread's CPU time per operation over the same iterations (`cpu.time.norm`; GC and JIT "
                + "threads not counted): a cross-check that the load of other builds hardly moves, close to an idle "
                + "machine's wall-clock time. Where the wall clock misses a target that CPU time meets, the summary "
                + "says so. Raw output: `target/bench/jmh.log`, `target/bench/jmh.json`.\n\n");
        md.append(body);
        if (profiles.length() > 0) {
            md.append("### Profiles of missed targets\n\n");
            md.append("JFR execution samples (`settings=profile`, 10 ms period, not safepoint-biased) of a separate "
                    + "run of the benchmark, recorded after warm-up. *Self* counts samples whose top frame is the "
                    + "method; *incl.* counts samples with the method anywhere on the stack.\n\n");
            md.append(profiles);
        }
        Files.writeString(out.resolve("jmh.md"), md.toString(), StandardCharsets.UTF_8);
        StringBuilder rows = new StringBuilder();
        for (Report.Row row : report.rows()) {
            rows.append(row.markdown()).append('\n');
        }
        Files.writeString(out.resolve("summary-jmh.md"), rows.toString(), StandardCharsets.UTF_8);
        System.out.println(md);
    }

    /** The JMH run settings shared by the main run and the profiling runs. */
    record Settings(int warmup, int iterations, int seconds) {

        static final List<String> JVM_ARGS = List.of("-Xms1g", "-Xmx1g", "-XX:+UseParallelGC");

        ChainedOptionsBuilder apply(ChainedOptionsBuilder b) {
            List<String> jvm = new ArrayList<>(JVM_ARGS);
            String shared = System.getProperty(Corpus.PROPERTY);
            if (shared != null) {
                jvm.add("-D" + Corpus.PROPERTY + "=" + shared);
            }
            return b.forks(1)
                    .warmupIterations(warmup)
                    .warmupTime(TimeValue.seconds(seconds))
                    .measurementIterations(iterations)
                    .measurementTime(TimeValue.seconds(seconds))
                    .jvmArgs(jvm.toArray(String[]::new))
                    .shouldFailOnError(false);
        }
    }

    /**
     * One benchmark's figure: average wall-clock µs per operation with its error, bytes allocated
     * per op, process CPU µs per op (NaN when not measured).
     */
    record Figure(double micros, double error, double allocBytes, double cpuMicros) {

        double relativeError() {
            return Double.isNaN(error) || micros == 0 ? 0 : error / micros;
        }
    }

    /** Figures by "Class.method" and parameter values. */
    record Figures(List<Measured> all) {

        /** One benchmark run: its method, parameters and figure. */
        record Measured(String benchmark, Map<String, String> params, Figure figure) {}

        static Figures of(Collection<RunResult> results) {
            List<Measured> all = new ArrayList<>();
            for (RunResult r : results) {
                String name = r.getParams().getBenchmark().substring(PACKAGE.length());
                Map<String, String> params = new LinkedHashMap<>();
                for (String key : r.getParams().getParamsKeys()) {
                    params.put(key, r.getParams().getParam(key));
                }
                Result<?> primary = r.getPrimaryResult();
                double alloc = Double.NaN;
                double cpu = Double.NaN;
                for (Map.Entry<String, Result> e : r.getSecondaryResults().entrySet()) {
                    if (e.getKey().endsWith("gc.alloc.rate.norm")) {
                        alloc = e.getValue().getScore();
                    } else if (e.getKey().endsWith("cpu.time.norm")) {
                        cpu = e.getValue().getScore();
                    }
                }
                all.add(new Measured(name, Map.copyOf(params),
                        new Figure(primary.getScore(), primary.getScoreError(), alloc, cpu)));
            }
            return new Figures(List.copyOf(all));
        }

        /** The figure of a benchmark with these parameter values ({@code key, value, key, value...}), or null. */
        Figure get(String benchmark, String... keyValues) {
            for (Measured m : all) {
                if (m.benchmark().equals(benchmark) && matches(m.params(), keyValues)) {
                    return m.figure();
                }
            }
            return null;
        }

        /** The values a parameter takes in a benchmark's runs that match the other values given, in run order. */
        List<String> values(String benchmark, String param, String... keyValues) {
            List<String> out = new ArrayList<>();
            for (Measured m : all) {
                String v = m.params().get(param);
                if (m.benchmark().equals(benchmark) && v != null && matches(m.params(), keyValues) && !out.contains(v)) {
                    out.add(v);
                }
            }
            return out;
        }

        private static boolean matches(Map<String, String> params, String... keyValues) {
            for (int i = 0; i + 1 < keyValues.length; i += 2) {
                if (!keyValues[i + 1].equals(params.get(keyValues[i]))) {
                    return false;
                }
            }
            return true;
        }
    }
}
