package dev.criconf.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * CPU time of the benchmark thread per operation ({@code cpu.time.norm}, µs/op), next to JMH's
 * wall-clock time. On a machine shared with other builds the benchmark thread waits for a core
 * now and then and the wall-clock figure grows with the load; the CPU time the thread itself
 * burns hardly does. GC and JIT threads are not counted (allocation is reported by
 * {@code -prof gc}); with the JIT quiet after warm-up this is close to an idle machine's
 * wall-clock time.
 */
public final class CpuTimeProfiler implements InternalProfiler {

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final Map<Long, Long> start = new HashMap<>();

    @Override
    public String getDescription() {
        return "benchmark thread CPU time per operation";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        start.clear();
        for (Thread t : workers()) {
            start.put(t.getId(), threads.getThreadCpuTime(t.getId()));
        }
    }

    @Override
    public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams,
            IterationResult result) {
        long cpu = 0;
        for (Thread t : workers()) {
            long now = threads.getThreadCpuTime(t.getId());
            if (now >= 0) {
                cpu += now - start.getOrDefault(t.getId(), 0L);
            }
        }
        long ops = result.getMetadata() == null ? 0 : result.getMetadata().getMeasuredOps();
        if (ops <= 0 || cpu <= 0) {
            return List.of();
        }
        return List.of(new ScalarResult("cpu.time.norm", cpu / 1000.0 / ops, "us/op", AggregationPolicy.AVG));
    }

    private static List<Thread> workers() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().contains("jmh-worker"))
                .toList();
    }
}
