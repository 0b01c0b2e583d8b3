package dev.criconf.io;

/**
 * Limits every reader enforces, as one value (in the spirit of jackson-core's
 * {@code StreamReadConstraints}). Exceeding one gives a located {@link dev.criconf.model.Problem}
 * of kind {@code LIMIT_EXCEEDED}, never a {@link StackOverflowError} or {@link OutOfMemoryError}.
 *
 * @param maxFileBytes     largest file read, in bytes
 * @param maxDepth         deepest nesting of arrays, tables, mappings or sequences
 * @param maxAliases       most YAML alias nodes in one stream (billion-laughs guard)
 * @param maxDropInFiles   most files taken from one drop-in directory
 */
public record ParseLimits(long maxFileBytes, int maxDepth, int maxAliases, int maxDropInFiles) {

    /** Generous for real node configuration files, small enough to stop hostile input early. */
    public static final ParseLimits DEFAULTS = new ParseLimits(16L * 1024 * 1024, 256, 1_000, 1_000);

    public ParseLimits {
        if (maxFileBytes < 1 || maxDepth < 1 || maxAliases < 0 || maxDropInFiles < 1) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }

    public static ParseLimits defaults() {
        return DEFAULTS;
    }

    public ParseLimits withMaxFileBytes(long value) {
        return new ParseLimits(value, maxDepth, maxAliases, maxDropInFiles);
    }

    public ParseLimits withMaxDepth(int value) {
        return new ParseLimits(maxFileBytes, value, maxAliases, maxDropInFiles);
    }

    public ParseLimits withMaxAliases(int value) {
        return new ParseLimits(maxFileBytes, maxDepth, value, maxDropInFiles);
    }

    public ParseLimits withMaxDropInFiles(int value) {
        return new ParseLimits(maxFileBytes, maxDepth, maxAliases, value);
    }
}
