package dev.criconf.cli.internal;

import dev.criconf.validate.Report;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Node roots checked on every core and handed back in argument order, whatever order the checks
 * finish in. At most {@link #WINDOW_PER_THREAD} reports per worker are ahead of the consumer, so a
 * fleet of any size holds a bounded number of nodes and reports at once. A check that throws
 * rethrows from {@link #next()} when the consumer reaches its root.
 */
final class NodeChecks implements Iterator<Report>, AutoCloseable {

    /** How many roots per worker may be in progress or done but not yet taken. */
    static final int WINDOW_PER_THREAD = 8;

    private final List<String> roots;
    private final Function<String, Report> check;
    private final ExecutorService pool;
    private final int window;
    private final ArrayDeque<Future<Report>> pending = new ArrayDeque<>();
    private int submitted;

    NodeChecks(List<String> roots, Function<String, Report> check) {
        this.roots = List.copyOf(roots);
        this.check = check;
        int threads = Math.min(Runtime.getRuntime().availableProcessors(), this.roots.size());
        this.pool = threads > 1 ? Executors.newFixedThreadPool(threads, daemonThreads()) : null;
        this.window = Math.max(1, threads) * WINDOW_PER_THREAD;
    }

    private static java.util.concurrent.ThreadFactory daemonThreads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "criconf-lint-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    @Override
    public boolean hasNext() {
        return submitted < roots.size() || !pending.isEmpty();
    }

    @Override
    public Report next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        while (pending.size() < window && submitted < roots.size()) {
            String root = roots.get(submitted++);
            FutureTask<Report> task = new FutureTask<>(() -> check.apply(root));
            if (pool != null) {
                pool.execute(task);
            }
            pending.add(task);
        }
        Future<Report> head = pending.poll();
        if (pool == null) {
            ((FutureTask<Report>) head).run(); // one worker: check in the caller's thread, in order
        }
        try {
            return head.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while checking " + roots.size() + " node roots");
        }
    }

    /** Stops the workers; checks not taken yet are abandoned. */
    @Override
    public void close() {
        for (Future<Report> f : pending) {
            f.cancel(true);
        }
        pending.clear();
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
