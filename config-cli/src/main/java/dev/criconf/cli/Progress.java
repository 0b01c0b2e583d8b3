package dev.criconf.cli;

import java.io.PrintWriter;
import java.util.Objects;

/**
 * Progress of a long run (many node roots) on standard error: one line, rewritten in place,
 * {@code [3/40] nodes/worker-3}, and cleared when the run ends. Shown only on a terminal
 * ({@link Terminal#progress()}) and only for runs of at least {@link #MIN_STEPS} steps; otherwise
 * every method does nothing, so callers never need to check.
 */
public final class Progress implements AutoCloseable {

    /** Runs shorter than this finish before progress would help. */
    public static final int MIN_STEPS = 2;

    private static final int MAX_LABEL = 60;

    private final PrintWriter err;
    private final int total;
    private final boolean enabled;
    private int done;
    private int lastWidth;

    private Progress(PrintWriter err, int total, boolean enabled) {
        this.err = err;
        this.total = total;
        this.enabled = enabled;
    }

    /** Progress over {@code total} steps, shown on {@code err} when the terminal allows it. */
    public static Progress start(Terminal terminal, PrintWriter err, int total) {
        Objects.requireNonNull(terminal, "terminal");
        Objects.requireNonNull(err, "err");
        return new Progress(err, total, terminal.progress() && total >= MIN_STEPS);
    }

    /** Progress that shows nothing. */
    public static Progress none() {
        return new Progress(new PrintWriter(PrintWriter.nullWriter()), 0, false);
    }

    /** Whether anything is shown. */
    public boolean enabled() {
        return enabled;
    }

    /** Announces the next step, e.g. the node root about to be read. */
    public void step(String label) {
        if (!enabled) {
            return;
        }
        done = Math.min(done + 1, total);
        String text = "[" + done + "/" + total + "] " + shorten(printable(label));
        int pad = Math.max(0, lastWidth - text.length());
        err.print("\r" + text + " ".repeat(pad));
        err.flush();
        lastWidth = text.length();
    }

    /** Clears the progress line, so that what follows starts on a clean line. */
    @Override
    public void close() {
        if (!enabled || lastWidth == 0) {
            return;
        }
        err.print("\r" + " ".repeat(lastWidth) + "\r");
        err.flush();
        lastWidth = 0;
    }

    private static String shorten(String label) {
        return label.length() <= MAX_LABEL ? label : "..." + label.substring(label.length() - (MAX_LABEL - 3));
    }

    // a file name could hold escapes that move the cursor; progress shows them as '?'
    private static String printable(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            b.append(c < ' ' || c == 0x7f || (c >= 0x80 && c < 0xa0) ? '?' : c);
        }
        return b.toString();
    }
}
