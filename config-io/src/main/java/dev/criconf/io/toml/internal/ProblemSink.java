package dev.criconf.io.toml.internal;

import dev.criconf.io.internal.SourceText;
import dev.criconf.model.Problem;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects located problems for one parse. {@link #fail} records a problem and throws the shared
 * {@link Abort}, which the parser catches at the start of the line to resume at the next one.
 */
final class ProblemSink {

    /** Unwinds to the statement loop; carries no stack trace, so recovering is cheap. */
    static final class Abort extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Abort() {
            super(null, null, false, false);
        }
    }

    static final Abort ABORT = new Abort();

    final SourceText source;
    final List<Problem> problems = new ArrayList<>();
    /** Offset of the last recorded problem, where recovery starts looking for the next line. */
    int lastOffset;
    /** Set by a limit problem: the rest of the input is not read. */
    boolean stopped;

    ProblemSink(SourceText source) {
        this.source = source;
    }

    Abort fail(int offset, int length, String message) {
        add(Problem.Kind.SYNTAX, offset, length, message);
        throw ABORT;
    }

    Abort fail(Problem.Kind kind, int offset, int length, String message) {
        add(kind, offset, length, message);
        throw ABORT;
    }

    Abort limit(int offset, int length, String message) {
        stopped = true;
        add(Problem.Kind.LIMIT_EXCEEDED, offset, length, message);
        throw ABORT;
    }

    void add(Problem.Kind kind, int offset, int length, String message) {
        lastOffset = offset;
        problems.add(new Problem(kind, source.originAt(offset, length), message));
    }

    /** {@code line:column} of an offset, for messages that point at a first definition. */
    String position(int offset) {
        return source.lineOf(offset) + ":" + source.columnOf(offset);
    }
}
