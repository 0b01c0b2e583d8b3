package dev.criconf.validate;

import java.util.Objects;

/**
 * A before/after pair that {@code criconf explain} prints: a file that triggers the rule and the
 * same file once the problem is fixed.
 *
 * @param file   the file the example is from, relative to a node root, e.g. {@code etc/containerd/config.toml}
 * @param before text that triggers the rule
 * @param after  the same text without the problem
 */
public record RuleExample(String file, String before, String after) {

    /** Checks the components and copies collections; see the class description. */
    public RuleExample {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        if (file.isBlank() || before.isBlank()) {
            throw new IllegalArgumentException("an example needs a file name and text that triggers the rule");
        }
    }
}
