package dev.criconf.bench;

import dev.criconf.io.node.NodeLoader;
import dev.criconf.validate.Validator;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A warm loop of node lints (load + validate, one thread, the {@link NodeLintBenchmark} operation)
 * for profiling: run it under JFR ({@code -XX:StartFlightRecording=...}) and it prints, per
 * second, nodes per second of wall time and of the thread's CPU time, and the bytes the thread
 * allocated per node (a figure the machine's load does not move, for comparing two builds).
 *
 * <pre>
 * java -cp CLASSPATH dev.criconf.bench.NodeLintLoop [SECONDS] [RUNTIME] [ROOTS_DIR]
 * </pre>
 * RUNTIME is {@code all} (default) or a runtime kind of the fleet's manifest; without ROOTS_DIR
 * the roots are written to a temporary directory.
 */
public final class NodeLintLoop {

    private NodeLintLoop() {}

    /** Entry point; see the class comment. */
    public static void main(String[] args) throws IOException {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        String runtime = args.length > 1 ? args[1] : "all";
        Path dir = args.length > 2 ? Path.of(args[2]) : Files.createTempDirectory("criconf-node-lint-");
        Path[] roots = NodeLintBenchmark.roots(dir, runtime, NodeLintBenchmark.ROOTS);
        Validator validator = Validator.defaults();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        com.sun.management.ThreadMXBean allocations = (com.sun.management.ThreadMXBean) threads;
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        int i = 0;
        long findings = 0;
        while (System.nanoTime() < end) {
            long wall0 = System.nanoTime();
            long cpu0 = threads.getCurrentThreadCpuTime();
            long bytes0 = allocations.getCurrentThreadAllocatedBytes();
            int n = 0;
            while (System.nanoTime() - wall0 < 1_000_000_000L) {
                findings += validator.validate(NodeLoader.create().load(roots[i])).findings().size();
                i = i + 1 == roots.length ? 0 : i + 1;
                n++;
            }
            long wall = System.nanoTime() - wall0;
            long cpu = threads.getCurrentThreadCpuTime() - cpu0;
            long bytes = allocations.getCurrentThreadAllocatedBytes() - bytes0;
            System.out.printf(Locale.ROOT, "%6d nodes/s wall  %6d nodes/s CPU  %8.1f us CPU/node  %8d B allocated/node%n",
                    Math.round(n * 1e9 / wall), Math.round(n * 1e9 / cpu), cpu / 1e3 / n, bytes / n);
        }
        System.out.println("findings seen: " + findings);
    }
}
