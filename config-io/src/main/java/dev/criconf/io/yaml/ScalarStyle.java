package dev.criconf.io.yaml;

/** How a scalar is written in the source. */
public enum ScalarStyle {
    /** Unquoted; its type depends on the schema. */
    PLAIN,
    /** {@code 'single quoted'}: always a string. */
    SINGLE_QUOTED,
    /** {@code "double quoted"}, with backslash escapes: always a string. */
    DOUBLE_QUOTED,
    /** A {@code |} block scalar. */
    LITERAL,
    /** A {@code >} block scalar. */
    FOLDED
}
