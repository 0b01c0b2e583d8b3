package dev.criconf.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.criconf.validate.Report;
import dev.criconf.validate.Secrets;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class NodeChecksTest {

    private static Report report(String root) {
        return new Report(root, List.of(), List.of(), List.of(), Secrets.none());
    }

    private static List<String> roots(int n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add("node-" + i);
        }
        return out;
    }

    @Test
    void reportsComeInRootOrderWhateverOrderTheChecksFinishIn() {
        List<String> roots = roots(200);
        List<String> seen = new ArrayList<>();
        try (NodeChecks checks = new NodeChecks(roots, root -> {
            // later roots finish first more often than not
            int i = Integer.parseInt(root.substring(5));
            try {
                Thread.sleep((200 - i) % 7);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return report(root);
        })) {
            while (checks.hasNext()) {
                seen.add(checks.next().root());
            }
            assertThrows(NoSuchElementException.class, checks::next);
        }
        assertEquals(roots, seen);
    }

    @Test
    void checksRunOnlyBoundedlyAheadOfTheConsumer() {
        AtomicInteger started = new AtomicInteger();
        List<String> roots = roots(1000);
        int window = Math.min(Runtime.getRuntime().availableProcessors(), roots.size()) * NodeChecks.WINDOW_PER_THREAD;
        try (NodeChecks checks = new NodeChecks(roots, root -> {
            started.incrementAndGet();
            return report(root);
        })) {
            for (int taken = 1; taken <= 100; taken++) {
                checks.next();
                assertTrue(started.get() <= taken + window, started.get() + " started after taking " + taken);
            }
        }
    }

    @Test
    void aFailingCheckThrowsWhenItsRootIsReached() {
        List<String> roots = roots(50);
        try (NodeChecks checks = new NodeChecks(roots, root -> {
            if (root.equals("node-30")) {
                throw new IllegalStateException("cannot read " + root);
            }
            return report(root);
        })) {
            for (int i = 0; i < 30; i++) {
                assertEquals("node-" + i, checks.next().root());
            }
            IllegalStateException e = assertThrows(IllegalStateException.class, checks::next);
            assertEquals("cannot read node-30", e.getMessage());
        }
    }

    @Test
    void oneRootIsCheckedInTheCallersThread() {
        Thread caller = Thread.currentThread();
        try (NodeChecks checks = new NodeChecks(List.of("only"), root -> {
            assertEquals(caller, Thread.currentThread());
            return report(root);
        })) {
            assertEquals("only", checks.next().root());
            assertFalse(checks.hasNext());
        }
    }
}
