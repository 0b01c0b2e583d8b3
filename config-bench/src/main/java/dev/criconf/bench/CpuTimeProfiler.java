package dev.criconf.bench;

import java.lang.management.ManagementFactory;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * Process CPU time per operation ({@code cpu.time.norm}, µs/op), next to JMH's wall-clock time.
 * On a machine shared with other builds a benchmark thread waits for a core now and then, and the
 * wall-clock figure grows with the load; the CPU time it burns (its own, the GC's and the JIT's)
 * hardly does. With one benchmark thread and the JIT quiet after warm-up it is close to what the
 * operation costs on an idle machine.
 */
public final class CpuTimeProfiler implements InternalProfiler {

    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private long startCpu;

    @Override
    public String getDescription() {
        return "process CPU time per operation";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        startCpu = os.getProcessCpuTime();
    }

    @Override
    public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams,
            IterationResult result) {
        long cpu = os.getProcessCpuTime() - startCpu;
        long ops = result.getMetadata() == null ? 0 : result.getMetadata().getMeasuredOps();
        if (ops <= 0 || cpu <= 0) {
            return List.of();
        }
        return List.of(new ScalarResult("cpu.time.norm", cpu / 1000.0 / ops, "us/op", AggregationPolicy.AVG));
    }
}
